"""A dated statement or post that announces a tariff dates an announcement, not just an address.

Sentences written for this file in the manner of news copy. Expected values worked out by reading
each one by tests/holdout/README.md (event_address for a speech, statement or post;
event_announcement for "an announcement of a measure"): 'In a post on Friday, Trump announced a
25% tariff' makes the post the announcement of that tariff; a post with no decision in it stays
an address.
"""

from __future__ import annotations

from extract_helpers import one


def test_a_post_announcing_a_tariff_is_an_announcement() -> None:
    text = "In a post late on Friday, Trump also announced 25% tariffs on heavy trucks."
    assert one(text, "Friday")["measure"] == "event_announcement"


def test_a_post_without_a_decision_stays_an_address() -> None:
    text = "In a post late on Friday, Trump said talks with Canada were going well."
    assert one(text, "Friday")["measure"] == "event_address"
