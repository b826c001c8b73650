"""Finding parties (countries, groups, demonyms, metonyms, leaders) in text, and the role the
wording around each gives it: imposer, target, goods (a demonym before goods/exports), neutral."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

from extract import rules
from extract.cues import starts_with
from extract.firstchars import tail_width
from extract.trie import trie_regex


@dataclass(frozen=True)
class Place:
    code: str
    start: int
    end: int
    role: str  # imposer | target | goods | second | neutral
    demonym: bool = False
    origin: bool = False  # goods named by where they come from ('US energy'), not whose flow
    commodity: bool = False  # a commodity by origin ('Russian crude'): a flow's party, no tariff's
    subject: bool = False  # the role comes from the verb after the party ('Vietnam will face 20%')


@cache
def _commodities() -> frozenset[str]:
    return frozenset(rules.merged_values_cased("places", "commodities"))


@cache
def _names() -> dict[str, tuple[str, str, bool]]:
    """name -> (code, built-in role, is demonym). 'ignore' entries block the phrase."""
    table: dict[str, tuple[str, str, bool]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and "(" not in name:
                table[name] = (c.alpha_3, "neutral", False)
    for key in ("aliases", "groups"):
        for rule in rules.section("places", key):
            for name in rule["names"]:
                table[name] = (rule["code"], rule["role"], False)
    for name, code in rules.merged_values_cased("places", "demonyms").items():
        table[name] = (code, "neutral", True)
    for name, code in rules.merged_values_cased("places", "people").items():
        table[name] = (code, "neutral", False)
    for name, code in rules.merged_values_cased("places", "commodities").items():
        table[name] = (code, "goods", False)
    for rule in rules.section("places", "ignore"):
        for name in rule["names"]:
            table[name] = ("", "ignore", False)
    return table


@cache
def _finder() -> re.Pattern[str]:
    # the trie comes first so the regex engine can skip to its first letters in C; the word start
    # is checked in find() instead of by a look-behind
    return re.compile("(" + trie_regex(list(_names())) + r")(?![\w$]|-[a-z])")


@cache
def _group_finders() -> list[tuple[str, str, str, re.Pattern[str]]]:
    """(code, role, the word each phrase ends with, pattern) of each group phrase pattern."""
    return [(r["code"], r["role"], r["needs"], rx)
            for r, rx in rules.compile_cues("places", "group_patterns")]


_WORDISH = re.compile(r"[\w$-]")


@cache
def _cues() -> list[tuple[dict, re.Pattern[str], bool, re.Pattern[str] | None,
                          re.Pattern[str] | None, re.Pattern[str] | None]]:
    """(rule, pattern, whether it is anchored at the start of 'after', the words before the
    party that keep the rule off or None, the word the party must follow for a 'before' rule
    to be tried at all or None, the words right after the party that keep the rule off or
    None) of each role rule."""
    out = []
    for r, rx in rules.compile_cues("places", "roles"):
        unless = re.compile(r["unless_before"]) if r.get("unless_before") else None
        last = (re.compile(r"(?i:\b" + trie_regex(r["last_words"]) + r")\s(?:the\s)?$")
                if r.get("last_words") else None)
        unless_after = re.compile(r["unless_after"]) if r.get("unless_after") else None
        out.append((r, rx, r["side"] != "before" and starts_with(rx.pattern), unless, last,
                    unless_after))
    return out


_REACH = 60  # characters read on each side of a party for its role
_REACH_AFTER = 90  # an appositive (', India's main rival,') may stand between a party and its verb


@cache
def _role_plan() -> tuple[tuple[bool | None, bool, re.Pattern[str], int | None, bool,
                                re.Pattern[str] | None, re.Pattern[str] | None,
                                re.Pattern[str] | None, tuple[str, bool, bool]], ...]:
    """_cues() as _role() reads them: (demonym or None, whether a 'before' rule, the pattern
    searched, how far back from the party a 'before' match can start or None, anchored, unless,
    last, unless_after, the answer). A 'before' rule ends at '$' (the party's start): one of bounded width W
    can only match from W + 1 characters back ('$' may also match before a final newline), so
    only there is it searched; one of unbounded width is searched through its skipping form
    (same yes/no, the engine skips to its first characters in C)."""
    out = []
    for rule, rx, anchored, unless, last, unless_after in _cues():
        before = rule["side"] == "before"
        width = tail_width(rx.pattern) if before else None
        search = rules.skipping_exact(rx) if before and width is None else rx
        out.append((rule.get("demonym"), before, search, None if width is None else width + 1,
                    anchored, unless, last, unless_after,
                    (rule["role"], bool(rule.get("origin")), rule["side"] != "before")))
    return tuple(out)


def _role(text: str, start: int, end: int, demonym: bool, default: str) -> tuple[str, bool, bool]:
    """(role, whether the role names the goods' origin, whether the words after the party gave
    it) from the words around the party."""
    if default != "neutral":
        return default, False, False
    lo, after = max(0, start - _REACH), text[end:end + _REACH_AFTER]
    # every 'before' rule ends with one of the words of before_words: where the party follows
    # none of them, no 'before' rule is tried
    words, back = _before_words_back()
    before = words.search(text, max(0, start - 30, start - back), start) is not None
    for want, is_before, rx, reach, anchored, unless, last, unless_after, answer in _role_plan():
        if want is not None and want != demonym:
            continue
        if is_before:
            hit = (before and (last is None or last.search(text, max(0, start - 16), start) is not None)
                   and rx.search(text, lo if reach is None else max(lo, start - reach), start)
                   is not None)
        elif anchored:
            hit = rx.match(after) is not None
        else:
            hit = rx.search(after) is not None
        if hit and not (unless is not None and before and unless.search(text, lo, start)) and not (
                unless_after is not None and unless_after.match(after)):
            return answer
    return "neutral", False, False


@cache
def _before_words_back() -> tuple[re.Pattern[str], int]:
    """_before_words() and how far back from the party its match can start (see _role_plan)."""
    rx = _before_words()
    width = tail_width(rx.pattern)
    return rx, (1 << 30) if width is None else width + 1


@cache
def _before_words() -> re.Pattern[str]:
    words = [w for r in rules.section("places", "before_words") for w in r["names"]]
    return re.compile(r"(?i:\b" + trie_regex(words) + r")\s(?:the\s)?$")


_GROUP_REACH = 160  # the longest group phrase, up to its 'needs' word


def _groups(text: str, start: int, stop: int) -> list[Place]:
    """Group phrases ('countries that keep buying Russian oil') in text[start:stop]."""
    out: list[Place] = []
    for code, role, needs, rx in _group_finders():
        k = text.find(needs, start, stop)
        while k >= 0:  # every phrase ends at its 'needs' word
            lo, hi = max(start, k - _GROUP_REACH), min(stop, k + len(needs) + 12)
            k = text.find(needs, k + 1, stop)
            for m in rx.finditer(text, lo, hi):
                if not any(p.start <= m.start() < p.end for p in out):
                    out.append(Place(code, m.start(), m.end(), role))
    return sorted(out, key=lambda p: p.start)


@lru_cache(maxsize=4)
def _all(text: str) -> tuple[Place, ...]:
    return tuple(_find(text, 0, len(text)))


@lru_cache(maxsize=4)
def counts(text: str) -> dict[str, int]:
    """How often the text names each party."""
    out: dict[str, int] = {}
    for p in _all(text):
        out[p.code] = out.get(p.code, 0) + 1
    return out


def find(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    """Parties in text[start:end], in order; roles are worked out later, only where needed."""
    if start == 0 and end is None:
        return list(_all(text))
    return _find(text, start, len(text) if end is None else end)


def _find(text: str, start: int, stop: int) -> list[Place]:
    table = _names()
    groups = _groups(text, start, stop)
    out: list[Place] = list(groups)
    search, wordish, commodities = _finder().search, _WORDISH.match, _commodities()
    pos, last = start, -1
    while (m := search(text, pos, stop)) is not None:
        s, e = m.span(1)
        # a name inside a word is no party, but 'China-US trade' names two
        if s > 0 and wordish(text, s - 1) and not (text[s - 1] == "-" and s - 1 == last):
            pos = s + 1
            continue
        pos = last = e
        name = m.group(1)
        code, role, demonym = table[name]
        if role != "ignore" and not (groups and any(g.start <= s < g.end for g in groups)):
            com = name in commodities
            out.append(Place(code, s, e, role, demonym, com, com))
    return sorted(out, key=lambda p: p.start) if groups else out


def with_roles(text: str, places: list[Place]) -> list[Place]:
    """The places with the role their surrounding words give them."""
    done = _done(text)
    out = []
    for p in places:
        got = done.get(p)
        if got is None:
            role, origin, subject = _role(text, p.start, p.end, p.demonym, p.role)
            got = done[p] = Place(p.code, p.start, p.end, role, p.demonym, origin or p.origin,
                                  p.commodity, subject)
        out.append(got)
    return out


@lru_cache(maxsize=4)
def _done(text: str) -> dict[Place, Place]:
    """The places of a text whose roles were worked out (each is worked out once)."""
    return {}

