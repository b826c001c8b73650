"""Facts: one record per figure, built from a group of claims, with its evidence."""

from __future__ import annotations

import dataclasses

from datapkg.reconcile import independence, keys
from datapkg.reconcile.conflicts import resolve
from datapkg.reconcile.grouping import Group
from datapkg.reconcile.model import Fact
from datapkg.reconcile.vocab import fact_type


def from_group(group: Group) -> Fact:
    """The fact a group of claims supports (value conflicts resolved and flagged)."""
    first = group.claims[0]
    res = resolve(group.claims)
    evidence = tuple(
        sorted(
            [(c.claim_id, "states") for c in res.stating]
            + [(c.claim_id, "disagrees") for c in res.disagreeing]
        )
    )
    return Fact(
        fact_id=keys.fact_id(
            group.measure, group.imposer, group.target, group.status, group.period
        ),
        fact_type=fact_type(group.measure, first.kind) or "quantity",
        measure=group.measure,
        imposer=group.imposer,
        target=group.target,
        status=group.status,
        value=res.value,
        unit=res.unit,
        qualifier=res.qualifier,
        period=group.period,
        n_claims=len(res.stating),
        n_sources=independence.n_sources(res.stating),
        conflict=res.note is not None,
        notes=(res.note,) if res.note else (),
        evidence=evidence,
        stating=res.stating,
    )


def unique_ids(facts: list[Fact]) -> list[Fact]:
    """Facts with unique ids: a repeated id gets .alt2, .alt3 ... in order of its first claim."""
    seen: dict[str, int] = {}
    out = []
    ordered = sorted(facts, key=lambda f: (f.fact_id, [cid for cid, _ in f.evidence]))
    for f in ordered:
        n = seen.get(f.fact_id, 0) + 1
        seen[f.fact_id] = n
        out.append(f if n == 1 else dataclasses.replace(f, fact_id=f"{f.fact_id}.alt{n}"))
    return out
