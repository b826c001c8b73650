"""A tariff's imposer told after a trade figure, in a clause of its own ('..., after Washington
raised its tariff'), is no party of the figure: the flow belongs to the side whose exports or
shipments the sentence names before it.

Sentences written for this file in the manner of trade and business copy. Expected parties worked
out by reading each one, by tests/holdout/README.md (a trade flow's imposer is the party whose flow
it is, the partner its target): 'Vietnam's shrimp exports to the United States' are Vietnam's,
sent to the US, whoever raised a tariff afterwards; the tariff itself keeps its imposer.
"""

from __future__ import annotations

import pytest
from extract_helpers import one


@pytest.mark.parametrize(
    "text, mention, imposer, target",
    [
        ("Vietnam's shrimp exports to the United States fell 14 percent in the third quarter, "
         "after Washington raised its tariff on Vietnamese goods to 20 percent.",
         "14 percent", "VNM", "USA"),
        ("Thailand's rice exports to the US fell 8% after Washington imposed a 19% tariff on Thai goods.",
         "8%", "THA", "USA"),
        ("Chile's copper shipments to China rose 9% in May after Beijing cut its duty on the metal.",
         "9%", "CHL", "CHN"),
    ],
)
def test_flow_keeps_its_owner_before_a_later_imposer(text: str, mention: str, imposer: str,
                                                     target: str) -> None:
    r = one(text, mention)
    assert (r["imposer"], r["target"]) == (imposer, target)


def test_the_later_tariff_keeps_its_imposer() -> None:
    r = one("Thailand's rice exports to the US fell 8% after Washington imposed a 19% tariff on "
            "Thai goods.", "19%")
    assert (r["kind"], r["imposer"], r["target"]) == ("tariff_rate", "USA", "THA")


def test_an_imposer_before_the_figure_still_names_it() -> None:
    # the tariff's imposer stands before the figure, in the same sentence; India's exports
    # are told in their own clause and stay India's
    r = one("Washington raised its tariff on Indian goods to 50% in August, and India's exports "
            "to the US fell 20% in September.", "20%")
    assert (r["imposer"], r["target"]) == ("IND", "USA")
