"""Normalising an article for matching without moving any character.

Every operation replaces characters one for one (curly quotes -> straight, dashes -> '-', tags and
page debris -> spaces), so offsets found in the normalised text are offsets into the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]

from extract import rules


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for rule in rules.section("text", "chars"):
        for src, dst in rule.get("values", {}).items():
            if len(src) != 1 or len(dst) != 1:
                raise ValueError(f"rule {rule['id']}: replacements must be one character each")
            table[ord(src)] = dst
    return table


@cache
def _swap() -> re.Pattern[str]:
    """The characters the table replaces (rare in text, so a regex finds them faster than
    str.translate walks every character)."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in _table()) + "]")


# A rule naming a Unicode category maps every character of it; a class of the regex engine finds
# them (a listed class of ~700 digits would be tried range by range at every character: 30x slower).
_CATEGORY = {"Nd": r"[^\D0-9]"}  # any decimal digit but the ASCII ones


@cache
def _categories() -> list[re.Pattern[str]]:
    out = []
    for rule in rules.section("text", "chars"):
        if "category" in rule:
            if rule["category"] not in _CATEGORY:
                raise ValueError(f"rule {rule['id']}: no mapping for category {rule['category']!r}")
            out.append(re.compile(_CATEGORY[rule["category"]]))
    return out


def _decimal(match: re.Match[str]) -> str:
    return str(unicodedata.decimal(match.group(0)))


def _translate(text: str) -> str:
    table = _table()
    text = _swap().sub(lambda m: table[ord(m.group(0))], text)
    for rx in _categories():
        text = rx.sub(_decimal, text)
    return text


@cache
def _blankers() -> list[re.Pattern[str]]:
    return [re.compile(r["pattern"]) for r in rules.section("text", "blank")]


@cache
def _fast_blankers() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each blanker with its skipping form (rules.skipping): a pattern that cannot use a literal
    prefix (case-insensitive, opening with \b) is otherwise tried at every position of the text."""
    out = []
    for rx in _blankers():
        try:  # a pattern held at the start of the text ('\A...') is quick as it is
            fast = rx if _at_start(rx.pattern) else rules.skipping(rx)
        except re.error:  # inline global flags ('(?m)...') cannot sit inside the look-ahead
            fast = rx
        out.append((rx, fast))
    return out


def _at_start(pattern: str) -> bool:
    seq = _P.parse(pattern)
    while seq and seq[0][0] is _C.SUBPATTERN:
        seq = seq[0][1][3]
    return bool(seq) and seq[0][0] is _C.AT and seq[0][1] in (
        _C.AT_BEGINNING, _C.AT_BEGINNING_STRING)


def _blank(rx: re.Pattern[str], fast: re.Pattern[str], text: str) -> str:
    """rx.sub(_spaces, text), finding the matches through the skipping form: at each position
    where rx matches (leftmost first, each search resuming at the end of the last match)."""
    if fast is rx:
        return rx.sub(_spaces, text)
    parts: list[str] = []
    done = 0
    for f in fast.finditer(text):
        pos = f.start()
        if pos < done:
            continue
        m = rx.match(text, pos)
        if m is None:  # cannot happen: the skipping form matched here
            continue
        parts.append(text[done:pos])
        parts.append(_spaces(m))
        done = m.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


@cache
def _tails() -> list[re.Pattern[str]]:
    return [re.compile(r["pattern"]) for r in rules.section("text", "tails")]


def _spaces(match: re.Match[str]) -> str:
    """The match with every character but newlines turned into a space."""
    return re.sub(r"[^\n]", " ", match.group(0))


def tail_start(text: str) -> int:
    """Where page furniture after the story begins (len(text) if nowhere)."""
    cut = len(text)
    for rx in _tails():
        m = rx.search(text)
        if m and m.start() < cut:
            cut = m.start()
    return cut


def normalise(text: str) -> str:
    """The text ready for matching: same length, same offsets, debris blanked."""
    out = _translate(text)
    cut = tail_start(out)
    if cut < len(out):
        out = out[:cut] + re.sub(r"[^\n]", " ", out[cut:])
    for rx, fast in _fast_blankers():
        out = _blank(rx, fast, out)
    if len(out) != len(text):  # a broken rule file, not bad input
        raise AssertionError("normalisation changed the length of the text")
    return out
