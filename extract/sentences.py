"""Splitting normalised text into sentence spans (start, end) with surrounding space trimmed."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from extract import rules

# A full stop, question or exclamation mark (with closing quotes or brackets) followed by space and
# a capital, digit or opening quote; or a full stop glued to the next sentence ("February 4.He").
_BOUNDARY = re.compile(
    r"[.!?][\"')\]]{0,3}(?=[ ]{1,40}(?:[\"'\[]?[A-Z0-9]|\())|(?<=[a-z0-9]{2}\.)(?=[A-Z][a-z])|\n"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,6})\.$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(rules.merged_values("text", "abbreviations"))


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 8), dot + 1)
    if not m:
        return False
    word = m.group(1).lower()
    return word in _abbreviations() or (len(word) == 1 and text[m.start(1)].isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


MAX_LEN = 1500  # longer runs (tables, run-on debris) are cut at a space so no work is quadratic
_SPACE_BACK = re.compile(r"\s")


def _cap(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_LEN:
            cut = text.rfind(" ", start + MAX_LEN // 2, start + MAX_LEN)
            cut = cut if cut > start else start + MAX_LEN
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out


# the last text split and its spans, one tuple (safe to read from any thread): the pipeline and
# the parties pass both split the same text
_LAST: tuple[str | None, tuple[tuple[int, int], ...]] = (None, ())


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the (normalised) text, in order, never empty, at most MAX_LEN long."""
    global _LAST
    last = _LAST
    if last[0] is not text and last[0] != text:
        last = _LAST = (text, tuple(_cap(_split(text), text)))
    return list(last[1])


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0) == "\n":
            cut = m.start()
        elif text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        else:
            cut = m.end()
        span = _trim(text, start, cut)
        if span:
            spans.append(span)
        start = cut
    span = _trim(text, start, len(text))
    if span:
        spans.append(span)
    return spans


class SentenceIndex:
    """Finds the sentence holding an offset by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def find(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the nearest one before it)."""
        return max(0, bisect_right(self._starts, offset) - 1)
