"""Classifying a figure: kind, measure, qualifier and status, from the words around it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache

from extract import rules
from extract.cues import Window, anchored, cues, exists, first, nearest
from extract.firstchars import tail_width

# named layers, strongest first: a tariff on buyers of Russian oil is secondary, not the penalty
_LAYERS = ("tariff_secondary", "tariff_penalty_russian_oil", "tariff_fentanyl", "tariff_penalty",
           "tariff_retaliatory", "tariff_reciprocal")
_NEAR = 40  # characters either side in which 'near' cues count
_CLAUSE_BEFORE = 160


def qualifier(w: Window, own: str, measure: str = "") -> str:
    """The figure's own qualifier (range ends, ranks) or the one its wording gives. 'over/within
    three years' gives the span of a duration, not a bound."""
    if own:
        return own
    if measure == "duration" and _SPAN.search(w.text, max(w.sent_start, w.start - 12), w.start):
        return "exact"
    rule = anchored("qualifiers", w)
    return rule["qualifier"] if rule else "exact"


_SPAN = re.compile(r"(?i:\b(?:over|within|in|during|for)\s(?:the\s)?(?:next\s|past\s|last\s)?$)")
_RATE_OF = re.compile(r"(?i:\b(?:tariffs?|dut(?:y|ies)|levy|levies|rate)\s(?:of\s)?$)")
_FROM_LEVEL = re.compile(
    r"(?i:\b(?:from|instead\sof|versus|vs\.?|compared\swith|compared\sto|rather\sthan)\s"
    r"(?:a\s|an\s|the\s|its\s)?(?:current\s|earlier\s|previous\s)?$)"
)
_LEVEL = re.compile(
    r"(?i:\b(?:rise|rises|rising|rose|risen|raise[sd]?|raising|increase[sd]?|increasing|hike[sd]?|"
    r"hiking|cut|cuts|cutting|lowering|reducing|bringing|taking|slashing|"
    r"lower(?:ed|s)?|reduced?|reduces|drop(?:ped|s)?|fell|fall(?:s|en)?|go|goes|going|went|gone|"
    r"climb(?:ed|s)?|jump(?:ed|s)?|doubled?|bring|brought|slash(?:ed)?|up|down)\s(?:\w+\s)?"
    r"(?:to|at)\s(?:a\s|an\s)?$)"
)


def percent_kind(w: Window, parse: str) -> tuple[str, str]:
    """(kind, measure hint) of a percentage: tariff_rate, change (or share) or quantity."""
    if parse == "pct_points":
        return "change", ""
    if parse == "pct_zero":
        return "tariff_rate", ""
    edge = _after_kind(w)
    if edge and edge["kind"] == "tariff_rate":
        return "tariff_rate", ""
    if edge and edge["kind"] == "change" and edge.get("measure") != "share":
        return "change", ""  # '10% higher', 'add 25% to the cost'

    lo, hi = max(w.sent_start, w.start - 120), min(w.sent_end, w.end + 80)
    rule = nearest("kinds", w, lo, hi, after_weight=1.2, sides=("near",))
    if edge and not _RATE_OF.search(w.text, max(w.sent_start, w.start - 30), w.start):
        return "change", "share"  # '18% of exports' (but not 'a tariff of 25% of the value')
    if (rule is None or rule["kind"] == "change") and (
            _LEVEL.search(w.text, max(lo, w.start - 40), w.start)
            or _FROM_LEVEL.search(w.text, max(lo, w.start - 30), w.start)):
        # 'tariffs could rise to 60%': the figure is the level reached, not the change
        tariff = nearest("kinds", w, w.sent_start, w.sent_end, sides=("near",), kinds=("tariff_rate",))
        rule = tariff or rule
    if rule is None:
        return ("tariff_rate", "") if _label_line(w) else ("quantity", "quantity")
    if rule["kind"] == "change" and _share_level(w, lo):  # 'its share ... has fallen to 15%'
        return "change", "share"
    return rule["kind"], rule.get("measure", "")


