"""The extraction pipeline: normalise, split, find mentions and parties, resolve, classify, emit."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from extract import (
    attach,
    classify,
    dates,
    emit,
    lists,
    mentions,
    numbers,
    parties,
    places,
    sentences,
    values,
)
from extract.attach import DateHit
from extract.context import article_pass
from extract.cues import Window
from extract.mentions import Mention
from extract.normalise import normalise


@dataclass
class Sentence:
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)
    places: list[places.Place] = field(default_factory=list)




def _group(norm: str) -> list[Sentence]:
    spans = sentences.split(norm)
    idx = sentences.SentenceIndex(spans)
    out = [Sentence(s, e) for s, e in spans]
    if not out:
        return out
    for m in mentions.find(norm):
        out[idx.find(m.start)].mentions.append(m)
    for p in places.find(norm):
        out[idx.find(p.start)].places.append(p)
    kept = [s for s in out if s.mentions]
    for s in kept:
        s.places = places.with_roles(norm, s.places)
    return kept


def _when(m: Mention, s: Sentence, norm: str, since: bool, starts: bool) -> str:
    """The tense a date is read in: 'since X' looks back; 'from Friday' looks forward unless the
    start is told as past ('took effect from Friday'); otherwise the nearest tense cue."""
    if since:
        return "past"
    if not dates.needs_tense(m):
        return ""
    if starts and m.rule.parse == "date_weekday":
        return "past" if dates.told_as_started(norm, s.start, m.start) else "future"
    if dates.ends_at(norm[max(s.start, m.match_start - 12):m.match_start]):
        return "near"  # 'suspended until Aug. 12': the end of a span still running, the nearest
    if starts:  # the verb of the start is before it: 'will cut ... from Dec. 1 as part of the deal
        # signed in August'; none ('face 107% duties from January'): the nearest
        return dates.tense(norm, s.start, m.start, m.start, m.end) or "near"
    return dates.tense(norm, s.start, s.end, m.start, m.end)


# dates counted from another date ('two days later', 'from a year earlier'): they anchor nothing
_RELATIVE = frozenset({"date_offset", "date_compared"})


def _date_hits(s: Sentence, norm: str, text: str, pub: date | None,
               anchor: list[Any], fy: list[int | None], home_fy: int | None = None) -> list[DateHit]:
    hits: list[DateHit] = []
    s.mentions = [dates.recast(m, norm, s.start) if m.is_date else m for m in s.mentions]
    for m in s.mentions:
        if not m.is_date:
            continue
        if m.rule.parse in dates.FISCAL or dates.fiscal_part(m):  # 'FY25' of the country named
            fy[0] = dates.fiscal_start(dates.fiscal_owners(s.places, m, norm, home_fy), fy[0],
                                       coded=m.rule.parse != "date_fiscal_named")
        if m.rule.parse == "date_same_period":  # 'in the period': the span of time named last
            span = anchor[2] if not m.g("per") else dates.last_of_length(anchor[3], anchor[2], per=m.g("per") or "")
            hits.append(DateHit(m, span, text[m.start:m.end], "date", False, True))
            anchor[0] = anchor[2] or anchor[0]  # what a later 'a year earlier' counts from
            continue
        if m.rule.parse == "date_same_period_of":  # 'the same quarter of 2025': a base period
            period = dates.same_period_of(m, anchor[3])
            hits.append(DateHit(m, period, text[m.start:m.end], "date"))
            continue
        if m.rule.parse == "date_same":  # the start date given last, in this sentence or before
            # 'from the same date' is a start: the last start given, in this sentence or before,
            # rather than the day of the post announcing it; 'on the same day' may be any date
            given = next((h.period for h in reversed(hits) if h.period), None)
            if dates.starts_at(norm[m.match_start:m.start]):
                given = anchor[1] or given
            period = (next((h.period for h in reversed(hits) if h.starts and h.period), None)
                      or given or anchor[1] or anchor[0])
            hits.append(DateHit(m, period, text[m.start:m.end], "event_tariff_change", True, True))
            continue  # a pointer needs no tense, 'since' or start cue of its own
        before = norm[max(s.start, m.start - 45):m.start]  # 'since' may be inside the match
        since = dates.is_since(before)
        starts = dates.starts_at(before)
        when = _when(m, s, norm, since, starts)
        crop = dates.crop_start(norm, s.start, s.end) if dates.is_split_year(m) else None
        told = dates.told_fiscal_start(m, norm, s.end, pub)
        if told:  # 'fiscal 2025, which starts in April': this and the article's later labels
            fy[0] = abs(told)
        period = dates.resolve(m, pub, when, anchor[0], told or crop or fy[0]) if pub else None
        if period and m.rule.id == "d.immediate":
            said = [h.period[0] for h in hits if h.period and h.mention.rule.parse != "date_offset"]
            if said:  # 'said on Monday the levy applies effective immediately': that Monday
                period = (said[-1], said[-1])
        start = m.start
        if period and anchor[0] and not m.g("y") and dates.cue("that_year").match(norm, m.end):
            # 'since April 5 of that year': the year of the date named last
            period = dates.shift(period, anchor[0][0].year - period[0].year, "year")
        elif period and since and pub and period[0] > pub and not m.g("y"):
            # 'since Jan. 1' in a December paper: the January past, however near the next one is
            period = dates.shift(period, -1, "year")
        if period and since:
            period = (period[0], None)
            start = norm.rfind("since", max(s.start, m.start - 60), m.start)
            start = start if start >= 0 else m.start
        if (period and m.rule.parse not in _RELATIVE and not attach.describes_period(m, norm, s.start)
                and not attach.is_base_since(m, norm, s.start)):  # 'the lowest since Nov 2023'
            anchor[0] = period
            if period[1] is not None and period[1] > period[0] and (
                    anchor[2] is None or anchor[2][1] is None or period[1] >= anchor[2][1]):
                # the span a later 'in the period' points to: of those named so far, the one
                # ending last (the reporting period, not a background year named after it)
                anchor[2] = period
            if period[1] is not None and period[1] > period[0]:
                anchor[3], anchor[4] = period, text[start:m.end]
            if starts or m.rule.id == "d.immediate":
                anchor[1] = period  # the start date a later 'from the same date' points to
        w = Window(norm, s.start, s.end, m.start, m.end, s.start, s.end)
        hits.append(DateHit(m, period, text[start:m.end], classify.event_measure(w), starts))
    for i, h in enumerate(hits):  # 'met a day after the announcement on January 20'
        later = next((x for x in hits[i + 1:] if x.period and x.mention.rule.parse not in _RELATIVE),
                     None)
        if h.mention.rule.parse == "date_offset" and later and later.period:
            h.period = dates.offset_from(h.mention, later.period[0])
    return hits


def _date_rows(s: Sentence, hits: list[DateHit], text: str, norm: str, pub: date | None):
    for h in hits:
        if h.pointer:
            continue
        m = h.mention
        measure = h.measure
        # a bare period belongs to no party; a tariff change reads like a rate; an event
        # takes its actors (extract.parties.date_parties)
        imposer, target = parties.date_parties(s.places, m.start, m.end, measure, s.start, s.end, norm)
        d_from, d_to = h.period if h.period else (None, None)
        yield emit.row(
            source_id="", start=m.start, end=m.end, mention=text[m.start:m.end],
            quote=text[s.start:s.end], kind="date", value=None, unit="", qualifier="exact",
            measure=measure, imposer=imposer, target=target,
            status=_event_status(h, pub, lambda m=m: dates.tense(norm, s.start, s.end, m.start, m.end),
                                 measure != "date" and dates.called_off(norm, s.start, s.end, m.start, m.end)),
            date_from=d_from, date_to=d_to, date_text=h.text, rule=m.rule.id)


def _event_status(h: DateHit, pub: date | None, when, called_off: bool = False) -> str:
    if called_off:  # 'the visit planned for Friday was called off'
        return "removed"
    if h.mention.rule.parse == "date_compared":  # the base of a comparison is past
        return "in_force"
    if not h.period or pub is None:
        return "unknown"
    d_from, d_to = h.period
    if d_from > pub:
        return "announced"
    if d_to is not None and d_to < pub:
        return "in_force"
    if d_to is None and h.text.lower().startswith("since"):  # 'has shielded the sector since
        return "in_force"  # April 2025': a state from a past day up to now
    return "announced" if when() == "future" else "in_force"


def _numeric_rows(s: Sentence, hits: list[DateHit], text: str, norm: str, dollar: str,
                  last_span: tuple[dates.Period | None, str] = (None, "")):
    nums = [m for m in s.mentions if not m.is_date]
    free = lists.unlisted(s.places, norm)
    for i, m in enumerate(nums):
        lo = nums[i - 1].end if i else s.start
        hi = nums[i + 1].start if i + 1 < len(nums) else s.end
        w = Window(norm, s.start, s.end, m.start, m.end, lo, hi)
        figs = values.figures(m, norm, dollar)
        if not figs or (m.rule.parse == "pct_to_zero" and not classify.tariff_context(w)):
            continue  # 'cut the deficit to zero' is no rate
        targets = lists.targets(s.places, norm, m, len(figs))
        kind, measure, mrule = _classify(m, w, figs[0].unit, bool(targets))
        imposer, run = parties.choose_in(free, m.start, m.end, kind, lo, hi, norm)
        dh = attach.date_for(hits, m, kind, nums, norm, s.start, s.end,
                             own_only=measure == "duration")  # 'delayed by 30 days in February'
        d_from, d_to = dh.period if dh and dh.period else (None, None)
        date_text = dh.text if dh else ""
        if (dh is None and measure == "share" and last_span[0] and not hits and len(nums) == 1
                and dates.of_total(w)):  # the share alone in its sentence: its total came before
            (d_from, d_to), date_text = last_span[0], last_span[1]  # '20.8% of the total'
        status = classify.status(w, kind)
        pairs = _pairs(figs, targets, run if kind == "tariff_rate" else run[:1])
        for fig, tgt in pairs:
            yield emit.row(
                source_id="", start=m.start, end=m.end, mention=text[m.start:m.end],
                quote=text[s.start:s.end], kind=kind, value=fig.value, unit=fig.unit,
                qualifier=classify.qualifier(w, fig.qualifier, measure), measure=measure,
                imposer=imposer if imposer != tgt else "", target=tgt, status=status,
                date_from=d_from, date_to=d_to, date_text=date_text, rule=m.rule.id)


def _total_told(figures: list[dict[str, Any]]) -> tuple[dates.Period, str] | None:
    """The period of the first amount of a sentence told for a span of time ('$5.1bn of lithium
    in 2025-26, down 48pc from $9.8bn the previous year'): what a share in the next sentence
    ('China took about 90pc of it') is a share of."""
    for r in figures:
        if r["kind"] in ("trade_value", "quantity") and r["date_to"] and r["date_to"] > r["date_from"]:
            return (r["date_from"], r["date_to"]), r["date_text"]
    return None


def _pairs(figs, listed: list[str], run: list[str]):
    if listed and len(figs) == len(listed):
        return list(zip(figs, listed, strict=True))  # 'A and B at 12 and 15% respectively'
    if listed and len(figs) == 1:
        return [(figs[0], t) for t in listed]  # 'C, D and E (19 per cent)'
    return [(f, t) for f in figs for t in run]  # each figure for each party of 'Canada and Mexico'



def _classify(m: Mention, w: Window, unit: str, listed: bool) -> tuple[str, str, str]:
    if m.rule.parse == "double":  # 'doubled the tariff': a rise of 100%
        return "change", classify.change_measure(w, "").replace("decrease", "increase"), ""
    if m.rule.parse == "multiple":  # 'tripled' a rise, 'halved' a fall
        measure = classify.change_measure(w, "")
        if (m.g("x") or "").lower().startswith("halv"):
            return "change", measure.replace("increase", "decrease"), ""
        return "change", measure.replace("decrease", "increase"), ""
    if m.rule.measure == "share":  # 'a third of', 'about half', 'one in four': a share by its form
        return "change", "share", ""
    if unit in ("percent", "percentage_point"):
        parse = {"pct_bps": "pct_points", "pct_to_zero": "pct_zero"}.get(m.rule.parse, m.rule.parse)
        if unit == "percentage_point" and m.rule.parse in values.CARRIED:  # 'up from 2' after points
            parse = "pct_points"
        kind, hint = classify.percent_kind(w, parse)
        if listed and (kind == "quantity" or (kind == "change" and classify.tariff_context(w))):
            # 'Vietnam (20 per cent), Indonesia (19 per cent)' in a sentence about tariffs
            kind, hint = "tariff_rate", ""
        if kind == "tariff_rate":
            measure, rid = classify.tariff_measure(w)
            if parse == "pct_zero" and measure == "tariff_rate" and classify.deal_context(w):
                measure = "tariff_deal"  # 'duty-free under the FTA', 'zero-for-zero'
            return kind, measure, rid
        if kind == "change":
            return kind, classify.change_measure(w, hint), ""
        return kind, hint or "quantity", ""
    if m.rule.kind == "trade_value" or values.is_money(unit):  # also a currency carried over
        return "trade_value", classify.money_measure(w), ""
    return m.rule.kind or "quantity", values.measure_of(m, unit), ""


def run(text: str, source_id: str, published: date | None) -> list[dict[str, Any]]:
    """All claims of one article's text."""
    norm = normalise(text)
    rows: list[dict[str, Any]] = []
    # the last period given, the last start, the latest-ending span of more than a day, the last
    # such span named and its words (extract.pipeline._date_hits)
    anchor: list[Any] = [None, None, None, None, ""]
    homes = numbers.home_countries(norm)  # named in the headline and dateline, the US left out
    # page stamps, blanked in norm, mark the outlet; else the home country and its house style
    dollar = numbers.dollar_code(text, homes)
    # the month the article's fiscal years start in: its home country's until a sentence names one
    home_fy = dates.home_fiscal(list(homes), dollar)
    fy: list[int | None] = [home_fy]
    told: tuple[dates.Period | None, str] = (None, "")  # the period of the last total told
    for s in _group(norm):
        hits = _date_hits(s, norm, text, published, anchor, fy, home_fy)
        rows.extend(_date_rows(s, hits, text, norm, published))
        total = told if told[0] else (anchor[3], anchor[4])  # what 'of the total' points back to
        figures = list(_numeric_rows(s, hits, text, norm, dollar, total))
        rows.extend(figures)
        told = _total_told(figures) or ((None, "") if figures else told)
    for r in rows:
        r["source_id"] = source_id
        r["status"] = classify.dated_status(r["status"], r["kind"], r["date_from"], published)
    article_pass(rows)
    return emit.numbered(rows, source_id)


__all__ = ["run", "bisect_left"]
