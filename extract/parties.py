"""Choosing imposer and target for a figure from the parties in its sentence and their roles."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache

from extract import lists as _lists
from extract import places as _places
from extract import rules, sentences
from extract.cues import first
from extract.places import Place
from extract.trie import trie_regex

_TARIFF_KINDS = ("tariff_rate",)


def _actor(code: str) -> bool:
    """Whether a party can act (a country or the EU), unlike a class of countries (X-ALL,
    X-RUS-OIL-BUYERS, ...) which only bears measures."""
    return not code.startswith("X-") or code == "X-EU"


def _gap(p: Place, start: int, end: int) -> int:
    """Characters between a party and the figure at [start, end)."""
    return start - p.end if p.end <= start else (p.start - end if p.start >= end else 0)


def _nearest(places: Sequence[Place], start: int, end: int) -> Place | None:
    return min(places, key=lambda p: _gap(p, start, end), default=None)


def choose_in(places: Sequence[Place], start: int, end: int, kind: str, lo: int, hi: int,
              text: str) -> tuple[str, list[str]]:
    """(imposer, targets) for a figure: parties of its own clause [lo, hi) first, the sentence's
    for what the clause leaves open, the sentences before for what the sentence leaves open; a
    target named in a run ('Canada and Mexico') gives all."""
    if (kind == "quantity" and places and _DURATION.search(text, start, end)
            and _tariff_sentence(text, start)):
        kind = "tariff_rate"  # 'the tariffs had been delayed by 30 days': the tariff's parties
    if any(p.role == "ignore" or (p.commodity and kind in _TARIFF_KINDS) for p in places):
        # 'its second-largest market after China'; 'a penalty for buying Russian oil'
        places = [p for p in places if p.role != "ignore" and not (p.commodity and kind in _TARIFF_KINDS)]
    if kind in _TARIFF_KINDS:
        places = _not_next(places, end, hi, text)
    local = [p for p in places if lo <= p.start and p.end <= hi]
    imposer, target = choose(_not_owned(places, hi, text), start, end, kind)
    named = [p for p in local if p.role == "imposer"
             and (kind in _TARIFF_KINDS or p.start < start)]  # '... fell 38%, after Washington doubled its tariff'
    if named:
        imposer = min(named, key=lambda p: abs(p.start - start)).code
    _imp, local_target = choose([p for p in local if p.code != imposer], start, end, kind)
    target = local_target or (target if target != imposer else "")
    codes = _run_codes(places, target, text)  # worked out once, read twice
    run = _run(codes, target, "")
    if (kind in _TARIFF_KINDS and imposer in run and not named
            and not any(p.role == "imposer" and p.code == imposer for p in places)):
        imposer = ""  # 'tariffs on Canada and Mexico': both are targets, neither imposes
    targets = _run(codes, target, imposer)
    if kind in _TARIFF_KINDS:
        owner = _own_goods(places, start, end, hi, text)
        if owner is not None and owner.code != imposer:  # 'Indonesia agreed to a 19% tariff on its exports'
            targets = [owner.code]
        elif owner is not None and not named:  # ... 'to the United States': the partner levies it
            partner = _nearest([p for p in places if p.role == "second" and p.code != owner.code],
                               start, end)
            imposer, targets = (partner.code if partner else ""), [owner.code]
        imposer = _eu_members().get(imposer, imposer)  # 'Germany imposed a 10% duty': the EU's
    if kind in _TARIFF_KINDS and targets == [""]:  # 'New US tariff rates on Chinese goods:\nApparel: 35%'
        targets = [_carried_target(text, start, imposer)]
    if kind in _TARIFF_KINDS and not imposer:
        imposer = _tariff_imposer(places, start, end, text, targets)
    elif kind not in _TARIFF_KINDS and (not imposer or _pronoun_subject(text, start)):
        # 'It shipped 3.2 million tonnes ... of U.S. imports': the subject of the sentence before
        imposer = _carried_party(text, start, targets) or imposer
        targets = [t for t in targets if t != imposer] or [""]
    if kind not in _TARIFF_KINDS and not imposer and targets != [""] and all(
            p.code == targets[0] for p in places) and any(p.role == "neutral" for p in places):
        imposer, targets = targets[0], [""]  # 'Wall Street slid, with the S&P 500 down 2.1%'
    if kind == "quantity" and _own_count(places, text, start, end):
        # 'employs 900,000 workers and sends 40% of its output to the US': the owner alone
        owner = _nearest([p for p in places if p.end <= start and p.role in ("goods", "neutral")
                          and _actor(p.code)], start, end)
        imposer, targets = (owner.code if owner else imposer), [""]
    if kind not in _TARIFF_KINDS:
        whole = _whole(places, end, text)
        if whole is not None:
            # '60 per cent of U.S. imports': the US's flow, divided; the second party is the
            # part the sentence names before the share ('Canada supplies ...'), or a partner in
            # the whole itself ('of Vietnam's exports to the US'), else none ('Semiconductors
            # make up 40% of Taiwan's exports')
            same = [p for p in places if p.code == imposer]
            part = imposer if imposer != whole.code and (
                any(p.end <= start for p in same)
                or (not same and _pronoun_subject(text, start))) else ""  # 'It shipped ...'
            inner = next((p.code for p in places if p.role == "second" and p.code != whole.code
                          and whole.end <= p.start <= whole.end + 40
                          and not _CLAUSE_END.search(text, whole.end, p.start)), "")
            imposer, targets = whole.code, [part or inner]
    return imposer, targets


_ON_ITS = re.compile(r"[^.;]{0,40}?\b(?:on|against)\s(?:(?:all|most|many|some|much)\s(?:of\s)?)?(?:its|their)\s"
                     r"(?:[\w-]+\s){0,2}?(?:exports|goods|products|shipments|merchandise|cars|vehicles|"
                     r"steel|aluminium|aluminum|imports\sinto|sales)\b")


def _own_goods(places: Sequence[Place], start: int, end: int, hi: int, text: str) -> Place | None:
    """The subject of the sentence when the rate falls 'on its exports' (its = the subject's):
    the first country named before the figure that is no partner ('to X', 'with X')."""
    if _ON_ITS.match(text, end, hi) is None:
        return None
    return next((p for p in places if p.end <= start and p.role in ("neutral", "target", "goods")
                 and _actor(p.code) and not p.demonym), None)


_DURATION = re.compile(r"(?<!per\s)(?<!a\s)\b(?:days?|weeks?|months?|years?)$", re.IGNORECASE)
_TARIFF_WORD = re.compile(r"\b(?:[Tt]ariffs?|[Dd]ut(?:y|ies)|[Ll]ev(?:y|ies))\b")


def _tariff_sentence(text: str, start: int) -> bool:
    """Whether the sentence holding start speaks of a tariff: a duration there is the tariff's
    ('a 90-day pause on higher duties', 'if the tariffs remain in place for a full year')."""
    art = _article(text)
    a, b = art.spans[art.sentence_of(start)]
    return _TARIFF_WORD.search(text, a, b) is not None


_SHARE_END = re.compile(r"(?:%|per\s?cent|percent|\bpc|percentage\spoints?|\bpoints?|\bthird|\bhalf|"
                        r"\bquarter|\bfifth)$", re.IGNORECASE)


@cache
def _eu_members() -> dict[str, str]:
    return rules.merged_values_cased("places", "eu_members")


@cache
def _own_counts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the noun ending a mention, the noun within two words after one)."""
    words = [w for r in rules.section("places", "own_counts") for w in r["names"]]
    nouns = trie_regex(words)
    return re.compile(rf"\b{nouns}$"), re.compile(rf"\s(?:[\w-]+\s){{0,2}}?{nouns}\b")


def _own_count(places: Sequence[Place], text: str, start: int, end: int) -> bool:
    """Whether the figure counts a party's own people or plants, with no party named in the
    count itself ('placed 25 U.S. firms on a list' counts the other side's firms)."""
    ending, after = _own_counts()
    m = ending.search(text, start, end) or after.match(text, end)
    return m is not None and not any(start <= p.start < m.end() for p in places)


@cache
def _whole_of() -> list[re.Pattern[str]]:
    return [rx for _r, rx in rules.compile_cues("places", "whole_of")]


def _whole(places: Sequence[Place], end: int, text: str) -> Place | None:
    """The party a share right before it divides ('2 per cent of total US imports'), or None
    ('$500 billion of US goods' is an amount of goods, not a share)."""
    if _SHARE_END.search(text, max(0, end - 20), end) is None:
        return None
    after = next((p for p in places if p.start >= end), None)
    if after is None or after.start - end > 60:
        return None
    gap = text[end:after.start]
    return after if any(rx.match(gap) for rx in _whole_of()) else None


_DIGIT = re.compile(r"\d")
_CLAUSE_END = re.compile(r"[,;:.()]")


def _not_owned(places: Sequence[Place], hi: int, text: str) -> Sequence[Place]:
    """The places a figure may borrow from its sentence: not the targets after the next figure
    when later figures each name their own ('duties of 35 percent on Canada and 10 percent on
    China' gives neither to an earlier '10 percent global baseline tariff')."""
    later = [p for p in places if p.start >= hi and p.role == "target"]
    own = any(a.code != b.code and _DIGIT.search(text, a.end, b.start)
              for a, b in zip(later, later[1:], strict=False))
    return [p for p in places if p not in later] if own else places


def _not_next(places: Sequence[Place], end: int, hi: int, text: str) -> Sequence[Place]:
    """The places without the subjects of the next figure's verb: in '... were given 19%, while
    Vietnam will face 20%', Vietnam faces the 20%, not the 19% before it."""
    if not any(p.subject and p.start >= end and p.end <= hi for p in places):
        return places
    art = _article(text)
    if hi >= art.spans[art.sentence_of(end)][1] - 1:
        return places  # no figure after this one in the sentence
    return [p for p in places if not (p.subject and p.role == "target" and end <= p.start
                                      and p.end <= hi)]


def _tariff_imposer(places: Sequence[Place], start: int, end: int, text: str,
                    targets: list[str]) -> str:
    """The imposer of a rate whose sentence names none: the other side of a US target named
    in the sentence ('on all imports from the US, Beijing said'), else the partner of the
    target ('deal with Washington', 'exports to the US'), else the imposer of the
    sentences just before, else the US for a rate on another country's goods in an article that
    names the US (the US is by far the most frequent imposer in tariff reporting; the sentence's
    unmarked US is taken the same way by choose())."""
    if targets == ["USA"]:
        other = _nearest([p for p in places if p.code != "USA" and p.role in ("neutral", "imposer")
                          and _actor(p.code)], start, end)
        if other is not None:
            return other.code
    if targets != [""]:  # 'keeping a 25% rate while it finalises its deal with Washington'
        other = _nearest([p for p in places if p.role == "second" and p.code not in targets], start, end)
        if other is not None:
            return other.code
    before = _carried_imposer(text, start, targets)
    if before:
        return before
    named_us = "USA" in _places.counts(text)
    return "USA" if named_us and targets != [""] and "USA" not in targets else ""


_BACK = 2  # sentences looked back for a party the figure's own sentence does not name


class _Article:
    """Per text: its sentences and, computed once each, the parties of a sentence with roles."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentences.split(text)
        self.starts = [a for a, _b in self.spans]
        self.places = _places.find(text)
        self.place_starts = [p.start for p in self.places]
        self.roles: dict[int, list[Place]] = {}

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def parties(self, j: int) -> list[Place]:
        got = self.roles.get(j)
        if got is None:
            a, b = self.spans[j]
            lo, hi = bisect_right(self.place_starts, a - 1), bisect_right(self.place_starts, b - 1)
            got = self.roles[j] = _places.with_roles(self.text, self.places[lo:hi])
        return got


@lru_cache(maxsize=4)
def _article(text: str) -> _Article:
    return _Article(text)


def _previous(text: str, start: int) -> Iterator[list[Place]]:
    """The parties, with their roles, of the sentences before the one holding start (nearest
    first, at most _BACK; each worked out only when asked for)."""
    art = _article(text)
    i = art.sentence_of(start)
    return (art.parties(j) for j in range(i - 1, max(-1, i - 1 - _BACK), -1))


def _carried_imposer(text: str, start: int, exclude: list[str]) -> str:
    """The imposer named in the sentences just before ('Mexico approved higher tariffs. Most
    increases take rates to 35%'): one marked as imposer, else an unmarked US."""
    for found in _previous(text, start):
        marked = [p for p in found if p.role == "imposer" and p.code not in exclude
                  and not p.commodity]
        if marked:
            return marked[0].code
        usa = [p for p in found if p.code == "USA" and p.role == "neutral" and "USA" not in exclude]
        if usa:
            return "USA"
    return ""


def _carried_target(text: str, start: int, imposer: str) -> str:
    """The target of a rate whose sentence names no party: the side whose goods the sentence
    just before taxes ('New US tariff rates on Chinese goods: ... Apparel: 35%')."""
    for found in _previous(text, start):
        marked = [p for p in found if p.role in ("target", "goods") and p.code != imposer
                  and not p.commodity]
        if marked:
            return marked[0].code
    return ""


_PRONOUN = re.compile(r"[\s\"']*(?:It|They|Its|Their|The\s(?:country|nation|government|bloc|"
                      r"economy|kingdom|republic))\b")


_PRONOUN_ANY = re.compile(r"\b(?:It|They|Its|Their|The\s(?:country|nation|government|bloc|economy|"
                          r"kingdom|republic))\b")


@cache
def _pronoun_any() -> re.Pattern[str]:
    """_PRONOUN_ANY's exact skipping form (the same yes/no; the engine skips to an I or T in C)."""
    return rules.skipping_exact(_PRONOUN_ANY)


def _pronoun_subject(text: str, start: int) -> bool:
    """Whether the sentence holding start opens with a pronoun or 'the country' for its subject."""
    if _pronoun_any().search(text, max(0, start - 400), start) is None:
        return False  # no such word before the figure: no need to split the text
    art = _article(text)
    i = art.sentence_of(start)
    return i >= 0 and _PRONOUN.match(text, art.spans[i][0]) is not None


def _carried_party(text: str, start: int, exclude: Sequence[str] = ()) -> str:
    """The first party of a figure whose sentence names none ('It shipped 3.2 million tonnes'):
    the subject-like party of the nearest sentence before that names one."""
    for found in _previous(text, start):  # a sentence naming only partners is looked past
        cands = [p for p in found if p.role not in ("second", "target")
                 and _actor(p.code) and p.code not in exclude]
        if cands:
            return cands[0].code
    return ""


def _run_codes(places: Sequence[Place], target: str, text: str) -> list[str]:
    """The distinct parties of the 'A, B and C' run (joined by 'and'/'or' somewhere) holding
    the first mention of the target; [target] where it stands alone, [''] for no target."""
    if not target:
        return [""]
    i = next((k for k, p in enumerate(places) if p.code == target), None)
    if i is None:
        return [target]
    lo = hi = i
    while lo > 0 and _joins(text, places[lo - 1], places[lo]):
        lo -= 1
    while hi + 1 < len(places) and _joins(text, places[hi], places[hi + 1]):
        hi += 1
    codes = list(dict.fromkeys(q.code for q in places[lo:hi + 1]))
    listed = any(_AND.search(text, places[j].end, places[j + 1].start) for j in range(lo, hi))
    return codes if len(codes) > 1 and listed else [target]


def _run(codes: list[str], target: str, imposer: str) -> list[str]:
    """All parties of the run holding the target, unless the imposer is one of them."""
    return codes if len(codes) > 1 and imposer not in codes else [target]


_SEP = re.compile(r"\s*(?:,|and|&|or|,\s*and|,\s*or)\s*(?:the\s)?")
_AND = re.compile(r"\band\b|\bor\b|&")  # a run of names joined by commas alone is no list
_POSSESSIVE = re.compile(r"'s?\s")


def _joins(text: str, a: Place, b: Place) -> bool:
    """Whether b continues a's run ('Canada and Mexico'); not a possessive after a bare comma,
    which opens an aside ('Ecuador, India's main rival, pays')."""
    if not _SEP.fullmatch(text, a.end, b.start):
        return False
    return not (_POSSESSIVE.match(text, b.end) and text[a.end:b.start].strip() == ",")


def choose(places: Sequence[Place], start: int, end: int, kind: str) -> tuple[str, str]:
    """(imposer, target) codes for the figure at [start, end); '' where the text does not say."""
    tariff = kind in _TARIFF_KINDS
    if not tariff:
        places = _buyer_first(places)
    tgt = _nearest([p for p in places if p.role == "target" or (p.role == "goods" and tariff)
                    or (p.role == "second" and not tariff)], start, end)
    if not tariff and tgt is not None:
        # 'exports to the US ... the US ran a deficit of $123 billion': a party named both ways
        # takes the role it has nearest the figure
        own = _nearest([p for p in places if p.code == tgt.code and (
            p.role == "imposer" or (p.role == "goods" and p.start < start))], start, end)
        if own is not None and _gap(own, start, end) < _gap(tgt, start, end):
            tgt = _nearest([p for p in places if p.role in ("target", "second")
                            and p.code != tgt.code], start, end)
    imp = _nearest([p for p in places if (p.role == "imposer" or (p.role == "goods" and not tariff
                                                                 and p.start < start))
                    and (tgt is None or p.code != tgt.code)], start, end)
    if tgt is None and not tariff:  # 'buy $500 billion of US goods': goods after the figure
        tgt = _nearest([p for p in places if p.role == "goods" and p.start >= end
                        and (imp is None or p.code != imp.code)], start, end)
    imposer, target = (imp.code if imp else ""), (tgt.code if tgt else "")
    rest = [p for p in places if p.code not in (imposer, target) and not p.code.startswith("X-ALL")]
    if not imposer and rest:
        # a tariff's imposer must be named as such; of unmarked parties only the US (by far the
        # most frequent imposer in tariff reporting) is taken as the imposer, the others are
        # more likely to be the target ('The 50% tariff covers 55% of India's exports')
        usa = [p for p in rest if p.code == "USA"]
        owners = [p for p in rest if not p.commodity]  # 'buying Venezuelan oil' is no one's flow
        pick = (usa[0] if usa else None) if tariff else (owners[0] if owners else None)
        imposer = pick.code if pick else ""
        rest = [p for p in rest if p.code != imposer]
    if not target and rest:
        target = (_nearest(rest, start, end) or rest[0]).code
    return imposer, target


def _buyer_first(places: Sequence[Place]) -> Sequence[Place]:
    """Goods named by their origin are the second party of a flow when another party is there
    to buy them ('India will buy US energy worth $500 billion', 'China's purchases of US
    soybeans'); alone they are the first ('American goods worth $300 billion')."""
    origin = {p.code for p in places if p.role == "goods" and p.origin}
    buyers = {p.code for p in places if p.role in ("neutral", "imposer")
              or (p.role == "goods" and not p.origin)} - origin
    if not origin or not buyers:  # a commodity by origin is bought from there all the same
        return [replace(p, role="second") if p.commodity else p for p in places]
    return [replace(p, role="second") if p.role == "goods" and p.origin else p for p in places]


# 'the statistics office said on Tuesday': a day right after a speech verb dates what was said
_SAID_ON = re.compile(r"\b(?:said|says|stated|confirmed|noted|added)\s(?:(?:late|early|earlier)\s)?(?:on\s)?$")


def _released_data(text: str, start: int) -> bool:
    """Whether a day right after a speech verb dates data released ('exports rose 18%, the agency
    said on Wednesday'), not a decision announced ('said Wednesday he would impose 50%'): what was
    said is that data, whose flow's parties are not the speaker's audience."""
    if _SAID_ON.search(text, max(0, start - 40), start) is None:
        return False
    art = _article(text)
    a, b = art.spans[art.sentence_of(start)]
    return first("released_data", text[a:b]) is not None and first("announced_content", text[start:b]) is None


def date_parties(places: Sequence[Place], start: int, end: int, measure: str, lo: int, hi: int,
                 text: str) -> tuple[str, str]:
    """(first, second) party of a date claim: none for a bare period that dates a figure ('$9bn in
    2024', 'fell 28% in September'), as four of the six development sets and the gold write it;
    the tariff's for the day a tariff changes, unless a party is told as acting on that day
    ('Seoul and Washington on Friday released ...'); the event's otherwise."""
    if measure == "date":  # a bare period ('exports to the US in 2024') is a time, not an act
        return "", ""
    if measure == "event_tariff_change" and _acted_on(places, start, text) is None:
        # the places of 'Vietnam (20%), Laos (40%)' lists belong to their own figures
        imposer, run = choose_in(_lists.unlisted(list(places), text), start, end, "tariff_rate",
                                 lo, hi, text)
        return imposer, (run[0] if len(run) == 1 else "")
    spoken = measure == "event_address" or (
        measure == "event_announcement" and _released_data(text, start))
    first, second = event_parties(places, start, end, text, spoken=spoken)
    if not first and second:  # 'The commerce adviser will travel to Washington next week'
        first = next((p.code for found in _previous(text, start) for p in found
                      if p.role != "second" and _actor(p.code) and p.code != second), "")
    return first, second


# 'Trump said Wednesday', 'Brussels said on Monday', 'President Xi on Friday': the party whose
# verb (or bare 'on') runs straight into the date is the one that acted on that day
_ACTED_ON = re.compile(
    r"(?:'s?)?(?:\s[A-Z][\w.'-]*){0,3}\s(?:(?:said|says|announced|announces|told\s(?:[\w-]+\s){0,2}?|"
    r"wrote|posted|declared|confirmed|unveiled|signed|added|warned|threatened|agreed|ordered|"
    r"will\s\w+|would\s\w+)\s(?:(?:late|early|earlier|later)\s)?(?:on\s)?|"
    r"(?:(?:late|early|earlier|later)\s)?on\s)")


_PAIR_SEP = re.compile(r"\s*(?:and|&)\s(?:the\s)?(?:(?:President|Prime\sMinister|Premier|Chancellor|"
                       r"Mr|Ms|Mrs|Dr)\.?\s)?(?:[A-Z][\w.'-]*\s){0,2}")


def _acted_on(places: Sequence[Place], start: int, text: str | None) -> Place | None:
    """The party named just before the date as the one acting on it, or None."""
    if text is None:
        return None
    before = [p for p in places if p.end <= start and p.role not in ("second", "target")]
    if not before or not _ACTED_ON.fullmatch(text, before[-1].end, start):
        return None
    p = before[-1]  # a subject opens its clause ('..., President Donald Trump said'), an object
    opens = _OPENS.search(text, max(0, p.start - 80), p.start)  # does not ('meet Trump on Friday')
    return p if opens is not None or p.start == 0 else None


_OPENS = re.compile(r"(?:^|[,;:\"\u201c\u201d(\n]\s*|[.!?]\s+|\b(?:and|but|while|as|after|when|before)\s)"
                    r"(?:(?:the|The)\s)?(?:[A-Z][\w.'-]*\s){0,4}$")


def _paired(places: Sequence[Place], a: Place, b: Place, text: str) -> bool:
    """Whether a and b stand side by side as a pair ('India and the US have made progress')."""
    return any(x.code == a.code and y.code == b.code or x.code == b.code and y.code == a.code
               for x, y in zip(places, places[1:], strict=False) if _joins(text, x, y))


@cache
def _met_cues() -> list[re.Pattern[str]]:
    return [rx for _r, rx in rules.compile_cues("places", "met")]


def _met(places: Sequence[Place], text: str | None) -> list[Place]:
    """The places a sentence names as met or visited ('will visit Washington', 'met a US
    delegation'): the other side of a meeting or visit."""
    if text is None:
        return []
    return [p for p in places if any(rx.search(text, max(0, p.start - 60), p.start) for rx in _met_cues())]


def event_parties(places: Sequence[Place], start: int, end: int, text: str | None = None,
                  spoken: bool = False) -> tuple[str, str]:
    """(first, second) party of a dated event. The party met, called or visited ('with X',
    'to X') is second; the first is the party acting on the date ('Trump said Wednesday'; of
    'Seoul and Washington on Friday' the first named, the other second), else the subject-like
    party the sentence names first (groups of countries only when nothing else is named);
    otherwise the two parties named first, in order. What a party said on a day (spoken) has a
    second party only where one is marked as addressed or the two are named as a pair ('India
    and the US have made progress, sources said'): other countries of the words said are their
    subject matter, not the other side of the event."""
    usable = [p for p in places if not p.code.startswith("X-ALL") and p.role != "ignore"]
    named = [p for p in usable if _actor(p.code)] or usable
    second = _nearest([p for p in usable if p.role == "second"], start, end)
    met = {p.code for p in _met(usable, text)}
    if met:  # 'He will visit Washington in May': the one met or visited is not the one acting
        named = [p for p in named if p.code not in met]
        if second is None and not spoken:
            second = _nearest([p for p in usable if p.code in met], start, end)
        if not named and text is not None:
            return _carried_party(text, start, exclude=sorted(met)), (second.code if second else "")
    acting = _acted_on(named, start, text)
    if acting is not None and text is not None and second is None:
        i = named.index(acting)
        if (i > 0 and named[i - 1].code != acting.code
                and _PAIR_SEP.fullmatch(text, named[i - 1].end, acting.start)):
            return named[i - 1].code, acting.code  # 'talks between Xi and Trump on Oct. 30'
    if acting is not None and second is not None and second.code == acting.code:
        # 'a deal with the US ..., Trump said Wednesday': the one acting on the day comes first
        second = _nearest([p for p in usable if p.role == "second" and p.code != acting.code],
                          start, end)
    first = acting if acting is not None else \
        next((p for p in named if second is None or p.code != second.code), None)
    if second is None and first is not None:
        second = next((p for p in usable if p.code != first.code), None)
        if spoken and second is not None and not (text is not None and _paired(usable, first, second, text)):
            second = None
    return (first.code if first else ""), (second.code if second else "")
