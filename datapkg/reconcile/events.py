"""Events: dated calls, meetings, visits, ministerials, addresses and tariff changes.

The same event reported by several sources is merged by the general grouping (same measure and
status, the same parties in either order, overlapping dates: "next week", "4-5 February" and
"February" are one visit). This module adds the one check grouping cannot make: two event facts
of the same measure and parties whose precise dates (at most a week long) do not overlap but lie
at most ``MAX_GAP_DAYS`` apart may be one event told with different dates. They are flagged (both kept, each citing the
other's claims as disagreeing) when both have the same status, or one was scheduled (announced)
and the other took place (in_force). Typical causes: a quote's "today" or "tomorrow" read
against the publication day rather than the day it was said (a meeting on the 29th quoted as
"today" in a paper of the 30th; a call "tomorrow" said on the 12th, printed on the 13th). Two
genuinely separate events on consecutive days are flagged too: a flag asks for review, it
merges nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from datapkg.reconcile import periods
from datapkg.reconcile.conflicts import sources_text_of
from datapkg.reconcile.keys import parties_compatible
from datapkg.reconcile.model import Fact, flag
from datapkg.reconcile.refs import ClaimIds

MAX_GAP_DAYS = 1  # days strictly between: consecutive days (gap 0) and one day between (gap 1)
MAX_LENGTH_DAYS = 7  # only precise dates (days, short ranges, weeks): adjacent months are normal
SCHEDULE_PAIR = frozenset({"announced", "in_force"})
STATUS_TEXT = {"announced": "scheduled", "in_force": "took place"}


def _may_be_same(a: Fact, b: Fact) -> bool:
    if a.measure != b.measure or not parties_compatible(
        a.measure, (a.imposer, a.target), (b.imposer, b.target)
    ):
        return False
    if max(periods.length(a.period), periods.length(b.period)) > MAX_LENGTH_DAYS:
        return False
    gap = periods.gap_days(a.period, b.period)
    if gap is None or gap > MAX_GAP_DAYS:
        return False
    return a.status == b.status or {a.status, b.status} == SCHEDULE_PAIR


def _note(other: Fact, ids: ClaimIds) -> str:
    status = STATUS_TEXT.get(other.status, other.status)
    return (
        f"May be the same event as {other.fact_id}, dated {periods.phrase(other.period)} "
        f"({status}) by {sources_text_of(other.stating, ids)}."
    )


def _partner_statuses(status: str) -> tuple[str, ...]:
    """Statuses a possibly-same event may have: its own, or the other of scheduled/took place."""
    return tuple(sorted(SCHEDULE_PAIR)) if status in SCHEDULE_PAIR else (status,)


def _pairs(events: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Possibly-same pairs (lower fact_id first), sorted by fact ids. Precise events are indexed by (measure,
    status, parties), each bucket sorted by start, so an event is compared only with events
    whose status and parties fit and whose start lies within reach: the number of comparisons
    grows with the events of one figure near one date, not with the whole corpus."""
    buckets: dict[tuple[str, str, tuple[str | None, str | None]], list[Fact]] = defaultdict(list)
    for f in events:
        if f.period.start is not None and periods.length(f.period) <= MAX_LENGTH_DAYS:
            buckets[(f.measure, f.status, (f.imposer, f.target))].append(f)
    starts: dict[tuple[str, str, tuple[str | None, str | None]], list[dt.date]] = {}
    for key, members in buckets.items():
        members.sort(key=lambda f: (f.period.start, f.fact_id))
        starts[key] = [f.period.start for f in members if f.period.start is not None]
    by_measure_status: dict[tuple[str, str], list[tuple[str | None, str | None]]] = defaultdict(
        list
    )
    for measure, status, parties in buckets:
        by_measure_status[(measure, status)].append(parties)
    reach = dt.timedelta(days=MAX_LENGTH_DAYS + MAX_GAP_DAYS + 1)
    found: dict[tuple[str, str], tuple[Fact, Fact]] = {}
    for (measure, status, parties), members in buckets.items():
        fitting = [
            (measure, other_status, q)
            for other_status in _partner_statuses(status)
            for q in by_measure_status.get((measure, other_status), [])
            if parties_compatible(measure, parties, q)
        ]
        for a in members:
            assert a.period.start is not None
            for key in fitting:
                lo = bisect.bisect_left(starts[key], a.period.start - reach)
                hi = bisect.bisect_right(starts[key], a.period.start + reach)
                for b in buckets[key][lo:hi]:
                    if b is not a and _may_be_same(a, b):
                        pair = (a, b) if a.fact_id < b.fact_id else (b, a)
                        found[(pair[0].fact_id, pair[1].fact_id)] = pair
    return [found[ids] for ids in sorted(found)]


def flag_near_misses(facts: Sequence[Fact], ids: ClaimIds) -> list[Fact]:
    """The facts with possibly-same events of differing dates flagged."""
    events = [f for f in facts if f.fact_type == "event"]
    notes: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for a, b in _pairs(events):
        notes.setdefault(a.fact_id, []).append((_note(b, ids), b.stating))
        notes.setdefault(b.fact_id, []).append((_note(a, ids), a.stating))
    out = []
    for f in facts:
        for note, claim_ids in notes.get(f.fact_id, []):
            f = flag(f, note, claim_ids)
        out.append(f)
    return out
