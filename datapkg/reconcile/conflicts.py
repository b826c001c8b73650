"""Conflicts: sources that give different values for the same figure.

Nothing is averaged or dropped. Within a group the claims are tallied by value (and unit); the
fact keeps the value the most independent sources give (then the most claims; on a full tie the
lower value, and the note says it was a tie). Claims giving that value, or no value, *state*
the fact; claims giving another value are kept as evidence with role *disagrees*, the fact is
flagged ``conflict=true`` and ``conflict_note`` names every value with the sources behind it.
Different units for one figure count as different values.

An undated claim that grouping could not place (it fits several dated facts) and whose value
matches none of them is flagged too (:func:`flag_unplaced`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from datapkg.reconcile.independence import origins
from datapkg.reconcile.keys import Claim, parties_compatible
from datapkg.reconcile.labels import format_value
from datapkg.reconcile.model import Fact, flag
from datapkg.reconcile.refs import ClaimIds

QUALIFIER_ORDER = ("exact", "approx", "lower_bound", "upper_bound")
ValueKey = tuple[float, str]


@dataclass(frozen=True)
class Resolution:
    value: float | None
    unit: str | None
    qualifier: str
    stating: tuple[Claim, ...]
    disagreeing: tuple[Claim, ...]
    note: str | None


def value_key(c: Claim) -> ValueKey | None:
    if c.value is None:
        return None
    return (round(c.value, 9), c.unit or "")


def majority_qualifier(claims: Iterable[Claim]) -> str:
    """The qualifier most claims give; ties broken exact > approx > lower > upper."""
    counts = Counter(c.qualifier for c in claims)
    if not counts:
        return "exact"
    rank = {q: i for i, q in enumerate(QUALIFIER_ORDER)}
    return min(counts, key=lambda q: (-counts[q], rank.get(q, len(rank)), q))


def sources_text(claims: Iterable[Claim]) -> str:
    return ", ".join(sorted({c.source_id for c in claims}))


def sources_text_of(refs: Iterable[int], ids: ClaimIds) -> str:
    """:func:`sources_text` of the claims with these refs."""
    return ", ".join(sorted({ids.source_id(r) for r in refs}))


def resolve(claims: tuple[Claim, ...]) -> Resolution:
    """Pick the fact's value from a group's claims and say who disagrees."""
    by_value: dict[ValueKey, list[Claim]] = defaultdict(list)
    for c in claims:
        key = value_key(c)
        if key is not None:
            by_value[key].append(c)
    if not by_value:
        return Resolution(None, None, majority_qualifier(claims), claims, (), None)
    ranked = sorted(
        by_value, key=lambda k: (-len(origins(by_value[k])), -len(by_value[k]), k[0], k[1])
    )
    chosen = ranked[0]
    stating = tuple(c for c in claims if value_key(c) in (chosen, None))
    disagreeing = tuple(c for c in claims if value_key(c) not in (chosen, None))
    qualifier = majority_qualifier(c for c in stating if c.value is not None)
    note = None
    if len(ranked) > 1:
        parts = []
        for k in ranked:
            q = majority_qualifier(by_value[k])
            parts.append(f"{format_value(k[0], k[1] or None, q)} ({sources_text(by_value[k])})")
        tie = (len(origins(by_value[ranked[0]])), len(by_value[ranked[0]])) == (
            len(origins(by_value[ranked[1]])),
            len(by_value[ranked[1]]),
        )
        rule = (
            "sources are tied, so the lower value is kept"
            if tie
            else "the value most independent sources give is kept"
        )
        note = f"Sources disagree on the value: {' vs '.join(parts)}; {rule}."
    return Resolution(
        value=chosen[0],
        unit=chosen[1] or None,
        qualifier=qualifier,
        stating=stating,
        disagreeing=disagreeing,
        note=note,
    )


def _same(a: Fact, b: Fact) -> bool:
    return (
        a.unit == b.unit
        and a.value is not None
        and b.value is not None
        and (abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value)))
    )


def flag_unplaced(facts: Sequence[Fact], ids: ClaimIds) -> list[Fact]:
    """Flag an undated figure that grouping could not place (it fits several dated facts of
    the same measure, status and parties) when its value matches none of them: it disagrees
    with all of them, but with which one cannot be told. The dated facts' stating claims are
    cited as disagreeing."""
    dated_by: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for g in facts:
        if not g.period.undated and not g.derived and g.value is not None:
            dated_by[(g.measure, g.status)].append(g)
    out = []
    for f in facts:
        if f.period.undated and f.value is not None and not f.derived and f.fact_type != "event":
            dated = [
                g
                for g in dated_by.get((f.measure, f.status), [])
                if parties_compatible(f.measure, (f.imposer, f.target), (g.imposer, g.target))
            ]
            if len(dated) > 1 and not any(_same(f, g) for g in dated):
                shown = "; ".join(
                    f"{g.fact_id} ({format_value(g.value, g.unit, g.qualifier)}, "
                    f"{sources_text_of(g.stating, ids)})"
                    for g in dated
                )
                note = (
                    f"Undated {format_value(f.value, f.unit, f.qualifier)} "
                    f"({sources_text_of(f.stating, ids)}) matches none of the dated values of this "
                    f"figure: {shown}."
                )
                f = flag(f, note, tuple(r for g in dated for r in g.stating))
        out.append(f)
    return out
