"""Searching cue rules in the windows around a mention and picking the nearest match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extract import rules

Cue = tuple[dict[str, Any], re.Pattern[str]]
REACH = 150  # cues further than this from a mention are not read (bounds work per mention)


@cache
def cues(section: str) -> list[Cue]:
    return rules.compile_cues("classify", section)


@cache
def _fast(section: str) -> list[tuple[dict[str, Any], re.Pattern[str], re.Pattern[str]]]:
    return [(r, rx, rules.skipping(rx)) for r, rx in cues(section)]


def hits(rx: re.Pattern[str], fast: re.Pattern[str], text: str, lo: int, hi: int):
    """Matches of rx in text[lo:hi], found through its skipping form."""
    if fast is rx:
        yield from rx.finditer(text, lo, hi)
        return
    last = lo
    for f in fast.finditer(text, lo, hi):
        if f.start() < last:
            continue
        m = rx.match(text, f.start(), hi)
        if m is not None:
            last = max(m.end(), f.start() + 1)
            yield m


@dataclass(frozen=True)
class Window:
    """Where a mention sits: the sentence, and the clause bounded by neighbouring figures."""

    text: str  # the whole normalised text
    sent_start: int
    sent_end: int
    start: int  # mention
    end: int
    lo: int  # clause start: previous figure's end or sentence start
    hi: int  # clause end: next figure's start or sentence end

    @property
    def before(self) -> str:
        return self.text[self.lo:self.start]

    @property
    def after(self) -> str:
        return self.text[self.end:self.hi]

    @property
    def sentence(self) -> str:
        return self.text[self.sent_start:self.sent_end]


def anchored(section: str, w: Window) -> dict[str, Any] | None:
    """The first rule whose pattern matches at the edge of its side ('before' ends at the mention,
    'after' starts at it)."""
    after = None
    for rule, _rx, fast in _fast(section):  # the skipping forms answer the same yes/no faster
        side = rule.get("side", "before")
        if side == "before" and fast.search(w.text, w.lo, w.start):
            return rule
        if side == "after":
            after = w.after if after is None else after
            if fast.search(after):
                return rule
    return None


def nearest(section: str, w: Window, lo: int, hi: int, *, after_weight: float = 1.0,
            sides: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The rule with the match nearest the mention within text[lo:hi] (ties: earlier rule)."""
    best: tuple[float, int] | None = None
    found = None
    lo, hi = max(lo, w.start - REACH), min(hi, w.end + REACH)
    text, start, end = w.text, w.start, w.end
    for i, (rule, rx, fast) in enumerate(_fast(section)):
        if sides and rule.get("side", "near") not in sides:
            continue
        if kinds and rule.get("kind") not in kinds:
            continue
        last = lo
        for f in fast.finditer(text, lo, hi):  # hits(), inlined: this loop is the hot path
            pos = f.start()
            if pos < last:
                continue
            m = rx.match(text, pos, hi) if fast is not rx else f
            if m is None:
                continue
            last = max(m.end(), pos + 1)
            if m.end() <= start:
                d = float(start - m.end())
            elif m.start() >= end:
                d = (m.start() - end) * after_weight
            else:
                continue
            d -= rule.get("bonus", 0)
            if best is None or (d, i) < best:
                best, found = (d, i), rule
    return found


def first(section: str, text: str) -> dict[str, Any] | None:
    """The first rule (in file order) whose pattern occurs anywhere in text."""
    for rule, rx in cues(section):
        if rx.search(text):
            return rule
    return None
