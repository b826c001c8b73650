"""A rate a named trade agreement or preference scheme grants is that agreement's rate.

Sentences written for this file in the manner of business and wire copy; expected values worked
out by reading, by the conventions of tests/holdout/README.md: a rate a trade agreement sets is
`tariff_deal`. Copy names standing agreements and preference schemes by their own names
(USMCA, CUSMA, the GSP+ or Everything But Arms scheme, a free trade area), not by the word
'deal'. A standing agreement's rate told in the present tense applies now: in force.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import first

PUB = date(2025, 9, 10)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Most Canadian lumber still enters duty-free under CUSMA, exporters said.", "duty-free"),
        ("Mexican avocados remain duty-free under the USMCA.", "duty-free"),
        ("Cambodian garments enter the bloc duty-free under the Everything But Arms scheme.",
         "duty-free"),
        ("Pakistani towels enter the EU duty-free under the GSP+ scheme.", "duty-free"),
        ("Thai durians face no tariff in China under the Asean-China Free Trade Area.",
         "no tariff"),
    ],
)
def test_a_rate_under_a_named_agreement_or_scheme_is_a_deals_rate_in_force(text, mention):
    claim = first(text, mention, PUB)
    assert (claim["measure"], claim["status"]) == ("tariff_deal", "in_force")


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Exporters pay a 25% tariff under the scheme Washington set up in March.", "25%"),
        ("Steel faces a 50% duty under pressure from domestic mills.", "50%"),
    ],
)
def test_a_scheme_not_named_as_a_trade_preference_is_no_deal(text, mention):
    assert first(text, mention, PUB)["measure"] != "tariff_deal"
