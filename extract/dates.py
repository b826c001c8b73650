"""Resolving a date mention to a [date_from, date_to] period against the article's date.

Weekdays and year-less dates point back in past-tense sentences and forward in future-tense ones;
relative phrases ('last year', 'next week', 'in two weeks') count from the publication date;
'a day after' counts from the last date the article gave (the anchor).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache
from typing import Any

from extract import numbers, rules
from extract.cues import Window
from extract.mentions import Mention, from_match
from extract.periods import (
    add,
    month_number,
    month_period,
    months_span,
    nearest_year,
    rel_period,
    rel_year,
    safe_day,
    shift,
    within,
)

Period = tuple[date, date | None]

#: every `parse` of a date mention rule that resolve() handles
PARSES = frozenset({
    "date_iso", "date_md", "date_md_range", "date_month_rel", "date_month_year", "date_month_alone",
    "date_year", "date_in_n", "date_ago", "date_offset", "date_today", "date_within",
    "date_rel_period", "date_day_word", "date_weekday", "date_half", "date_quarter",
    "date_month_range", "date_fiscal", "date_fiscal_rel", "date_month_half", "date_first_months",
    "date_year_part", "date_to_date", "date_year_to", "date_decade", "date_compared",
    "date_weekday_dom", "date_md_rel", "date_fiscal_named", "date_same", "date_year_range",
    "date_past_n", "date_year_end", "date_fiscal_part", "date_season", "date_weekend",
    "date_same_period", "date_same_period_of", "date_week_to", "date_n_to", "date_first_days",
    "date_month_quarter",
})
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}


@cache
def _tense_rules() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    return [(r["values"]["tense"], rx, rules.skipping(rx))
            for r, rx in rules.compile_cues("dates", "tense")]


@cache
def cue(key: str, n: int = 0) -> re.Pattern[str]:
    """The compiled pattern of rule n of section `key` of rules/dates.yml."""
    return rules.compile_cues("dates", key)[n][1]


_REL_CLAUSE = re.compile(r"\b(?:that|which|who)\s")


def tense(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """'future', 'past' or '' from the tense cue in text[lo:hi] nearest the mention [start, end)."""
    best: tuple[int, int] | None = None
    found = ""
    from extract.cues import hits

    lo, hi = max(lo, start - 250), min(hi, end + 250)
    for i, (t, rx, fast) in enumerate(_tense_rules()):
        for m in hits(rx, fast, text, lo, hi):
            # a cue after the mention counts as a little further: 'said on Friday it would ...'
            d = start - m.end() if m.end() <= start else (m.start() - end + 2 if m.start() >= end else 0)
            if m.start() >= end and ("," in text[end:m.start()] or _REL_CLAUSE.search(text, end, m.start())):
                # an attribution after a comma ('..., an official said') tells no tense, nor a
                # relative clause after the date ('a bill in March that would cap ...')
                d += 100
            if ";" in text[min(m.end(), end):max(m.start(), start)]:
                d += 100  # another clause's verb: 'We got the deal in May; we will get zero'
            if m.end() <= start and cue("adjunct").fullmatch(text, m.end(), start):
                d = -1  # the date is the verb's own: 'the tariff imposed by the US on August 7 could'
            if best is None or (d, i) < best:
                best, found = (d, i), t
    return found


@cache
def _recasts() -> dict[str, tuple[str, str]]:
    """By mention rule id: the tense in which it is read as another rule, and that rule's id."""
    return {r["values"]["from"]: (r["values"]["tense"], r["values"]["to"])
            for r in rules.section("dates", "recast")}


def recast(m: Mention, norm: str, lo: int) -> Mention:
    """m, or m read by another rule where the tense of its sentence says so (dt.in-n-past:
    'lost 10,000 jobs in six months' is a duration, not a day six months ahead)."""
    got = _recasts().get(m.rule.id)
    # only the words before it count: 'in 21 days if the levies are not lifted' is no past
    if got is None or tense(norm, lo, m.start, m.start, m.end) != got[0]:
        return m
    rule = _mention_rule(got[1])
    match = rule.rx.match(norm, m.match_start)
    return from_match(rule, match) if match else m


@cache
def _mention_rule(rule_id: str) -> rules.MentionRule:
    return next(r for r in rules.mention_rules().by_group.values() if r.id == rule_id)


