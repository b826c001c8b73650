"""One CSV resource checked against its Table Schema, chunk by chunk.

Header: with ``fieldsMatch: equal`` (and frictionless's default) columns are matched by name,
so reordered columns are accepted; a schema field with no column is a ``missing-label``, a
column the schema does not know an ``extra-label``. Rows: every cell of every matched field
(:mod:`datapkg.validate.cells`), cells missing from a short row, extra cells, blank rows. What
later checks need (key columns, a few typed columns) is kept as typed arrays; the rest of the
chunk is dropped, so memory stays bounded by the chunk size plus the kept columns.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from datapkg.validate.cells import FieldChecker
from datapkg.validate.extsort import KeyRuns, joined
from datapkg.validate.package import ResourceSpec
from datapkg.validate.problem import Problem
from datapkg.validate.reader import Chunk, RaggedFile, csv_chunks, fast_chunks, read_header

# pyarrow compute releases the GIL: the fields of a chunk are checked on a few threads, and the
# next chunk is parsed while this one is checked.
_THREADS = max(1, min(4, os.cpu_count() or 1))
_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(_THREADS, thread_name_prefix="validate")
    return _POOL


def prefetch(chunks: Iterator[Chunk], depth: int = 1) -> Iterator[Chunk]:
    """Iterate *chunks* on a background thread, *depth* chunks ahead (bounded memory)."""
    q: queue.Queue[tuple[str, Any]] = queue.Queue(depth)
    stop = threading.Event()

    def work() -> None:
        try:
            for c in chunks:
                if stop.is_set():
                    return
                q.put(("chunk", c))
            q.put(("end", None))
        except BaseException as exc:  # handed to the consumer
            q.put(("error", exc))

    t = threading.Thread(target=work, daemon=True)
    t.start()
    try:
        while True:
            kind, item = q.get()
            if kind == "end":
                return
            if kind == "error":
                raise item
            yield item
    finally:
        stop.set()
        while t.is_alive():
            try:
                q.get_nowait()
            except queue.Empty:
                t.join(0.01)


@dataclass
class ChunkView:
    """A checked chunk as the domain checks see it: typed values (null when missing/invalid)."""

    resource: str
    rows: np.ndarray
    values: dict[str, pa.Array]

    def __len__(self) -> int:
        return len(self.rows)


ChunkHook = Callable[[ChunkView], list[Problem]]
KeyHook = Callable[[ChunkView], dict[int, list[Problem]]]


@dataclass
class TableData:
    """What a resource leaves behind for the cross-table checks."""

    spec: ResourceSpec
    present: set[str] = field(default_factory=set)  # schema fields that have a column
    kept: dict[str, list[pa.Array]] = field(default_factory=dict)
    rows: list[np.ndarray] = field(default_factory=list)
    sub_kept: dict[str, list[pa.Array]] = field(default_factory=dict)
    sub_rows: list[np.ndarray] = field(default_factory=list)
    early_fk: dict[int, list[Problem]] = field(default_factory=dict)  # foreign keys by number
    readable: bool = True
    runs: dict[str, KeyRuns] = field(default_factory=dict)  # key columns kept on disk instead

    def close(self) -> None:
        """Remove the key runs' files."""
        for r in self.runs.values():
            r.close()

    def column(self, name: str) -> pa.Array | pa.ChunkedArray:
        """The kept column: the chunks' pieces as one chunked array (no copy)."""
        parts = self.kept.get(name) or []
        if not parts:
            return pa.array([], pa.string())
        return parts[0] if len(parts) == 1 else pa.chunked_array(parts)

    def row_numbers(self) -> np.ndarray:
        if len(self.rows) > 1:
            self.rows[:] = [np.concatenate(self.rows)]
        return self.rows[0] if self.rows else np.zeros(0, dtype=np.int64)

    def subset(self) -> tuple[np.ndarray, dict[str, pa.Array | pa.ChunkedArray]]:
        """The rows *keep_if* picked and their kept columns, as chunked arrays (no copy)."""
        rows = np.concatenate(self.sub_rows) if self.sub_rows else np.zeros(0, dtype=np.int64)
        return rows, {k: pa.chunked_array(v) for k, v in self.sub_kept.items() if v}


