"""The controlled vocabularies the reconciler reads: measures (kind, component) and group codes.

Read once from ``datapkg/vocab/*.yml``; a measure missing from the vocabulary is still handled
(see :func:`fact_type`), so a new extractor measure never crashes reconciliation.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

FACT_TYPE_BY_KIND = {
    "trade_value": "trade_figure",
    "change": "change",
    "quantity": "quantity",
    "date": "event",
    "tariff_rate": "tariff_component",
}


def _read(name: str) -> dict[str, Any]:
    text = resources.files("datapkg").joinpath("vocab", name).read_text("utf-8")
    return yaml.safe_load(text) or {}


@cache
def measures() -> dict[str, dict[str, Any]]:
    """measure id -> its vocabulary entry (id, kind, component, description)."""
    return {m["id"]: m for m in _read("measures.yml").get("measures", [])}


@cache
def groups() -> dict[str, str]:
    """group code (X-...) -> its name."""
    return {g["id"]: g["name"] for g in _read("groups.yml").get("groups", [])}


def kind_of(measure: str, claim_kind: str | None = None) -> str | None:
    """The claims.kind a measure belongs to; the claim's own kind for an unknown measure."""
    entry = measures().get(measure)
    return entry["kind"] if entry else claim_kind


def component_of(measure: str) -> str | None:
    """total, component or scenario for tariff measures; None otherwise."""
    entry = measures().get(measure)
    return entry.get("component") if entry else None


def is_event(measure: str) -> bool:
    """Dated events: the event_* measures (the bare ``date`` measure is not an event)."""
    return measure.startswith("event_")


def fact_type(measure: str, claim_kind: str | None = None) -> str | None:
    """The facts.fact_type of a measure, or None when claims of it make no fact.

    tariff_rate measures give tariff_total (component=total) or tariff_component; the rank
    measure gives rank; other measures follow their kind. A ``date`` claim with no recognised
    event (measure ``date``) makes no fact.
    """
    if is_event(measure):
        return "event"
    if measure == "rank":
        return "rank"
    kind = kind_of(measure, claim_kind)
    if kind == "tariff_rate":
        return "tariff_total" if component_of(measure) == "total" else "tariff_component"
    if kind == "date":
        return None
    return FACT_TYPE_BY_KIND.get(kind or "")