def is_since(before: str) -> bool:
    """True when the text just before a date opens a period ('since ...')."""
    return bool(cue("since").search(before[-60:]))


def _md(m: Mention, pub: date, when: str) -> Period | None:
    mo = month_number(m.g("mo") or m.g("mo2") or "")
    day = int(re.sub(r"\D", "", m.g("d1") or m.g("d2") or "0"))
    year = int(y) if (y := m.g("y")) else nearest_year(mo, day, pub, when)
    d = safe_day(year, mo, day)
    return (d, d) if d else None


def _md_range(m: Mention, pub: date, when: str) -> Period | None:
    mo = month_number(m.g("mo") or "")
    d1, d2 = (int(re.sub(r"\D", "", m.g(k) or "0")) for k in ("d1", "d2"))
    # a span still running counts as future: test the end day when the tense is future
    year = int(y) if (y := m.g("y")) else nearest_year(mo, d2 if when == "future" else d1, pub, when)
    a, b = safe_day(year, mo, d1), safe_day(year, mo, d2)
    return (a, b) if a and b and a <= b else None


def _weekday(m: Mention, pub: date, when: str) -> tuple[date, date]:
    target = _WEEKDAYS[(m.g("wd") or "").lower()]
    rel = (m.g("rel") or "").lower()
    if rel in ("next", "coming"):  # 'next Tuesday': the Tuesday of the following week
        d = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
    elif when == "future" and rel != "last":  # 'due to take effect on Tuesday' in Tuesday's paper
        d = pub + timedelta(days=(target - pub.weekday()) % 7)
    else:  # 'last Tuesday' in Tuesday's paper is a week back, not today
        d = pub - timedelta(days=(pub.weekday() - target) % 7 or (7 if rel == "last" else 0))
    return d, d


def fiscal_year(end_year: int, start_month: int) -> Period:
    """The fiscal year ending in end_year that starts in start_month (1: the calendar year)."""
    if start_month <= 1:
        return date(end_year, 1, 1), date(end_year, 12, 31)
    return date(end_year - 1, start_month, 1), month_period(end_year, start_month - 1)[1]


FISCAL = frozenset({"date_fiscal", "date_fiscal_named", "date_fiscal_rel", "date_fiscal_part"})


@cache
def _fiscal_table() -> tuple[dict[str, int], int, int, frozenset[str]]:
    rows = {r["id"]: r["values"] for r in rules.section("dates", "fiscal_years")}
    return ({str(k): int(v) for k, v in rows["fy.start-months"].items()},
            int(rows["fy.default-dash"]["month"]), int(rows["fy.default-named"]["month"]),
            frozenset(rows["fy.named-by-start"]))


def fiscal_start(codes: list[str], previous: int | None, coded: bool = False) -> int | None:
    """The month the fiscal year of a sentence starts in: the first country named that has one,
    else the article's previous one (None: the label's usual one); for a coded label ('FY25',
    '2024-25') the US is passed over. A country that names its
    fiscal year by the year it starts in gives the month negated."""
    table, _, _, by_start = _fiscal_table()
    if coded:  # 'FY25', '2024-25' name other countries' years; the US writes 'fiscal 2025'
        codes = [c for c in codes if c != "USA"]
    code = next((c for c in codes if c in table), None)
    if code is None:
        return previous
    return -table[code] if code in by_start else table[code]


def fiscal_owners(places: list[Any], m: Mention, text: str, home_fy: int | None) -> list[str]:
    """The countries of a sentence whose fiscal year a label in it may be. In copy from a country
    with a fiscal year of its own, a destination, partner or goods' origin named in the sentence
    ('shipments to Germany grew 14pc in FY25' in a Lahore story, 'U.S. rice made up 45 percent in
    fiscal 2025' in a Tokyo one) does not own the label; the country doing the trading does
    ('India shipped 34 lakh tonnes in the last fiscal year'), and so does one written as the
    owner right before it ('the U.S. fiscal year', rules/dates.yml fy.owner-named)."""
    if home_fy is None:
        return [p.code for p in places]
    rx = cue("fiscal_owner")
    return [p.code for p in places
            if (p.role not in ("target", "second", "goods") and not p.origin and not p.commodity)
            or (m.match_start - 40 <= p.end <= m.match_start and rx.match(text, p.end, m.end))]


