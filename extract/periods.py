"""Calendar arithmetic for date resolution: months, years by tense, relative periods.

Pure functions of dates and numbers; extract.dates decides which of them a mention needs.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9


def month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def month_period(year: int, month: int, part: str | None = None) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    part = (part or "").lower()
    if part == "early":
        return date(year, month, 1), date(year, month, 10)
    if part == "mid":
        return date(year, month, 11), date(year, month, 20)
    if part == "late":
        return date(year, month, 21), date(year, month, last)
    if part == "end":  # 'by the end of June', 'end-July': the last day, as 'by year-end' is
        return date(year, month, last), date(year, month, last)
    return date(year, month, 1), date(year, month, last)


def nearest_year(month: int, day: int, pub: date, when: str) -> int:
    """The year putting month/day nearest the article date, consistent with the tense."""
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            continue
    nearest = min(cands, key=lambda c: abs((c - pub).days))
    if when == "past":
        cands = [c for c in cands if c <= pub] or cands
    elif when == "future":
        cands = [c for c in cands if c >= pub] or cands
    best = min(cands, key=lambda c: abs((c - pub).days))
    # tense cues are weak ('was due to expire on July 9' in an article of July 8): a date almost a
    # year away loses to one within a month on the other side
    if abs((best - pub).days) > 300 and abs((nearest - pub).days) <= 30:
        return nearest.year
    return best.year


def safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add(d: date, n: float, per: str) -> date:
    per = per.rstrip("s")
    if per == "day":
        return d + timedelta(days=n)
    if per == "week":
        return d + timedelta(weeks=n)
    months = int(n * {"year": 12, "decade": 120, "quarter": 3}.get(per, 1))
    y, mo = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, mo + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(span: tuple[date, date | None], n: float, per: str) -> tuple[date, date]:
    """A period moved by n units: a span ending on a month's last day ends on the last day of
    the shifted month ('February 2025' a year back is 2024-02-01..2024-02-29)."""
    first, last = span[0], span[1] or span[0]
    moved = add(last, n, per)
    if per.rstrip("s") not in ("day", "week") and last == month_period(last.year, last.month)[1]:
        moved = month_period(moved.year, moved.month)[1]
    return add(first, n, per), moved


def rel_year(rel: str, pub: date) -> int:
    return pub.year + {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)


def months_span(first: date, n: int) -> tuple[date, date]:
    """The n months from the first of first's month: a quarter (3), a season (3)."""
    return first, add(first, n, "month") - timedelta(days=1)


def rel_period(rel: str, per: str, pub: date) -> tuple[date, date]:
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel.lower(), 0)
    if per == "year":
        y = pub.year + step
        return date(y, 1, 1), date(y, 12, 31)
    if per == "month":
        first = add(pub.replace(day=1), step, "month")
        return month_period(first.year, first.month)
    if per == "quarter":  # 'last quarter': the calendar quarter before the article's
        first = add(date(pub.year, (pub.month - 1) // 3 * 3 + 1, 1), 3 * step, "month")
        return months_span(first, 3)
    monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
    return monday, monday + timedelta(days=6)


def within(part: str, rel: str, per: str, pub: date) -> tuple[date, date]:
    start, end = rel_period(rel, per, pub)
    part = part.lower()
    if part == "earlier" and rel == "this":
        return start, max(start, pub)
    if part == "later" and rel == "this":
        return min(pub, end), end
    if part in ("early",):
        return start, start + (end - start) / 3
    if part in ("late", "end of"):
        return end - (end - start) / 3, end
    return start, end
