"""Grouping: which claims are about the same figure.

Claims are first split by measure; the measure's fact type must exist (a bare ``date`` claim
with no recognised event makes no fact). Inside a split, claims are taken from the most
specific to the least (dated before undated, both parties before a missing party, short periods
before long ones, then claim_id), and each claim

* joins the one existing group it is compatible with: the same status (``unknown`` is a status
  of its own: the validator requires stating claims to carry the fact's status), parties
  compatible (a missing party matches any; symmetric measures ignore order) and periods
  overlapping. An undated claim is compatible with any group whose status and parties fit,
  dated or not;
* when several groups fit, prefers the one with exactly its parties, then (for a dated claim)
  one starting on the same day, then one with a claim of the same value; if still ambiguous it
  is *not* guessed into any: it goes to a group of its own (shared with other claims ambiguous
  in the same way);
* when none fits, starts a new group.

A group's period is the intersection of its claims' periods: "August 2025" and "since August
2025" give August 2025; "next week" and "4-5 February" give 4-5 February.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from datapkg.reconcile import periods
from datapkg.reconcile.keys import (
    Claim,
    is_symmetric,
    merge_parties,
    parties,
    parties_compatible,
)
from datapkg.reconcile.periods import Period
from datapkg.reconcile.vocab import fact_type

Parties = tuple[str | None, str | None]


@dataclass(frozen=True)
class Group:
    """Claims about one figure: its key and the claims, sorted by claim_id."""

    measure: str
    status: str
    imposer: str | None
    target: str | None
    period: Period
    claims: tuple[Claim, ...]


@dataclass
class _Open:
    seq: int
    status: str
    parties: Parties
    period: Period
    claims: list[Claim] = field(default_factory=list)
    first: Period = periods.UNDATED  # the period it was opened with; .period only shrinks


class _Bucket:
    """Open groups of one status and parties. Bounded groups are kept sorted by the start they
    were opened with: a group's period only shrinks, so one overlapping [s, e] was opened
    starting within [s - longest, e]. Open-ended, 'until' and undated groups are scanned."""

    def __init__(self) -> None:
        self.bounded: list[tuple[dt.date, int, _Open]] = []
        self.starts: list[dt.date] = []  # the starts of .bounded, for bisect
        self.other: list[_Open] = []
        self.longest = 0
        self._all: list[_Open] | None = None  # groups(), kept until the bucket changes

    @property
    def size(self) -> int:
        return len(self.bounded) + len(self.other)

    def add(self, g: _Open) -> None:
        self._all = None
        p = g.first
        if p.start is not None and p.end is not None:
            i = bisect.bisect_right(self.bounded, (p.start, g.seq), key=lambda t: (t[0], t[1]))
            self.bounded.insert(i, (p.start, g.seq, g))
            self.starts.insert(i, p.start)
            self.longest = max(self.longest, periods.length(p))
        else:
            self.other.append(g)

    def remove(self, g: _Open) -> None:
        self._all = None
        if g in self.other:
            self.other.remove(g)
        else:
            self.bounded = [t for t in self.bounded if t[2] is not g]
            self.starts = [t[0] for t in self.bounded]

    def groups(self) -> list[_Open]:
        if self._all is None:
            self._all = [t[2] for t in self.bounded] + self.other
        return self._all

    def near(self, p: Period) -> list[_Open]:
        """Groups that may overlap *p* (all of them for an undated or unbounded *p*)."""
        if p.start is None or p.end is None:
            return self.groups()
        lo = p.start - dt.timedelta(days=self.longest)
        a = bisect.bisect_left(self.starts, lo)
        b = bisect.bisect_right(self.starts, p.end)
        window = [t[2] for t in self.bounded[a:b]]
        return window + self.other


class _Index:
    """Open groups by (status, parties), so a claim is compared only with groups whose parties
    can fit and whose dates are near (a linear scan over all groups is quadratic)."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[str, Parties], _Bucket] = defaultdict(_Bucket)
        self.all: list[_Open] = []
        # the parties keys of each status in the order first seen, and for a claim's (status,
        # parties) the compatible keys among the first n of them: keys are never removed, so
        # the answer is extended, not recomputed, when new keys appear (a claim with a missing
        # party is then compared only with keys that fit it, without rechecking every key)
        self.key_list: dict[str, list[Parties]] = defaultdict(list)
        self.compatible: dict[tuple[str, Parties], tuple[int, set[Parties]]] = {}

    def _bucket(self, status: str, p: Parties) -> _Bucket:
        if (status, p) not in self.buckets:
            self.key_list[status].append(p)
        return self.buckets[(status, p)]

    def add(self, g: _Open) -> None:
        self._bucket(g.status, g.parties).add(g)
        self.all.append(g)

    def reparty(self, g: _Open, new: Parties) -> None:
        if new != g.parties:
            self.buckets[(g.status, g.parties)].remove(g)
            g.parties = new
            self._bucket(g.status, new).add(g)

    def _compatible_keys(self, status: str, measure: str, p: Parties) -> set[Parties]:
        """Keys of *status* whose parties are compatible with *p* (one measure per index)."""
        seen = self.key_list[status]
        n, found = self.compatible.get((status, p), (0, set()))
        if n < len(seen):
            found = found | {q for q in seen[n:] if parties_compatible(measure, p, q)}
            self.compatible[(status, p)] = (len(seen), found)
        return found

    def same(self, status: str, p: Parties, period: Period) -> _Open | None:
        bucket = self.buckets.get((status, p))
        found = [g for g in (bucket.groups() if bucket else []) if g.period == period]
        return min(found, key=lambda g: g.seq) if found else None

    def fitting(self, c: Claim, p: Parties) -> list[_Open]:
        """The groups *c* may join, in no particular order (:func:`_choose` only ever takes a
        sole survivor). For an undated claim that fits several groups, only those with exactly
        its parties when there are any: the first thing :func:`_choose` narrows to, and the
        other groups need not be listed (an undated claim fits every group of its parties)."""
        if None not in p:
            a, b = p
            keys = {
                (a, b),
                (a, None),
                (b, None) if is_symmetric(c.measure) else (None, b),
                (None, None),
            }
        else:
            keys = self._compatible_keys(c.status, c.measure, p)

        def found() -> Iterator[_Bucket]:
            return (
                b for k in keys if (b := self.buckets.get((c.status, k))) is not None and b.size
            )

        if c.period.undated:
            own = self.buckets.get((c.status, p))
            n_own = own.size if own is not None else 0
            if own is not None and (
                n_own > 1 or (n_own == 1 and any(b is not own for b in found()))
            ):
                return own.groups()
            return [g for b in found() for g in b.groups()]
        # parties and status fit by construction; dates must overlap
        return [
            g for b in found() for g in b.near(c.period) if periods.overlaps(c.period, g.period)
        ]


