"""Which date of a sentence dates a figure of it.

A date dates a figure when both stand in the same statement (not across a contrasting clause or
into a relative aside, unless the date opens the sentence), when it is not written right after
another figure (then it is that figure's: '19 percent in 2018'), and when it is not the date of
another kind of event (a call, a meeting, the day something was said). For a tariff rate the day
it starts ('from Friday', 'effective April 12') wins over any other date, and the day a rate was
announced or threatened is not its date. The old rate of a change ('from 84 percent to 125
percent') takes only a date written right after it. The patterns are `extract/rules/dates.yml`
sections `boundary`, `cause`, `aside`, `predicate`, `relative`, `conjunct`, `old_value`,
`alternative`, `own_noun`, `own_part`, `period_noun`, `baseline` and `period_end`
(`start` is read by extract.dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract import dates
from extract.mentions import Mention

# the dated events whose date can also be a figure's (a tariff change, a bare period)
_FOR_TARIFFS = frozenset({"date", "event_tariff_change"})
_FOR_FIGURES = _FOR_TARIFFS | {"event_announcement", "event_other", "event_trade_change",
                               "event_address"}
# events whose date is never a figure's, even written right after it ('a deal proposed in May')
_OTHER_EVENTS = frozenset({"event_call", "event_meeting", "event_visit", "event_ministerial",
                           "event_office", "event_negotiation"})
_BARE_DAYS = 45  # a span this long is no day of a call, meeting or visit
_OPENING = 30  # a date this close to the sentence start frames the whole sentence
_RIGHT_AFTER = 45  # how far after a figure its own date may stand
_RELATIVE_MORE = 35  # and how much further through a relative clause of the figure


@dataclass
class DateHit:
    mention: Mention
    period: tuple[date, date | None] | None
    text: str  # date_text: the mention, with 'since' where it opens the period
    measure: str = "date"  # the event the sentence ties the date to
    starts: bool = False  # written as the day something starts ('from Friday')
    pointer: bool = False  # 'from the same date': a date given before, not a claim of its own


_cue = dates.cue  # the patterns of rules/dates.yml, compiled once


def _crosses(text: str, a: int, b: int, date_first: bool = False) -> bool:
    """Whether a contrasting clause boundary stands between offsets a and b. With date_first (a
    date before the figure), ', with ...' does not count: 'exported $40.4 billion last year, with
    coffee alone bringing in $1.9 billion' (the with-clause shares the main clause's time, while
    a date inside it does not date the main clause)."""
    lo, hi = min(a, b), max(a, b)
    for bm in _cue("boundary").finditer(text, lo, hi):
        if not (date_first and bm.group().startswith(", with")):
            return True
    return False


_ANTECEDENT = 25  # 'Taiwan's 20% rate, which took effect on Thursday,': the aside is the figure's


def _same_side(text: str, a: int, b: int, lo: int, hi: int, figure_end: int = -1) -> bool:
    """False when one offset sits in a ', which ... ,' aside and the other outside it, unless
    the aside opens right after the figure (ending at figure_end) and so speaks of it."""
    rx = _cue("aside")
    pos = lo
    while (m := rx.search(text, pos, hi)) is not None:
        if (m.start() <= a < m.end()) != (m.start() <= b < m.end()):
            if not (0 <= m.start() - figure_end <= _ANTECEDENT and "," not in text[figure_end:m.start()]
                    or _share_of_aside(text, m.end(), b, figure_end)):
                return False
        pos = m.start() + 1
    return True


_OF_THEM = re.compile(r"\sof\s(?:them|it|those|these|the\stotal)\b")


def _share_of_aside(text: str, aside_end: int, b: int, figure_end: int) -> bool:
    """'which exported devices worth $2.9 billion in 2025, about 45% of them to American
    customers': a share 'of them' right after the aside's comma goes on with the aside."""
    return 0 <= b - aside_end <= 20 and _OF_THEM.match(text, figure_end) is not None


_COMPARED = re.compile(r"(?i:\b(?:compared\s(?:with|to)|from|than|versus|vs\.?|against|over|on)\s(?:the\s)?)$")


def describes_period(m: Mention, text: str, lo: int) -> bool:
    """'fiscal 2025, which ended Sept. 30', 'which started on October 1': a day that describes a
    period named before it (rules/dates.yml period_end), not a period of its own."""
    return _cue("period_end").search(text[max(lo, m.match_start - 60):m.start]) is not None


def is_base_since(m: Mention, text: str, lo: int) -> bool:
    """'the lowest since November 2023': the base of a superlative (rules/dates.yml dt.baseline),
    which a later 'a year earlier' does not count from."""
    b = _cue("baseline").search(text[max(lo, m.match_start - 60):m.start])
    return b is not None and "since" in b.group().lower()


def _day(h: DateHit) -> bool:
    """Whether the date is a single day."""
    return h.period is not None and h.period[0] == h.period[1]


_SUPERLATIVE_IN = re.compile(r"\sin\s(?:(?:early|mid|late|the)[\s-])?$")
# dates that name a period by its calendar name, not by its distance from now
_NAMED_PERIOD = re.compile(r"date_(?:year|month|quarter|half|fiscal|md|iso|season)")


def _is_baseline(h: DateHit, text: str, lo: int) -> bool:
    """'the highest since 1935', 'up 8% from a year earlier': the base of a comparison dates no
    figure."""
    if h.mention.rule.parse == "date_compared":
        return True
    if h.mention.rule.parse == "date_same_period":  # 'rose 22% over the same nine months'
        return False
    if h.mention.rule.parse == "date_same_period_of" and _COMPARED.search(
            text, max(lo, h.mention.start - 25), h.mention.start):
        return True  # 'fell 9% in January-September compared with the same period of 2024'
    before = text[max(lo, h.mention.match_start - 60):h.mention.start]
    if (b := _cue("baseline").search(before)) is not None:
        # 'the lowest in the past year' is a base; 'the fourth-largest market in 2025' ranks in 2025
        return not (_SUPERLATIVE_IN.search(b.group()) and _NAMED_PERIOD.match(h.mention.rule.parse))
    # a day that describes a period named before it ('fiscal 2025, which ended Sept. 30'); a span
    # so introduced is that period itself ('the season that ran from October 2024 to September 2025')
    return _day(h) and _cue("period_end").search(before) is not None


def is_act(h: DateHit, text: str, lo: int, hi: int) -> bool:
    """Whether the date is the day of an act on a figure rather than its date: 'the 46% duty Trump
    threatened in April', 'on Wednesday announced countermeasures on €26 billion', 'In July, Trump
    extended by 90 days a 25% tariff' (rules/dates.yml section `act`)."""
    m = h.mention
    if _cue("act", 0).search(text[max(lo, m.start - 110):m.start]):
        return True
    if _cue("act", 1).match(text, m.end, min(hi, m.end + 40)):
        return True
    return m.match_start - lo <= _OPENING and _cue("act", 2).match(text, m.end, min(hi, m.end + 80)) is not None