def same_period_of(m: Mention, span: Period | None) -> Period | None:
    """'the same quarter of 2025' after 'the third quarter of 2026': the span moved to that year
    ('last year', 'the previous fiscal year': a year back)."""
    if span is None or span[1] is None:
        return None
    years = int(y) - span[0].year if (y := m.g("y")) else -1
    return shift(span, years, "year") if years else None


def of_total(w: Window) -> bool:
    """Whether the figure's sentence speaks of a share of a total (dates.yml dt.of-total)."""
    return cue("of_total").search(w.text, w.lo, w.hi) is not None


def crop_start(text: str, lo: int, hi: int) -> int | None:
    """The month the marketing year of the crop sentence text[lo:hi] names starts in, if any
    (rules/dates.yml fy.crop-years): 'the 2025/26 cocoa season' starts in October."""
    m = cue("crop_years").search(text, lo, hi)
    return _crop_months()[m.lastgroup or ""] if m else None


@cache
def _crop_months() -> dict[str, int]:
    return {k: int(v) for k, v in rules.section("dates", "crop_years")[0]["values"].items()}


def is_split_year(m: Mention) -> bool:
    """'2024-25', '2024/25' (not 'FY25'): a label a crop's marketing year can have."""
    return m.rule.parse == "date_fiscal" and (m.g("y") or m.g("y6")) is not None


def _fiscal_of(m: Mention) -> int:
    """The year the fiscal year of 'the first nine months of the 2025-26 fiscal year' ends in
    (0: not a fiscal year)."""
    if m.g("fya") or (m.g("fyc") and m.g("fyd")):
        first = int(m.g("fya") or m.g("fyc") or 0)
        second = m.g("fyb") or m.g("fyd") or ""
        end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        return end if end == first + 1 else 0
    if m.g("fyc"):
        return int(m.g("fyc") or 0)
    if m.g("fye"):
        y = m.g("fye") or ""
        return int(y) if len(y) == 4 else 2000 + int(y)
    return 0


def fiscal_part(m: Mention) -> bool:
    """'the first nine months of fiscal 2025': a part of a fiscal year."""
    return m.rule.parse == "date_first_months" and bool(_fiscal_of(m))


def told_fiscal_start(m: Mention, text: str, hi: int, pub: date | None) -> int | None:
    """The month a fiscal year starts in where the text says so right after its label ('fiscal
    2025, which starts in April': 4; 'which ended on 30 June': 7), negated when the label names
    the year it starts in: a year that 'starts' after the article date but would have begun
    before it if named by its end (dates.yml fy.told-start)."""
    if m.rule.parse not in ("date_fiscal", "date_fiscal_named") and not (
            m.rule.parse == "date_first_months" and _fiscal_of(m)):
        return None
    t = cue("fiscal_told").match(text, m.end, hi)
    if t is None:
        return None
    month = month_number(t.group("mo"))
    if t.group("end"):  # a year ending early in a month ('ended on July 7') restarts in it
        day = int(t.group("d1") or t.group("d2") or 31)
        return month if day <= 15 else month % 12 + 1
    if (t.group("fut") and pub is not None and m.rule.parse == "date_fiscal_named"
            and fiscal_year(int(m.g("y") or 0), month)[0] < pub):
        return -month  # 'fiscal 2025, which starts in April' told in February 2025
    return month


_DOLLAR_HOME = {"AUD": "AUS", "NZD": "NZL", "CAD": "CAN", "SGD": "SGP", "HKD": "HKG"}


def home_fiscal(opening_codes: list[str], dollar: str) -> int | None:
    """The fiscal year of the article's own country, for labels no sentence ties to a country:
    the outlet's dollar ('$' in Australian copy), else the first country other than the US named
    in the headline and dateline ('DHAKA', 'Japan to buy more US rice'); None if neither."""
    table, _, _, by_start = _fiscal_table()
    codes = [_DOLLAR_HOME[dollar]] if dollar in _DOLLAR_HOME else []
    codes += [c for c in opening_codes if c != "USA"]
    code = next((c for c in codes if c in table), None)
    if code is None:
        return None
    return -table[code] if code in by_start else table[code]


