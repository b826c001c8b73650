"""Unique fields, primary keys and foreign keys.

Keys are compared on typed values, as frictionless compares them. Only the key columns of a
resource are kept (plus one row number per row); repeats are found by sorting: the first
occurrence of a key is fine, every later one is an error naming the first. A foreign key to a
resource already read is checked chunk by chunk, so its columns are not kept at all.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from datapkg.validate import extsort
from datapkg.validate.package import ResourceSpec
from datapkg.validate.problem import Problem
from datapkg.validate.table import ChunkView, TableData

_SEP = "\x1f"
_NULL = "\x00"
_BLOCK = 1 << 16


def key_fields(
    spec: ResourceSpec, specs: dict[str, ResourceSpec], early: Collection[int] = ()
) -> list[str]:
    """Columns a resource must keep for the key checks (its own and others' references);
    the fields of the foreign keys numbered in *early* are checked chunk by chunk instead."""
    names = [f["name"] for f in spec.fields if (f.get("constraints") or {}).get("unique")]
    names += spec.primary_key
    for k, fk in enumerate(spec.foreign_keys):
        if k not in early:
            names += fk["fields"]
    for other in specs.values():
        for fk in other.foreign_keys:
            if fk["resource"] == spec.name:
                names += fk["ref_fields"]
    return list(dict.fromkeys(names))


def _joined(
    cols: list[pa.Array | pa.ChunkedArray],
) -> tuple[pa.Array | pa.ChunkedArray, np.ndarray]:
    """One string key per row from the key's columns, and a mask of rows whose cells are all
    missing."""
    all_null = _all_null(cols)
    if len(cols) == 1 and pa.types.is_string(cols[0].type):
        return cols[0], all_null
    parts = [pc.fill_null(pc.cast(c, pa.string()), _NULL) for c in cols]
    joined = parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, _SEP)
    return joined, all_null


def composite(data: TableData, names: list[str]) -> tuple[pa.Array | pa.ChunkedArray, np.ndarray]:
    """One string key per row, and a mask of rows whose key cells are all missing."""
    return _joined([data.column(n) for n in names])


def _codes(cols: list[pa.Array | pa.ChunkedArray]) -> pa.Array | None:
    """One int per row, equal for two rows exactly when their :func:`_joined` keys are equal,
    for a key of several text columns (None otherwise, or when a cell holds the separator and
    the joined keys could be equal across columns): the columns' dense ranks combined, 8 bytes
    a row instead of a joined string (evidence's fact_id and claim_id: about 100 bytes)."""
    if len(cols) < 2 or not all(pa.types.is_string(c.type) for c in cols):
        return None
    codes: np.ndarray | None = None
    for c in cols:
        if c.null_count:
            c = pc.fill_null(c, _NULL)
        if pc.any(pc.match_substring(c, _SEP)).as_py():
            return None
        rank = pc.rank(c, sort_keys="ascending", tiebreaker="dense")
        r = np.asarray(rank.to_numpy(zero_copy_only=False), dtype=np.int64)
        del rank
        if codes is None:
            codes = r
            continue
        width = int(r.max()) + 1 if len(r) else 1
        if int(codes.max()) >= (1 << 62) // width:  # keep the product within int64
            codes = np.unique(codes, return_inverse=True)[1].astype(np.int64)
        codes = codes * width + r
    return pa.array(codes)


def _all_null(cols: list[pa.Array | pa.ChunkedArray]) -> np.ndarray:
    all_null = np.ones(len(cols[0]), dtype=bool)
    for c in cols:
        all_null &= ~np.asarray(pc.is_valid(c).to_numpy(zero_copy_only=False), dtype=bool)
    return all_null


class _JoinedRows:
    """The :func:`_joined` key of one row at a time (for messages), without joining them all."""

    def __init__(self, cols: list[pa.Array | pa.ChunkedArray]) -> None:
        self.cols = cols

    def __getitem__(self, i: int) -> pa.Scalar:
        parts = [c[i].as_py() for c in self.cols]
        return pa.scalar(_SEP.join(_NULL if p is None else str(p) for p in parts))


def _duplicates(
    keys: pa.Array | pa.ChunkedArray, skip: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Indices of later occurrences, and the index of each one's first occurrence.

    The keys are sorted (a stable sort of row indices, 8 bytes a row; a hash table of a
    million distinct strings took about 120 MB) and equal neighbours compared a block at a
    time; only the rows of a repeated key are then looked at one by one.
    """
    none = np.zeros(0, dtype=np.int64)
    n = len(keys)
    if n < 2:
        return none, none
    if keys.null_count:
        keys = pc.fill_null(keys, _NULL)
    order = np.asarray(pc.sort_indices(keys).to_numpy(zero_copy_only=False), dtype=np.int64)
    same = np.zeros(n - 1, dtype=bool)  # same[p]: sorted positions p and p + 1 hold equal keys
    for lo in range(0, n - 1, _BLOCK):
        hi = min(n, lo + _BLOCK + 1)
        vals = keys.take(pa.array(order[lo:hi]))
        if isinstance(vals, pa.ChunkedArray):
            vals = vals.combine_chunks()
        same[lo : hi - 1] = pc.equal(vals.slice(1), vals.slice(0, hi - lo - 1)).to_numpy(
            zero_copy_only=False
        )
    if not same.any():  # every key distinct: the usual case, decided here
        return none, none
    group = np.concatenate([[0], np.cumsum(~same)])  # group number per sorted position
    near = np.zeros(n, dtype=bool)
    near[:-1] |= same
    near[1:] |= same
    at = np.flatnonzero(near)
    rows, groups = order[at], group[at]
    keep = ~skip[rows]
    rows, groups = rows[keep], groups[keep]
    by_row = np.argsort(rows, kind="stable")
    first_seen: dict[int, int] = {}
    later: list[int] = []
    first: list[int] = []
    for i, g in zip(rows[by_row].tolist(), groups[by_row].tolist(), strict=True):
        j = first_seen.setdefault(g, i)
        if j != i:
            later.append(i)
            first.append(j)
    return np.array(later, dtype=np.int64), np.array(first, dtype=np.int64)


def check_keys(data: TableData) -> list[Problem]:
    spec = data.spec
    if not data.readable:
        return []
    rows = data.row_numbers()
    problems: list[Problem] = []
    unique_dups: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    unique_runs: dict[str, list[tuple[int, int, str]]] = {}
    for f in spec.fields:
        name = f["name"]
        if not (f.get("constraints") or {}).get("unique") or name not in data.present:
            continue
        if name in data.runs:
            unique_runs[name] = _run_duplicates(data.runs[name])
            for dup, first_row, key in unique_runs[name]:
                problems.append(
                    Problem(
                        spec.name,
                        dup,
                        name,
                        "unique-error",
                        f"{key!r} must be unique; it is already in row {first_row}",
                    )
                )
            continue
        col = data.column(name)
        nulls = ~np.asarray(pc.is_valid(col).to_numpy(zero_copy_only=False), dtype=bool)
        later, first = unique_dups[name] = _duplicates(col, nulls)
        for i, j in zip(later, first, strict=True):
            problems.append(
                Problem(
                    spec.name,
                    int(rows[i]),
                    name,
                    "unique-error",
                    f"{col[int(i)].as_py()!r} must be unique; it is already in row {int(rows[j])}",
                )
            )
    pk = spec.primary_key
    label = ",".join(pk)
    if pk and label in data.runs and set(pk) <= data.present:
        problems.extend(_run_primary_key(spec, data.runs[label], unique_runs.get(label)))
    elif pk and set(pk) <= data.present:
        cols = [data.column(n) for n in pk]
        codes = _codes(cols)
        if codes is None:
            keys, all_null = _joined(cols)
        else:
            keys, all_null = _JoinedRows(cols), _all_null(cols)
        if len(pk) == 1 and pk[0] in unique_dups:  # the same repeats as the unique check's
            later, first = unique_dups[pk[0]]
        else:
            later, first = _duplicates(keys if codes is None else codes, all_null)
        label = ",".join(pk)
        for i in np.flatnonzero(all_null):
            problems.append(
                Problem(
                    spec.name,
                    int(rows[i]),
                    label,
                    "primary-key",
                    f"the primary key ({label}) is empty",
                )
            )
        for i, j in zip(later, first, strict=True):
            problems.append(
                Problem(
                    spec.name,
                    int(rows[i]),
                    label,
                    "primary-key",
                    f"primary key ({label}) "
                    f"{keys[int(i)].as_py().replace(_SEP, ', ')!r} is already "
                    f"in row {int(rows[j])}",
                )
            )
    return problems


def _run_duplicates(runs: extsort.KeyRuns) -> list[tuple[int, int, str]]:
    """(row, first row, key) of every later occurrence of a key, in row order."""
    return sorted(extsort.later_occurrences(runs.merged()))


def _run_primary_key(
    spec: ResourceSpec, runs: extsort.KeyRuns, dups: list[tuple[int, int, str]] | None
) -> list[Problem]:
    """The problems :func:`check_keys` finds for a primary key kept as runs (of its one
    column, or of its columns' joined key)."""
    label = ",".join(spec.primary_key)
    out = [
        Problem(spec.name, int(r), label, "primary-key", f"the primary key ({label}) is empty")
        for r in np.sort(runs.null_rows)
    ]
    for row, first, key in _run_duplicates(runs) if dups is None else dups:
        out.append(
            Problem(
                spec.name,
                row,
                label,
                "primary-key",
                f"primary key ({label}) {key.replace(_SEP, ', ')!r} is already in row {first}",
            )
        )
    return out


def check_foreign_keys(data: TableData, tables: dict[str, TableData]) -> list[Problem]:
    spec = data.spec
    if not data.readable:
        return []
    rows = data.row_numbers()
    problems: list[Problem] = []
    for k, fk in enumerate(spec.foreign_keys):
        if not set(fk["fields"]) <= data.present:
            continue
        if k in data.early_fk:  # checked chunk by chunk while the table was read
            problems.extend(data.early_fk[k])
            continue
        ref = tables.get(fk["resource"])
        if ref is None or not ref.readable or not set(fk["ref_fields"]) <= ref.present:
            problems.append(
                Problem(
                    spec.name,
                    None,
                    ",".join(fk["fields"]),
                    "foreign-key",
                    f"the referenced resource {fk['resource']!r} (fields "
                    f"{', '.join(fk['ref_fields'])}) cannot be read",
                )
            )
            continue
        one_ref = len(fk["ref_fields"]) == 1 and fk["ref_fields"][0] in ref.runs
        if len(fk["fields"]) == 1 and fk["fields"][0] in data.runs:
            # the referring (key, row) pairs on disk, walked against the sorted keys
            present: Any = (
                ref.runs[fk["ref_fields"][0]].keys() if one_ref else _sorted_keys(ref, fk)
            )
            missing = extsort.missing_rows(data.runs[fk["fields"][0]].merged(), present)
            problems.extend(_missing_run_refs(spec, fk, missing))
            continue
        keys, all_null = composite(data, fk["fields"])
        if one_ref:
            found = _found_in_runs(keys, ref.runs[fk["ref_fields"][0]])
            problems.extend(_missing_refs(spec, fk, keys, ~found & ~all_null, rows))
            continue
        ref_keys, ref_null = composite(ref, fk["ref_fields"])
        ref_keys = ref_keys.filter(pa.array(~ref_null)) if ref_null.any() else ref_keys
        if not pa.types.is_string(keys.type) or not pa.types.is_string(ref_keys.type):
            keys, ref_keys = pc.cast(keys, pa.string()), pc.cast(ref_keys, pa.string())
        found = _found_in(keys, ref_keys)
        problems.extend(_missing_refs(spec, fk, keys, ~found & ~all_null, rows))
    return problems


def _missing_refs(
    spec: ResourceSpec,
    fk: dict[str, Any],
    keys: pa.Array | pa.ChunkedArray,
    missing: np.ndarray,
    rows: np.ndarray,
) -> list[Problem]:
    label = ",".join(fk["fields"])
    out = []
    for i in np.flatnonzero(missing):
        value = keys[int(i)].as_py()
        out.append(
            Problem(
                spec.name,
                int(rows[i]),
                label,
                "foreign-key",
                f"{str(value).replace(_SEP, ', ')!r} is not a "
                f"{'/'.join(fk['ref_fields'])} of {fk['resource']}",
            )
        )
    return out


def _sorted_keys(ref: TableData, fk: dict[str, Any]) -> list[str]:
    """The distinct referenced keys of *ref* as text, sorted."""
    ref_keys, ref_null = composite(ref, fk["ref_fields"])
    ref_keys = ref_keys.filter(pa.array(~ref_null)) if ref_null.any() else ref_keys
    distinct = pc.unique(pc.cast(ref_keys, pa.string()))
    return list(distinct.take(pc.sort_indices(distinct)).to_pylist())


def _missing_run_refs(
    spec: ResourceSpec, fk: dict[str, Any], missing: list[tuple[int, str]]
) -> list[Problem]:
    """The problems of :func:`_missing_refs` from (row, key) pairs."""
    label = ",".join(fk["fields"])
    return [
        Problem(
            spec.name,
            row,
            label,
            "foreign-key",
            f"{key.replace(_SEP, ', ')!r} is not a "
            f"{'/'.join(fk['ref_fields'])} of {fk['resource']}",
        )
        for row, key in missing
    ]


def early_foreign_keys(spec: ResourceSpec, tables: dict[str, TableData]) -> dict[int, pa.Array]:
    """The foreign keys of *spec* whose resource has been read already (and can be read, with
    the referenced fields): {number of the key: the distinct referenced keys}. They can be
    checked chunk by chunk, so the referring columns need not be kept (a million claims'
    source ids)."""
    out = {}
    for k, fk in enumerate(spec.foreign_keys):
        ref = tables.get(fk["resource"])
        if ref is None or not ref.readable or not set(fk["ref_fields"]) <= ref.present:
            continue
        ref_keys, ref_null = composite(ref, fk["ref_fields"])
        ref_keys = ref_keys.filter(pa.array(~ref_null)) if ref_null.any() else ref_keys
        out[k] = pc.unique(ref_keys)
    return out


def check_chunk_foreign_keys(
    spec: ResourceSpec, early: dict[int, pa.Array], view: ChunkView
) -> dict[int, list[Problem]]:
    """The foreign keys of *early* (see :func:`early_foreign_keys`) over one chunk: the same
    problems :func:`check_foreign_keys` finds for these rows."""
    out: dict[int, list[Problem]] = {}
    for k, ref_keys in early.items():
        fk = spec.foreign_keys[k]
        if not all(f in view.values for f in fk["fields"]):
            continue
        keys, all_null = _joined([view.values[f] for f in fk["fields"]])
        if not pa.types.is_string(keys.type) or not pa.types.is_string(ref_keys.type):
            keys, ref_keys = pc.cast(keys, pa.string()), pc.cast(ref_keys, pa.string())
        found = np.asarray(
            pc.fill_null(pc.is_in(keys, value_set=ref_keys), False).to_numpy(zero_copy_only=False),
            dtype=bool,
        )
        out[k] = _missing_refs(spec, fk, keys, ~found & ~all_null, view.rows)
    return out


def _found_in(keys: pa.Array, ref_keys: pa.Array) -> np.ndarray:
    """Whether each key is among *ref_keys*. The hash set is built from the smaller side: a
    small table referring to a large one (evidence to a million claims) looks its own distinct
    keys up in the large one rather than hashing every key of the large one."""
    if len(ref_keys) > 2 * len(keys):
        wanted = pc.unique(keys)
        hit = pc.fill_null(pc.is_in(ref_keys, value_set=wanted), False)
        ref_keys = pc.unique(ref_keys.filter(hit))
    else:
        ref_keys = pc.unique(ref_keys)
    return np.asarray(
        pc.fill_null(pc.is_in(keys, value_set=ref_keys), False).to_numpy(zero_copy_only=False),
        dtype=bool,
    )


def _found_in_runs(keys: pa.Array | pa.ChunkedArray, runs: extsort.KeyRuns) -> np.ndarray:
    """Whether each key is among the keys kept as *runs*: the distinct keys, sorted, walked
    against the merged runs (as text, as :func:`check_foreign_keys` compares them)."""
    if not pa.types.is_string(keys.type):
        keys = pc.cast(keys, pa.string())
    wanted = pc.drop_null(pc.unique(keys))
    wanted = wanted.take(pc.sort_indices(wanted)).to_pylist()
    missing = extsort.absent(wanted, runs.keys())
    return ~np.asarray(
        pc.fill_null(
            pc.is_in(keys, value_set=pa.array(sorted(missing), pa.string())), False
        ).to_numpy(zero_copy_only=False),
        dtype=bool,
    )
