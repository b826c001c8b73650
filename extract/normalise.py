"""Normalising an article for matching without moving any character.

Every operation replaces characters one for one (curly quotes -> straight, dashes -> '-', tags and
page debris -> spaces), so offsets found in the normalised text are offsets into the original.
"""

from __future__ import annotations

import re
from functools import cache

from extract import rules


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for rule in rules.section("text", "chars"):
        for src, dst in rule["values"].items():
            if len(src) != 1 or len(dst) != 1:
                raise ValueError(f"rule {rule['id']}: replacements must be one character each")
            table[ord(src)] = dst
    return table


@cache
def _swap() -> re.Pattern[str]:
    """The characters the table replaces (rare in text, so a regex finds them faster than
    str.translate walks every character)."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in _table()) + "]")


def _translate(text: str) -> str:
    table = _table()
    return _swap().sub(lambda m: table[ord(m.group(0))], text)


@cache
def _blankers() -> list[re.Pattern[str]]:
    return [re.compile(r["pattern"]) for r in rules.section("text", "blank")]


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
    for rx in _blankers():
        out = rx.sub(_spaces, out)
    if len(out) != len(text):  # a broken rule file, not bad input
        raise AssertionError("normalisation changed the length of the text")
    return out