# northern-hemisphere meteorological seasons: the month each starts in (winter runs into the next year)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(m: Mention, pub: date, when: str) -> Period | None:
    """'this spring', 'last summer', 'in the autumn of 2025': three months (March-May, June-August,
    September-November, December-February). With no year or 'last'/'next', this year's season,
    or the one before or after it when the tense says it has already passed or is still to come."""
    start_month = _SEASONS.get((m.g("s") or "").lower())
    if start_month is None:
        return None
    rel = (m.g("rel") or "").lower()
    year = int(m.g("y") or 0) or pub.year
    if not m.g("y") and start_month == 12 and pub.month <= 2:
        year -= 1  # 'this winter' in January: the winter begun last December
    if rel in ("last", "past", "previous"):
        year -= 1
    elif rel in ("next", "coming"):
        year += 1
    if not m.g("y") and not rel:
        end = months_span(date(year, start_month, 1), 3)[1]
        if when == "past" and date(year, start_month, 1) > pub:
            year -= 1  # 'prices climbed in the summer' told in May: last summer
        elif when == "future" and end < pub:
            year += 1  # 'talks resume in the spring' told in October: next spring
    return months_span(date(year, start_month, 1), 3)


def _n_to(m: Mention, pub: date, n: float) -> Period | None:
    """'the three months to September': the n units ending on the day named, or with the month
    named; a year-less end is the latest by the article date (a statistic is of a past span)."""
    per = (m.g("per") or "").lower()
    mo = month_number(m.g("mo3") or m.g("mo") or m.g("mo2") or "")
    day = int(re.sub(r"\D", "", m.g("d1") or m.g("d2") or "0"))
    year = int(y) if (y := m.g("y")) else _latest_begun(mo, day, pub)
    end = safe_day(year, mo, day) if day else month_period(year, mo)[1]
    if end is None:
        return None
    if per in ("months", "quarters"):  # whole months, ending with the end's month
        return add(end.replace(day=1), -(n if per == "months" else 3 * n) + 1, "month"), end
    return end - timedelta(days=int(n * (7 if per == "weeks" else 1)) - 1), end


def _month_quarter(m: Mention, pub: date, when: str) -> Period:
    """'the September quarter (of 2026)': July to September; with no year, the latest such quarter
    begun by the article date, or in the future tense the first not yet ended."""
    last = month_number(m.g("mo") or "")
    if y := m.g("y"):
        return months_span(add(date(int(y), last, 1), -2, "month"), 3)
    spans = [months_span(add(date(year, last, 1), -2, "month"), 3) for year in range(pub.year - 1, pub.year + 2)]
    if when == "future":
        return next(q for q in spans if q[1] >= pub)
    if when == "past":  # 'sales fell in the December quarter': one that has ended
        return [q for q in spans if q[1] < pub][-1]
    return [q for q in spans if q[0] <= pub][-1]


def _latest_begun(month: int, day: int, pub: date) -> int:
    """The year of the latest month/day (day 0: the month's start) on or before the article date:
    a statistic's period has begun."""
    return pub.year - (date(pub.year, month, max(day, 1)) > pub)


def _first_days(m: Mention, pub: date, n: float) -> Period | None:
    """'the first 20 days of August': from the month's first day, n days or weeks long."""
    mo = month_number(m.g("mo") or "")
    year = int(y) if (y := m.g("y")) else _latest_begun(mo, 1, pub)
    days = int(n * (7 if (m.g("per") or "").lower() == "weeks" else 1))
    if not 1 <= days <= 31:
        return None
    first = date(year, mo, 1)
    return first, min(first + timedelta(days=days - 1), month_period(year, mo)[1])


def _weekend(m: Mention, pub: date, when: str) -> Period:
    """'over the weekend': the Saturday and Sunday just past (or the coming ones in the future
    tense, or for 'this'/'next weekend'); a weekend paper's own weekend is that weekend."""
    rel = (m.g("rel") or "").lower()
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)  # the latest Saturday on or before
    if pub.weekday() < 5 and (rel in ("this", "next", "coming") or (when == "future" and rel != "last")):
        saturday += timedelta(days=7)
    if rel == "next" and pub.weekday() >= 5:
        saturday += timedelta(days=7)
    return saturday, saturday + timedelta(days=1)


