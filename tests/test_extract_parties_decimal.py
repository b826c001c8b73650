"""The imposer of a rate told with its subject, when the rate has a decimal point.

Sentences written for this file in the manner of business and wire copy; expected values worked
out by reading, by the conventions of tests/holdout/README.md: a tariff rate's first party is the
one that imposes it; the subject of 'has applied / imposes a N% duty' imposes it. The point in
'12.5%' is no sentence end: the subject imposes a decimal rate as it does a whole one.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import first

PUB = date(2025, 9, 10)


def imposer_of(text: str, mention: str) -> str:
    return first(text, mention, PUB)["imposer"]


@pytest.mark.parametrize(
    "text, mention, imposer",
    [
        ("China, the other big formula market, has applied a 12.5% anti-subsidy duty on Dutch "
         "milk powder.", "12.5%", "CHN"),
        ("The US tariff is 20%. China, the other big buyer, has applied a 12.5% duty on the goods.",
         "12.5%", "CHN"),
        ("India imposes a 7.5 per cent duty on Australian almonds, traders said.",
         "7.5 per cent", "IND"),
    ],
)
def test_the_subject_imposes_a_decimal_rate(text, mention, imposer):
    assert imposer_of(text, mention) == imposer
