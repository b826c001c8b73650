"""Finding parties (countries, groups, demonyms, metonyms, leaders) in text, and the role the
wording around each gives it: imposer, target, goods (a demonym before goods/exports), neutral."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry

from extract import rules
from extract.cues import _fast, exists, starts_with
from extract.firstchars import first_chars
from extract.trie import trie_regex


@dataclass(frozen=True)
class Place:
    code: str
    start: int
    end: int
    role: str  # imposer | target | goods | neutral
    demonym: bool = False


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
    for rule in rules.section("places", "ignore"):
        for name in rule["names"]:
            table[name] = ("", "ignore", False)
    return table


@cache
def _finder() -> re.Pattern[str]:
    # the trie comes first so the regex engine can skip to its first letters in C; the word start
    # is checked in find() instead of by a look-behind
    return re.compile("(" + trie_regex(list(_names())) + r")(?![\w$]|-[a-z])")


_WORDISH = re.compile(r"[\w$-]")


@cache
def _cues() -> list[tuple[int, dict, re.Pattern[str], frozenset[str] | None]]:
    """(index, rule, skipping form, first characters where the rule is anchored at the start of
    'after' (checked there alone) or None)."""
    out = []
    for i, (r, rx, fast) in enumerate(_fast("roles")):
        first = first_chars(rx.pattern)
        at_start = r["side"] != "before" and first is not None and starts_with(rx.pattern)
        out.append((i, r, fast, first if at_start else None))
    return out


def _role(text: str, start: int, end: int, demonym: bool, default: str) -> str:
    if default != "neutral":
        return default
    lo, after = max(0, start - 60), text[end:end + 60]
    for i, rule, fast, first in _cues():
        if rule.get("demonym") is not None and rule["demonym"] != demonym:
            continue
        if rule["side"] == "before":
            hit = exists("roles", i, text, lo, start)
        elif first is not None:  # '^...': the skipping form's search can succeed only at 0
            hit = bool(after) and after[0] in first and fast.match(after) is not None
        else:
            hit = fast.search(after) is not None
        if hit:
            return rule["role"]
    return "neutral"


def find(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    """Parties in text[start:end], in order; roles are worked out later, only where needed."""
    table = _names()
    out: list[Place] = []
    finder = _finder()
    stop = len(text) if end is None else end
    pos = start
    while (m := finder.search(text, pos, stop)) is not None:
        s, e = m.start(1), m.end(1)
        if s > 0 and _WORDISH.match(text, s - 1):
            pos = s + 1
            continue
        pos = e
        code, role, demonym = table[m.group(1)]
        if role != "ignore":
            out.append(Place(code, s, e, role, demonym))
    return out


def with_roles(text: str, places: list[Place]) -> list[Place]:
    """The places with the role their surrounding words give them."""
    return [Place(p.code, p.start, p.end, _role(text, p.start, p.end, p.demonym, p.role), p.demonym)
            for p in places]