def _weekday_dom(m: Mention, pub: date, when: str) -> Period | None:
    """'Wednesday (6)': the 6th of this, the last or the next month that falls on a Wednesday,
    the nearest to the article date (the past one on a tie unless the tense points forward)."""
    wd = _WEEKDAYS.get((m.g("wd") or "").lower())
    day = int(m.g("d1") or 0)
    found = []
    for step in (-1, 0, 1):
        first = add(pub.replace(day=1), step, "month")
        d = safe_day(first.year, first.month, day)
        if d is not None and d.weekday() == wd:
            found.append(d)
    if not found:
        return None
    best = min(found, key=lambda d: (abs((d - pub).days), (d < pub) == (when == "future")))
    return best, best


def resolve(m: Mention, pub: date, when: str, anchor: Period | None,
            fy_start: int | None = None) -> Period | None:
    """The period a date mention names, or None when it cannot be resolved. `fy_start` is the
    month the fiscal year of the sentence's country starts in (None: the label's usual one)."""
    p = m.rule.parse
    n = numbers.parse_number(m.g("n1")) if m.g("n1") else None
    if m.g("nq"):  # 'the first three quarters': nine months
        n = 3 * {"two": 2, "three": 3, "2": 2, "3": 3}[(m.g("nq") or "").lower()]
    if p == "date_week_to":  # the seven days ending on the day named
        day = _md(m, pub, when or "past")
        return (day[0] - timedelta(days=6), day[0]) if day else None
    if p == "date_n_to" and n is not None:
        return _n_to(m, pub, n)
    if p == "date_first_days" and n is not None:
        return _first_days(m, pub, n)
    if p == "date_season":
        return _season(m, pub, when)
    if p == "date_weekend":
        return _weekend(m, pub, when)
    if p == "date_iso":
        d = safe_day(int(m.g("y") or 0), int(m.g("mo") or 0), int(m.g("d1") or 0))
        return (d, d) if d else None
    if p == "date_md":
        return _md(m, pub, when)
    if p == "date_md_range":
        return _md_range(m, pub, when)
    if p == "date_year_range":
        y1, y2 = int(m.g("y") or m.g("y3") or 0), int(m.g("y2") or m.g("y4") or 0)
        return (date(y1, 1, 1), date(y2, 12, 31)) if y1 < y2 else None
    if p == "date_past_n" and n is not None:
        return add(pub, -n, m.g("per") or "day"), pub
    if p == "date_year_end":  # 'by year-end', 'by the end of the month': the last day, a deadline
        last = (month_period(pub.year, pub.month)[1] if (m.g("per") or "year").lower() == "month"
                else date(pub.year, 12, 31))
        return last, last
    if p == "date_fiscal_part":  # 'H1FY27', 'Q3 FY26': part of a fiscal year
        end_year = 2000 + int(m.g("fy") or 0) if len(m.g("fy") or "") == 2 else int(m.g("fy") or 0)
        first_month = abs(fy_start or _fiscal_table()[1])
        fy_first = fiscal_year(end_year, first_month)[0]
        size = 6 if m.g("h") else 3
        k = int(m.g("h") or m.g("q") or 1) - 1
        part_first = add(fy_first, k * size, "month")
        part_last = add(part_first, size - 1, "month")
        return part_first, month_period(part_last.year, part_last.month)[1]
    if p == "date_md_rel":  # 'August 7 last year'
        d = safe_day(rel_year((m.g("rel") or "").lower(), pub), month_number(m.g("mo") or m.g("mo2") or ""),
                     int(m.g("d1") or m.g("d2") or 0))
        return (d, d) if d else None
    if p == "date_month_rel":
        return month_period(rel_year(m.g("rel") or "", pub), month_number(m.g("mo") or ""), m.g("part"))
    if p == "date_month_year":
        return month_period(int(m.g("y") or 0), month_number(m.g("mo") or ""), m.g("part"))
    if p == "date_month_alone":
        mo = month_number(m.g("mo") or "")
        year = nearest_year(mo, 15, pub, when if when else "past")
        part = (m.g("part") or m.g("part2") or "").lower()
        return month_period(year, mo, {"beginning": "early", "start": "early"}.get(part, part))
    if p == "date_fiscal":
        if m.g("y3"):
            end_year = 2000 + int(m.g("y3") or 0)
        elif m.g("y4") or m.g("y6"):  # 'fiscal year 2024/2025'
            end_year = int(m.g("y5") or m.g("y7") or 0)
            if end_year != int(m.g("y4") or m.g("y6") or 0) + 1:
                return None
            if fy_start is not None and abs(fy_start) == 1:
                fy_start = None
        else:
            start_year = int(m.g("y") or 0)
            end_year = start_year // 100 * 100 + int(m.g("y2") or 0)
            if end_year != start_year + 1:
                return None
            if fy_start is not None and abs(fy_start) == 1:  # '2024-25' spans two years: not a
                fy_start = None  # calendar-year country's; the label's usual reading
        return fiscal_year(end_year, abs(fy_start or _fiscal_table()[1]))
    if p == "date_fiscal_named":
        if fy_start is not None and fy_start < 0:  # Japan's 'fiscal 2024' starts in April 2024
            return fiscal_year(int(m.g("y") or 0) + 1, -fy_start)
        return fiscal_year(int(m.g("y") or 0), fy_start or _fiscal_table()[2])
    if p == "date_fiscal_rel":  # the fiscal year holding the article date, shifted
        if (m.g("rel") or "").lower() == "previous" and _year_long(anchor):
            assert anchor is not None
            return shift(anchor, -1, "year")  # 'in the 2024/25 fiscal year, down from the previous fiscal year'
        return _fiscal_rel(m.g("rel") or "", pub, fy_start)
    if p == "date_month_range":
        a, b = month_number(m.g("mo") or ""), month_number(m.g("mo2") or "")
        y2 = int(ys) if (ys := m.g("y")) else nearest_year(b, 1, pub, when or "past")
        y1 = int(ys1) if (ys1 := m.g("y1")) else (y2 if a <= b else y2 - 1)
        if (y1, a) > (y2, b):
            return None
        return month_period(y1, a)[0], month_period(y2, b)[1]
    if p == "date_month_quarter":  # 'the September quarter': the three months ending then
        return _month_quarter(m, pub, when)
    if p in ("date_half", "date_quarter") and m.g("fis"):  # 'the first half of this fiscal'
        n_part, size = _part_index(m)
        start = add(_fiscal_rel(m.g("frel") or "", pub, fy_start)[0], (n_part - 1) * size, "month")
        return (start, add(start, size, "month") - timedelta(days=1)) if n_part else None
    if p in ("date_half", "date_quarter"):
        return _part_of_year(m, pub, when)
    if p == "date_year":
        year = int(m.g("y") or 0)
        return date(year, 1, 1), date(year, 12, 31)
    if p == "date_in_n" and n is not None:
        d = add(pub, n, m.g("per") or "day")
        return d, d
    if p == "date_ago" and n is not None:
        per = (m.g("per") or "day").lower().rstrip("s")
        d = add(pub, -n, per)
        if per == "year":  # 'two years ago': the calendar year, the precision the text gives
            return date(d.year, 1, 1), date(d.year, 12, 31)
        if per == "month":
            return month_period(d.year, d.month)
        return d, d
    if p == "date_compared" and n is None and m.g("per2"):  # 'on the previous year'
        n = 1.0
    if p in ("date_offset", "date_compared") and n is not None:
        # 'the call came a day after [Y]' (anchor: the call) dates Y a day back; 'Friday, a day
        # before [the deadline]' dates the deadline a day on
        back = p == "date_compared" or (m.g("dir") or "") not in ("later", "before")
        sign = -1 if back else 1
        per = m.g("per") or m.g("per2") or "day"
        if anchor and anchor[1] and anchor[1] != anchor[0] and _coarse(per):
            # 'down 11 percent on a year earlier' after 'the first eleven months of 2025': the
            # same period a year back; 'a decade earlier' than 2024: the year 2014
            return shift(anchor, sign * n, per)
        if p == "date_compared" and not anchor:
            return None  # 'up 8% from a year earlier' with no period said: nothing to shift
        d = add(anchor[0] if anchor else pub, sign * n, per)
        return d, d
    if p == "date_today":
        return pub, pub
    if p == "date_within":
        return within(m.g("part") or "", (m.g("rel") or "").lower(), m.g("per") or "", pub)
    if p == "date_rel_period":
        if (m.g("rel") or "").lower() == "previous" and m.g("per") == "year" and _year_long(anchor):
            assert anchor is not None and anchor[1] is not None
            return shift(anchor, -1, "year")  # '$5.1bn in 2025-26, down from $9.8bn the previous year'
        return _this_part(rel_period(m.g("rel") or "", m.g("per") or "", pub),
                          (m.g("rel") or "").lower(), pub, when)
    if p == "date_month_half":
        mo = month_number(m.g("mo") or "")
        year = int(y) if (y := m.g("y")) else nearest_year(mo, 15, pub, when)
        first, last = month_period(year, mo)
        if (m.g("h") or "").lower() in ("first", "1st"):
            return first, date(year, mo, 15)
        return date(year, mo, 16), last
    if p == "date_to_date":
        per = (m.g("per") or m.g("per2") or "year").lower()
        start = rel_period("this", per, pub)[0]
        return start, pub
    if p == "date_year_to":
        mo = month_number(m.g("mo") or "")
        year = int(y) if (y := m.g("y")) else nearest_year(mo, 28, pub, "past")
        end = month_period(year, mo)[1]
        first = add(date(year, mo, 1), -11, "month")
        return first, end
    if p == "date_decade":
        y0 = int(m.g("y") or 0)
        return date(y0, 1, 1), date(y0 + 9, 12, 31)
    if p == "date_year_part":
        return _year_part(int(m.g("y") or 0), (m.g("part") or m.g("part2") or "").lower())
    if p == "date_first_months" and n is not None and 1 <= n <= 12 and m.g("fis"):
        start = _fiscal_rel(m.g("frel") or "", pub, fy_start)[0]  # 'of this fiscal', 'of the fiscal'
        return start, add(start, n, "month") - timedelta(days=1)
    if p == "date_first_months" and n is not None and 1 <= n <= 12 and _fiscal_of(m):
        start = fiscal_year(_fiscal_of(m), abs(fy_start or _fiscal_table()[1]))[0]
        if fy_start is not None and fy_start < 0:  # named by the year it starts in
            start = start.replace(year=start.year + 1)
        return start, add(start, n, "month") - timedelta(days=1)
    if p == "date_first_months" and n is not None and 1 <= n <= 12:
        rel = (m.g("rel") or "").lower()
        year = int(y) if (y := m.g("y")) else rel_year("last" if rel == "previous" else rel, pub)
        if not m.g("y") and not rel and month_period(year, int(n))[1] > pub and not m.g("of"):
            year -= 1  # 'the first nine months' told in March: last year's
        elif not m.g("y") and not rel and month_period(year, int(n))[1] > pub:
            year -= 1  # 'the first eleven months of the year' told in January: last year's
        return date(year, 1, 1), month_period(year, int(n))[1]
    if p == "date_day_word":
        w = (m.g("w") or "").lower()
        d = pub + timedelta(days={"tomorrow": 1, "yesterday": -1}.get(w, 0))
        return d, d
    if p == "date_weekday":
        return _weekday(m, pub, when)
    if p == "date_weekday_dom":
        return _weekday_dom(m, pub, when)
    return None


