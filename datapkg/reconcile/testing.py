"""Helpers to build small hand-made claims and sources frames (for tests and examples)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from datapkg.schema import field_names


def claim_row(source_id: str, start: int, **fields: Any) -> dict[str, Any]:
    """A claims row with every claims column: defaults for a 25% in-force US tariff on India,
    overridden by *fields*. claim_id is ``{source_id}-{start}-{start+5}`` unless given; dates
    may be given as ISO strings."""
    end = fields.pop("end", start + 5)
    row: dict[str, Any] = {
        "claim_id": f"{source_id}-{start}-{end}",
        "source_id": source_id,
        "start": start,
        "end": end,
        "mention": "25 per cent",
        "quote": "A quote.",
        "kind": "tariff_rate",
        "value": 25.0,
        "unit": "percent",
        "qualifier": "exact",
        "measure": "tariff_total",
        "imposer": "USA",
        "target": "IND",
        "status": "in_force",
        "date_from": None,
        "date_to": None,
        "date_text": "",
        "rule": "test.rule",
    }
    for key, value in fields.items():
        if key not in row:
            raise KeyError(f"not a claims field: {key}")
        if key in ("date_from", "date_to") and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        row[key] = value
    if row["kind"] == "date":
        row["value"], row["unit"] = fields.get("value"), fields.get("unit", "")
    return row


def event_row(source_id: str, start: int, measure: str, day: str, **fields: Any) -> dict[str, Any]:
    """A kind=date claim of an event on *day* (or date_from/date_to when given)."""
    fields.setdefault("date_from", day)
    fields.setdefault("date_to", day)
    fields.setdefault("imposer", "IND")
    fields.setdefault("target", "USA")
    return claim_row(source_id, start, kind="date", measure=measure, mention=day, **fields)


def claims_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=field_names("claims"))


def sources_frame(origins: dict[str, str]) -> pd.DataFrame:
    """A sources frame (every column) from source_id -> origin."""
    rows = []
    for i, (sid, origin) in enumerate(sorted(origins.items())):
        row: dict[str, Any] = {name: "" for name in field_names("sources")}
        row.update(
            source_id=sid,
            file=f"seeds/{i:03d}_{sid}.txt",
            origin=origin,
            published=dt.date(2026, 1, 29),
            date_basis="supplied",
            sha256="0" * 64,
            chars=100,
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=field_names("sources"))
