"""A rate level the sentence has already moved away from is removed.

Sentences written for this file in the manner of news copy. Convention read from
tests/holdout/README.md and the dev sets: the old level of a change told as done ('cut ... to 18%
from 50%', 'up from 10%') no longer applies (removed); a range's low end, or the old level of a
change dated on its own that may still be to come, is not read as left (in force).
"""

from __future__ import annotations

from extract_helpers import by_mention, first


def test_the_old_level_of_a_done_cut_is_removed() -> None:
    text = "Washington cut the tariff on Indian goods to 18% from 50% in February."
    assert first(text, "50%")["status"] == "removed"
    assert first(text, "18%")["status"] == "in_force"


def test_the_level_a_rise_left_is_removed() -> None:
    text = "The United States has charged a 15% tariff on Emirati goods since August 7, up from 10%."
    assert first(text, "10%")["status"] == "removed"


def test_a_range_low_end_is_not_a_level_left() -> None:
    text = "Canada's above-quota tariffs on dairy range from 200 per cent to 300 per cent."
    rows = by_mention(text)["200 per cent to 300 per cent"]
    assert [r["status"] for r in rows] == ["in_force", "in_force"]


def test_a_change_to_come_keeps_the_old_level() -> None:
    text = "Japan will cut its tariff on US beef to 10% from 25% next year."
    assert first(text, "25%")["status"] == "in_force"
