"""Article-level pass: what one sentence leaves unsaid, the rest of the article may say.

- a tariff rate with no imposer or target takes the article's most common one;
- an unlabelled rate above a component rate for the same target is the total;
- a bare 'penalty' of the same value as a Russian-oil penalty in the article is that penalty.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

_COMPONENTS = ("tariff_reciprocal", "tariff_penalty_russian_oil", "tariff_penalty",
               "tariff_secondary", "tariff_fentanyl")


def _common(rows: list[dict[str, Any]], key: str) -> str:
    counts = Counter(r[key] for r in rows if r[key])
    return counts.most_common(1)[0][0] if counts else ""


def _dominant(rows: list[dict[str, Any]], key: str) -> str:
    """The value of key held by most rows, if it is held by at least 60% of those that have one."""
    counts = Counter(r[key] for r in rows if r[key])
    if not counts:
        return ""
    value, n = counts.most_common(1)[0]
    return value if n >= 0.6 * sum(counts.values()) else ""


def article_pass(rows: list[dict[str, Any]]) -> None:
    tariffs = [r for r in rows if r["kind"] == "tariff_rate"]
    oil = {r["value"] for r in tariffs if r["measure"] == "tariff_penalty_russian_oil"}
    for r in tariffs:
        if r["measure"] == "tariff_penalty" and r["value"] in oil:
            r["measure"] = "tariff_penalty_russian_oil"
    imposer, target = _dominant(tariffs, "imposer"), _dominant(tariffs, "target")
    by_target: dict[str, list[dict[str, Any]]] = {}
    for r in tariffs:
        by_target.setdefault(r["target"], []).append(r)
    same_target = {t: _dominant(rs, "imposer") for t, rs in by_target.items()}
    for r in tariffs:  # the imposer named elsewhere for the same target, else the article's
        same = same_target.get(r["target"], "")
        fill = same or (imposer if not r["target"] or r["target"] == target else "")
        if not r["imposer"] and fill and fill != r["target"]:
            r["imposer"] = fill
        if not r["target"] and target and target != r["imposer"]:
            r["target"] = target
    layers: dict[str, dict[str, float]] = {}
    for r in tariffs:  # the largest rate of each component layer, per target
        if r["measure"] in _COMPONENTS and r["target"]:
            by = layers.setdefault(r["target"], {})
            by[r["measure"]] = max(by.get(r["measure"], 0.0), r["value"])
    for r in tariffs:  # an unlabelled rate equal to its layers added up is the total
        by = layers.get(r["target"], {})
        if r["measure"] == "tariff_rate" and len(by) >= 2 and abs(sum(by.values()) - r["value"]) < 1e-9:
            r["measure"] = "tariff_total"
