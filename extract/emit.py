"""Building claims rows: ids, the schema's columns, and the deterministic order."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from datapkg.schema import field_names


@cache
def header() -> tuple[str, ...]:
    return tuple(field_names("claims"))


def claim_id(source_id: str, start: int, end: int, n: int) -> str:
    """'{source_id}-{start}-{end}', with '-n' for the n-th (n >= 2) claim of one mention."""
    base = f"{source_id}-{start}-{end}"
    return base if n <= 1 else f"{base}-{n}"


def row(**values: Any) -> dict[str, Any]:
    """A claims row with exactly the schema's keys; text fields default to ''."""
    out: dict[str, Any] = {}
    for name in header():
        v = values.get(name)
        if name in ("start", "end"):
            out[name] = int(v)  # type: ignore[arg-type]
        elif name == "value":
            out[name] = None if v is None else float(v)
        elif name in ("date_from", "date_to"):
            out[name] = v if isinstance(v, date) else None
        else:
            out[name] = "" if v is None else str(v)
    return out


def numbered(rows: list[dict[str, Any]], source_id: str) -> list[dict[str, Any]]:
    """Give each row its claim id (counting claims per mention) and sort."""
    seen: dict[tuple[int, int], int] = {}
    for r in rows:
        key = (r["start"], r["end"])
        seen[key] = seen.get(key, 0) + 1
        r["claim_id"] = claim_id(source_id, r["start"], r["end"], seen[key])
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["claim_id"]))