def same_value(a: Claim, b: Claim) -> bool:
    if a.value is None or b.value is None:
        return False
    return a.unit == b.unit and abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))


def _order(c: Claim) -> tuple[bool, bool, int, str]:
    p = parties(c.measure, c.imposer, c.target)
    return (c.period.undated, None in p, periods.length(c.period), c.claim_id)


def _choose(c: Claim, p: Parties, candidates: list[_Open]) -> _Open | None:
    """The one group among *candidates* to join, or None when none or several remain after
    preferring exactly the claim's parties, then (for a dated claim) a group
    starting the same day ("since August" with "in August", not with a later month), then a
    group holding its value."""
    preferences = (
        lambda g: g.parties == p,
        lambda g: not c.period.undated and g.period.start == c.period.start,
        lambda g: any(same_value(c, x) for x in g.claims),
    )
    for keep in preferences:
        if len(candidates) <= 1:
            break
        narrowed = [g for g in candidates if keep(g)]
        candidates = narrowed or candidates
    return candidates[0] if len(candidates) == 1 else None


def _cluster(claims: list[Claim]) -> list[_Open]:
    index = _Index()
    for c in sorted(claims, key=_order):
        p = parties(c.measure, c.imposer, c.target)
        candidates = index.fitting(c, p)
        chosen = _choose(c, p, candidates)
        if chosen is None and candidates:  # ambiguous: a group of its own, never a guess
            chosen = index.same(c.status, p, c.period)
        if chosen is None:
            index.add(_Open(len(index.all), c.status, p, c.period, [c], c.period))
            continue
        chosen.claims.append(c)
        index.reparty(chosen, merge_parties(c.measure, chosen.parties, p))
        if not c.period.undated:
            chosen.period = periods.intersection(chosen.period, c.period)
    return index.all


def group_claims(claims: Iterable[Claim]) -> list[Group]:
    """Groups of claims about one figure each, in a deterministic order."""
    splits: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if fact_type(c.measure, c.kind) is not None:
            splits[c.measure].append(c)
    out = []
    for measure, members in sorted(splits.items()):
        for g in _cluster(members):
            out.append(
                Group(
                    measure=measure,
                    status=g.status,
                    imposer=g.parties[0],
                    target=g.parties[1],
                    period=g.period,
                    claims=tuple(sorted(g.claims, key=lambda c: c.claim_id)),
                )
            )
    return out