def _fiscal_rel(rel: str, pub: date, fy_start: int | None) -> Period:
    """The fiscal year holding the article date ('this fiscal', 'the current fiscal year', 'the
    fiscal'), or the one before or after it ('last fiscal', 'next fiscal')."""
    first_month = abs(fy_start or _fiscal_table()[1])
    end_year = pub.year + (1 if first_month > 1 and pub.month >= first_month else 0)
    end_year += {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel.lower(), 0)
    return fiscal_year(end_year, first_month)


_YEAR_PARTS = {"early": (1, 4), "beginning": (1, 1), "start": (1, 1), "mid": (5, 8),
               "middle": (5, 8), "late": (9, 12), "end": (12, 12)}


def _year_part(year: int, part: str) -> Period | None:
    if part not in _YEAR_PARTS:
        return None
    if part == "end":  # 'by the end of 2026', 'end-2026': the year's last day, a deadline
        return date(year, 12, 31), date(year, 12, 31)
    a, b = _YEAR_PARTS[part]
    return date(year, a, 1), month_period(year, b)[1]


def _year_long(span: Period | None) -> bool:
    """A calendar, fiscal or marketing year: 'the previous year' after it is the one before it."""
    return span is not None and span[1] is not None and 364 <= (span[1] - span[0]).days <= 365


