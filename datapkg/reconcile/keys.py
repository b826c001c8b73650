"""Claims as plain records, and the key that says which figure a claim is about.

The key of a figure is (measure, imposer, target, status, period). For symmetric measures
(two-way trade and the events other than tariff changes and announcements) the two parties are
unordered: "India met the US" and "the US met India" are one event, reported with the parties in
sorted order. Fact ids are slugs of the key: ``measure.imposer.target.status.period``, e.g.
``tariff_total.usa.ind.in_force.2025-08``.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import pandas as pd

from datapkg.reconcile import periods
from datapkg.reconcile.periods import Period
from datapkg.reconcile.refs import ClaimIds
from datapkg.reconcile.vocab import is_event

DIRECTED_EVENTS = frozenset({"event_tariff_change", "event_announcement"})
SYMMETRIC_MEASURES = frozenset({"bilateral_trade"})
NO_PARTY = "unk"


@dataclass(frozen=True, slots=True)
class Claim:
    claim_id: str
    source_id: str
    kind: str
    measure: str
    status: str
    qualifier: str
    imposer: str | None
    target: str | None
    value: float | None
    unit: str | None
    period: Period
    mention: str = ""
    origin: str = ""
    ref: int = 0  # the claim's ref (datapkg.reconcile.refs): how facts cite it


@cache
def is_symmetric(measure: str) -> bool:
    return measure in SYMMETRIC_MEASURES or (is_event(measure) and measure not in DIRECTED_EVENTS)


def clean_str(x: Any) -> str | None:
    """A text cell, or None for empty/NA."""
    if type(x) is str:  # the common case
        return x.strip() or None
    if x is None or x is pd.NA:
        return None
    if isinstance(x, float) and math.isnan(x):
        return None
    s = str(x).strip()
    return s or None


def clean_float(x: Any) -> float | None:
    if x is None or x is pd.NA or (isinstance(x, str) and not x.strip()):
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def clean_date(x: Any) -> dt.date | None:
    """datetime.date from a date, Timestamp, datetime or ISO string; None for empty/NaT."""
    if type(x) is dt.date:  # the common case
        return x
    if x is None or x is pd.NA or x is pd.NaT:
        return None
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, pd.Timestamp):
        return None if pd.isna(x) else x.date()
    if isinstance(x, dt.datetime):
        return x.date()
    if isinstance(x, dt.date):
        return x
    s = str(x).strip()
    if not s or s.lower() in ("nat", "nan", "none"):
        return None
    return dt.date.fromisoformat(s[:10])


def claims_from_frame(df: pd.DataFrame, origins: dict[str, str], ids: ClaimIds) -> list[Claim]:
    """Claim records from a claims frame, sorted by claim_id; origin from *origins*, else the
    source_id itself (an unknown source counts as its own origin); refs from *ids*."""
    return claims_from_rows(df.to_dict("records"), origins, ids)


def claims_from_rows(
    rows: Iterable[Mapping[Any, Any]], origins: dict[str, str], ids: ClaimIds
) -> list[Claim]:
    """Claim records from claims rows (dicts keyed by the claims fields), as
    :func:`claims_from_frame` makes them, without building a DataFrame first."""
    return sorted(_records(rows, origins, ids), key=lambda c: c.claim_id)


@lru_cache(maxsize=1 << 16)
def _shared_period(start: dt.date | None, end: dt.date | None) -> Period:
    return periods.make(start, end)


def compact_claims(
    rows: Iterable[Mapping[Any, Any]], origins: dict[str, str], ids: ClaimIds
) -> list[Claim]:
    """:func:`claims_from_rows` in row order, the mention (which no step of reconciliation
    reads) left empty, and equal vocabulary strings and periods one object each."""
    return _records(rows, origins, ids, compact=True)


def _records(
    rows: Iterable[Mapping[Any, Any]],
    origins: dict[str, str],
    ids: ClaimIds,
    compact: bool = False,
) -> list[Claim]:
    text = _shared_str if compact else clean_str
    make_period = _shared_period if compact else periods.make
    out = []
    for row in rows:
        source_id = clean_str(row.get("source_id")) or ""
        claim_id = clean_str(row.get("claim_id")) or ""
        out.append(
            Claim(
                claim_id=claim_id,
                source_id=source_id,
                kind=text(row.get("kind")) or "",
                measure=text(row.get("measure")) or "",
                status=text(row.get("status")) or "unknown",
                qualifier=text(row.get("qualifier")) or "exact",
                imposer=text(row.get("imposer")),
                target=text(row.get("target")),
                value=clean_float(row.get("value")),
                unit=text(row.get("unit")),
                period=make_period(
                    clean_date(row.get("date_from")), clean_date(row.get("date_to"))
                ),
                mention="" if compact else (clean_str(row.get("mention")) or ""),
                origin=origins.get(source_id) or source_id,
                ref=ids.ref(claim_id, source_id, row.get("start"), row.get("end")),
            )
        )
    return out


def _shared_str(x: Any) -> str | None:
    """:func:`clean_str`, one object per distinct value (vocabulary cells)."""
    s = clean_str(x)
    return None if s is None else sys.intern(s)


def parties(measure: str, imposer: str | None, target: str | None) -> tuple[str | None, str | None]:
    """The parties as the key holds them: sorted for symmetric measures (missing last)."""
    if is_symmetric(measure):
        present = sorted(p for p in (imposer, target) if p)
        present += [None] * (2 - len(present))  # type: ignore[list-item]
        return present[0], present[1]
    return imposer, target


def parties_compatible(
    measure: str, a: tuple[str | None, str | None], b: tuple[str | None, str | None]
) -> bool:
    """True when the parties of *a* and *b* could be the same (a missing party matches any)."""
    if is_symmetric(measure):
        sa, sb = {p for p in a if p}, {p for p in b if p}
        return sa <= sb or sb <= sa
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def merge_parties(
    measure: str, a: tuple[str | None, str | None], b: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """Fill the missing parties of *a* from compatible *b*."""
    if is_symmetric(measure):
        both = sorted({p for p in a + b if p})
        if len(both) > 2:
            return a
        return (both[0] if both else None, both[1] if len(both) > 1 else None)
    return (a[0] or b[0], a[1] or b[1])


def _party_slug(code: str | None) -> str:
    return code.lower() if code else NO_PARTY


def fact_id(
    measure: str, imposer: str | None, target: str | None, status: str, period: Period
) -> str:
    """Stable slug of a figure's key, e.g. ``tariff_total.usa.ind.in_force.2025-08``."""
    return ".".join(
        [measure, _party_slug(imposer), _party_slug(target), status, periods.slug(period)]
    )