def _event(h: DateHit, kind: str) -> str:
    """The event the date is of, for the figures beside it: a span longer than _BARE_DAYS ('this
    year', 'fiscal year 2024/2025', 'the first half') is a bare period, whatever call, meeting or
    visit the sentence's verb speaks of ('In fiscal year 2024/2025, Egypt's agricultural exports
    totalled EGP 510bn, Minister ... said', 'hosted four US productions this year'). Not for a
    tariff rate, whose dates are days it took effect ('in 2018, when Washington first imposed a
    10% duty' is left undated by the development sets' annotators)."""
    p = h.period
    if kind != "tariff_rate" and h.measure in _OTHER_EVENTS and p and p[1] and (p[1] - p[0]).days > _BARE_DAYS:
        return "date"
    return h.measure


def _is_day_said(h: DateHit) -> bool:
    """The day of a statement ('said on Tuesday') dates the saying, not a figure."""
    return h.measure == "event_address" and _day(h)


def owner(h: DateHit, figures: list[Mention], text: str) -> Mention | None:
    """The figure a date is written right after, with none of the clause's verbs between."""
    before = [f for f in figures if f.end <= h.mention.match_start]
    if not before:
        return None
    f = max(before, key=lambda x: x.end)
    gap = text[f.end:h.mention.match_start]
    if len(gap) > _RIGHT_AFTER + _RELATIVE_MORE or _cue("boundary").search(gap):
        return None
    rel = _cue("relative").search(gap)  # 'the 10 per cent baseline that had applied since April'
    if len(gap) > _RIGHT_AFTER + (_RELATIVE_MORE if rel else 0):
        return None
    if _cue("predicate").search(gap[:rel.start()] if rel else gap):
        return None
    return f


