"""Derivation: the tariff stack. A total is the sum of its components (measures.yml
component=component); ``tariff_deal`` (component=scenario) is not a layer.

For each stated total (value known, exact or approx; bounds are not checked) the components with
the same imposer, target and status whose periods fit (overlap, or either undated) are summed,
one fact per component measure (a dated one before an undated one, then the best supported).
``tariff_rate`` is a rate whose layer the text does not name, so it is compared rather than
added: it fits when it equals the remainder or one of the named layers.

* components add up to more than the total: conflict on the total and the components;
* components add up to less than the total:
  - if the reciprocal (baseline) layer is stated, the stack is taken as complete: conflict;
  - else, if no stated ``tariff_rate`` fits, the remainder is a DERIVED ``tariff_rate`` fact
    (a total of 50% "including" a 25% penalty implies a 25% layer no source names), citing the
    claims of the total and the components with role ``derives``;
* a stated ``tariff_rate`` that fits nowhere: conflict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from datapkg.reconcile import keys, periods
from datapkg.reconcile.labels import format_value
from datapkg.reconcile.model import Fact, flag, link
from datapkg.reconcile.refs import ClaimIds
from datapkg.reconcile.vocab import component_of

UNNAMED = "tariff_rate"
BASELINE = "tariff_reciprocal"
BOUNDS = ("lower_bound", "upper_bound")


def _fits(a: periods.Period, b: periods.Period) -> bool:
    return a.undated or b.undated or periods.overlaps(a, b)


def components_of(total: Fact, facts: Sequence[Fact]) -> list[Fact]:
    """One fact per component measure that may be a layer of *total*."""
    best: dict[str, Fact] = {}
    for f in facts:
        if (
            f.fact_type != "tariff_component"
            or f.derived
            or component_of(f.measure) not in ("component", None)
            or f.value is None
            or (f.imposer, f.target, f.status, f.unit)
            != (total.imposer, total.target, total.status, total.unit)
            or not _fits(f.period, total.period)
        ):
            continue
        rank = (f.period.undated, -f.n_sources, f.fact_id)
        cur = best.get(f.measure)
        if cur is None or rank < (cur.period.undated, -cur.n_sources, cur.fact_id):
            best[f.measure] = f
    return [best[m] for m in sorted(best)]


def _show(f: Fact) -> str:
    return f"{f.fact_id} ({format_value(f.value, f.unit, f.qualifier)})"


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol


def check_stack(
    total: Fact, comps: list[Fact], ids: ClaimIds
) -> tuple[dict[str, str], Fact | None]:
    """Notes to flag (fact_id -> note) and the derived remainder fact, if any."""
    assert total.value is not None
    named = [c for c in comps if c.measure != UNNAMED]
    unnamed = [c for c in comps if c.measure == UNNAMED]
    if not named or any(f.qualifier in BOUNDS for f in [total, *comps]):
        return {}, None
    approx = any(f.qualifier == "approx" for f in [total, *comps])
    tol = max(1.0, 0.05 * total.value) if approx else 1e-6
    stated_sum = sum(c.value or 0.0 for c in named)
    remainder = total.value - stated_sum
    sum_text = " + ".join(_show(c) for c in named)
    shown_sum = format_value(stated_sum, total.unit)
    flags: dict[str, str] = {}

    def fits(u: Fact) -> bool:
        assert u.value is not None
        return _close(u.value, remainder, tol) or any(
            _close(u.value, c.value or 0.0, tol) for c in named
        )

    if remainder < -tol:
        note = (
            f"The stack does not add up: {sum_text} = {shown_sum}, more than the total "
            f"{_show(total)}."
        )
        for f in [total, *named]:
            flags[f.fact_id] = note
        return flags, None
    for u in unnamed:
        if not fits(u):
            note = (
                f"The unnamed layer {_show(u)} fits neither the remainder "
                f"{format_value(remainder, total.unit)} of the total {_show(total)} after "
                f"{sum_text} nor any named layer."
            )
            flags[u.fact_id] = note
            flags[total.fact_id] = note
    if remainder <= tol or any(_close(u.value or 0.0, remainder, tol) for u in unnamed):
        return flags, None
    if any(c.measure == BASELINE for c in named):
        note = (
            f"The stack does not add up: {sum_text} = {shown_sum}, less than the total "
            f"{_show(total)}."
        )
        for f in [total, *named]:
            flags[f.fact_id] = note
        return flags, None
    if unnamed:
        return flags, None
    return flags, derive_remainder(total, named, remainder, approx, ids)


def derive_remainder(
    total: Fact, named: list[Fact], remainder: float, approx: bool, ids: ClaimIds
) -> Fact:
    """The layer implied but never stated: total minus the named layers."""
    inputs = [total, *named]
    refs = {r for f in inputs for r in f.stating}
    by_id = sorted((ids.claim_id(r), r) for r in refs)
    claim_ids = [cid for cid, _ in by_id]
    qualifier = "approx" if approx else "exact"
    derivation = (
        f"{_show(total)} minus {' minus '.join(_show(c) for c in named)} = "
        f"{format_value(remainder, total.unit, qualifier)}, a layer no source names; from "
        f"claims {', '.join(claim_ids)}."
    )
    return Fact(
        fact_id=keys.fact_id(UNNAMED, total.imposer, total.target, total.status, total.period)
        + ".derived",
        fact_type="tariff_component",
        measure=UNNAMED,
        imposer=total.imposer,
        target=total.target,
        status=total.status,
        value=remainder,
        unit=total.unit,
        qualifier=qualifier,
        period=total.period,
        n_claims=0,
        n_sources=0,
        derived=True,
        derivation=derivation,
        evidence=tuple(link(r, "derives") for _, r in by_id),
    )


def apply_stacks(facts: list[Fact], ids: ClaimIds) -> list[Fact]:
    """The facts with stack conflicts flagged and derived remainders added."""
    flags: dict[str, list[str]] = {}
    derived: list[Fact] = []
    layers: dict[tuple[str | None, str | None, str, str | None], list[Fact]] = {}
    for f in facts:
        if f.fact_type == "tariff_component":
            layers.setdefault((f.imposer, f.target, f.status, f.unit), []).append(f)
    for total in facts:
        if total.fact_type != "tariff_total" or total.value is None or total.derived:
            continue
        key = (total.imposer, total.target, total.status, total.unit)
        notes, extra = check_stack(total, components_of(total, layers.get(key, [])), ids)
        for fid, note in notes.items():
            flags.setdefault(fid, []).append(note)
        if extra is not None:
            derived.append(extra)
    out = []
    for f in facts:
        for note in flags.get(f.fact_id, []):
            f = flag(f, note)
        out.append(f)
    return out + [dataclasses.replace(d) for d in derived]
