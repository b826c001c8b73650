"""Page furniture that holds numbers: ticker strips cut by '|', and linked headlines under a link
heading or after a related-posts marker (rules/mentions.yml x.ticker-line, rules/text.yml
t.link-heading, t.debris-line, t.tail-marker). The lines are written by hand in the styles of
several outlets; none of their figures is a claim, and the story around them still is.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.api import extract_text

PUB = date(2026, 3, 11)


def mentions(text: str) -> list[str]:
    return [r["mention"] for r in extract_text(text, source_id="t", published=PUB)]


@pytest.mark.parametrize("line", [
    "KSE-100 \u25b2 1,201.7 (0.86%) | Interbank Rs283.40/$",
    "NGX ASI 132,406.55 +0.37% | $/\u20a61,482.20",
    "ASX 200 8,896.2 +0.4% | AUD 66.1 US cents",
    "TSX 27,057.72 -0.2% | CAD 73.05\u00a2 US",
    "BA +1.2% | GE -0.8% | HWM -2.1% | Dow 43,112.06",
    "JCI 7,102.3 (0.5%) | USD/IDR 16,420",
])
def test_a_ticker_strip_holds_no_claim(line):
    assert mentions(line + "\n\nExports rose 5% in 2025.") == ["5%", "2025"]


def test_a_story_line_with_a_bar_is_still_read():
    # a '|' alone does not make a ticker strip: no signed move, currency pair or cents
    assert mentions("Exports rose 5% in 2025 | a record for the sector.") == ["5%", "2025"]


@pytest.mark.parametrize("heading", ["Also read", "ALSO READ", "Read more:", "See also", "Related"])
def test_a_headline_under_a_link_heading_is_no_claim(heading):
    text = ("Shipments fell 12% in January.\n\n" + heading + "\n"
            "Gold prices: 22K rate falls Dh1 per gram\n\nImports rose 3% in 2025.")
    assert mentions(text) == ["12%", "January", "3%", "2025"]


@pytest.mark.parametrize("marker", ["SUGGESTED ARTICLES", "Related posts:", "Suggested reading",
                                    "Recommended for you"])
def test_headlines_after_a_related_block_are_no_claims(marker):
    text = ("Shipments fell 12% in January.\n\n" + marker + "\n"
            "Exports hit record $273.4B in 2025\nInflation eases to 30.9% in January\n")
    assert mentions(text) == ["12%", "January"]


def test_a_related_link_on_one_line_is_no_claim():
    text = "Shipments fell 12% in January.\n\nRelated: Coffee exports hit 13.9 million bags in 2024\n"
    assert mentions(text) == ["12%", "January"]
