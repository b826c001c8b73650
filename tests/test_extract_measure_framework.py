"""A rate set under a named trade framework is a deal's rate.

Sentences written for this file in the manner of business and wire copy; expected values worked
out by reading, by the conventions of tests/holdout/README.md: a rate a trade deal sets is
`tariff_deal`. Governments call some deals a framework ('the EU-US framework', 'a US-Swiss
framework', 'the trade framework'); a legal framework ('the legal framework of Section 232') is no
deal and leaves the measure to the other rules.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import first

PUB = date(2025, 9, 10)


def measure_of(text: str, mention: str) -> str:
    return first(text, mention, PUB)["measure"]


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Austrian sawmills have paid a 15% US duty under the EU-US framework since August.", "15%"),
        ("Swiss watchmakers will pay a 15 percent tariff in the US under a US-Swiss framework, "
         "the government said.", "15 percent"),
        ("Ecuadorian bananas will face a 10 percent US tariff under the trade framework.",
         "10 percent"),
    ],
)
def test_a_rate_under_a_trade_framework_is_a_deals_rate(text, mention):
    assert measure_of(text, mention) == "tariff_deal"


def test_a_legal_framework_is_no_deal():
    text = "Steel imports face a 25% tariff under the legal framework of Section 232."
    assert measure_of(text, "25%") != "tariff_deal"
