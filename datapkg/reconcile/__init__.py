"""Reconcile claims into facts and evidence.

``reconcile(claims, sources) -> (facts, evidence)`` is a pipeline of pure steps, one concept per
module:

1. :mod:`~datapkg.reconcile.keys` - claims as records; the key of a figure and its fact id;
   :mod:`~datapkg.reconcile.periods` - date intervals and when two match (they overlap).
2. :mod:`~datapkg.reconcile.grouping` - claims about the same figure form a group (undated or
   party-less claims join the one group they fit, never a guess).
3. :mod:`~datapkg.reconcile.independence` - corroboration counts distinct sources.origin.
4. :mod:`~datapkg.reconcile.conflicts` - one value per fact (the one most independent sources
   give), other values kept as ``disagrees`` evidence and flagged.
5. :mod:`~datapkg.reconcile.derivation` - the tariff stack: components must add up to the total;
   an implied, unstated layer becomes a derived fact.
6. :mod:`~datapkg.reconcile.events` - possibly-same events with differing dates are flagged.
7. :mod:`~datapkg.reconcile.labels` - readable labels; :mod:`~datapkg.reconcile.frames` - output.

Same input, same output: claims are sorted by claim_id first and every tie is broken by an id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from datapkg.reconcile import (
    conflicts,
    derivation,
    events,
    facts,
    frames,
    grouping,
    independence,
    keys,
)
from datapkg.reconcile.frames import evidence_rows, fact_rows
from datapkg.reconcile.labels import label
from datapkg.reconcile.model import Fact
from datapkg.reconcile.refs import ClaimIds

__all__ = [
    "reconcile",
    "reconcile_claims",
    "reconcile_records",
    "reconcile_parts",
    "ClaimIds",
    "records_from_rows",
    "compact_records",
    "fact_rows",
    "evidence_rows",
    "Fact",
]


def _labelled(f: Fact) -> Fact:
    text = label(
        fact_type=f.fact_type,
        measure=f.measure,
        imposer=f.imposer,
        target=f.target,
        status=f.status,
        value=f.value,
        unit=f.unit,
        qualifier=f.qualifier,
        period=f.period,
        derived=f.derived,
        conflict=f.conflict,
    )
    return dataclasses.replace(f, label=text)


def reconcile_parts(parts: Iterable[list[keys.Claim]], ids: ClaimIds) -> list[Fact]:
    """Facts, sorted by fact_id, from claim records given in parts that no group spans (all
    the claims of one measure and status in one part; grouping never joins claims of two
    measures or statuses): one part's records are dropped once its facts are made, and facts
    cite their claims by ref (*ids* turns refs back into claim ids)."""
    made: list[Fact] = []
    for part in parts:
        made.extend(facts.from_group(g) for g in grouping.group_claims(part))
    built = facts.unique_ids(made, ids)
    del made
    built = derivation.apply_stacks(built, ids)
    built = facts.unique_ids(built, ids)
    built = conflicts.flag_unplaced(built, ids)
    built = events.flag_near_misses(built, ids)
    for i, f in enumerate(built):  # in place: the unlabelled fact is dropped as it is replaced
        built[i] = _labelled(f)
    built.sort(key=lambda f: f.fact_id)
    return built


def reconcile_claims(claims: list[keys.Claim], ids: ClaimIds) -> list[Fact]:
    """Facts from claim records, sorted by fact_id."""
    return reconcile_parts([claims], ids)


def records_from_rows(
    claims: Iterable[Mapping[str, Any]], sources: Iterable[Mapping[str, Any]], ids: ClaimIds
) -> list[keys.Claim]:
    """Compact claim records from plain claims and sources rows (dicts keyed by the schemas'
    fields), as :func:`reconcile` makes them from frames; the rows can be dropped after."""
    return keys.claims_from_rows(claims, independence.origin_map_rows(sources), ids)


def compact_records(
    claims: Iterable[Mapping[str, Any]], origins: dict[str, str], ids: ClaimIds
) -> list[keys.Claim]:
    """Records for :func:`reconcile_claims` from claims rows, in row order: no mention,
    shared strings and periods; the facts are the same."""
    return keys.compact_claims(claims, origins, ids)


def reconcile_records(
    records: list[keys.Claim], ids: ClaimIds
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """:func:`reconcile` without DataFrames: (facts, evidence) rows, None where empty, sorted
    by primary key, with the values :func:`reconcile` gives."""
    return frames.to_rows(reconcile_claims(records, ids), ids)


def reconcile(claims: pd.DataFrame, sources: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(facts, evidence) with exactly the schemas' columns, sorted by primary key."""
    origins = independence.origin_map(sources)
    ids = ClaimIds()
    records = keys.claims_from_frame(claims, origins, ids)
    return frames.to_frames(reconcile_claims(records, ids), ids)
