"""Periods: the date interval a claim or fact refers to, and how two periods are compared.

A period is ``[start, end]`` in whole days. ``end=None`` with a start is open-ended ("since
August 2025"); ``start=None`` with an end is "until"; both None is undated. Two dated periods
*match* when they overlap, so a month ("August 2025"), an open period starting in it ("since
August 2025") and a day inside it ("7 August 2025") all match; the merged period is their
intersection, i.e. the most precise statement all the claims agree with.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
OPEN_LENGTH = 10**6  # days: sorts open-ended periods after every bounded one


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def undated(self) -> bool:
        return self.start is None and self.end is None

    @property
    def open_ended(self) -> bool:
        return self.start is not None and self.end is None


UNDATED = Period()


def make(start: dt.date | None, end: dt.date | None) -> Period:
    """A period from a claim's date_from/date_to; an end before the start is swapped."""
    if start is not None and end is not None and end < start:
        start, end = end, start
    return Period(start, end)


def overlaps(a: Period, b: Period) -> bool:
    """True when both are dated and share at least one day (open ends reach infinity)."""
    if a.undated or b.undated:
        return False
    if a.end is not None and b.start is not None and a.end < b.start:
        return False
    return not (b.end is not None and a.start is not None and b.end < a.start)


def intersection(a: Period, b: Period) -> Period:
    """The days both periods cover (callers check :func:`overlaps` first)."""
    if a.undated:
        return b
    if b.undated:
        return a
    starts = [d for d in (a.start, b.start) if d is not None]
    ends = [d for d in (a.end, b.end) if d is not None]
    return Period(max(starts) if starts else None, min(ends) if ends else None)


def length(p: Period) -> int:
    """Days covered; open or undated periods count as very long (least precise)."""
    if p.start is None or p.end is None:
        return OPEN_LENGTH * (2 if p.undated else 1)
    return (p.end - p.start).days + 1


def gap_days(a: Period, b: Period) -> int | None:
    """Days strictly between two bounded, non-overlapping periods; None otherwise."""
    if a.start is None or a.end is None or b.start is None or b.end is None or overlaps(a, b):
        return None
    first, second = (a, b) if a.end < b.start else (b, a)
    assert first.end is not None and second.start is not None
    return (second.start - first.end).days - 1


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def precision(p: Period) -> str:
    """day, month, year, range, open, until or undated."""
    if p.undated:
        return "undated"
    if p.start is None:
        return "until"
    if p.end is None:
        return "open"
    if p.start == p.end:
        return "day"
    if p.start.day == 1 and p.end == _month_end(p.start):
        return "month"
    if (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31) and (
        p.start.year == p.end.year
    ):
        return "year"
    return "range"


def slug(p: Period) -> str:
    """The period part of a fact id: 2026-01-29, 2025-08, 2025, from-2025-08-01, undated ..."""
    kind = precision(p)
    if kind == "undated":
        return "undated"
    if kind == "until":
        assert p.end is not None
        return f"until-{p.end.isoformat()}"
    assert p.start is not None
    if kind == "open":
        return f"from-{p.start.isoformat()}"
    if kind == "day":
        return p.start.isoformat()
    if kind == "month":
        return p.start.strftime("%Y-%m")
    if kind == "year":
        return str(p.start.year)
    assert p.end is not None
    return f"{p.start.isoformat()}_{p.end.isoformat()}"


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _month(d: dt.date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.year}"


def start_phrase(p: Period) -> str:
    """The start of the period at its precision: 'Aug 2025' for a month or a 'since August'
    period starting on the 1st, '7 Aug 2025' for a day."""
    if p.start is None:
        return ""
    kind = precision(p)
    if kind == "year":
        return str(p.start.year)
    if kind == "month" or (kind == "open" and p.start.day == 1):
        return _month(p.start)
    return _day(p.start)


def phrase(p: Period) -> str:
    """Readable period: '29 Jan 2026', 'Aug 2025', '4-5 Feb 2026', 'since Aug 2025'."""
    kind = precision(p)
    if kind == "undated":
        return ""
    if kind == "until":
        assert p.end is not None
        return f"until {_day(p.end)}"
    if kind == "open":
        return f"since {start_phrase(p)}"
    if kind in ("day", "month", "year"):
        return start_phrase(p)
    assert p.start is not None and p.end is not None
    if (p.start.year, p.start.month) == (p.end.year, p.end.month):
        return f"{p.start.day}-{p.end.day} {_month(p.start)}"
    return f"{_day(p.start)} - {_day(p.end)}"
