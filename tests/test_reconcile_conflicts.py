"""Disagreeing sources are kept side by side and flagged, never merged."""

from __future__ import annotations

import pandas as pd

from datapkg.reconcile import reconcile
from datapkg.reconcile.testing import claim_row, claims_frame, sources_frame

ORIGINS = {s: s for s in ("pti", "express", "gibn", "other")}


def run(rows):
    return reconcile(claims_frame(rows), sources_frame(ORIGINS))


def test_majority_value_kept_minority_disagrees_and_note_names_sources_and_values():
    facts, evidence = run(
        [
            claim_row("pti", 1, value=50.0),
            claim_row("express", 1, value=50.0),
            claim_row("gibn", 1, value=45.0),
        ]
    )
    assert len(facts) == 1
    row = facts.iloc[0]
    assert row["value"] == 50.0
    assert bool(row["conflict"]) is True
    note = row["conflict_note"]
    for text in ("50%", "45%", "pti", "express", "gibn"):
        assert text in note
    roles = dict(zip(evidence["claim_id"], evidence["role"], strict=True))
    assert roles == {"pti-1-6": "states", "express-1-6": "states", "gibn-1-6": "disagrees"}
    assert (row["n_claims"], row["n_sources"]) == (2, 2)
    assert row["label"].endswith("[conflict]")


def test_majority_counts_independent_sources_not_claims():
    # one source repeating 45% three times does not outvote two sources saying 50%
    facts, _ = run(
        [
            claim_row("gibn", 1, value=45.0),
            claim_row("gibn", 50, value=45.0),
            claim_row("gibn", 90, value=45.0),
            claim_row("pti", 1, value=50.0),
            claim_row("express", 1, value=50.0),
        ]
    )
    assert facts.iloc[0]["value"] == 50.0


def test_tie_keeps_lower_value_and_says_so():
    facts, evidence = run([claim_row("pti", 1, value=50.0), claim_row("gibn", 1, value=25.0)])
    row = facts.iloc[0]
    assert row["value"] == 25.0 and bool(row["conflict"])
    assert "tied" in row["conflict_note"]
    assert sorted(evidence["role"]) == ["disagrees", "states"]


def test_same_value_is_no_conflict_even_with_other_qualifier():
    facts, _ = run(
        [
            claim_row("pti", 1, value=50.0),
            claim_row("express", 1, value=50.0),
            claim_row("gibn", 1, value=50.0, qualifier="approx"),
        ]
    )
    row = facts.iloc[0]
    assert not row["conflict"] and row["qualifier"] == "exact"
    assert pd.isna(row["conflict_note"])


def test_claim_without_value_supports_without_disagreeing():
    facts, evidence = run(
        [
            claim_row(
                "pti",
                1,
                measure="imports_decrease",
                kind="change",
                value=None,
                unit="",
                imposer="IND",
                target="RUS",
                date_from="2025-09-01",
            ),
            claim_row(
                "gibn",
                1,
                measure="imports_decrease",
                kind="change",
                value=None,
                unit="",
                imposer="IND",
                target="RUS",
            ),
        ]
    )
    row = facts.iloc[0]
    assert row["fact_type"] == "change"
    assert not row["conflict"]
    assert row["n_sources"] == 2
    assert set(evidence["role"]) == {"states"}
    assert row["label"] == "Fall in India's imports from Russia (since Sep 2025)"


def test_different_units_are_flagged_not_merged():
    facts, _ = run(
        [
            claim_row(
                "pti",
                1,
                measure="bilateral_trade",
                kind="trade_value",
                value=2e9,
                unit="USD",
                imposer="IND",
                target="IRN",
            ),
            claim_row(
                "gibn",
                1,
                measure="bilateral_trade",
                kind="trade_value",
                value=1.7e11,
                unit="INR",
                imposer="IRN",
                target="IND",
            ),
        ]
    )
    assert len(facts) == 1 and bool(facts.iloc[0]["conflict"])
    assert "USD 2 billion" in facts.iloc[0]["conflict_note"]


def test_no_conflict_fields_are_empty():
    facts, _ = run([claim_row("pti", 1, value=50.0)])
    row = facts.iloc[0]
    assert not row["conflict"]
    assert facts["conflict_note"].isna().all()
    assert facts["derivation"].isna().all()


def test_undated_value_fitting_none_of_several_dated_facts_is_flagged():
    facts, evidence = run(
        [
            claim_row("pti", 1, value=25.0, date_from="2025-08-07", date_to="2025-08-07"),
            claim_row("express", 1, value=50.0, date_from="2025-08-27", date_to="2025-08-27"),
            claim_row("gibn", 1, value=45.0),
        ]
    )
    by = facts.set_index("fact_id")
    undated = by.loc["tariff_total.usa.ind.in_force.undated"]
    assert undated["value"] == 45.0 and bool(undated["conflict"])
    for text in ("25%", "50%", "pti", "express", "2025-08-07", "2025-08-27"):
        assert text in undated["conflict_note"]
    ev = evidence[evidence["fact_id"] == "tariff_total.usa.ind.in_force.undated"]
    assert sorted(ev["role"]) == ["disagrees", "disagrees", "states"]
    assert not by.loc["tariff_total.usa.ind.in_force.2025-08-07", "conflict"]
