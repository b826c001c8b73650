"""Independence: how many sources stand behind a fact.

A source's *origin* is who wrote the copy (sources.origin): two outlets carrying the same wire
copy share an origin and count once. A source missing from the sources table, or with an empty
origin, is its own origin.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from datapkg.reconcile.keys import Claim, clean_str


def origin_map(sources: pd.DataFrame) -> dict[str, str]:
    """source_id -> origin (the source_id itself where origin is empty)."""
    out: dict[str, str] = {}
    if sources is None or "source_id" not in sources.columns:
        return out
    has_origin = "origin" in sources.columns
    for row in sources.to_dict("records"):
        sid = clean_str(row.get("source_id"))
        if sid:
            out[sid] = (clean_str(row.get("origin")) if has_origin else None) or sid
    return out


def origins(claims: Iterable[Claim]) -> set[str]:
    return {c.origin or c.source_id for c in claims}


def n_sources(claims: Iterable[Claim]) -> int:
    """Independent sources among *claims*: distinct origins."""
    return len(origins(claims))
