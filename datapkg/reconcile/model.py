"""The fact record the reconciler's steps pass along (one figure, its evidence and flags)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from datapkg.reconcile.keys import Claim
from datapkg.reconcile.periods import Period

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


def flag(fact: Fact, note: str, disagreeing: tuple[str, ...] = ()) -> Fact:
    """The fact flagged as in conflict, with *note* added and *disagreeing* claim ids added as
    evidence with role disagrees (a claim already stating it keeps its role)."""
    have = {cid for cid, _ in fact.evidence}
    extra = [(cid, "disagrees") for cid in disagreeing if cid not in have]
    notes = fact.notes if note in fact.notes else fact.notes + (note,)
    return dataclasses.replace(
        fact, conflict=True, notes=notes, evidence=tuple(sorted(set(fact.evidence) | set(extra)))
    )
