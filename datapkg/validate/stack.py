"""The tariff stack: components add up to their stated total.

For a stated total (fact_type tariff_total, value known, not a bound, not derived) the
component facts of the same imposer, target, status and unit whose periods fit (overlap, or
either undated) are the layers: one stated fact per named component measure (measures.yml
``component: component``; a dated fact before an undated one, then the one with more
sources), as the build's reconciliation picks them. The named layers must add up to the total
within 1e-6, or max(1, 5%) where a figure is approximate; what they leave over must be an
unnamed ``tariff_rate`` fact (stated, or derived by the build), unless such a fact repeats a
named layer (a stack the text leaves incomplete). A stack the build already flagged
(``conflict`` true on the total or a layer) is reported by the build and not again here.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import yaml

from datapkg.validate.problem import Problem

UNNAMED = "tariff_rate"
BOUNDS = ("lower_bound", "upper_bound")


@cache
def component_measures() -> frozenset[str]:
    text = resources.files("datapkg").joinpath("vocab", "measures.yml").read_text("utf-8")
    entries = (yaml.safe_load(text) or {}).get("measures", [])
    return frozenset(m["id"] for m in entries if m.get("component") == "component")


def _period(f: dict) -> tuple[dt.date | None, dt.date | None, bool]:
    start, end = f.get("date_from"), f.get("date_to")
    start = None if pd.isna(start) else start
    end = None if pd.isna(end) else end
    return start, end, start is None and end is None


def _fits(a: dict, b: dict) -> bool:
    sa, ea, ua = _period(a)
    sb, eb, ub = _period(b)
    if ua or ub:
        return True
    if ea is not None and sb is not None and ea < sb:
        return False
    return not (eb is not None and sa is not None and eb < sa)


def _known(x: Any) -> bool:
    return x is not None and not pd.isna(x)


def check_stacks(facts: list[dict[str, Any]], resource: str = "facts") -> list[Problem]:
    """facts: one dict per row (typed values, '_row' the row number)."""
    need = {
        "fact_type",
        "measure",
        "imposer",
        "target",
        "status",
        "value",
        "unit",
        "qualifier",
        "derived",
        "conflict",
        "fact_id",
    }
    if not facts or not need <= set(facts[0]):
        return []
    comps_all = component_measures()
    layers_of: dict[tuple, list[dict[str, Any]]] = {}
    for f in facts:
        if f["measure"] in comps_all and _known(f["value"]):
            key = (f["imposer"], f["target"], f["status"], f["unit"])
            layers_of.setdefault(key, []).append(f)
    problems = []
    for total in facts:
        if (
            total["fact_type"] != "tariff_total"
            or not _known(total["value"])
            or total["derived"] is True
            or total["qualifier"] in BOUNDS
        ):
            continue
        best: dict[str, dict] = {}
        unnamed: list[dict[str, Any]] = []
        key = (total["imposer"], total["target"], total["status"], total["unit"])
        for f in layers_of.get(key, []):
            if not _fits(f, total):
                continue
            if f["measure"] == UNNAMED:
                unnamed.append(f)  # stated or derived: compared, never added blindly
                continue
            if f["derived"] is True:
                continue
            rank = (_period(f)[2], -(f.get("n_sources") or 0), f["fact_id"])
            cur = best.get(f["measure"])
            if cur is None or rank < (
                _period(cur)[2],
                -(cur.get("n_sources") or 0),
                cur["fact_id"],
            ):
                best[f["measure"]] = f
        named = [best[m] for m in sorted(best)]
        if not named:
            continue
        stack = [total, *named, *unnamed]
        if any(f["conflict"] is True for f in stack) or any(
            f["qualifier"] in BOUNDS for f in stack
        ):
            continue
        approx = any(f["qualifier"] == "approx" for f in stack)
        tol = max(1.0, 0.05 * float(total["value"])) if approx else 1e-6
        layers = sum(float(f["value"]) for f in named)
        remainder = float(total["value"]) - layers
        if abs(remainder) <= tol:
            continue
        if remainder > tol and any(
            abs(float(u["value"]) - remainder) <= tol
            or any(abs(float(u["value"]) - float(f["value"])) <= tol for f in named)
            for u in unnamed
        ):
            continue  # the unnamed layer is the remainder, or the stack is left incomplete
        parts = " + ".join(f"{f['fact_id']} ({float(f['value']):g})" for f in named)
        how = "more than" if remainder < 0 else "less than, with no unnamed layer for the rest,"
        problems.append(
            Problem(
                resource,
                int(total["_row"]),
                "value",
                "stack-sum",
                f"expected the components {parts} = {layers:g} to add up to the total "
                f"{float(total['value']):g} {total['unit']}; they come to {how} it",
            )
        )
    return problems