_SHARE_LEVEL = re.compile(  # 'fallen to below 15%', 'from a peak of at least 40%'
    r"(?i:\b(?:to|at|from)\s(?:a\s|the\s)?(?:(?:peak|high|low|record)\sof\s)?"
    r"(?:(?:below|above|around|about|nearly|over|under|at\sleast|some|roughly|almost|just|less\sthan|"
    r"more\sthan)\s){0,2}$)")


def _share_level(w: Window, lo: int) -> bool:
    """A level a share reaches or leaves ('its share of exports fell to 15% from 19%')."""
    if not (_LEVEL.search(w.text, max(lo, w.start - 40), w.start)
            or _FROM_LEVEL.search(w.text, max(lo, w.start - 30), w.start)
            or _SHARE_LEVEL.search(w.text, max(lo, w.start - 40), w.start)):
        return False
    share = _share_rule()
    return share is not None and share.search(w.text, w.sent_start, w.start) is not None


@cache
def _share_rule() -> re.Pattern[str] | None:
    """The 'share' kind cue read before a figure (looked up once, not per figure)."""
    return next((rx for r, rx in cues("kinds") if r.get("measure") == "share"
                 and r.get("side") != "after"), None)


@cache
def _after_kinds() -> list[tuple[dict, re.Pattern[str]]]:
    return [(r, rx) for r, rx in cues("kinds") if r.get("side") == "after"]


def _after_kind(w: Window) -> dict | None:
    after = w.after
    return next((r for r, rx in _after_kinds() if rx.search(after)), None)


def _label_line(w: Window) -> bool:
    """'Footwear: 40%' on a line of its own: a label-value line of a tariff table."""
    line_start = w.text.rfind("\n", 0, w.start) + 1
    head = w.text[line_start:w.start]
    tail = w.text[w.end:w.text.find("\n", w.end) if "\n" in w.text[w.end:] else len(w.text)]
    return ":" in head and len(head) < 60 and len(tail.strip(" .;,")) < 30


def tariff_measure(w: Window) -> tuple[str, str]:
    """(measure, rule id) of a tariff rate from the clause around it."""
    rule = anchored("tariff_measures", w) or edge("tariff_measures", w, max(w.lo, w.start - 200))
    if rule and rule["side"] in ("before", "after", "edge"):
        if rule["measure"] == "tariff_penalty":  # 'a 25% penalty tariff over Russian oil'
            oil = _oil(w)
            if oil:
                return oil
        return rule["measure"], rule["id"]
    sought = _sought(w)
    if sought:  # 'would seek a lower rate of 15 per cent': the deal rate a government proposes
        return "tariff_deal", sought["id"]
    near_lo = _after_break(w, max(w.sent_start, w.start - _NEAR))
    near_hi = min(_clause_hi(w), w.end + _NEAR)
    near = nearest("tariff_measures", w, near_lo, near_hi, sides=("near",))
    if near and near["measure"] == "tariff_total":
        return near["measure"], near["id"]

    local = _local(w, _clause_lo(w, near_lo))
    if any(r["measure"] == "tariff_penalty" for r in local) and not any(
            r["measure"] == "tariff_secondary" for r in local):  # 'punitive levy' + Russian oil
        oil = _oil(w)
        if oil:
            return oil
    strong = sorted((r for r in local if r["measure"] in _LAYERS),
                    key=lambda r: _LAYERS.index(r["measure"]))
    if strong:  # a named layer ('baseline', 'punitive', 'fentanyl') beats a deal or a sector
        return strong[0]["measure"], strong[0]["id"]
    ref = anchored("reference_levels", w)
    if ref is not None and ref.get("replaced"):  # 'cut to 18% from 50% under the deal': the deal
        deal = None  # replaces 50%, it does not set it
        near = None if near and near["measure"] == "tariff_deal" else near
    else:
        deal = _deal(w)
    if deal:  # 'a 15% cap on pharma tariffs in its deal', 'the deal cuts the levy on cars to 15%'
        return "tariff_deal", deal["id"]
    if near and near["measure"] == "tariff_deal":
        return near["measure"], near["id"]
    if local:
        return local[0]["measure"], local[0]["id"]
    if near:
        return near["measure"], near["id"]
    lo = _after_break(w, max(w.lo, w.sent_start, w.start - _CLAUSE_REACH))
    far = _local(w, _after_break(w, lo, "before"), hi=None)
    if far:  # 'the fentanyl tariff on Chinese goods he imposed last month, to 20%'
        return far[0]["measure"], far[0]["id"]
    return "tariff_rate", ""


