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

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence

from datapkg.reconcile import periods
from datapkg.reconcile.conflicts import sources_text
from datapkg.reconcile.keys import parties_compatible
from datapkg.reconcile.model import Fact, flag

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


def _note(other: Fact) -> str:
    status = STATUS_TEXT.get(other.status, other.status)
    return (
        f"May be the same event as {other.fact_id}, dated {periods.phrase(other.period)} "
        f"({status}) by {sources_text(other.stating)}."
    )


def _pairs(events: list[Fact]) -> Iterator[tuple[Fact, Fact]]:
    """Candidate pairs: same measure, both precise, starting close enough to be adjacent."""
    by_measure: dict[str, list[Fact]] = defaultdict(list)
    for f in events:
        if f.period.start is not None and periods.length(f.period) <= MAX_LENGTH_DAYS:
            by_measure[f.measure].append(f)
    reach = dt.timedelta(days=MAX_LENGTH_DAYS + MAX_GAP_DAYS + 1)
    for measure in sorted(by_measure):
        ordered = sorted(by_measure[measure], key=lambda f: (f.period.start, f.fact_id))
        for i, a in enumerate(ordered):
            assert a.period.start is not None
            for b in ordered[i + 1 :]:
                assert b.period.start is not None
                if b.period.start > a.period.start + reach:
                    break
                yield (a, b) if a.fact_id < b.fact_id else (b, a)


def flag_near_misses(facts: Sequence[Fact]) -> list[Fact]:
    """The facts with possibly-same events of differing dates flagged."""
    events = [f for f in facts if f.fact_type == "event"]
    notes: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for a, b in sorted(_pairs(events), key=lambda ab: (ab[0].fact_id, ab[1].fact_id)):
        if _may_be_same(a, b):
            notes.setdefault(a.fact_id, []).append((_note(b), tuple(c.claim_id for c in b.stating)))
            notes.setdefault(b.fact_id, []).append((_note(a), tuple(c.claim_id for c in a.stating)))
    out = []
    for f in facts:
        for note, claim_ids in notes.get(f.fact_id, []):
            f = flag(f, note, claim_ids)
        out.append(f)
    return out
