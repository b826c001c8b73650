"""Finding mentions: one pass of the combined rule pattern over the whole normalised text."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    return _from_match(rule, m)


def _from_match(rule: MentionRule, m) -> Mention:
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
    for a in anchors.finditer(text):
        lo, hi = max(0, a.start() - REACH), a.start() + 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def find(text: str, *, anchored: bool = True) -> list[Mention]:
    """Every non-excluded mention in the normalised text, in order, not overlapping; at each
    candidate position the first rule (in file order) that matches wins. `anchored=False` tries
    every word start (slower; the tests use it to check that anchoring loses nothing)."""
    compiled = mention_rules()
    spans = windows(text, compiled.anchors) if anchored else [(0, len(text))]
    out: list[Mention] = []
    last = 0
    pairs = compiled.pairs
    for lo, hi in spans:
        for cand in compiled.scanner.finditer(text, max(lo, last), hi):
            pos = cand.start()
            if pos < last:
                continue
            key = text[pos:pos + PREFIX]
            # the few rules that can begin with these characters, each tried in file order:
            # the first that matches is the one the alternation would pick
            tried = pairs.get(key)
            if tried is None:
                tried = compiled.by_pair(key)
            if len(tried) <= _FEW:
                for rule in tried:
                    m = rule.rx.match(text, pos)
                    if m is not None:
                        break
                else:
                    continue
                if m.end() == pos:
                    continue
                last = m.end()
                if rule.parse != "exclude":
                    out.append(_from_match(rule, m))
                continue
            match = compiled.by_char[text[pos]].match(text, pos)
            if match is None or match.end() == pos:
                continue
            last = match.end()
            rule = compiled.by_group[match.lastgroup or ""]
            if rule.parse != "exclude" and (mention := _mention(rule, text, pos)) is not None:
                out.append(mention)
    return out
