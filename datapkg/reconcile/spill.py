"""Claims spilled to disk by part, so reconciliation holds one part's records at a time.

Grouping never joins claims of two measures or two statuses, so the claims of one
(measure, status) can be reconciled without the others. :class:`PartSpill` takes compact
tuples as claims stream past, buffers a bounded number, and appends each buffered part as one
pickled list to a single temporary file, noting where; :meth:`PartSpill.parts` reads the parts
back one at a time in key order. The file is removed on :meth:`PartSpill.close` (and on leaving
a ``with`` block, failure included).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from datapkg.reconcile.keys import (
    Claim,
    _shared_period,
    _shared_str,
    clean_date,
    clean_float,
    clean_str,
)
from datapkg.reconcile.refs import ClaimIds
from datapkg.reconcile.vocab import fact_type

Key = tuple[str, str]  # (measure, status)
BUFFER = 65_536  # records buffered before they are written out


class PartSpill:
    """Items by key, on disk: :meth:`add`, then :meth:`parts` (each key once, keys sorted,
    a key's items in the order added)."""

    def __init__(self, directory: Path, buffer: int = BUFFER) -> None:
        fd, name = tempfile.mkstemp(dir=directory, prefix="claims-", suffix=".spill")
        self.path = Path(name)
        self._fh = os.fdopen(fd, "w+b")
        self._buffer = buffer
        self._pending: dict[Key, list[Any]] = defaultdict(list)
        self._n = 0
        self._offsets: dict[Key, list[int]] = defaultdict(list)

    def add(self, key: Key, item: Any) -> None:
        self._pending[key].append(item)
        self._n += 1
        if self._n >= self._buffer:
            self._flush()

    def _flush(self) -> None:
        self._fh.seek(0, os.SEEK_END)
        for key in sorted(self._pending):
            self._offsets[key].append(self._fh.tell())
            pickle.dump(self._pending[key], self._fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._pending.clear()
        self._n = 0

    def parts(self) -> Iterator[tuple[Key, list[Any]]]:
        self._flush()
        self._fh.flush()
        for key in sorted(self._offsets):
            items: list[Any] = []
            for offset in self._offsets[key]:
                self._fh.seek(offset)
                items.extend(pickle.load(self._fh))
            yield key, items

    def close(self) -> None:
        self._fh.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> PartSpill:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def spill_claims(spill: PartSpill, rows: Iterable[Mapping[str, Any]], ids: ClaimIds) -> None:
    """Add each claims row that can make a fact to *spill* as a compact tuple under its
    (measure, status): its ref and the fields reconciliation reads (cleaned as
    :mod:`datapkg.reconcile.keys` cleans them)."""
    for row in rows:
        measure = _shared_str(row.get("measure")) or ""
        kind = _shared_str(row.get("kind")) or ""
        if fact_type(measure, kind) is None:
            continue
        status = _shared_str(row.get("status")) or "unknown"
        claim_id = clean_str(row.get("claim_id")) or ""
        source_id = clean_str(row.get("source_id")) or ""
        spill.add(
            (measure, status),
            (
                ids.ref(claim_id, source_id, row.get("start"), row.get("end")),
                kind,
                _shared_str(row.get("qualifier")) or "exact",
                _shared_str(row.get("imposer")),
                _shared_str(row.get("target")),
                clean_float(row.get("value")),
                _shared_str(row.get("unit")),
                clean_date(row.get("date_from")),
                clean_date(row.get("date_to")),
            ),
        )


def claims_of_part(
    key: Key, items: list[Any], ids: ClaimIds, origins: dict[str, str]
) -> list[Claim]:
    """The claim records of one spilled part (claim_id and source_id from the refs)."""
    measure, status = key
    out = []
    for ref, kind, qualifier, imposer, target, value, unit, start, end in items:
        source_id = ids.source_id(ref)
        out.append(
            Claim(
                claim_id=ids.claim_id(ref),
                source_id=source_id,
                kind=kind,
                measure=measure,
                status=status,
                qualifier=qualifier,
                imposer=imposer,
                target=target,
                value=value,
                unit=unit,
                period=_shared_period(start, end),
                origin=origins.get(source_id) or source_id,
                ref=ref,
            )
        )
    return out
