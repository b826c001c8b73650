"""Grouping claims into facts: same key -> one fact; periods match when they overlap."""

from __future__ import annotations

import datetime as dt

from datapkg.reconcile import reconcile
from datapkg.reconcile.testing import claim_row, claims_frame, event_row, sources_frame

ORIGINS = {s: s for s in ("a", "b", "c", "d")}


def run(rows):
    return reconcile(claims_frame(rows), sources_frame(ORIGINS))


def by_id(facts):
    return {r["fact_id"]: r for r in facts.to_dict("records")}


def test_same_key_from_different_sources_is_one_fact():
    facts, evidence = run([claim_row("a", 1, value=50.0), claim_row("b", 7, value=50.0)])
    assert list(facts["fact_id"]) == ["tariff_total.usa.ind.in_force.undated"]
    row = facts.iloc[0]
    assert (row["n_claims"], row["n_sources"], row["value"]) == (2, 2, 50.0)
    assert set(evidence["role"]) == {"states"}
    assert set(evidence["claim_id"]) == {"a-1-6", "b-7-12"}


def test_different_measure_target_or_status_make_different_facts():
    facts, _ = run(
        [
            claim_row("a", 1, value=50.0),
            claim_row("a", 20, value=25.0, measure="tariff_penalty_russian_oil"),
            claim_row("b", 1, value=50.0, target="BRA"),
            claim_row("c", 1, value=25.0, measure="tariff_penalty_russian_oil", status="proposed"),
        ]
    )
    stated = facts[~facts["derived"]]
    assert sorted(stated["fact_id"]) == [
        "tariff_penalty_russian_oil.usa.ind.in_force.undated",
        "tariff_penalty_russian_oil.usa.ind.proposed.undated",
        "tariff_total.usa.bra.in_force.undated",
        "tariff_total.usa.ind.in_force.undated",
    ]
    assert not facts["conflict"].any()


def test_month_and_open_since_month_match_and_give_the_month():
    # "in August last year" (a month) and "since August last year" (open-ended)
    facts, _ = run(
        [
            claim_row("a", 1, value=50.0, date_from="2025-08-01", date_to="2025-08-31"),
            claim_row("b", 1, value=50.0, date_from="2025-08-01"),
        ]
    )
    assert len(facts) == 1
    row = facts.iloc[0]
    assert row["fact_id"] == "tariff_total.usa.ind.in_force.2025-08"
    assert (row["date_from"], row["date_to"]) == (dt.date(2025, 8, 1), dt.date(2025, 8, 31))
    assert row["n_sources"] == 2
    assert row["label"] == "US tariff on India: 50% (in force since Aug 2025)"


def test_open_period_alone_keeps_open_end():
    facts, _ = run([claim_row("b", 1, value=50.0, date_from="2025-08-01")])
    row = facts.iloc[0]
    assert row["fact_id"] == "tariff_total.usa.ind.in_force.from-2025-08-01"
    assert row["date_to"] is None
    assert row["label"] == "US tariff on India: 50% (in force since Aug 2025)"


def test_day_inside_month_matches_and_day_precision_wins():
    facts, _ = run(
        [
            event_row("a", 1, "event_meeting", "2026-01-29"),
            event_row("b", 1, "event_meeting", "", date_from="2026-01-01", date_to="2026-01-31"),
        ]
    )
    assert list(facts["fact_id"]) == ["event_meeting.ind.usa.in_force.2026-01-29"]
    assert facts.iloc[0]["n_sources"] == 2


def test_non_overlapping_periods_stay_apart():
    facts, _ = run(
        [
            claim_row("a", 1, value=25.0, date_from="2025-08-07", date_to="2025-08-07"),
            claim_row("b", 1, value=50.0, date_from="2025-08-27", date_to="2025-08-27"),
        ]
    )
    assert sorted(facts["fact_id"]) == [
        "tariff_total.usa.ind.in_force.2025-08-07",
        "tariff_total.usa.ind.in_force.2025-08-27",
    ]
    assert not facts["conflict"].any()


def test_month_overlapping_two_days_is_not_guessed_into_either():
    facts, evidence = run(
        [
            claim_row("a", 1, value=25.0, date_from="2025-08-07", date_to="2025-08-07"),
            claim_row("b", 1, value=50.0, date_from="2025-08-27", date_to="2025-08-27"),
            claim_row("c", 1, value=40.0, date_from="2025-08-01", date_to="2025-08-31"),
        ]
    )
    assert len(facts) == 3
    assert "tariff_total.usa.ind.in_force.2025-08" in set(facts["fact_id"])
    assert not facts["conflict"].any()
    assert evidence.groupby("fact_id").size().eq(1).all()


