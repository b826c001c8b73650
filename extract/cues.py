"""Searching cue rules in the windows around a mention and picking the nearest match."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]
from typing import Any

from extract import rules
from extract.firstchars import (
    KeyIndex,
    charset,
    ends_at_end,
    first_chars,
    fold_ascii,
    prefixes,
    suffixes,
    tail_width,
)

Cue = tuple[dict[str, Any], re.Pattern[str]]
REACH = 150  # cues further than this from a mention are not read (bounds work per mention)


@cache
def cues(section: str) -> list[Cue]:
    return rules.compile_cues("classify", section)


@cache
def _fast(section: str) -> list[tuple[dict[str, Any], re.Pattern[str], re.Pattern[str]]]:
    return [(r, rx, rules.skipping(rx)) for r, rx in cues(section)]


def hits(rx: re.Pattern[str], fast: re.Pattern[str], text: str, lo: int,
         hi: int) -> tuple[re.Match[str], ...]:
    """Matches of rx in text[lo:hi], found through its skipping form. Worked out once per text
    and (rx, lo, hi): the dates of one sentence read the same stretch, often clipped to the
    sentence, again and again."""
    cur = _HITS[0]
    if cur[0] is not text:
        cur = _HITS[0] = (text, {})
    key = (rx, lo, hi)
    got = cur[1].get(key)
    if got is None:
        got = cur[1][key] = tuple(_hits(rx, fast, text, lo, hi))
    return got


# the text last read by hits() and its matches by (rx, lo, hi), one tuple so that a reader on
# another thread never pairs one text with another's matches
_HITS: list[tuple[str | None, dict[tuple[re.Pattern[str], int, int], tuple[re.Match[str], ...]]]] = \
    [(None, {})]


def _hits(rx: re.Pattern[str], fast: re.Pattern[str], text: str, lo: int, hi: int):
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


@cache
def _anchored_plan(section: str):
    """(index, rule, side, skipping form, first characters of a rule anchored at the start of
    'after' or None) for anchored()."""
    out = []
    for i, (rule, rx, fast) in enumerate(_fast(section)):
        side = rule.get("side", "before")
        first = first_chars(rx.pattern) if side == "after" and starts_with(rx.pattern) else None
        out.append((i, rule, side, fast, first))
    return out


def anchored(section: str, w: Window) -> dict[str, Any] | None:
    """The first rule whose pattern matches at the edge of its side ('before' ends at the mention,
    'after' starts at it)."""
    after = None
    for i, rule, side, fast, first in _anchored_plan(section):  # the skipping forms answer the
        if side == "before" and exists(section, i, w.text, w.lo, w.start):  # same yes/no faster
            return rule
        if side == "after":
            after = w.after if after is None else after
            if first is not None:  # '^...': the skipping form's search can succeed only at 0
                if after and after[0] in first and fast.match(after) is not None:
                    return rule
            elif fast.search(after):
                return rule
    return None


# --- word-start index ---------------------------------------------------------------------------
# Most cue patterns begin with \b before a word character, so they can only match at a word start.
# For those rules the positions nearest() tries are taken from an index of the text's word starts
# built once per text (keyed by the next PREFIX characters, which rule can begin there), instead
# of a regex scan of every window. The index only leaves out positions where the rule cannot
# match, so the matches, and their order, are those of the skipping scan.

_IS_WORD = re.compile(r"\w")


def _at_word_start(pattern: str, first: frozenset[str] | None) -> bool:
    """Whether pattern opens with \b (inside groups only, after look-behinds, which read only what
    stands before and move nothing) and can begin only with word characters."""
    if first is None or not all(_IS_WORD.match(c) for c in first):
        return False
    seq = _P.parse(pattern)
    while seq and seq[0][0] is _C.SUBPATTERN:
        seq = seq[0][1][3]
    k = 0
    while k < len(seq) and seq[k][0] in (_C.ASSERT, _C.ASSERT_NOT) and seq[k][1][0] < 0:
        k += 1
    return k < len(seq) and seq[k][0] is _C.AT and seq[k][1] is _C.AT_BOUNDARY


class _Index:
    """Indexed cue rules (every section of classify.yml) and, for the current text, the sorted word
    starts where each can match."""

    def __init__(self) -> None:
        self.rules: list[tuple[frozenset[str], frozenset[str] | None]] = []
        self.slot: dict[tuple[str, int], int] = {}
        for section in rules.load("classify"):
            for i, (_rule, rx, _fast_rx) in enumerate(_fast(section)):
                first = first_chars(rx.pattern)
                if first is not None and _at_word_start(rx.pattern, first):
                    self.slot[(section, i)] = len(self.rules)
                    self.rules.append((first, prefixes(rx.pattern, rules.PREFIX)))
        self.by_key: dict[str, tuple[int, ...]] = {}
        self.keys = KeyIndex(self.rules)
        # word starts at a character some indexed rule can begin with (digits, most often, none)
        chars = frozenset().union(*[first for first, _pre in self.rules])
        self.word_start = re.compile(charset(chars) + r"(?<!\w.)") if chars else re.compile("(?!)")
        # the text last indexed with its word starts, one tuple so that a reader on another
        # thread never pairs one text with another's starts
        self.current: tuple[str | None, list[list[int]]] = (None, [])

    def _key(self, key: str) -> tuple[int, ...]:
        got = self.by_key[key] = self.keys.lookup(key)
        return got

    def of(self, text: str) -> list[list[int]]:
        cur = self.current
        if cur[0] is not text:
            starts: list[list[int]] = [[] for _ in self.rules]
            by_key, k = self.by_key, rules.PREFIX
            for m in self.word_start.finditer(text):
                pos = m.start()
                key = text[pos:pos + k]
                got = by_key.get(key)
                if got is None:
                    got = self._key(key)
                for j in got:
                    starts[j].append(pos)
            self.current = (text, starts)
            return starts
        return cur[1]


@cache
def _index() -> _Index:
    return _Index()


TAIL = 8  # characters before the end of a window read to rule out a cue that ends at '$'


def _tails(pattern: str) -> tuple[int, frozenset[str]] | None:
    """(k, the folded ASCII strings of k characters or fewer that every match ends with) for a
    pattern whose every match ends at '$', with the largest k up to TAIL that firstchars can
    work out."""
    if not ends_at_end(pattern):
        return None
    for k in range(TAIL, 0, -1):
        got = suffixes(pattern, k, fold=True)
        if got is not None:
            return k, got
    return None


@cache
def _exists_plan(section: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str], int | None,
                                              int | None, tuple[int, frozenset[str]] | None],
                                        ...]:
    """Per rule of section: (rx, skipping form, index slot or None, reach back from the end of
    the window or None, _tails or None). A rule whose every match ends at '$' and whose width is
    at most W can only match starting at hi - 1 - W or later ('$' may also match before a final
    newline); and only where the window ends with one of its tails."""
    slot = _index().slot
    out = []
    for i, (_rule, rx, fast) in enumerate(_fast(section)):
        width = tail_width(rx.pattern)
        out.append((rx, fast, slot.get((section, i)), None if width is None else width + 1,
                    _tails(rx.pattern)))
    return tuple(out)


def _may_end(text: str, hi: int, tails: tuple[int, frozenset[str]]) -> bool:
    """False only when no match of a rule with these tails can end at hi: the text before hi
    ends with none of them (ASCII text not ending in a newline; otherwise True, unknown)."""
    k, ends = tails
    s = text[max(0, hi - k):hi]
    if not s.isascii() or s.endswith("\n"):
        return True
    s = fold_ascii(s)
    return any(s[j:] in ends for j in range(len(s) + 1))


_EXISTS: dict[str, tuple] = {}  # _exists_plan by section, read without a call


def exists(section: str, i: int, text: str, lo: int, hi: int) -> bool:
    """Whether rule i of section matches anywhere in text[lo:hi] (what its skipping form's
    search answers), through the word-start index where the rule is indexed."""
    plan = _EXISTS.get(section)
    if plan is None:
        plan = _EXISTS[section] = _exists_plan(section)
    rx, fast, slot, back, tails = plan[i]
    if back is not None and hi - back > lo:
        lo = hi - back
    if slot is None:
        # a window that the rule's width does not shorten is searched at every character the
        # rule can begin with: first rule out a window whose end cannot end a match
        if back is None and tails is not None and not _may_end(text, hi, tails):
            return False
        return fast.search(text, lo, hi) is not None
    ix = _index()
    cur = ix.current
    cands = (cur[1] if cur[0] is text else ix.of(text))[slot]
    k = bisect_left(cands, lo)
    if k == len(cands) or cands[k] >= hi:
        return False
    for pos in cands[k:bisect_left(cands, hi, k)]:
        if rx.match(text, pos, hi) is not None:
            return True
    return False


def starts_with(pattern: str) -> bool:
    """Whether pattern opens with ^ (inside groups only) and never sets the MULTILINE flag, so it
    can match only at the start of the string searched."""
    if re.search(r"\(\?[a-zA-Z-]*m", pattern) or re.compile(pattern).flags & re.MULTILINE:
        return False
    seq = _P.parse(pattern)
    while seq and seq[0][0] is _C.SUBPATTERN:
        seq = seq[0][1][3]
    return bool(seq) and seq[0][0] is _C.AT and seq[0][1] is _C.AT_BEGINNING


@cache
def _plan(section: str, sides: tuple[str, ...], kinds: tuple[str, ...]):
    """The rules nearest() reads, in file order: (rule, rx, fast, bonus, index slot or None)."""
    slot = _index().slot
    out = []
    for i, (rule, rx, fast) in enumerate(_fast(section)):
        if sides and rule.get("side", "near") not in sides:
            continue
        if kinds and rule.get("kind") not in kinds:
            continue
        out.append((rule, rx, fast, rule.get("bonus", 0), slot.get((section, i))))
    return tuple(out)


def nearest(section: str, w: Window, lo: int, hi: int, *, after_weight: float = 1.0,
            sides: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The rule with the match nearest the mention within text[lo:hi] (ties: earlier rule)."""
    best: float | None = None  # rules come in file order: a later one wins only when nearer
    found = None
    lo, hi = max(lo, w.start - REACH), min(hi, w.end + REACH)
    text, start, end = w.text, w.start, w.end
    starts = None
    for rule, rx, fast, bonus, slot in _plan(section, sides, kinds):
        if slot is not None:  # candidate positions from the word-start index (_matched inlined)
            if starts is None:
                ix = _index()
                cur = ix.current
                starts = cur[1] if cur[0] is text else ix.of(text)
            cands = starts[slot]
            k = bisect_left(cands, lo)
            if k == len(cands) or cands[k] >= hi:
                continue
            last = lo
            for pos in cands[k:bisect_left(cands, hi, k)]:
                if pos < last:
                    continue
                if pos >= end and best is not None and (pos - end) * after_weight - bonus >= best:
                    break  # a match from here on starts at pos or later: not nearer
                m = rx.match(text, pos, hi)
                if m is None:
                    continue
                last = max(m.end(), pos + 1)
                if m.end() <= start:
                    d = float(start - m.end())
                elif m.start() >= end:
                    d = (m.start() - end) * after_weight
                else:
                    continue
                d -= bonus
                if best is None or d < best:
                    best, found = d, rule
                if m.start() >= end:
                    break  # this rule's later matches are further away
            continue
        if fast is rx:
            found_ = _chained(rx.finditer(text, lo, hi), lo)
        else:  # the skipping scan
            found_ = _matched(rx, text, [f.start() for f in fast.finditer(text, lo, hi)], lo, hi)
        for m in found_:
            if m.end() <= start:
                d = float(start - m.end())
            elif m.start() >= end:
                d = (m.start() - end) * after_weight
            else:
                continue
            d -= bonus
            if best is None or d < best:
                best, found = d, rule
    return found


def _chained(matches, lo: int):
    last = lo
    for m in matches:
        pos = m.start()
        if pos < last:
            continue
        last = max(m.end(), pos + 1)
        yield m


def _matched(rx: re.Pattern[str], text: str, positions: list[int], lo: int, hi: int):
    """The chain of matches of rx at the given candidate positions (each at least where the
    previous match ended), as hits() finds them."""
    last = lo
    for pos in positions:
        if pos < last:
            continue
        m = rx.match(text, pos, hi)
        if m is not None:
            last = max(m.end(), pos + 1)
            yield m


def first(section: str, text: str) -> dict[str, Any] | None:
    """The first rule (in file order) whose pattern occurs anywhere in text."""
    for rule, rx in cues(section):
        if rx.search(text):
            return rule
    return None
