"""Facts: one record per figure, built from a group of claims, with its evidence."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from datapkg.reconcile import independence, keys
from datapkg.reconcile.conflicts import resolve
from datapkg.reconcile.grouping import Group
from datapkg.reconcile.keys import Claim
from datapkg.reconcile.periods import Period
from datapkg.reconcile.vocab import fact_type

ROLES = ("states", "derives", "disagrees")


@dataclass(frozen=True)
class Fact:
    fact_id: str
    fact_type: str
    measure: str
    imposer: str | None
    target: str | None
    status: str
    value: float | None
    unit: str | None
    qualifier: str
    period: Period
    n_claims: int
    n_sources: int
    derived: bool = False
    derivation: str | None = None
    conflict: bool = False
    notes: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()  # (claim_id, role)
    stating: tuple[Claim, ...] = ()
    label: str = ""

    @property
    def conflict_note(self) -> str | None:
        return " ".join(self.notes) if self.notes else None

    def role_of(self, claim_id: str) -> str | None:
        return next((r for cid, r in self.evidence if cid == claim_id), None)


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


def flag(fact: Fact, note: str, disagreeing: tuple[str, ...] = ()) -> Fact:
    """The fact flagged as in conflict, with *note* added and *disagreeing* claim ids added as
    evidence with role disagrees (a claim already stating it keeps its role)."""
    have = {cid for cid, _ in fact.evidence}
    extra = [(cid, "disagrees") for cid in disagreeing if cid not in have]
    notes = fact.notes if note in fact.notes else fact.notes + (note,)
    return dataclasses.replace(
        fact, conflict=True, notes=notes, evidence=tuple(sorted(set(fact.evidence) | set(extra)))
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
