"""The day a trade figure was released is an announcement; the day of a plain remark an address.

Sentences written for this file in the manner of business copy. Expected values worked out by
reading each one by tests/holdout5/README.md ("'said on Tuesday', 'said yesterday/today' →
event_address (or event_announcement when data or a report was released)"): a day right after
'said' in a sentence that reports an export, import or order figure dates the release of that
figure; the same day in a sentence with no figure, or with only a forecast ('could rise by 20%'),
dates a remark.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import one

PUB = date(2025, 10, 16)  # a Thursday


def row(text: str, mention: str) -> dict:
    return one(text, mention, PUB)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Egypt's exports to the United States rose 18 percent to $1.72 billion, the state "
         "statistics agency said on Wednesday.", "Wednesday"),
        ("The largest producer said on Monday its US orders fell 22% from the month before.", "Monday"),
        ("Shipments of fresh oranges reached 2.1 million tonnes, the export council said on Tuesday.",
         "Tuesday"),
    ],
)
def test_day_a_flow_figure_was_told_is_an_announcement(text: str, mention: str) -> None:
    assert row(text, mention)["measure"] == "event_announcement"


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The trade minister said on Monday that talks with Washington were going well.", "Monday"),
        ("Officials said on Tuesday the delegation would stay another week.", "Tuesday"),
        ("The finance minister said on Friday that exports to the US could rise by 20% within two "
         "years.", "Friday"),
    ],
)
def test_day_of_a_remark_without_a_figure_stays_an_address(text: str, mention: str) -> None:
    assert row(text, mention)["measure"] == "event_address"