_EDGE_REACH = 120  # characters before a date that the event_edges rules can span
_CLAUSE_REACH = 110  # characters before the figure, within its clause, read when nothing nearer
_DEAL_REACH = 100
_STANDING_DEALS = ("dc.scheme-after",)  # a standing agreement or scheme (CUSMA, GSP+): in force
_CONTINUES = re.compile(  # ' on Canada and ', ', ', ' for cars and ': the figure continues a list
    r"[\s,;]*(?:(?:on|for|against|in)\s(?:the\s)?[\w.'-]+(?:\s[\w.'-]+){0,3}?[\s,;]*)?"
    r"(?:and|or|while|with|from|to|,)\s(?:a\s|an\s|the\s)?$")
_OWN_NOUN = re.compile(  # 'and a 50 per cent US tariff': the figure has its own noun phrase
    r"\s(?:[\w.-]+\s){0,2}?(?:tariffs?|dut(?:y|ies)|levy|levies|rates?|surcharges?)\b")
_BOUNDARY = re.compile(r",\s(?:and|but|while|or|whereas)\s|;|\s(?:and|but|or)\sthe\s|\s(?:but|while|whereas)\s")


@lru_cache(maxsize=64)
def _clause_hi(w: Window) -> int:
    """Where the figure's clause ends after it: at ', and', ', while', ' and the ', ';' (the next
    clause names its own layer: 'rates of up to 41%, and the fentanyl-related duties of 35%')."""
    m = _BOUNDARY.search(w.text, w.end, w.hi)
    hi = m.start() if m else w.hi
    stack = _breaks("both")[0].search(w.text, w.end, hi)
    return stack.start() if stack else hi


@cache
def _breaks(side: str) -> list[re.Pattern[str]]:
    return [rx for r, rx in cues("clause_breaks") if r["side"] == side]


def _after_break(w: Window, lo: int, side: str = "both") -> int:
    """lo moved past the last clause break before the figure ('comes on top of the 25% tariff')."""
    for rx in _breaks(side):
        for m in rx.finditer(w.text, lo, w.start):
            lo = m.end()
    return lo


def _clause_lo(w: Window, near_lo: int) -> int:
    """Where the clause cues of a figure start: 40 characters back, or, when the figure continues
    a list ('duties of 35% on Canada and 10% on China'), back into the previous figure's clause."""
    if (w.lo > w.sent_start and _CONTINUES.match(w.text, w.lo, w.start)
            and not _OWN_NOUN.match(w.text, w.end, w.hi)):
        return _after_break(w, max(w.sent_start, w.lo - _CLAUSE_REACH))
    return near_lo


def _local(w: Window, lo: int, hi: int | None = 0) -> list[dict]:
    """Clause cues in text[lo:start] and (unless hi is None) in the clause after the figure."""
    end = _clause_hi(w) if hi is not None else 0
    text = w.text
    return [r for r, i in _clause_cues()
            if (hi is not None and exists("tariff_measures", i, text, w.end, end))
            or exists("tariff_measures", i, text, lo, w.start)]


def _oil(w: Window) -> tuple[str, str] | None:
    lo, hi = max(w.sent_start, w.start - 250), min(w.sent_end, w.end + 250)
    for r, i in _clause_cues():
        if r["measure"] == "tariff_penalty_russian_oil" and exists("tariff_measures", i, w.text, lo, hi):
            return r["measure"], r["id"]
    return None


def _deal(w: Window) -> dict | None:
    """A deal named earlier in the clause, a rate agreed or secured right beside the figure, or
    a deal named after it in its clause ('to 19% from 36% under an agreement signed on Sunday':
    the reference level the figure leads to is read past)."""
    lo = max(w.lo, w.start - _DEAL_REACH)
    return (nearest("deal_clauses", w, lo, w.start, sides=("clause",))
            or nearest("deal_clauses", w, max(w.lo, w.start - _NEAR), min(w.hi, w.end + 25),
                       sides=("verb",))
            or nearest("deal_clauses", w, w.end, _deal_hi(w), sides=("after",)))