_LENGTHS = {"year": (364, 365), "quarter": (89, 91), "month": (27, 30)}


def last_of_length(*spans: Period | None, per: str) -> Period | None:
    """'that year' or 'that month': the first of the spans named last that is that long."""
    lo, hi = _LENGTHS[per.lower()]
    return next((s for s in spans if s and s[1] is not None and lo <= (s[1] - s[0]).days <= hi), None)


def _coarse(per: str) -> bool:
    return per.lower().rstrip("s") in ("month", "year", "decade", "quarter")


def _this_part(span: Period, rel: str, pub: date, when: str) -> Period:
    """'this week' or 'this month' of a past or present event runs to the article date, of a
    coming one from it; 'this year' of a past or present event ('is up 38% this year') runs to the
    article date, of a forecast is the whole year."""
    start, end = span
    if rel != "this" or end is None:
        return span
    if when != "future":  # past or present ('is up 38% this year'): so far
        return start, min(end, pub)
    if end - start < timedelta(days=40):  # a forecast for 'this year' is for all of it
        return max(start, pub), end
    return span


def called_off(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the event dated at [start, end) is said to be called off (within 80 characters)."""
    return cue("called_off").search(text, max(lo, start - 80), min(hi, end + 80)) is not None


_ENDS_AT = re.compile(r"(?i:\b(?:until|till|untill)\s(?:(?:early|mid|late|the\send\sof)[\s-])?)$")


def ends_at(before: str) -> bool:
    """'until July 8': the end of a span, which may lie either side of the article date."""
    return _ENDS_AT.search(before) is not None


def starts_at(before: str) -> bool:
    """True when the text just before a date marks the day a measure starts ('from', 'effective')."""
    return bool(cue("start").search(before[-45:]))


def told_as_started(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] tells a start as past ('took effect', 'came into force')."""
    return bool(cue("started").search(text, lo, hi))


def offset_from(m: Mention, base: date) -> Period | None:
    """'a day after X' where X is dated in the same sentence: the day after X's date."""
    n = numbers.parse_number(m.g("n1"))
    if n is None:
        return None
    sign = -1 if (m.g("dir") or "") in ("before", "earlier") else 1
    d = add(base, sign * n, m.g("per") or "day")
    return d, d


_TENSED = ("date_md", "date_md_range", "date_month_alone", "date_month_range", "date_weekday",
           "date_month_half", "date_season", "date_weekend", "date_quarter", "date_half",
           "date_month_quarter")


def needs_tense(m: Mention) -> bool:
    """Whether resolving m depends on tense (a weekday, a month or day without a year, 'this week')."""
    if m.rule.parse == "date_rel_period":
        return (m.g("rel") or "").lower() == "this"
    return m.rule.parse in _TENSED and not m.g("y") and not (
        m.rule.parse == "date_weekday" and m.g("rel"))


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _part_index(m: Mention) -> tuple[int, int]:
    """Which half or quarter the mention names (0 if none), and its length in months."""
    if m.rule.parse == "date_half":
        return int(m.g("hn") or m.g("hn2") or m.g("hn3") or _ORD.get((m.g("h") or "").lower(), 0)), 6
    return int(m.g("qn") or m.g("qn2") or m.g("qn3") or _ORD.get((m.g("q") or "").lower(), 0)), 3


def _part_of_year(m: Mention, pub: date, when: str = "") -> Period | None:
    """A half ('first half of the year', 'H1 2025') or quarter ('Q3 2025') of a year."""
    rel = (m.g("rel") or "").lower()
    y3 = int(m.g("y3") or 0)  # '4Q25', '2H25': a two-digit year
    year = (int(m.g("y") or m.g("y2") or 0) or (2000 + y3 if y3 else 0)
            or rel_year("last" if rel == "previous" else rel, pub))
    n, size = _part_index(m)
    if not n:
        return None
    first = (n - 1) * size + 1
    if not (m.g("of") or m.g("y2") or y3) and date(year, first, 1) > pub and when != "future":
        year -= 1  # 'in the fourth quarter' told in January: the one just ended
    elif not (m.g("of") or m.g("y2") or y3) and when == "future" and month_period(year, first + size - 1)[1] < pub:
        year += 1  # 'would take effect in the first quarter' told in June: next year's
    return date(year, first, 1), month_period(year, first + size - 1)[1]
