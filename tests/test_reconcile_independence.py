"""Corroboration counts independent origins, not outlets or claims."""

from __future__ import annotations

import pandas as pd

from datapkg.reconcile import reconcile
from datapkg.reconcile.independence import origin_map
from datapkg.reconcile.testing import claim_row, claims_frame, event_row, sources_frame


def test_two_outlets_carrying_the_same_wire_copy_count_once():
    rows = [
        claim_row("outlet-a", 1, value=50.0),  # both print the same PTI copy
        claim_row("outlet-b", 1, value=50.0),
        claim_row("express", 1, value=50.0),
    ]
    origins = {"outlet-a": "pti", "outlet-b": "pti", "express": "indianexpress"}
    facts, _ = reconcile(claims_frame(rows), sources_frame(origins))
    row = facts.iloc[0]
    assert row["n_claims"] == 3
    assert row["n_sources"] == 2


def test_two_claims_in_one_source_count_once_as_source_twice_as_claims():
    rows = [claim_row("a", 1, value=50.0), claim_row("a", 90, value=50.0)]
    facts, evidence = reconcile(claims_frame(rows), sources_frame({"a": "a"}))
    assert (facts.iloc[0]["n_claims"], facts.iloc[0]["n_sources"]) == (2, 1)
    assert len(evidence) == 2


def test_different_wires_are_independent():
    rows = [
        event_row("pti-copy", 1, "event_meeting", "2026-01-29"),
        event_row("ani-copy", 1, "event_meeting", "2026-01-29"),
    ]
    facts, _ = reconcile(claims_frame(rows), sources_frame({"pti-copy": "pti", "ani-copy": "ani"}))
    assert facts.iloc[0]["n_sources"] == 2


def test_unknown_source_or_empty_origin_is_its_own_origin():
    sources = sources_frame({"a": "shared", "b": ""})
    assert origin_map(sources) == {"a": "shared", "b": "b"}
    rows = [claim_row("a", 1), claim_row("b", 1), claim_row("zzz", 1)]  # zzz not in sources
    facts, _ = reconcile(claims_frame(rows), sources)
    assert facts.iloc[0]["n_sources"] == 3


def test_only_stating_claims_count():
    rows = [
        claim_row("a", 1, value=50.0),
        claim_row("b", 1, value=50.0),
        claim_row("c", 1, value=45.0),  # disagrees: not a corroboration
    ]
    facts, _ = reconcile(claims_frame(rows), sources_frame({"a": "a", "b": "b", "c": "c"}))
    assert (facts.iloc[0]["n_claims"], facts.iloc[0]["n_sources"]) == (2, 2)


def test_sources_frame_with_only_id_and_origin_is_enough():
    sources = pd.DataFrame({"source_id": ["a", "b"], "origin": ["w", "w"]})
    facts, _ = reconcile(claims_frame([claim_row("a", 1), claim_row("b", 1)]), sources)
    assert facts.iloc[0]["n_sources"] == 1