def in_place(m: Mention, text: str, lo: int, hi: int) -> bool:
    """'the 30% already in place', 'the existing 10 per cent duty': a rate that holds now
    (rules/dates.yml dt.in-place); the pattern reads the words after the figure from '^' and
    those before it up to '$'."""
    rx = _cue("in_place")
    return (rx.search(text[m.end:min(hi, m.end + 40)]) is not None
            or rx.search(text[max(lo, m.match_start - 30):m.match_start]) is not None)


def is_old_value(m: Mention, text: str, lo: int) -> bool:
    """'to 18 pc from 25 pc': the figure is a change's old value. The words read run up to the
    figure itself, so a rule that matches its 'from' too ('12,000, up from 10,800') is read."""
    return _cue("old_value").search(text[max(lo, m.match_start - 40):m.start]) is not None


_PAIR = re.compile(r"\bbetween\s[\w.-]+(?:\s[\w.-]+)?$")


def _opens_conjunct(text: str, a: int, b: int) -> bool:
    """Whether a new conjunct ('and the existing 2.5 percent rate', 'and Iran is ...') starts in
    text[a:b]; the 'and' of 'between Germany and America' joins two names."""
    for c in _cue("conjunct").finditer(text, a, b):
        if not _PAIR.search(text, max(a, c.start() - 40), c.start()):
            return True
    return False


_LINKED = 40  # 'rose 3.2 percent to $127.8 billion in 2024': two figures of one statement


def _taken(h: DateHit, m: Mention, figures: list[Mention], text: str, lo: int, hi: int) -> bool:
    """Whether the date belongs to another figure: written right after an old value ('from about
    19 percent in 2018'), right after a figure with m in a later conjunct ('a 25 percent duty
    imposed in April and the existing 2.5 percent rate'), or right after a figure further on
    ('not among the top 10 ..., adding ... raising trade to $500 billion by 2030')."""
    o = owner(h, figures, text)
    if o is None or o is m:
        return False
    if is_old_value(o, text, lo) and not h.starts:  # a start after the old value is the change's:
        # 'to 25% from 15% starting next month', and so is a day after 'to 145% from 125%'
        return not (new_before_old(o, figures, text) is m and _dates_change(h, o, text, lo, hi))
    if _after_own_noun(o, h, text) and not _parallel(m, o, text):
        return True  # 'face 26.4 percent, plus the 10 percent baseline tariff in force since April 5'
    if h.mention.end <= m.start:  # m comes after the date: in a later conjunct it is not m's,
        # nor when the date stands in a relative clause of o ('the 10 per cent tariff that
        # Washington has imposed since April 5, while steel faces 25 per cent')
        return (_opens_conjunct(text, h.mention.end, m.start)
                or _relative_of(o, h, text))
    return not _chained(m, o, figures, text)  # another figure, further on, has the date


def _relative_of(o: Mention, h: DateHit, text: str) -> bool:
    """Whether the date stands in a relative clause of figure o ('the 10 per cent tariff that
    Washington has imposed since April 5'); one of a period's own noun ('in the season that ran
    from October 2024') describes the period (rules/dates.yml dt.period-noun)."""
    rel = _cue("relative").search(text, o.end, h.mention.match_start)
    return rel is not None and _cue("period_noun").search(text, max(o.end, rel.start() - 20), rel.start()) is None


def _after_own_noun(o: Mention, h: DateHit, text: str) -> bool:
    """Whether the date is written after o's own noun ('the 10% baseline tariff in place since
    April 5'): then it is o's (rules/dates.yml dt.own-noun)."""
    return _cue("own_noun").search(text, o.end, h.mention.match_start) is not None


_AND = re.compile(r"\band\b")


def _parallel(m: Mention, o: Mention, text: str) -> bool:
    """Whether m and o are conjuncts of one clause, joined by 'and' with no verb between ('a 25%
    tariff on steel and a 10% tariff on aluminium'), or m a part of o ('a 50% tariff from August
    27, including a 25% penalty'): they share a date written after either."""
    a, b = (m.end, o.match_start) if m.end <= o.match_start else (o.end, m.match_start)
    gap = text[a:b]
    if m.start > o.end and _cue("own_part").search(gap):
        return True
    return _AND.search(gap) is not None and not _cue("predicate").search(gap)


