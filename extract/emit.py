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


_INT, _FLOAT, _DATE, _TEXT = range(4)


@cache
def _columns() -> tuple[tuple[str, int], ...]:
    """Each column of the header with how row() converts its value (worked out once)."""
    return tuple((name, _INT if name in ("start", "end") else _FLOAT if name == "value"
                  else _DATE if name in ("date_from", "date_to") else _TEXT) for name in header())


def row(**values: Any) -> dict[str, Any]:
    """A claims row with exactly the schema's keys; text fields default to ''."""
    out: dict[str, Any] = {}
    get = values.get
    for name, how in _columns():
        v = get(name)
        if how == _TEXT:
            out[name] = "" if v is None else str(v)
        elif how == _INT:
            out[name] = int(v)  # type: ignore[arg-type]
        elif how == _FLOAT:
            out[name] = None if v is None else float(v)
        else:
            out[name] = v if isinstance(v, date) else None
    return out


def numbered(rows: list[dict[str, Any]], source_id: str) -> list[dict[str, Any]]:
    """Give each row its claim id (counting claims per mention) and sort."""
    seen: dict[tuple[int, int], int] = {}
    for r in rows:
        key = (r["start"], r["end"])
        seen[key] = seen.get(key, 0) + 1
        r["claim_id"] = claim_id(source_id, r["start"], r["end"], seen[key])
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["claim_id"]))