@cache
def _sought_rules() -> list[tuple[dict, re.Pattern[str]]]:
    return [(r, re.compile(f"(?:{rx.pattern})\\Z")) for r, rx in cues("sought_rates")]


def _sought(w: Window) -> dict | None:
    """A rate sought, asked for, pressed for or offered, told right before the figure in its
    sentence ('would seek a lower rate of 15 per cent', 'to press for a cut to 10 per cent')."""
    head = w.text[max(w.sent_start, w.start - 100):w.start]
    return next((r for r, rx in _sought_rules() if rx.search(head)), None)


def _deal_hi(w: Window) -> int:
    """Where a deal named after the figure must start: the end of its clause, or, when the next
    figure is a level it moves away from ('to 18% from 50% under a trade agreement'), 80
    characters past that figure, short of the next clause."""
    hi = _clause_hi(w)
    if hi < w.hi or w.hi >= w.sent_end or not _lead_in().search(w.text, w.end, w.hi):
        return hi
    hi = min(w.sent_end, w.hi + 80)
    m = _BOUNDARY.search(w.text, w.hi, hi)
    return m.start() if m else hi


def _replaced(w: Window, ref: dict) -> bool:
    """Whether a level the figure is moved away from is one a deal's terms replace: the sentence
    names a deal or a rate agreed ('will levy 19% under a trade deal, down from the 29% rate
    announced in April')."""
    if not ref.get("replaced"):
        return False
    sides = ("clause", "after", "verb")  # 'Manila agreed a 19% rate, down from the 20% ...'
    comma = w.text.find(",", w.end, w.sent_end)  # after it, only its own words: 'from 50%
    hi = min(w.sent_end, w.end + 60, comma if comma >= 0 else w.sent_end)  # under the deal'
    return (nearest("deal_clauses", w, w.sent_start, w.start, sides=sides)
            or nearest("deal_clauses", w, w.end, hi, sides=sides)) is not None


def _left(w: Window, ref: dict) -> bool:
    """Whether a level the sentence moves away from ('to 18% from 50%', 'up from the 10%
    baseline', 'replacing the 10% rate') is one already left: no status cue in the sentence
    before it (no 'will', 'would', 'plans to' ...) and no wording that keeps it standing for now
    ('effective Nov. 1' dating the change on its own) or makes it a range's end (levels_kept)."""
    if ref["id"] != "rl.from-level":
        return False
    cue = _cue(w, w.sent_start, w.start)
    if cue is not None and cue["status"] != "in_force":  # 'have faced 15%, up from 10%' is a fact
        return False
    return first("levels_kept", w.text[w.sent_start:w.sent_end]) is None


@cache
def _edge_rules(section: str) -> list[tuple[dict, re.Pattern[str], re.Pattern[str], int]]:
    """(rule, full pattern ending at the end, tail pattern, reach) of each 'edge' rule."""
    return [(r, re.compile(f"(?:{rx.pattern})\\Z"), re.compile(r["tail"]), int(r["reach"]))
            for r, rx in cues(section) if r.get("side") == "edge"]


@cache
def _edge_plan(section: str) -> tuple[tuple[dict, re.Pattern[str], re.Pattern[str],
                                            re.Pattern[str], int, int | None, int,
                                            re.Pattern[str] | None, bool], ...]:
    """_edge_rules() as edge() reads them: (rule, the full pattern's skipping form, the tail
    pattern, the tail as searched (its skipping form where it is searched in the text), reach,
    tail_reach or None, how far before the end of the last characters a tail match can start
    (its width + 1: it ends at '$', which may also match before a final newline; 0: from the
    start), the unless pattern, periods_only). Skipping forms answer the same yes/no as the
    patterns, faster."""
    out = []
    for r, rx, tail, reach in _edge_rules(section):
        tail_reach = int(r["tail_reach"]) if "tail_reach" in r else None
        width = tail_width(tail.pattern) if tail_reach is None else None
        out.append((r, rules.skipping_exact(rx), tail, tail if tail_reach is None else rules.skipping_exact(tail),
                    reach, tail_reach, 0 if width is None else width + 1,
                    _unless(r["unless"]) if "unless" in r else None, bool(r.get("periods_only"))))
    return tuple(out)


