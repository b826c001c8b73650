"""A fiscal year or season told with the day it starts or ends is a period, not an event.

Sentences written for this file in the manner of business copy. Expected values worked out by
reading each one by tests/holdout/README.md ("`date` for a bare period attached to a figure ('in
2024', '2024-25', 'last fiscal')"; an event measure "where the sentence ties the date to an
event") and the lead's 3e6127a (a bare period names no party): 'which ended in June' bounds the
fiscal year whose figure the sentence reports; nothing happened on that day.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import one

PUB = date(2025, 10, 16)


def row(text: str, mention: str) -> dict:
    return one(text, mention, PUB)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("In the 2024-25 fiscal year, which ended in June, garment exports rose 8.6% to $39 billion.",
         "2024-25"),
        ("In the 2024-25 fiscal year, which ended in June, garment exports rose 8.6% to $39 billion.",
         "June"),
        ("Ghana produced about 560,000 tonnes of cocoa in the 2024/25 season, which ended in "
         "September.", "2024/25"),
        ("Ghana produced about 560,000 tonnes of cocoa in the 2024/25 season, which ended in "
         "September.", "September"),
    ],
)
def test_bounds_of_a_reported_period_are_a_plain_date(text: str, mention: str) -> None:
    r = row(text, mention)
    assert (r["measure"], r["imposer"], r["target"]) == ("date", "", "")


def test_a_scheme_that_ended_is_still_an_event() -> None:
    # no period word before 'which': the programme's lapse is a dated event (holdout5 README:
    # "signed in 2022" and the like are dated events)
    text = "The trade preference programme, which ended in September, covered $1 billion of goods."
    assert row(text, "September")["measure"] != "date"
