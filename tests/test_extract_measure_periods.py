"""A long period in a reported sentence is the figure's period, not the day of the statement.

Sentences written for this file in the manner of business copy. Expected measures worked out by
reading each one, by tests/holdout/README.md ("`date` for a bare period attached to a figure ('in
2024', '2024-25', 'last fiscal')"; an event measure "where the sentence ties the date to an
event"): a year, fiscal year, quarter or half in a sentence that ends with 'the board said' dates
the figure reported, while a day right after the speech verb dates the statement.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import one

PUB = date(2025, 9, 10)  # a Wednesday


def measure(text: str, mention: str) -> str:
    return str(one(text, mention, PUB)["measure"])


@pytest.mark.parametrize(
    "text, mention",
    [
        ("In the first quarter, shipments totalled 412,000 tonnes, the board said.", "first quarter"),
        ("The association said the industry exported RM14.8 billion worth of gloves in 2024.", "2024"),
        ("The council chairman said he expects FY27 exports to the US to recover to $10 billion.", "FY27"),
        ("The company, which produced 1.33 million tonnes of copper last year, sells 10% of its "
         "output in the US, analysts said.", "last year"),
        ("In the first six months of this year, shipments rose 9.8%, the farm lobby said.",
         "first six months of this year"),
    ],
)
def test_long_period_of_a_reported_figure_is_a_plain_date(text: str, mention: str) -> None:
    assert measure(text, mention) == "date"


def test_day_right_after_the_speech_verb_still_dates_the_statement() -> None:
    # a figure released that day: an announcement (tests/holdout5/README.md), still a day of its own
    text = "The board said on Tuesday that shipments totalled 412,000 tonnes in the first quarter."
    assert measure(text, "Tuesday") == "event_announcement"
    assert measure(text, "first quarter") == "date"