def _dates_change(h: DateHit, old: Mention, text: str, lo: int, hi: int) -> bool:
    """Whether a date written after the old value of a change told new level first dates the
    change: a single day ('to 145% from 125% on Thursday'), or any period when the change is still
    to come ('will cut it to 10% from 25% next year'); a past period is the old value's own ('to
    25% in 2025 from 19% in 2018')."""
    return _day(h) or dates.tense(text, lo, hi, old.start, old.end) == "future"


_NEW_THEN_OLD = re.compile(r"\sfrom\s(?:(?:a|an|the|its|their)\s)?(?:(?:previous|earlier|current|existing|old)\s)?")
_TO = re.compile(r"(?i:\bto\s)$")


def new_before_old(o: Mention, figures: list[Mention], text: str) -> Mention | None:
    """The new level of a change written before its old value ('cut the duty to zero from 7
    percent on January 1', 'raised tariffs to 145% from 125% on Thursday'): a day written after
    such an old value is the day of the change, so the new level's, not the old value's."""
    before = [f for f in figures if f.end <= o.match_start and o.match_start - f.end <= 30]
    if not before:
        return None
    f = max(before, key=lambda x: x.end)
    if not _NEW_THEN_OLD.fullmatch(text, f.end, o.match_start):
        return None
    if _TO.search(text, max(0, f.match_start - 4), f.match_start) or text[f.match_start:f.start].lower().startswith("to "):
        return f
    return None


def _changed_on(h: DateHit, m: Mention, figures: list[Mention], text: str) -> bool:
    """Whether h is the day rate m was changed to, written after the old value ('to zero from 7
    percent on January 1'), whatever event the sentence's wording makes of that day."""
    o = owner(h, figures, text)
    return _day(h) and o is not None and o is not m and new_before_old(o, figures, text) is m


def _chained(m: Mention, o: Mention, figures: list[Mention], text: str) -> bool:
    """Whether o is within _LINKED of m, or m is an amount of goods and o their value, linked by
    'worth', 'valued at' or a bracket ('7.16 lakh tonnes of frozen shrimp worth Rs 40,013 crore
    (US$ 4.88 bn) in 2024-25'), or m a share of the total o ('60% of Swiss exports, which were
    worth 63bn francs (£59bn) last year')."""
    if o.start - m.end <= _LINKED:
        return True
    pos = m.end
    for f in sorted((f for f in figures if m.end <= f.start and f.end <= o.end), key=lambda f: f.start):
        share = pos == m.end and _SHARE_OF_TOTAL.fullmatch(text, pos, f.start) is not None
        if not share and (f.start - pos > _LINKED or not _WORTH.fullmatch(text, pos, f.start)):
            return False
        pos = f.end
    return True


def _owned_with(o: Mention | None, m: Mention, figures: list[Mention], text: str) -> bool:
    """Whether a date written right after o is m's own: o is m, or the level m's change reaches
    ('rose 3.2 percent to $127.8 billion in 2024', 'aims to double exports to Sh8 billion by
    2027', 'down 31.6% at $6.1 billion') or the value of m's goods."""
    if o is m:
        return True
    if o is None or o.start < m.end or o.start - m.end > _LINKED:
        return False
    gap = text[m.end:o.start]
    if _WORTH.fullmatch(gap):
        return True
    return (_TO_LEVEL.search(gap) is not None and not _cue("boundary").search(gap)
            and not _opens_conjunct(text, m.end, o.start) and not _cue("predicate").search(gap)
            and not any(m.end <= f.start < o.start for f in figures))


_TO_LEVEL = re.compile(r"\s(?:to|at)\s(?:(?:a|an|the)\s)?(?:(?:record|new|high|low|about|around|nearly|some|over|under|just|almost)\s)*$")


# a share and the total it is of, told in a relative clause: '55% of India's knitwear exports,
# which stood at ₹44,747 crore in 2024-25' (the share is of that period's total)
_SHARE_OF_TOTAL = re.compile(r"\sof\s[^\d,;:()]{1,60},\s(?:which|that)\s[^\d,;:()]{1,30}?\s")


