"""Unique fields, primary keys and foreign keys, over whole columns kept from the chunks.

Keys are compared on typed values, as frictionless compares them. Only the key columns of a
resource are kept (plus one row number per row), and duplicates are found with a dictionary
encoding: the first occurrence of a key is fine, every later one is an error naming the first.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from datapkg.validate.package import ResourceSpec
from datapkg.validate.problem import Problem
from datapkg.validate.table import TableData

_SEP = "\x1f"
_NULL = "\x00"


def key_fields(spec: ResourceSpec, specs: dict[str, ResourceSpec]) -> list[str]:
    """Columns a resource must keep for the key checks (its own and others' references)."""
    names = [f["name"] for f in spec.fields if (f.get("constraints") or {}).get("unique")]
    names += spec.primary_key
    for fk in spec.foreign_keys:
        names += fk["fields"]
    for other in specs.values():
        for fk in other.foreign_keys:
            if fk["resource"] == spec.name:
                names += fk["ref_fields"]
    return list(dict.fromkeys(names))


def composite(data: TableData, names: list[str]) -> tuple[pa.Array, np.ndarray]:
    """One string key per row, and a mask of rows whose key cells are all missing."""
    cols = [data.column(n) for n in names]
    all_null = np.ones(len(cols[0]), dtype=bool)
    for c in cols:
        all_null &= ~np.asarray(pc.is_valid(c).to_numpy(zero_copy_only=False), dtype=bool)
    if len(cols) == 1 and pa.types.is_string(cols[0].type):
        return cols[0], all_null
    parts = [pc.fill_null(pc.cast(c, pa.string()), _NULL) for c in cols]
    joined = parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, _SEP)
    return joined, all_null


def _duplicates(keys: pa.Array, skip: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of later occurrences, and the index of each one's first occurrence."""
    if len(keys) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    codes = pc.dictionary_encode(pc.fill_null(keys, _NULL) if keys.null_count else keys)
    if len(codes.dictionary) == len(keys):  # every key distinct: the usual case, decided here
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    idx = np.asarray(codes.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    idx = np.where(skip, -1, idx)
    _, first = np.unique(idx, return_index=True)
    first_of = np.full(int(idx.max()) + 2 if len(idx) else 1, -1, dtype=np.int64)
    first_of[idx[first]] = first
    later = np.flatnonzero((first_of[idx] != np.arange(len(idx))) & ~skip)
    return later, first_of[idx[later]]


def check_keys(data: TableData) -> list[Problem]:
    spec = data.spec
    if not data.readable:
        return []
    rows = data.row_numbers()
    problems: list[Problem] = []
    for f in spec.fields:
        name = f["name"]
        if not (f.get("constraints") or {}).get("unique") or name not in data.present:
            continue
        col = data.column(name)
        nulls = ~np.asarray(pc.is_valid(col).to_numpy(zero_copy_only=False), dtype=bool)
        later, first = _duplicates(col, nulls)
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
    if pk and set(pk) <= data.present:
        keys, all_null = composite(data, pk)
        later, first = _duplicates(keys, all_null)
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


def check_foreign_keys(data: TableData, tables: dict[str, TableData]) -> list[Problem]:
    spec = data.spec
    if not data.readable:
        return []
    rows = data.row_numbers()
    problems: list[Problem] = []
    for fk in spec.foreign_keys:
        if not set(fk["fields"]) <= data.present:
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
        keys, all_null = composite(data, fk["fields"])
        ref_keys, ref_null = composite(ref, fk["ref_fields"])
        ref_keys = ref_keys.filter(pa.array(~ref_null)) if ref_null.any() else ref_keys
        if not pa.types.is_string(keys.type) or not pa.types.is_string(ref_keys.type):
            keys, ref_keys = pc.cast(keys, pa.string()), pc.cast(ref_keys, pa.string())
        found = np.asarray(
            pc.fill_null(pc.is_in(keys, value_set=pc.unique(ref_keys)), False).to_numpy(
                zero_copy_only=False
            ),
            dtype=bool,
        )
        label = ",".join(fk["fields"])
        for i in np.flatnonzero(~found & ~all_null):
            value = keys[int(i)].as_py()
            problems.append(
                Problem(
                    spec.name,
                    int(rows[i]),
                    label,
                    "foreign-key",
                    f"{str(value).replace(_SEP, ', ')!r} is not a "
                    f"{'/'.join(fk['ref_fields'])} of {fk['resource']}",
                )
            )
    return problems
