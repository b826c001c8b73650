"""The fact record the reconciler's steps pass along (one figure, its evidence and flags)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from datapkg.reconcile.periods import Period

ROLES = ("states", "derives", "disagrees")
_ROLE_CODE = {r: i for i, r in enumerate(ROLES)}


def link(ref: int, role: str) -> int:
    """One evidence entry: a claim ref (:mod:`datapkg.reconcile.refs`) and its role, one int."""
    return (ref << 2) | _ROLE_CODE[role]


def link_ref(e: int) -> int:
    return e >> 2


def link_role(e: int) -> str:
    return ROLES[e & 3]


@dataclass(frozen=True, slots=True)
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
    evidence: tuple[int, ...] = ()  # links (claim ref, role), in no particular order
    label: str = ""

    @property
    def conflict_note(self) -> str | None:
        return " ".join(self.notes) if self.notes else None

    @property
    def stating(self) -> tuple[int, ...]:
        """Refs of the claims that state the fact, in ref order."""
        return tuple(sorted(link_ref(e) for e in self.evidence if e & 3 == 0))


def flag(fact: Fact, note: str, disagreeing: tuple[int, ...] = ()) -> Fact:
    """The fact flagged as in conflict, with *note* added and the *disagreeing* claim refs added
    as evidence with role disagrees (a claim already stating it keeps its role)."""
    have = {link_ref(e) for e in fact.evidence}
    extra = [link(ref, "disagrees") for ref in disagreeing if ref not in have]
    notes = fact.notes if note in fact.notes else fact.notes + (note,)
    return dataclasses.replace(
        fact, conflict=True, notes=notes, evidence=tuple(sorted(set(fact.evidence) | set(extra)))
    )
