"""Facts: one record per figure, built from a group of claims, with its evidence."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from datapkg.reconcile import independence, keys
from datapkg.reconcile.conflicts import resolve
from datapkg.reconcile.grouping import Group
from datapkg.reconcile.model import Fact, link, link_ref
from datapkg.reconcile.refs import ClaimIds
from datapkg.reconcile.vocab import fact_type


def from_group(group: Group) -> Fact:
    """The fact a group of claims supports (value conflicts resolved and flagged)."""
    first = group.claims[0]
    res = resolve(group.claims)
    evidence = tuple(
        [link(c.ref, "states") for c in res.stating]
        + [link(c.ref, "disagrees") for c in res.disagreeing]
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
    )


def claim_ids_of(f: Fact, ids: ClaimIds) -> list[str]:
    """The claim_ids of a fact's evidence, sorted."""
    return sorted(ids.claim_id(link_ref(e)) for e in f.evidence)


def unique_ids(facts: list[Fact], ids: ClaimIds) -> list[Fact]:
    """Facts with unique ids, sorted by (fact_id, claim ids): a repeated id gets .alt2, .alt3
    ... in order of the sorted claim_ids of its evidence (only a repeated id's claim_ids are
    looked up)."""
    by_id: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_id[f.fact_id].append(f)
    out = []
    for fid in sorted(by_id):
        same = by_id[fid]
        if len(same) > 1:
            same = sorted(same, key=lambda f: claim_ids_of(f, ids))
        out.append(same[0])
        out.extend(
            dataclasses.replace(f, fact_id=f"{fid}.alt{n}") for n, f in enumerate(same[1:], 2)
        )
    return out
