"""Pairing figures with parties in lists: 'Vietnam (20 per cent), C, D and E (19 per cent)' and
'X and Y, at 12 and 15 per cent respectively'."""

from __future__ import annotations

import re

from extract.mentions import Mention
from extract.places import Place

_SEP = re.compile(r"^(?:\s*(?:,|and|&|,\s*and|as\swell\sas)\s*|\s+)$")
_OPEN = re.compile(r"\(\s*(?:at\s)?$")
_GAP_MAX = 12


def _chain_before(places: list[Place], text: str, end: int) -> list[str]:
    """Parties ending just before `end`, joined by commas/'and' only, in text order."""
    chain: list[Place] = []
    cursor = end
    for p in reversed([p for p in places if p.end <= end]):
        gap = text[p.end:cursor]
        if chain and not _SEP.match(gap):
            break
        if not chain and gap.strip():
            break
        chain.append(p)
        cursor = p.start
    codes: list[str] = []
    for p in reversed(chain):
        if p.code not in codes:
            codes.append(p.code)
    return codes


def _last_chain(places: list[Place], text: str) -> list[str]:
    """The last run of parties joined only by commas/'and' (in text order, distinct)."""
    best: list[Place] = []
    run: list[Place] = []
    for p in places:
        if run and _SEP.match(text[run[-1].end:p.start]):
            run.append(p)
        else:
            run = [p]
        best = list(run)
    codes: list[str] = []
    for p in best:
        if p.code not in codes:
            codes.append(p.code)
    return codes


def targets(places: list[Place], text: str, m: Mention, n_figs: int) -> list[str]:
    """Parties a list gives this mention ([] when the mention is not in such a list)."""
    before = text[max(0, m.start - 6):m.start]
    if _OPEN.search(before):  # 'C, D and E (19 per cent)'
        paren = text.rfind("(", 0, m.start)
        return _chain_before(places, text, paren)
    if m.rule.parse == "pct_list" and n_figs > 1:  # 'X and Y, at 12 and 15 per cent respectively'
        codes = _last_chain([p for p in places if p.end <= m.start], text)
        if len(codes) == n_figs and _joined_to(places, text, m.start):
            return codes
        # '10, 15 and 20 per cent on Laos, Myanmar and Cambodia respectively'
        resp = _RESP_AFTER.match(text, m.end)
        if resp is None:
            return codes if len(codes) == n_figs else []
        after = _first_chain([p for p in places if m.end <= p.start < resp.end()], text)
        return after if len(after) == n_figs else []
    if n_figs == 1:
        return _respectively(places, text, m.start, m.end)
    return []


_FIG = r"(?:[$€£¥₹]\s?)?\d[\d.,]*(?:\s?(?:%|per\s?cent|percent|pc)\b|%)?"
_RUN_SEP = r"(?:,\s?(?:and\s)?|\sand\s|\s?&\s?)"
_FIG_BEFORE = re.compile(rf"({_FIG}){_RUN_SEP}$")
_FIG_AFTER = re.compile(rf"{_RUN_SEP}({_FIG})")
_THEN_RESP = re.compile(r"(?:\s?(?:%|per\s?cent|percent|pc)\b)?,?\s(?:[^.;()]{0,80}?\s)?respectively\b")


def _respectively(places: list[Place], text: str, start: int, end: int) -> list[str]:
    """'rates of 19%, 20% and 40% for Indonesia, Vietnam and Laos respectively' and 'A and B
    were set at 19 and 25 per cent respectively' where each figure is a mention of its own: the
    party at the figure's place in the run of parties before or after the run of figures."""
    if text.find("respectively", end, end + 200) < 0:
        return []
    lo, hi, index, count = start, end, 0, 1
    while (b := _FIG_BEFORE.search(text, max(0, lo - 40), lo)) is not None:
        lo, index, count = b.start(), index + 1, count + 1
    while (a := _FIG_AFTER.match(text, hi)) is not None:
        hi, count = a.end(), count + 1
    resp = _THEN_RESP.match(text, hi)
    if count < 2 or resp is None:
        return []
    before = _last_chain([p for p in places if p.end <= lo], text)
    if len(before) == count and _joined_to(places, text, lo):
        return [before[index]]
    after = _first_chain([p for p in places if hi <= p.start < resp.end()], text)
    return [after[index]] if len(after) == count else []


def _joined_to(places: list[Place], text: str, lo: int) -> bool:
    """Whether the last party before lo is within the same clause as the figures (no full stop
    or semicolon between)."""
    last = max((p.end for p in places if p.end <= lo), default=None)
    return last is not None and not re.search(r"[.;]", text[last:lo])


def _first_chain(places: list[Place], text: str) -> list[str]:
    """The first run of parties joined only by commas/'and' (in text order, distinct)."""
    run: list[Place] = []
    for p in places:
        if run and not _SEP.match(text[run[-1].end:p.start]):
            break
        run.append(p)
    return list(dict.fromkeys(p.code for p in run))


_RESP_AFTER = re.compile(r"[^.;()]{0,120}?\brespectively\b")
_ITEM = re.compile(r"\s?\(\s?(?:at\s)?\d")


def unlisted(places: list[Place], text: str) -> list[Place]:
    """Places that are not items of a 'Vietnam (20%), Indonesia (19%)' list: list items belong
    to their own bracketed figure, not to the sentence's other figures."""
    bound: set[int] = set()
    for i, p in enumerate(places):
        if _ITEM.match(text, p.end):
            bound.add(i)
            j = i  # 'Malaysia, Thailand and Cambodia (19 per cent)': the whole run is bound
            while j > 0 and _SEP.match(text[places[j - 1].end:places[j].start]):
                j -= 1
                bound.add(j)
    return [p for i, p in enumerate(places) if i not in bound]
