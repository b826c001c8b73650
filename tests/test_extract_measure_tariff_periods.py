"""A year, quarter or half near a tariff word is the period of the sentence's figure unless the
sentence puts that tariff in place, changes or threatens it.

Sentences written for this file in the manner of business copy. Expected values worked out by
reading each one by tests/holdout/README.md ("`date` for a bare period attached to a figure ('in
2024', '2024-25', 'last fiscal')"; an event measure "where the sentence ties the date to an
event"): a tariff that is only named ('as the duties bit', 'in US duties') happened on no day in
the period; the figure (shipments, duties paid, exports) is what the period dates. A bare period
names no party. Where the sentence raises, imposes or brings a tariff into effect, the period is
that step's, an event_tariff_change.
"""

from __future__ import annotations

import pytest
from extract_helpers import one


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Mexico shipped 3.2 million tonnes of steel to the US in 2024, and the chamber estimates "
         "that a 25% steel tariff would cost the sector up to 50 billion pesos a year.", "2024"),
        ("Carmakers paid about 2.5 trillion won in US duties in the third quarter.",
         "third quarter"),
        ("Textile exports to the US fell 11 percent in the first half of 2025 as the higher duties bit.",
         "first half of 2025"),
        ("Cocoa exports earn N2.1tr in Q3 as US tariff bites", "Q3"),
    ],
)
def test_a_period_near_a_named_tariff_is_the_figures(text: str, mention: str) -> None:
    r = one(text, mention)
    assert (r["measure"], r["imposer"], r["target"]) == ("date", "", "")


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Tariffs on Chinese steel were raised last year.", "last year"),
        ("Washington imposed a 25% tariff on Canadian steel in 2018.", "2018"),
        ("The new duties on aircraft parts would likely take effect in the fourth quarter.",
         "fourth quarter"),
    ],
)
def test_a_period_of_a_tariff_step_stays_the_change(text: str, mention: str) -> None:
    assert one(text, mention)["measure"] == "event_tariff_change"
