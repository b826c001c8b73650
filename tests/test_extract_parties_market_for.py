"""The party said to be the market, destination or buyer for goods is the second party of their
trade; the side whose goods they are is the first.

Sentences written for this file in the manner of trade copy. Expected parties worked out by
reading each one, by tests/holdout/README.md (a trade flow's or a share's imposer is the party
whose flow it is, the partner its target; "Shares: imposer is the party whose flow is divided"):
in 'The US is the largest market for Kenyan avocados, taking 30% of ...' the avocados and their
exports are Kenya's and the US buys them.
"""

from __future__ import annotations

import pytest
from extract_helpers import one


@pytest.mark.parametrize(
    "text, mention, imposer, target",
    [
        ("The US is the largest market for Kenyan tea, taking about 30% of the $1.2 billion "
         "exported last year.", "30%", "KEN", "USA"),
        ("The US is the largest market for Kenyan tea, taking about 30% of the $1.2 billion "
         "exported last year.", "$1.2 billion", "KEN", "USA"),
        ("China was the biggest buyer of Australian barley, absorbing 60 per cent of the crop.",
         "60 per cent", "AUS", "CHN"),
    ],
)
def test_market_for_goods_is_the_second_party(text: str, mention: str, imposer: str,
                                              target: str) -> None:
    r = one(text, mention)
    assert (r["imposer"], r["target"]) == (imposer, target)


def test_a_market_for_unnamed_goods_names_no_first_party() -> None:
    # nothing says whose the whisky is: the buyer is the second party, no first party is named
    r = one("America was the largest market for whisky in 2024, taking £900m.", "£900m")
    assert (r["imposer"], r["target"]) == ("", "USA")
