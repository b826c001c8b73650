"""Output: facts and evidence as DataFrames with exactly the schemas' columns and dtypes
(the dtypes ``datapkg.io`` reads the CSVs back with; empty text is NA, dates datetime.date)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from datapkg.reconcile.model import Fact, link_ref, link_role
from datapkg.reconcile.refs import ClaimIds
from datapkg.schema import fields

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def typed_frame(resource: str, rows: list[dict[str, Any]], key: list[str]) -> pd.DataFrame:
    schema_fields = fields(resource)
    names = [f["name"] for f in schema_fields]
    df = pd.DataFrame(rows, columns=names)
    for f in schema_fields:
        dtype = _DTYPES.get(f["type"])
        if dtype is not None:
            df[f["name"]] = df[f["name"]].astype(dtype)
        else:  # dates stay datetime.date objects (None when empty)
            df[f["name"]] = df[f["name"]].astype(object)
    return df.sort_values(key, kind="stable").reset_index(drop=True)


def fact_row(f: Fact) -> dict[str, Any]:
    return {
        "fact_id": f.fact_id,
        "fact_type": f.fact_type,
        "measure": f.measure,
        "imposer": f.imposer,
        "target": f.target,
        "status": f.status,
        "value": f.value,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "date_from": f.period.start,
        "date_to": f.period.end,
        "label": f.label,
        "n_claims": f.n_claims,
        "n_sources": f.n_sources,
        "derived": f.derived,
        "derivation": f.derivation,
        "conflict": f.conflict,
        "conflict_note": f.conflict_note,
    }


def evidence_of(f: Fact, ids: ClaimIds) -> list[tuple[str, str]]:
    """(claim_id, role) of a fact's evidence, sorted by claim_id."""
    return sorted((ids.claim_id(link_ref(e)), link_role(e)) for e in f.evidence)


def to_rows(
    facts: Sequence[Fact], ids: ClaimIds
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(facts, evidence) as plain rows (None where empty) sorted by their primary keys, the
    order :func:`to_frames` gives."""
    return list(fact_rows(facts)), list(evidence_rows(facts, ids))


def fact_rows(facts: Sequence[Fact]) -> Iterator[dict[str, Any]]:
    """The facts rows of :func:`to_rows`, generated one at a time."""
    for f in sorted(facts, key=lambda f: f.fact_id):
        yield fact_row(f)


def evidence_rows(facts: Sequence[Fact], ids: ClaimIds) -> Iterator[dict[str, Any]]:
    """The evidence rows of :func:`to_rows`, generated one at a time: fact ids are unique (the
    reconciler makes them so), so sorting by (fact_id, claim_id) is sorting the facts, then
    each fact's evidence."""
    for f in sorted(facts, key=lambda f: f.fact_id):
        for cid, role in evidence_of(f, ids):
            yield {"fact_id": f.fact_id, "claim_id": cid, "role": role}


def to_frames(facts: Sequence[Fact], ids: ClaimIds) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(facts, evidence) frames sorted by their primary keys."""
    fact_rows, evidence_rows = to_rows(facts, ids)
    return (
        typed_frame("facts", fact_rows, ["fact_id"]),
        typed_frame("evidence", evidence_rows, ["fact_id", "claim_id"]),
    )
