"""A country a figure's party is measured against as a competitor is no party of that figure.

Sentences written for this file in the manner of business and wire copy; expected values worked
out by reading, by the conventions of tests/holdout/README.md: a tariff rate's first party
imposes it and its second is the country whose goods it falls on. 'at a disadvantage against
Vietnam', 'uncompetitive against Bangladesh', 'an edge over Thailand' name the rival the
exporters compete with, not the country the rate falls on; a rival given a figure of its own
in a clause after it ('against Ecuador, which pays only 15%') is that figure's party.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import first

PUB = date(2025, 9, 10)


def parties_of(text: str, mention: str) -> tuple[str, str]:
    r = first(text, mention, PUB)
    return r["imposer"], r["target"]


@pytest.mark.parametrize(
    "text, mention, target",
    [
        ("Exporters in Colombo said the 20% rate still leaves Sri Lanka at a disadvantage "
         "against Vietnam, which has larger mills.", "20%", "LKA"),
        ("\"Even a 25 per cent duty would make India uncompetitive against Bangladesh,\" an "
         "exporter told reporters in Tiruppur, where mills sell mostly to US buyers.",
         "25 per cent", "IND"),
    ],
)
def test_a_rival_named_after_a_rate_is_not_its_target(text, mention, target):
    assert parties_of(text, mention)[1] == target


def test_a_rival_given_its_own_rate_is_that_rates_target():
    text = ("The 50 per cent US tariff on Indian shrimp made it uncompetitive against Ecuador, "
            "which pays only 15 per cent.")
    assert parties_of(text, "15 per cent") == ("USA", "ECU")
    assert parties_of(text, "50 per cent") == ("USA", "IND")
