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


def article_pass(rows: list[dict[str, Any]]) -> None:
    tariffs = [r for r in rows if r["kind"] == "tariff_rate"]
    imposer, target = _common(tariffs, "imposer"), _common(tariffs, "target")
    for r in tariffs:
        if not r["imposer"] and imposer and imposer != r["target"]:
            r["imposer"] = imposer
        if not r["target"] and target and target != r["imposer"] and not r["target"].startswith("X-"):
            r["target"] = target
    oil = {r["value"] for r in tariffs if r["measure"] == "tariff_penalty_russian_oil"}
    for r in tariffs:
        if r["measure"] == "tariff_penalty" and r["value"] in oil:
            r["measure"] = "tariff_penalty_russian_oil"
    parts: dict[str, list[float]] = {}
    for r in tariffs:
        if r["measure"] in _COMPONENTS and r["measure"] != "tariff_secondary":
            parts.setdefault(r["target"], []).append(r["value"])
    for r in tariffs:
        comps = parts.get(r["target"], [])
        if r["measure"] == "tariff_rate" and comps and r["value"] > max(comps):
            r["measure"] = "tariff_total"