# the gap from an amount of goods to its value: ' of frozen shrimp worth ', ' (', ' valued at '
_WORTH = re.compile(r"\s\(|\s(?:of\s[^\d,;:()]{1,30}?\s)?(?:worth|valued\sat)\s")


# ', in place since March 12' right after an old rate: how long that rate had held
_HELD = re.compile(r",\s(?:(?:which|that)\s(?:has|had)\s(?:been\s)?)?(?:in\s(?:place|force|effect)|applied|levied|charged|paid)\s(?:since\s)?")


def _caused(h: DateHit, m: Mention, text: str) -> bool:
    """'exports fell 9% in January as the 20% tariff bit': a tariff rate in a clause of cause or
    time after the date (rules/dates.yml dt.cause) is not a figure of that date's period."""
    return h.mention.end <= m.match_start and _cue("cause").search(text, h.mention.end, m.match_start) is not None


def _since(h: DateHit, m: Mention) -> bool:
    """'tariffs of 10% ... have applied since March 10': a rate told in force since a day written
    after it started then (a 'since' before it belongs to another clause: 'has reduced its imports
    since September, signalling that the US should take off the 25 per cent tariffs')."""
    return h.mention.start >= m.end and h.text.lower().startswith("since")


def _since_of_old(h: DateHit, m: Mention, figures: list[Mention], text: str, lo: int) -> bool:
    """'a tariff of 10 per cent, down from the 27.5 per cent carmakers have paid since April 3':
    a 'since' date after an old value tells how long the old value held, not when m started."""
    if not h.text.lower().startswith("since") or h.mention.start < m.end:
        return False
    # after a comma the 'since' is the main clause's again: 'a 100% tariff, up from 50%, since Jan. 1'
    return any(m.end <= f.start and f.end <= h.mention.start and is_old_value(f, text, lo)
               and "," not in text[f.end:h.mention.start]
               for f in figures if f is not m)


def _set_against(f: Mention, text: str, lo: int) -> bool:
    """Whether f is an old value ('from the 25 percent') or an alternative ('lower than the 25
    percent') set against another rate of the sentence (rules/dates.yml dt.old-value,
    dt.alternative)."""
    return is_old_value(f, text, lo) or _cue("alternative").search(
        text[max(lo, f.match_start - 40):f.match_start]) is not None


def _of_a_later_figure(h: DateHit, m: Mention, figures: list[Mention], text: str, lo: int) -> bool:
    """'a 15 percent tariff, lower than the 25 percent Trump threatened from Aug. 1': a date after
    an old value or an alternative standing between m and it is that figure's."""
    if h.mention.start < m.end:
        return False
    for f in figures:
        if f is m or not (m.end <= f.start and f.end <= h.mention.start):
            continue
        if _set_against(f, text, lo):
            # in f's own clause ('the 25 percent rate Washington had warned would take effect
            # Friday'), not after a comma ('to 15 percent from 25 percent, retroactive to Nov. 1')
            gap = text[f.end:h.mention.match_start]
            return "," not in gap and _cue("predicate").search(gap) is not None
    return False


_OWN_CLAUSE = 80  # how far a start may stand in the clause of an old or alternative rate


def clause_owner(h: DateHit, figures: list[Mention], text: str, lo: int) -> Mention | None:
    """The old or alternative rate whose own clause holds start h: 'down from the 25 percent rate
    Washington had warned would take effect Friday', 'the 32 percent rate Trump had threatened to
    impose from Aug. 1'. The rate's own noun comes right after it (rules/dates.yml dt.own-noun),
    then a clause with a verb and no comma or other figure up to the start: the start is the day
    that rate took or would have taken effect, not the day of the new rate or of a figure after."""
    if not h.starts:
        return None
    before = [f for f in figures if f.end <= h.mention.match_start]
    if not before:
        return None
    f = max(before, key=lambda x: x.end)
    gap = text[f.end:h.mention.match_start]
    if len(gap) > _OWN_CLAUSE or "," in gap or not _cue("predicate").search(gap):
        return None
    noun = _cue("own_noun").search(gap, 0, 25)
    if noun is None or _cue("predicate").search(gap, 0, noun.start()):
        return None
    return f if _set_against(f, text, lo) else None


