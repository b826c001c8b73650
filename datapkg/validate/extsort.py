"""Key checks on disk: a text key column as sorted runs, merged when checked.

A million claims' claim_ids held for the unique and primary-key checks (and as the target of
evidence's foreign key) cost tens of megabytes that grow with the corpus. Instead each chunk's
(key, row) pairs are sorted and written as one run (an Arrow IPC file) as the table is read;
the check merges the runs with :func:`heapq.merge`, a batch of each at a time, so memory is
a batch per run whatever the number of rows. After the merge equal keys are adjacent (the
first row of a key comes first): :func:`later_occurrences` finds repeats, :func:`absent` the
keys of another sorted stream that are not there. Arrow sorts text by its UTF-8 bytes, which is
Python's order of code points, so the runs merge in Python's order.
"""

from __future__ import annotations

import heapq
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc

BATCH = 8192  # pairs read from each run at a time while merging
SEP = "\x1f"  # between the cells of a key of several columns
NULL = "\x00"  # a missing cell of such a key


def joined(cols: list[pa.Array]) -> pa.Array:
    """One text key per row from the cells of several columns (a missing cell as NULL, the
    cells joined by SEP, as the key checks compare them); null where every cell is missing."""
    parts = [pc.fill_null(pc.cast(c, pa.string()), NULL) for c in cols]
    key = parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, SEP)
    valid = pc.is_valid(cols[0])
    for c in cols[1:]:
        valid = pc.or_(valid, pc.is_valid(c))
    return pc.if_else(valid, key, pa.scalar(None, pa.string()))


class KeyRuns:
    """The (key, row) pairs of one text column, in sorted runs on disk; rows whose key is
    missing are kept apart (:attr:`null_rows`). :meth:`close` removes the files."""

    def __init__(self) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="tariffs-keys-"))
        self._files: list[Path] = []
        self._nulls: list[np.ndarray] = []

    def add(self, keys: pa.Array, rows: np.ndarray) -> None:
        """One chunk's keys and their row numbers."""
        valid = np.asarray(pc.is_valid(keys).to_numpy(zero_copy_only=False), dtype=bool)
        if not valid.all():
            self._nulls.append(rows[~valid])
            keys = keys.filter(pa.array(valid))
            rows = rows[valid]
        if len(keys) == 0:
            return
        table = pa.table({"key": pc.cast(keys, pa.string()), "row": pa.array(rows, pa.int64())})
        order = pc.sort_indices(table, sort_keys=[("key", "ascending"), ("row", "ascending")])
        path = self._dir / f"run-{len(self._files):06d}.arrow"
        with pa.OSFile(str(path), "wb") as sink, ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table.take(order), max_chunksize=BATCH)
        self._files.append(path)

    @property
    def null_rows(self) -> np.ndarray:
        if not self._nulls:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate(self._nulls)

    def merged(self) -> Iterator[tuple[str, int]]:
        """Every (key, row) pair, sorted by key then row."""
        return heapq.merge(*(_read_run(p) for p in self._files))

    def keys(self) -> Iterator[str]:
        """The distinct keys, sorted."""
        last: str | None = None
        for key, _ in self.merged():
            if key != last:
                yield key
                last = key

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)
        self._files = []


def _read_run(path: Path) -> Iterator[tuple[str, int]]:
    with pa.memory_map(str(path)) as source:
        reader = ipc.open_file(source)
        for i in range(reader.num_record_batches):
            batch = reader.get_batch(i)
            yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True)


def later_occurrences(pairs: Iterable[tuple[str, int]]) -> Iterator[tuple[int, int, str]]:
    """From (key, row) pairs sorted by key then row: (row, first row of its key, key) for every
    row whose key an earlier row has."""
    last: str | None = None
    first = -1
    for key, row in pairs:
        if key == last:
            yield row, first, key
        else:
            last, first = key, row


def missing_rows(pairs: Iterable[tuple[str, int]], present: Iterable[str]) -> list[tuple[int, str]]:
    """(row, key) of the *pairs* (sorted by key then row) whose key is not in *present*
    (sorted), in row order: the two streams walked once."""
    out: list[tuple[int, str]] = []
    it = iter(present)
    cur = next(it, None)
    for key, row in pairs:
        while cur is not None and cur < key:
            cur = next(it, None)
        if cur != key:
            out.append((row, key))
    out.sort()
    return out


def absent(wanted: Iterable[str], present: Iterable[str]) -> set[str]:
    """The keys of *wanted* (sorted, distinct) that are not in *present* (sorted), found by
    walking both once."""
    out: set[str] = set()
    it = iter(present)
    cur = next(it, None)
    for key in wanted:
        while cur is not None and cur < key:
            cur = next(it, None)
        if cur != key:
            out.add(key)
    return out
