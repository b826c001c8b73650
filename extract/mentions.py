"""Finding mentions: one pass of the combined rule pattern over the whole normalised text."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.rules import MentionRule, mention_rules


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
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    s, e = (m.start("m"), m.end("m")) if "m" in groups else (m.start(), m.end())
    return Mention(rule, s, e, m.start(), m.end(), groups)


def find(text: str) -> list[Mention]:
    """Every non-excluded mention in the normalised text, in order, not overlapping; at each
    candidate position the first rule (in file order) that matches wins."""
    compiled = mention_rules()
    out: list[Mention] = []
    last = 0
    for cand in compiled.scanner.finditer(text):
        pos = cand.start()
        if pos < last:
            continue
        match = compiled.by_char[text[pos]].match(text, pos)
        if match is None or match.end() == pos:
            continue
        last = match.end()
        rule = compiled.by_group[match.lastgroup or ""]
        if rule.parse == "exclude":
            continue
        mention = _mention(rule, text, pos)
        if mention is not None:
            out.append(mention)
    return out
