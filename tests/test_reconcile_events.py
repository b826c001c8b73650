"""Dated events: one fact per event however many sources report it."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from datapkg.reconcile import reconcile
from datapkg.reconcile.testing import claims_frame, event_row, sources_frame

ORIGINS = {"pti": "pti", "ani": "ani", "express": "indianexpress", "gibn": "gibn", "x": "x"}


def run(rows):
    return reconcile(claims_frame(rows), sources_frame(ORIGINS))


def test_same_meeting_from_four_sources_is_one_event():
    rows = [event_row(s, 10, "event_meeting", "2026-01-29") for s in ("pti", "ani", "express")]
    rows.append(event_row("gibn", 10, "event_meeting", "2026-01-29", imposer="USA", target="IND"))
    facts, evidence = run(rows)
    assert list(facts["fact_id"]) == ["event_meeting.ind.usa.in_force.2026-01-29"]
    row = facts.iloc[0]
    assert row["fact_type"] == "event"
    assert (row["n_claims"], row["n_sources"]) == (4, 4)
    assert pd.isna(row["value"]) and pd.isna(row["unit"])
    assert row["label"] == "Meeting, India-US: 29 Jan 2026"
    assert len(evidence) == 4


def test_next_week_next_month_and_exact_days_are_one_visit():
    rows = [
        event_row(
            "gibn",
            10,
            "event_visit",
            "",
            date_from="2026-02-04",
            date_to="2026-02-05",
            status="announced",
        ),
        event_row(
            "gibn",
            90,
            "event_visit",
            "",
            date_from="2026-02-01",
            date_to="2026-02-28",
            status="announced",
        ),
        event_row(
            "pti",
            10,
            "event_visit",
            "",
            date_from="2026-02-02",
            date_to="2026-02-08",
            status="announced",
        ),
    ]
    facts, _ = run(rows)
    assert len(facts) == 1
    row = facts.iloc[0]
    assert row["fact_id"] == "event_visit.ind.usa.announced.2026-02-04_2026-02-05"
    assert (row["date_from"], row["date_to"]) == (dt.date(2026, 2, 4), dt.date(2026, 2, 5))
    assert (row["n_claims"], row["n_sources"]) == (3, 2)
    assert row["label"] == "Visit, India-US: 4-5 Feb 2026 (scheduled)"


def test_a_quoted_today_read_a_day_late_is_flagged_even_within_one_source():
    # a paper of the 30th quotes "... Sergio Gor today" (said on the 29th) and also dates the
    # meeting "on Thursday" (the 29th): two facts, both flagged, nothing merged
    facts, _ = run(
        [
            event_row("express", 10, "event_meeting", "2026-01-29"),
            event_row("express", 90, "event_meeting", "2026-01-30"),
        ]
    )
    assert len(facts) == 2
    assert facts["conflict"].all()


def test_same_event_dated_a_day_apart_by_different_sources_is_flagged():
    facts, evidence = run(
        [
            event_row("pti", 10, "event_call", "2026-01-13"),
            event_row("ani", 10, "event_call", "2026-01-14"),
        ]
    )
    assert len(facts) == 2
    assert facts["conflict"].all()
    notes = list(facts["conflict_note"])
    assert "event_call.ind.usa.in_force.2026-01-14" in notes[0]
    assert "ani" in notes[0] and "pti" in notes[1]
    assert sorted(evidence["role"]) == ["disagrees", "disagrees", "states", "states"]


def test_scheduled_for_a_day_after_it_took_place_is_flagged():
    # "the next call on trade will occur tomorrow", read against the wrong day
    facts, _ = run(
        [
            event_row("x", 10, "event_call", "2026-01-13"),
            event_row("x", 90, "event_call", "2026-01-14", status="announced"),
        ]
    )
    assert facts["conflict"].all()


def test_events_far_apart_or_of_other_parties_are_not_flagged():
    facts, _ = run(
        [
            event_row("pti", 10, "event_call", "2026-01-13"),
            event_row("ani", 10, "event_call", "2026-01-20"),
            event_row("ani", 50, "event_call", "2026-01-14", imposer="IND", target="CHN"),
        ]
    )
    assert len(facts) == 3
    assert not facts["conflict"].any()


def test_event_with_one_party_joins_the_event_it_fits():
    facts, _ = run(
        [
            event_row("pti", 10, "event_address", "2026-01-12", imposer="USA", target="IND"),
            event_row("x", 10, "event_address", "2026-01-12", imposer="USA", target=""),
        ]
    )
    assert list(facts["fact_id"]) == ["event_address.ind.usa.in_force.2026-01-12"]
    assert facts.iloc[0]["n_sources"] == 2


def test_scheduled_and_held_are_separate_facts():
    facts, _ = run(
        [
            event_row("pti", 10, "event_ministerial", "2026-02-04", status="announced"),
            event_row("ani", 10, "event_ministerial", "2026-02-04"),
        ]
    )
    assert sorted(facts["status"]) == ["announced", "in_force"]


def test_adjacent_months_are_not_flagged():
    facts, _ = run(
        [
            event_row("pti", 10, "event_meeting", "", date_from="2026-01-01", date_to="2026-01-31"),
            event_row("ani", 10, "event_meeting", "", date_from="2026-02-01", date_to="2026-02-28"),
        ]
    )
    assert len(facts) == 2 and not facts["conflict"].any()


def test_events_with_one_or_no_party_merge_without_error():
    facts, _ = run(
        [
            event_row("pti", 10, "event_meeting", "2026-01-29", imposer="", target=""),
            event_row("ani", 10, "event_meeting", "2026-01-29", imposer="USA", target=""),
            event_row("gibn", 10, "event_meeting", "2026-01-29", imposer="", target=""),
        ]
    )
    assert list(facts["fact_id"]) == ["event_meeting.usa.unk.in_force.2026-01-29"]
    assert facts.iloc[0]["n_sources"] == 3