@cache
def _unless(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _between(rule: dict, cue: re.Pattern[str], seg: str) -> bool:
    """Whether a 'between' word stands after the last cue word of seg (the cue nearest the
    mention: if its stretch holds none, no farther one's can be the only clean one)."""
    ends = [m.end() for m in cue.finditer(seg)]
    return bool(ends) and _unless(rule["between"]).search(seg, ends[-1]) is not None


def edge(section: str, w: Window, lo: int) -> dict | None:
    """The first 'edge' rule of section whose match ends right where the mention starts: its short
    tail must match the last characters (or occur within tail_reach of the mention), then the full
    pattern the text within its reach. A rule
    marked periods_only does not apply to a mention that names a day, one with an 'unless'
    pattern not where that pattern occurs in the sentence before the mention, one with a
    'between' pattern not where it occurs after the last tail word."""
    text, start = w.text, w.start
    last = text[max(lo, start - 40):start]
    day = None
    tails: dict[re.Pattern[str], bool] = {}  # rules sharing a tail read it once
    segs: dict[int, str] = {}
    for r, rx, tail, tail_rx, reach, tail_reach, back, unless, periods_only in _edge_plan(section):
        if periods_only:
            day = _DAY.search(text, start, w.end) is not None if day is None else day
            if day:
                continue
        if tail_reach is not None:  # a cue word anywhere within tail_reach, not the last characters
            found = tail_rx.search(text, max(lo, start - tail_reach), start) is not None
        else:
            got = tails.get(tail_rx)
            if got is None:
                got = tails[tail_rx] = tail_rx.search(
                    last, max(0, len(last) - back) if back else 0) is not None
            found = got
        if not found:
            continue
        seg = segs.get(reach)
        if seg is None:
            seg = segs[reach] = text[max(lo, start - reach):start]
        if rx.search(seg):
            if unless is not None and unless.search(text, w.sent_start, start):
                continue  # the sentence says what rules the rule out
            if "between" in r and _between(r, tail, seg):
                continue
            return r
    return None


_DAY = re.compile(  # a weekday, today/tomorrow, or a day of the month ('June 30', '3 March')
    r"(?i:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tomorrow|yesterday|tonight)\b"
    r"|(?<![\w-])\d{1,2}(?:st|nd|rd|th)?(?![\w-]))")


@cache
def _clause_cues() -> list[tuple[dict, int]]:
    """The 'clause' rules of tariff_measures with their index in the section, built once (read
    for every tariff figure). Whether one occurs in a stretch is what cues.exists() answers: what
    its skipping form's search answers (hits() yields a match at the first position where the
    skipping form matches), through the word-start index where the rule is indexed."""
    from extract.cues import _fast
    return [(r, i) for i, (r, _rx, _fast_rx) in enumerate(_fast("tariff_measures"))
            if r["side"] == "clause"]


def money_measure(w: Window) -> str:
    rule = nearest("money_measures", w, max(w.sent_start, w.start - 100), min(w.sent_end, w.end + 60),
                   after_weight=2.2)
    return rule["measure"] if rule else "money"


def change_measure(w: Window, hint: str) -> str:
    if hint == "share":
        return "share"
    lo, hi = max(w.sent_start, w.start - 100), min(w.sent_end, w.end + 60)
    direction = nearest("directions", w, lo, hi)
    subject = nearest("change_subjects", w, lo, hi, after_weight=1.5)
    d = direction["measure"] if direction else "increase"
    s = subject["measure"] if subject else "change"
    return f"{s}_{d}"


def dated_status(status: str, kind: str, start: date | None, published: date | None) -> str:
    """A tariff rate read as in force whose own date starts after the article's day is not in
    force yet: it is announced ('faces a 35% tariff starting Aug. 1', 'fear 19% US tariff from
    August 1'). Other standings, and rates with no start or no publication day, stay as read."""
    if kind == "tariff_rate" and status == "in_force" and start and published and start > published:
        return "announced"
    return status


def status(w: Window, kind: str) -> str:
    """Standing of the measure: nearest status cue in the clause, else in the sentence. Figures
    other than tariff rates are facts (in_force) unless projected, pledged or proposed. A rate
    the sentence moves away from ('up from the 10% baseline') takes only its own clause's cue and
    is otherwise the rate in force."""
    w = _in_aside(w)
    if kind != "tariff_rate":
        rule = nearest("fact_statuses", w, max(w.lo, w.start - 120), min(w.hi, w.end + 60),
                       after_weight=1.5)
        if rule is None:  # '... will invest $350 billion, including $150 billion for ships'
            rule = nearest("fact_statuses", w, max(w.sent_start, w.start - 150), w.start)
        if rule and rule.get("side") == "reported" and first("reporting", w.sentence) is None:
            return "hypothetical"  # 'would charge' with no one reported as saying it
        return rule["status"] if rule else "in_force"
    sought = _sought(w)
    if sought:  # 'Ethiopia would ask Washington for a zero tariff': a proposal
        return str(sought["status"])
    ref = anchored("reference_levels", w)
    if ref and ref.get("side") == "after":  # 'the 25% tariff could rise to 250%'
        rule = _cue(w, max(w.lo, w.start - 90), w.start)
        return rule["status"] if rule and rule["status"] in ("removed", "waived") else "in_force"
    if ref:
        if _replaced(w, ref):  # 'down from the 32% Trump had threatened' in a deal's sentence
            return "removed"
        comma = w.text.find(",", w.end, w.hi)  # ', officials warned' is the sentence's
        rule = _cue(w, w.end, min(_clause_hi(w), w.end + 90, comma if comma >= 0 else w.hi))
        if rule is None and nearest("deal_clauses", w, w.end, min(w.hi, w.end + 25), sides=("verb",)):
            return "announced"  # 'higher than the 15% secured by Japan': another deal's rate
        if rule is None and _left(w, ref):  # 'cut the tariff on Indian goods to 18% from 50%'
            return "removed"
        return rule["status"] if rule else "in_force"
    if _headline(w):  # 'Trump slaps 25% tariff on ...': news of a step, not a standing rate
        rule = nearest("headline_statuses", w, w.sent_start, w.sent_end)
        if rule:
            return rule["status"]
    lo = max(w.lo, w.start - 90)
    rule = _cue(w, lo, min(_own_hi(w), w.end + 60))
    if rule is None and lo == w.lo:  # 'voids the duties of 35% on Canada and 10% on China': a
        back = _clause_lo(w, lo)  # figure continuing a list takes the list's cue
        rule = _cue(w, back, w.start) if back < lo else None
    deal = _deal(w) if rule is None else None
    if deal and deal["id"] not in _STANDING_DEALS:  # a rate set in a deal, no word on when
        return "announced"
    if rule is None:
        rule = _cue(w, w.sent_start, w.sent_end)
    return rule["status"] if rule else "in_force"


@cache
def _aside_opener() -> re.Pattern[str]:
    return next(rx for _r, rx in cues("asides"))


def _in_aside(w: Window) -> Window:
    """The window narrowed to the ', which ... ,' aside the figure stands in, if any."""
    opener = _aside_opener()
    last = None
    for m in opener.finditer(w.text, w.sent_start, w.start):
        last = m
    if last is None or ", " in w.text[last.end():w.start]:
        return w
    close = w.text.find(", ", w.end, w.sent_end)
    lo, hi = last.start() + 1, (close if close >= 0 else w.sent_end)
    return replace(w, sent_start=lo, sent_end=hi, lo=max(w.lo, lo), hi=min(w.hi, hi))


def _own_hi(w: Window) -> int:
    """The end of the figure's own words: before the phrase that leads to the next figure
    ('to 15% from the current 27.5%': 'current' is the next figure's)."""
    if w.hi >= w.sent_end:
        return w.hi
    lead = _lead_in().search(w.text, max(w.end, w.hi - 60), w.hi)  # it ends at the next figure
    return lead.start() if lead else w.hi


@cache
def _lead_in() -> re.Pattern[str]:
    """The 'before' rules of reference_levels as one pattern: the words that lead to a level."""
    return re.compile("|".join(f"(?:{rx.pattern})" for r, rx in cues("reference_levels")
                               if r.get("side", "before") == "before"))


_HEADER = re.compile(r"\s*date\s\d{4}-\d\d-\d\d[^\S\n]*\n")


def _headline(w: Window) -> bool:
    """Whether the figure stands in the article's headline: the first line of text (after the
    ' date' header), with no full stop at its end and body text after it."""
    head = _HEADER.match(w.text)
    first = head.end() if head else 0
    while first < len(w.text) and w.text[first] in " \t\n":
        first += 1
    if w.start < first:
        return False
    nl = w.text.find("\n", first)
    if nl < 0 or w.start >= nl:
        return False
    return w.text[first:nl].rstrip()[-1:] not in (".", "!", "?", ":")


def _cue(w: Window, lo: int, hi: int) -> dict | None:
    """The nearest status cue; a 'would impose' cue counts (as announced) only in reported speech
    ('Ottawa said it would impose'), otherwise the next nearest cue ('if', 'would') decides."""
    rule = nearest("statuses", w, lo, hi, after_weight=2.0)
    if rule and rule.get("side") == "reported" and first("reporting", w.sentence) is None:
        return _HYPOTHETICAL
    return rule


_HYPOTHETICAL = {"id": "s.would", "status": "hypothetical"}


def event_measure(w: Window) -> str:
    """The event a date is tied to (nearest event word), or 'date' when none is named."""
    # 'from Saturday' in a tariff sentence, 'said on Monday': edge rules read at most ~100
    # characters back, so the window is cut to that
    lo = max(w.lo, w.start - _EDGE_REACH)
    rule = anchored("event_edges", replace(w, lo=lo)) or edge("event_edges", w, lo)
    if rule is None:
        rule = nearest("events", w, max(w.sent_start, w.start - 150), min(w.sent_end, w.end + 150))
        if (rule and (rule["measure"] == "event_address" or (
                rule["measure"] == "event_tariff_change"
                and first("tariff_steps", w.text[w.sent_start:w.sent_end]) is None
                and first("nested_periods", w.text[max(w.sent_start, w.start - 30):w.start]) is None))
                and first("unsaid_periods", w.text[w.start:w.end])):
            # '... RM14.8 billion in 2024, the association said', 'shipped 3.2 million tonnes to
            # the US in 2024, and ... a 25% steel tariff': the figure's period
            return "date"
        if rule and rule["measure"] == "event_other" and first("period_bounds", w.text[w.end:w.end + 40]):
            return "date"  # 'in the 2024-25 fiscal year, which ended in June': the figure's period
    if rule and rule["measure"] == "event_address" and first("announced_content", w.text[w.end:w.sent_end]):
        return "event_announcement"  # 'said on Monday that the levy would apply'
    if rule and rule["id"] == "ee.said-on" and first("released_data", w.text[w.sent_start:w.sent_end]):
        return "event_announcement"  # 'exports rose 18% to $1.72 billion, the agency said on Wednesday'
    return rule["measure"] if rule else "date"


__all__ = ["qualifier", "percent_kind", "tariff_measure", "money_measure", "change_measure",
           "status", "event_measure", "first"]


def tariff_context(w: Window) -> bool:
    """Whether the sentence around the mention speaks of tariffs at all."""
    return nearest("kinds", w, w.sent_start, w.sent_end, sides=("near",), kinds=("tariff_rate",)) is not None


_DEAL = re.compile(r"(?i:\b(?:deal|agreement|pact|FTA|accord|zero-for-zero|under\sthe\s(?:\w+\s)?(?:deal|agreement|pact))\b)")


def deal_context(w: Window) -> bool:
    """Whether a deal is named near the mention (within the sentence, 150 characters)."""
    return bool(w.text[w.start:w.end].lower().startswith("zero-for")
                or _DEAL.search(w.text, max(w.sent_start, w.start - 150), min(w.sent_end, w.end + 150)))