def check_header(spec: ResourceSpec, labels: list[str]) -> list[Problem]:
    problems = []
    names = spec.field_names
    seen: set[str] = set()
    for pos, label in enumerate(labels, start=1):
        if label == "":  # frictionless reports a nameless column as an extra label
            problems.append(
                Problem(
                    spec.name, None, "", "extra-label", f"column {pos} of the header has no name"
                )
            )
        elif label in seen:
            problems.append(
                Problem(
                    spec.name,
                    None,
                    label,
                    "duplicate-label",
                    f"column {pos} repeats the header label {label!r}",
                )
            )
        elif label not in names:
            problems.append(
                Problem(
                    spec.name,
                    None,
                    label,
                    "extra-label",
                    f"column {pos} {label!r} is not a field of the schema "
                    f"(expected the columns {', '.join(names)})",
                )
            )
        seen.add(label)
    for name in names:
        if name not in labels:
            problems.append(
                Problem(
                    spec.name,
                    None,
                    name,
                    "missing-label",
                    f"the schema's field {name!r} has no column in the header",
                )
            )
    return problems


def check_table(
    spec: ResourceSpec,
    keep: tuple[str, ...] = (),
    hook: ChunkHook | None = None,
    keep_if: tuple[tuple[str, ...], Callable[[ChunkView], np.ndarray]] | None = None,
    key_hook: KeyHook | None = None,
    spill: tuple[str, ...] = (),
) -> tuple[list[Problem], TableData]:
    """Header and cells of one resource. *hook* adds problems per chunk; *keep_if* keeps some
    columns of the rows it picks; *key_hook* checks foreign keys per chunk, its problems kept
    by key number in ``data.early_fk`` (reported with the other key problems); the text
    columns named in *spill* are kept on disk as sorted runs (``data.runs``), not in *kept*; a
    name of several fields joined by commas spills their joined key (:func:`extsort.joined`)."""
    data = TableData(spec)
    if not spec.path.is_file():
        data.readable = False
        return [Problem(spec.name, None, "", "scheme-error", f"{spec.path} not found")], data
    try:
        labels = read_header(spec.path, spec.encoding)
    except UnicodeDecodeError as exc:
        data.readable = False
        return [
            Problem(
                spec.name,
                None,
                "",
                "encoding-error",
                f"{spec.path} is not valid {spec.encoding} ({exc.reason})",
            )
        ], data
    if labels is None:
        data.readable = False
        return [Problem(spec.name, None, "", "source-error", f"{spec.path} is empty")], data
    header_problems = check_header(spec, labels)
    position = {}
    for pos, label in enumerate(labels):
        if label in spec.field_names and label not in position:
            position[label] = pos
    data.present = set(position)
    checkers = {
        f["name"]: FieldChecker(f, spec.missing_values)
        for f in spec.fields
        if f["name"] in position
    }
    width = len(labels)
    for attempt in ("fast", "csv"):
        data.close()
        data.runs = {k: KeyRuns() for k in spill if set(k.split(",")) <= set(position)}
        data.kept = {k: [] for k in keep if k in position and k not in data.runs}
        data.rows = []
        data.sub_kept = {k: [] for k in (keep_if[0] if keep_if else ()) if k in position}
        data.sub_rows = []
        data.early_fk = {}
        problems: list[Problem] = []
        chunks = prefetch(
            fast_chunks(spec.path, spec.encoding, width)
            if attempt == "fast"
            else csv_chunks(spec.path, spec.encoding, width)
        )
        try:
            for chunk in chunks:
                problems.extend(
                    _check_chunk(
                        spec, chunk, labels, position, checkers, data, hook, keep_if, key_hook
                    )
                )
            break
        except RaggedFile:
            continue
        except UnicodeDecodeError as exc:
            data.readable = False
            return header_problems + [
                Problem(
                    spec.name,
                    None,
                    "",
                    "encoding-error",
                    f"{spec.path} is not valid {spec.encoding} ({exc.reason})",
                )
            ], data
        except BaseException:
            data.close()  # the key runs' files, which nothing else would remove
            raise
    return header_problems + problems, data


