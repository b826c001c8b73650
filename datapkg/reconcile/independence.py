"""Independence: how many sources stand behind a fact.

A source's *origin* is who wrote the copy (sources.origin): two outlets carrying the same wire
copy share an origin and count once. A source missing from the sources table, or with an empty
origin, is its own origin.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from datapkg.reconcile.keys import Claim, clean_str


def origin_map(sources: pd.DataFrame) -> dict[str, str]:
    """source_id -> origin (the source_id itself where origin is empty)."""
    if sources is None or "source_id" not in sources.columns:
        return {}
    return origin_map_rows(sources.to_dict("records"))


def origin_map_rows(rows: Iterable[Mapping[Any, Any]]) -> dict[str, str]:
    """:func:`origin_map` from sources rows (dicts) instead of a frame."""
    out: dict[str, str] = {}
    for row in rows:
        sid = clean_str(row.get("source_id"))
        if sid:
            out[sid] = clean_str(row.get("origin")) or sid
    return out


def origins(claims: Iterable[Claim]) -> set[str]:
    return {c.origin or c.source_id for c in claims}


def n_sources(claims: Iterable[Claim]) -> int:
    """Independent sources among *claims*: distinct origins."""
    return len(origins(claims))