# 'the April-October period of FY27', 'January of this year': the second names the first's frame
_OF_FRAME = re.compile(r"(?:\speriod|\sstretch)?\sof\s(?:the\s)?")


def _frames(h: DateHit, g: DateHit, text: str) -> bool:
    """Whether h is the frame of a narrower date g written just before it ('April-October period
    of FY27'): the figure's period is g."""
    if g is h or not (h.period and g.period and h.period[1] and g.period[1]):
        return False
    inside = h.period[0] <= g.period[0] and g.period[1] <= h.period[1] and g.period != h.period
    return inside and _OF_FRAME.fullmatch(text, g.mention.end, h.mention.match_start) is not None


def date_for(hits: list[DateHit], m: Mention, kind: str, figures: list[Mention], text: str,
             lo: int, hi: int, *, own_only: bool = False) -> DateHit | None:
    """The date of sentence text[lo:hi] that dates figure m, if any. With own_only (a duration),
    only a date written right after it: 'delayed by 30 days in early February'."""
    usable = [h for h in hits if h.period and not _is_baseline(h, text, lo)]
    old_value = is_old_value(m, text, lo)
    own = [h for h in usable if (o := owner(h, figures, text)) is m
           or (not own_only and not old_value and _owned_with(o, m, figures, text))]
    if old_value:  # its own date, or how long it has held ('paid since April 3');
        # not a start written after it, which is the new rate's ('to 25% from 15% starting May 1'),
        # nor a day after it when the new rate comes first ('to 145% from 125% on Thursday')
        changed = new_before_old(m, figures, text) is not None
        own = [h for h in own if not h.starts and not (changed and _dates_change(h, m, text, lo, hi))]
        own = own or [h for h in usable if clause_owner(h, figures, text, lo) is m]
        own = own or [h for h in usable if h.text.lower().startswith("since") and m.end <= h.mention.start
                      and not _crosses(text, m.end, h.mention.start)
                      and ("," not in text[m.end:h.mention.start]  # 'up from 50%, since Jan. 1
                           or _HELD.fullmatch(text, m.end, h.mention.match_start) is not None)
                      and not any(m.end <= f.start < h.mention.start for f in figures)]
    if own_only or old_value or (kind == "tariff_rate" and in_place(m, text, lo, hi)):
        return next((h for h in own if _event(h, kind) not in _OTHER_EVENTS), None)
    allowed = _FOR_TARIFFS if kind == "tariff_rate" else _FOR_FIGURES
    found = []
    for h in usable:
        if h not in own:
            opening = h.mention.match_start - lo <= _OPENING and h.mention.start < m.start
            if _taken(h, m, figures, text, lo, hi):
                continue
            if kind == "tariff_rate" and not h.starts and _caused(h, m, text):
                continue
            if not opening and _crosses(text, h.mention.start, m.start, h.mention.start < m.start):
                continue
        if not _same_side(text, h.mention.start, m.start, lo, hi, m.end):
            continue
        if _since_of_old(h, m, figures, text, lo) or _of_a_later_figure(h, m, figures, text, lo):
            continue
        if (c := clause_owner(h, figures, text, lo)) is not None and c is not m:
            continue
        if (h not in own or kind == "tariff_rate") and not h.starts and is_act(h, text, lo, hi):
            continue  # a period written right after money is its own ('$5.2 billion in 2024')
        if kind == "tariff_rate" and (h.starts or _since(h, m) or _changed_on(h, m, figures, text)):
            found.append(h)
        elif h in own and (_event(h, kind) not in _OTHER_EVENTS or h.starts):
            found.append(h)
        elif _event(h, kind) in allowed and not (kind != "tariff_rate" and _is_day_said(h)):
            found.append(h)
    found = [h for h in found if not any(_frames(h, g, text) for g in found)]
    if any(h in own for h in found):  # its own date ('the 20% duty goods have faced since Aug. 7')
        found = [h for h in found if h in own]
    elif kind == "tariff_rate" and any(h.starts or _since(h, m) for h in found):
        found = [h for h in found if h.starts or _since(h, m)]
    return min(found, key=lambda h: min(abs(h.mention.start - m.end), abs(m.start - h.mention.end)),
               default=None)


__all__ = ["DateHit", "date_for", "owner", "is_old_value", "is_base_since"]
