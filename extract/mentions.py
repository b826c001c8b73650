"""Finding mentions: one pass of the combined rule pattern over the whole normalised text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from extract.rules import PREFIX, MentionRule, mention_rules


@dataclass(frozen=True)
class Mention:
    rule: MentionRule
    start: int  # of the mention (group 'm' where the rule marks one)
    end: int
    match_start: int  # of the whole match (may include 'between', 'since', 'for' ...)
    match_end: int
    groups: dict[str, str] = field(default_factory=dict)

    @property
    def is_date(self) -> bool:
        return self.rule.kind == "date"

    def g(self, name: str) -> str | None:
        return self.groups.get(name)


def _mention(rule: MentionRule, text: str, start: int) -> Mention | None:
    m = rule.rx.match(text, start)
    if m is None:  # cannot happen for a rule that matched inside the alternation
        return None
    return from_match(rule, m)


def from_match(rule: MentionRule, m: re.Match[str]) -> Mention:
    """The mention a rule's match gives: group 'm' where the rule marks one, else the whole match."""
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    s, e = (m.start("m"), m.end("m")) if "m" in groups else (m.start(), m.end())
    return Mention(rule, s, e, m.start(), m.end(), groups)


# a match begins at most this far before the first anchor it contains (the longest lead is
# "fourth quarter of the previous year", 35 characters)
REACH = 40
_FEW = 64  # up to this many candidate rules are tried one by one (faster than the alternation)


def windows(text: str, anchors) -> list[tuple[int, int]]:
    """Merged spans [anchor - REACH, anchor + 1) where a mention can begin."""
    out: list[tuple[int, int]] = []
    lo, hi = 0, -REACH - 1  # no span yet: the first anchor cannot reach back into it
    for a in anchors.finditer(text):
        pos = a.start()
        if pos - REACH <= hi:  # anchors come in order: this span reaches back into the last
            hi = pos + 1
            continue
        if hi >= 0:
            out.append((lo, hi))
        lo, hi = max(0, pos - REACH), pos + 1
    if hi >= 0:
        out.append((lo, hi))
    return out


_Tries = tuple[tuple[Callable[..., "re.Match[str] | None"], MentionRule], ...]
_TRIES: dict[str, _Tries | None] = {}  # by_pair per key as bound match methods (None: too many)


def _tries(key: str) -> _Tries | None:
    tried = mention_rules().by_pair(key)
    got = tuple((rule.rx.match, rule) for rule in tried) if len(tried) <= _FEW else None
    _TRIES[key] = got
    return got


def find(text: str, *, anchored: bool = True) -> list[Mention]:
    """Every non-excluded mention in the normalised text, in order, not overlapping; at each
    candidate position the first rule (in file order) that matches wins. `anchored=False` tries
    every word start (slower; the tests use it to check that anchoring loses nothing)."""
    compiled = mention_rules()
    anchors = compiled.anchors_any_digit if compiled.other_digit.search(text) else compiled.anchors
    spans = windows(text, anchors) if anchored else [(0, len(text))]
    out: list[Mention] = []
    last = 0
    tries = _TRIES
    scan = compiled.scanner.finditer
    for lo, hi in spans:
        for cand in scan(text, max(lo, last), hi):
            pos = cand.start()
            if pos < last:
                continue
            key = text[pos:pos + PREFIX]
            # the few rules that can begin with these characters, each tried in file order:
            # the first that matches is the one the alternation would pick
            got = tries.get(key, _UNSEEN)
            if got is _UNSEEN:
                got = _tries(key)
            if got is not None:
                for match, rule in got:  # noqa: B007 (the rule that matched is used below)
                    m = match(text, pos)
                    if m is not None:
                        break
                else:
                    continue
                if m.end() == pos:
                    continue
                last = m.end()
                if rule.parse != "exclude":
                    out.append(from_match(rule, m))
                continue
            match = compiled.by_char[text[pos]].match(text, pos)
            if match is None or match.end() == pos:
                continue
            last = match.end()
            rule = compiled.by_group[match.lastgroup or ""]
            if rule.parse != "exclude" and (mention := _mention(rule, text, pos)) is not None:
                out.append(mention)
    return out


_UNSEEN: Any = object()