def _check_chunk(
    spec: ResourceSpec,
    chunk: Chunk,
    labels: list[str],
    position: dict[str, int],
    checkers: dict[str, FieldChecker],
    data: TableData,
    hook: ChunkHook | None,
    keep_if: tuple[tuple[str, ...], Callable[[ChunkView], np.ndarray]] | None,
    key_hook: KeyHook | None = None,
) -> list[Problem]:
    n = chunk.n
    rows = chunk.rows()
    values: dict[str, pa.Array] = {}
    blank = np.ones(n, dtype=bool)
    # (row index, field order, kind order, problem): sorted into frictionless's order at the end
    found: list[tuple[Any, int, int, Problem]] = []
    order = {name: i for i, name in enumerate(spec.field_names)}
    names = list(checkers)
    results = _pool().map(lambda nm: checkers[nm].check(chunk.columns[position[nm]]), names)
    for name, result in zip(names, results, strict=True):
        values[name] = result.parsed
        blank &= result.missing
        for issue in result.issues:
            found.append(
                (
                    issue.index,
                    order[name],
                    0,
                    Problem(spec.name, int(rows[issue.index]), name, issue.code, issue.message),
                )
            )
    if chunk.lengths is not None:
        for name, pos in position.items():
            for i in np.flatnonzero(chunk.lengths <= pos).tolist():
                found.append(
                    (
                        int(i),
                        order[name],
                        1,
                        Problem(
                            spec.name,
                            int(rows[i]),
                            name,
                            "missing-cell",
                            f"the row has {chunk.lengths[i]} cell(s), so column {pos + 1} is missing",
                        ),
                    )
                )
        for i, cell_pos in chunk.extra:
            found.append(
                (
                    i,
                    len(order) + cell_pos,
                    1,
                    Problem(
                        spec.name,
                        int(rows[i]),
                        "",
                        "extra-cell",
                        f"cell {cell_pos} is beyond the header's {len(labels)} columns",
                    ),
                )
            )
    if not checkers:
        blank[:] = False
    blank_idx = set(np.flatnonzero(blank).tolist())
    problems = [p for i, _, _, p in sorted(found, key=lambda t: t[:3]) if i not in blank_idx]
    for i in sorted(blank_idx):
        problems.append(
            Problem(spec.name, int(rows[i]), "", "blank-row", "the row is completely blank")
        )
    if blank_idx:
        problems.sort(key=lambda p: p.row or 0)
    view = ChunkView(spec.name, rows, values)
    for name in data.kept:
        data.kept[name].append(values[name])
    if data.kept:
        data.rows.append(rows)
    for name, run in data.runs.items():
        parts = name.split(",")
        run.add(values[name] if len(parts) == 1 else joined([values[n] for n in parts]), rows)
    if keep_if is not None and data.sub_kept:
        mask = keep_if[1](view)
        if mask.any():
            idx = pa.array(np.flatnonzero(mask))
            for name in data.sub_kept:
                data.sub_kept[name].append(values[name].take(idx))
            data.sub_rows.append(rows[mask])
    if hook is not None:
        problems.extend(hook(view))
    if key_hook is not None:
        for k, found_k in key_hook(view).items():
            data.early_fk.setdefault(k, []).extend(found_k)
    return problems


def as_str(arr: pa.Array) -> list[Any]:
    return arr.to_pylist()
