"""A rate a government seeks, asks for, presses for or offers is the deal rate it proposes.

Sentences written for this file in the manner of business and wire copy; expected values worked
out by reading, by the conventions of tests/holdout/README.md ("a rate agreed or sought in a
deal ... is `tariff_deal`"; holdout6: "will get zero for whisky" (sought) is tariff_deal,
proposed): what one side asks for in talks is a deal's term put forward, not a rate in force.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import first

PUB = date(2025, 9, 10)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Officials said Manila would seek a lower rate of 12 per cent when talks resume.",
         "12 per cent"),
        ("Kenya will ask Washington for a zero tariff on tea in talks next month.", "zero tariff"),
        ("The trade minister said Ghana had tabled an offer that would lower the US rate to 8%.",
         "8%"),
        ("Exporters urged the government to press for a tariff of 10 per cent.", "10 per cent"),
    ],
)
def test_a_rate_sought_or_offered_is_a_proposed_deal_rate(text, mention):
    claim = first(text, mention, PUB)
    assert (claim["measure"], claim["status"]) == ("tariff_deal", "proposed")


def test_seeking_an_exemption_from_a_rate_leaves_the_rate_standing():
    claim = first("Cocoa exporters seek exemption from the 15% US tariff imposed in August.",
                  "15%", PUB)
    assert (claim["measure"], claim["status"]) != ("tariff_deal", "proposed")
