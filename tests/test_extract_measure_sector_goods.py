"""A rate on the goods of a Section 232 sector, named by its goods, is a sectoral rate.

Sentences written for this file in the manner of business and wire copy; expected values worked
out by reading, by the conventions of tests/holdout/README.md: a sector's layer of a stacked
tariff is `tariff_sectoral`. Copy names the newer Section 232 sectors by their goods: kitchen
cabinets and vanities, upholstered furniture, branded medicines and generics, chipmaking tools.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import first

PUB = date(2025, 9, 10)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The US duty on vanities will rise to 50% on January 1.", "50%"),
        ("Importers of upholstered chairs will pay a 30% tariff from October.", "30%"),
        ("Washington kept a 100 percent duty on patented medicines.", "100 percent"),
        ("Officials will decide by June whether generics face a 25 per cent levy.", "25 per cent"),
        ("Washington will impose a 25 per cent tariff on chipmaking tools from April.",
         "25 per cent"),
    ],
)
def test_a_rate_on_a_section_232_sectors_goods_is_sectoral(text, mention):
    assert first(text, mention, PUB)["measure"] == "tariff_sectoral"


def test_a_rate_on_a_countrys_goods_is_no_sector_rate():
    text = "Washington will impose a 25 per cent tariff on Vietnamese goods from April."
    assert first(text, "25 per cent", PUB)["measure"] != "tariff_sectoral"