def test_undated_claim_joins_the_one_dated_fact_of_its_key():
    facts, _ = run(
        [
            claim_row("a", 1, value=50.0, date_from="2025-08-01", date_to="2025-08-31"),
            claim_row("b", 1, value=50.0),  # "Trump's 50% tariff", no date
        ]
    )
    assert list(facts["fact_id"]) == ["tariff_total.usa.ind.in_force.2025-08"]
    assert facts.iloc[0]["n_sources"] == 2


def test_undated_claim_between_two_dated_facts_uses_its_value_to_choose():
    facts, evidence = run(
        [
            claim_row("a", 1, value=25.0, date_from="2025-08-07", date_to="2025-08-07"),
            claim_row("b", 1, value=50.0, date_from="2025-08-27", date_to="2025-08-27"),
            claim_row("c", 1, value=50.0),
        ]
    )
    assert len(facts) == 2
    assert set(evidence[evidence["claim_id"] == "c-1-6"]["fact_id"]) == {
        "tariff_total.usa.ind.in_force.2025-08-27"
    }


def test_ambiguous_undated_claim_gets_a_fact_of_its_own():
    facts, _ = run(
        [
            claim_row("a", 1, value=50.0, date_from="2025-08-07", date_to="2025-08-07"),
            claim_row("b", 1, value=50.0, date_from="2025-08-27", date_to="2025-08-27"),
            claim_row("c", 1, value=50.0),
        ]
    )
    ids = set(facts["fact_id"])
    assert "tariff_total.usa.ind.in_force.undated" in ids
    assert len(ids) == 3


def test_claim_missing_a_party_joins_the_unique_fact_it_fits():
    facts, _ = run(
        [
            claim_row("a", 1, value=25.0, measure="tariff_penalty_russian_oil"),
            claim_row("b", 1, value=25.0, measure="tariff_penalty_russian_oil", imposer=""),
        ]
    )
    assert list(facts["fact_id"]) == ["tariff_penalty_russian_oil.usa.ind.in_force.undated"]
    assert facts.iloc[0]["n_claims"] == 2


def test_event_parties_are_unordered():
    facts, _ = run(
        [
            event_row("a", 1, "event_call", "2026-01-13", imposer="IND", target="USA"),
            event_row("b", 1, "event_call", "2026-01-13", imposer="USA", target="IND"),
        ]
    )
    assert list(facts["fact_id"]) == ["event_call.ind.usa.in_force.2026-01-13"]
    assert (facts.iloc[0]["imposer"], facts.iloc[0]["target"]) == ("IND", "USA")


def test_tariff_parties_are_ordered():
    facts, _ = run([claim_row("a", 1), claim_row("b", 1, imposer="IND", target="USA")])
    assert sorted(facts["fact_id"]) == [
        "tariff_total.ind.usa.in_force.undated",
        "tariff_total.usa.ind.in_force.undated",
    ]


def test_bare_date_claims_make_no_fact():
    facts, evidence = run([event_row("a", 1, "date", "2025-05-10")])
    assert facts.empty and evidence.empty


def test_status_unknown_is_a_status_of_its_own():
    # the validator requires a stating claim to carry its fact's status
    facts, _ = run([claim_row("a", 1, value=50.0), claim_row("b", 1, value=50.0, status="unknown")])
    assert sorted(facts["fact_id"]) == [
        "tariff_total.usa.ind.in_force.undated",
        "tariff_total.usa.ind.unknown.undated",
    ]


def test_ambiguous_claim_prefers_exact_parties_then_value():
    facts, evidence = run(
        [
            claim_row("a", 1, value=50.0, date_from="2025-08-07", date_to="2025-08-07"),
            claim_row("b", 1, value=50.0, date_from="2025-08-27", date_to="2025-08-27"),
            claim_row(
                "b", 40, value=25.0, date_from="2025-08-27", date_to="2025-08-27", target="BRA"
            ),
            claim_row("c", 1, value=25.0, target=""),  # no target: fits all three; value picks
        ]
    )
    placed = evidence[evidence["claim_id"] == "c-1-6"]
    assert list(placed["fact_id"]) == ["tariff_total.usa.bra.in_force.2025-08-27"]
    assert len(facts) == 3


def test_open_since_claim_prefers_the_fact_starting_the_same_day():
    # "since August last year" overlaps both "in August last year" and a (wrongly) January-dated
    # claim; it belongs with the one that starts when it starts
    facts, evidence = run(
        [
            claim_row("a", 1, value=50.0, date_from="2025-08-01", date_to="2025-08-31"),
            claim_row("c", 1, value=50.0, date_from="2026-01-01", date_to="2026-01-29"),
            claim_row("b", 1, value=50.0, date_from="2025-08-01"),
        ]
    )
    placed = evidence[evidence["claim_id"] == "b-1-6"]
    assert list(placed["fact_id"]) == ["tariff_total.usa.ind.in_force.2025-08"]
