"""validate_package: every check, in an order that lets each resource be read once.

sources (files and hashes) -> facts -> evidence -> claims (chunked: cells, offsets, units,
periods; keeps key columns and the stating claims) -> anything else the descriptor lists; then
keys, foreign keys, facts against evidence, and the tariff stacks.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from datapkg.validate import dates, evidence, keys, provenance, stack, unitkinds
from datapkg.validate.package import ResourceSpec, load_descriptor
from datapkg.validate.problem import Problem
from datapkg.validate.table import ChunkView, TableData, check_table

ORDER = ("sources", "facts", "evidence", "claims")
CLAIM_FIELDS_FOR_FACTS = (
    "claim_id",
    "source_id",
    "value",
    "unit",
    "measure",
    "imposer",
    "target",
    "status",
)
# key columns kept on disk as sorted runs (datapkg.validate.extsort) rather than in memory: a
# text column that only the key checks read (claims' claim_id: one per claim, the largest key)
# text column that only the key checks read (claims' claim_id: one per claim, the largest key),
# and evidence's keys: its claim_id (checked against claims' runs) and its primary key
# (fact_id, claim_id) joined; of evidence only the stating rows' ids stay in memory
SPILLED = {"claims": ("claim_id",), "evidence": ("claim_id", "fact_id,claim_id")}
STATING_FIELDS = ("fact_id", "claim_id")
# the facts columns the cross-table checks read (stacks, facts against evidence): the free
# text (label, derivation, conflict_note) is checked per chunk and not kept
FACT_FIELDS_FOR_CHECKS = (
    "fact_id",
    "fact_type",
    "measure",
    "imposer",
    "target",
    "status",
    "value",
    "unit",
    "qualifier",
    "date_from",
    "date_to",
    "n_claims",
    "n_sources",
    "derived",
    "conflict",
)
FACT_BLOCK = 8192


def _records(data: TableData, idx: np.ndarray | None = None) -> list[dict[str, Any]]:
    """The kept columns as one dict per row ('_row' the row number): every row, or the rows at
    positions *idx*."""
    names = [*data.kept, "_row"]
    take = None if idx is None else pa.array(idx, pa.int64())
    cols = [
        (data.column(name) if take is None else data.column(name).take(take)).to_pylist()
        for name in data.kept
    ]
    rows = data.row_numbers()
    cols.append((rows if idx is None else rows[idx]).tolist())
    return [dict(zip(names, values, strict=True)) for values in zip(*cols, strict=True)]


def _np_mask(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(pc.fill_null(mask, False).to_numpy(zero_copy_only=False), dtype=bool)


@contextmanager
def _returning_pool() -> Iterator[None]:
    """Arrow memory from jemalloc while validating, unless ARROW_DEFAULT_MEMORY_POOL says
    otherwise. Validation allocates and frees a block's worth of columns per chunk; jemalloc
    hands freed pages back to the system where pyarrow's default (mimalloc) keeps them, which
    at a million claims is the difference between about 390 and 520 MB resident."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        yield
        return
    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc (Windows)
        yield
        return
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    # and at once: a chunk's columns are freed a few milliseconds after they are made, so
    # with jemalloc's usual decay of a second the pages of many chunks stay resident
    pa.jemalloc_set_decay_ms(0)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def validate_package(package_dir: str | Path) -> list[Problem]:
    """Every problem found in the package under *package_dir* (empty when valid)."""
    with _returning_pool():
        return _validate_package(Path(package_dir))


def _validate_package(root: Path) -> list[Problem]:
    tables: dict[str, TableData] = {}
    try:
        return _check_tables(root, tables)
    finally:
        for data in tables.values():
            data.close()


def _check_tables(root: Path, tables: dict[str, TableData]) -> list[Problem]:
    specs, problems = load_descriptor(root)
    if not specs:
        return problems
    files = provenance.SourceFiles(root)
    found: dict[str, list[Problem]] = {name: [] for name in specs}
    stating_ids: pa.Array | None = None
    names = [n for n in ORDER if n in specs] + [n for n in specs if n not in ORDER]
    for name in names:
        spec = specs[name]
        early = keys.early_foreign_keys(spec, tables)
        keep = keys.key_fields(spec, specs, early)
        hook: Any = None
        keep_if: Any = None
        if name == "sources":
            keep = [*keep, "origin"]

            def hook(view: ChunkView, s: ResourceSpec = spec) -> list[Problem]:
                return files.check_sources(view)
        elif name == "facts":
            keep = [*keep, *FACT_FIELDS_FOR_CHECKS]

            def hook(view: ChunkView) -> list[Problem]:
                return unitkinds.check_units(view, "fact_type") + dates.check_period(view)
        elif name == "evidence":
            spilled = {f for k in SPILLED.get(name, ()) for f in k.split(",")}
            keep = [k for k in keep if k not in spilled]

            def pick_stating(view: ChunkView) -> np.ndarray:
                if "role" not in view.values:
                    return np.zeros(len(view), dtype=bool)
                return _np_mask(pc.equal(view.values["role"], "states"))

            keep_if = (STATING_FIELDS, pick_stating)
        elif name == "claims":
            ids = stating_ids

            def hook(view: ChunkView) -> list[Problem]:
                return (
                    files.check_mentions(view)
                    + unitkinds.check_units(view, "kind")
                    + dates.check_period(view)
                )

            def pick(view: ChunkView, ids: pa.Array | None = ids) -> np.ndarray:
                if ids is None or "claim_id" not in view.values:
                    return np.zeros(len(view), dtype=bool)
                return np.asarray(
                    pc.fill_null(pc.is_in(view.values["claim_id"], ids), False).to_numpy(
                        zero_copy_only=False
                    ),
                    dtype=bool,
                )

            keep_if = (CLAIM_FIELDS_FOR_FACTS, pick)
        else:

            def hook(view: ChunkView) -> list[Problem]:
                return dates.check_period(view)

        key_hook = None
        if early:

            def key_hook(
                view: ChunkView, s: ResourceSpec = spec, e: dict[int, pa.Array] = early
            ) -> dict[int, list[Problem]]:
                return keys.check_chunk_foreign_keys(s, e, view)

        table_problems, data = check_table(
            spec, tuple(dict.fromkeys(keep)), hook, keep_if, key_hook, SPILLED.get(name, ())
        )
        found[name].extend(table_problems)
        found[name].extend(keys.check_keys(data))
        tables[name] = data
        if name == "evidence" and data.readable and {"claim_id", "role"} <= data.present:
            stating_ids = pc.unique(pc.drop_null(_sub_column(data, "claim_id")))
    for name, data in tables.items():
        found[name].extend(keys.check_foreign_keys(data, tables))
    found.setdefault("facts", []).extend(_cross_checks(tables))
    for name in specs:
        problems.extend(sorted(found[name], key=lambda p: p.row or 0))
    return problems


def _cross_checks(tables: dict[str, TableData]) -> list[Problem]:
    """The tariff stacks, then facts against their evidence, a block of facts at a time (the
    rows of a block as Python objects, never the whole tables): the same problems as checking
    every fact at once, in the same order once sorted by row."""
    facts, ev, claims, sources = (tables.get(n) for n in ("facts", "evidence", "claims", "sources"))
    if facts is None or not facts.readable:
        return []
    out = []
    for idx in _stack_blocks(facts):
        out += stack.check_stacks(_records(facts, idx))
    if (
        ev is None
        or claims is None
        or sources is None
        or not (ev.readable and claims.readable and sources.readable)
    ):
        return out
    if not ({"fact_id", "claim_id", "role"} <= ev.present):
        return out
    _, sub = claims.subset()
    if "claim_id" not in sub or "fact_id" not in facts.kept:
        return out
    origins = {}
    if {"source_id", "origin"} <= set(sources.kept):
        origins = dict(
            zip(
                sources.column("source_id").to_pylist(),
                sources.column("origin").to_pylist(),
                strict=True,
            )
        )
    keep = _first_of_each_fact(facts)
    # the stating evidence rows, in row order (check_evidence reads no other)
    ev_ids, ev_claims = _sub_column(ev, "fact_id"), _sub_column(ev, "claim_id")
    for lo in range(0, len(keep), FACT_BLOCK):
        idx = keep[lo : lo + FACT_BLOCK]
        block_ids = pc.unique(facts.column("fact_id").take(pa.array(idx, pa.int64())))
        hit = pa.array(_np_mask(pc.is_in(ev_ids, value_set=block_ids)))
        ev_df = pd.DataFrame(
            {
                "fact_id": ev_ids.filter(hit).to_pylist(),
                "claim_id": ev_claims.filter(hit).to_pylist(),
            }
        )
        ev_df["role"] = "states"
        stating = ev_df.loc[ev_df["role"] == "states", "claim_id"].dropna().unique().tolist()
        pick = pa.array(
            _np_mask(pc.is_in(sub["claim_id"], value_set=pa.array(stating, pa.string())))
        )
        claims_df = pd.DataFrame({k: v.filter(pick).to_pylist() for k, v in sub.items()})
        claims_df = claims_df.drop_duplicates("claim_id")
        facts_df = pd.DataFrame(_records(facts, idx))
        out += evidence.check_evidence(facts_df, ev_df, claims_df, origins)
    return out


def _sub_column(data: TableData, name: str) -> pa.ChunkedArray:
    """A column of the rows *keep_if* picked (empty when none were)."""
    parts = data.sub_kept.get(name) or []
    return pa.chunked_array(parts, type=None if parts else pa.string())


def _stack_blocks(facts: TableData) -> list[np.ndarray]:
    """The facts the stack check reads (totals and component layers), in blocks of about
    FACT_BLOCK rows, each in row order, that never split the facts of one (imposer, target,
    status, unit): a total is compared only with layers of its own key, so checking the blocks
    one by one finds what checking all at once finds. No blocks when a column the check needs
    is missing (it would find nothing)."""
    names = ("measure", "fact_type", "imposer", "target", "status", "unit")
    if not set(names) <= set(facts.kept):
        return []
    comps = pa.array(sorted(stack.component_measures()), pa.string())
    mask = _np_mask(pc.is_in(facts.column("measure"), value_set=comps)) | _np_mask(
        pc.equal(facts.column("fact_type"), "tariff_total")
    )
    rows = np.flatnonzero(mask)
    if len(rows) == 0:
        return []
    take = pa.array(rows, pa.int64())
    parts = [
        pc.fill_null(pc.cast(facts.column(n).take(take), pa.string()), "\x00") for n in names[2:]
    ]
    key = pc.binary_join_element_wise(*parts, "\x1f")
    if isinstance(key, pa.ChunkedArray):
        key = key.combine_chunks()
    codes = np.asarray(pc.dictionary_encode(key).indices.to_numpy(zero_copy_only=False))
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    blocks: list[np.ndarray] = []
    lo = 0
    while lo < len(order):
        hi = min(lo + FACT_BLOCK, len(order))
        while hi < len(order) and codes[hi] == codes[hi - 1]:
            hi += 1
        blocks.append(np.sort(rows[order[lo:hi]]))
        lo = hi
    return blocks


def _first_of_each_fact(facts: TableData) -> np.ndarray:
    """Positions of the facts with a fact_id, the first row of each fact_id only (by dense
    ranks and a stable sort: 16 bytes a row, where a hash aggregation took about 50 MB for
    55,000 facts)."""
    ids = facts.column("fact_id")
    valid = np.flatnonzero(np.asarray(pc.is_valid(ids).to_numpy(zero_copy_only=False), bool))
    if len(valid) == 0:
        return np.zeros(0, dtype=np.int64)
    if len(valid) < len(ids):
        ids = ids.take(pa.array(valid, pa.int64()))
    rank = pc.rank(ids, sort_keys="ascending", tiebreaker="dense")
    codes = np.asarray(rank.to_numpy(zero_copy_only=False), dtype=np.int64)
    _, first = np.unique(codes, return_index=True)
    return np.sort(valid[first]).astype(np.int64)


def run_validate(package_dir: str | Path, out: TextIO) -> int:
    """`tariffs validate`: print each problem on one line; 0 when valid, 1 when not."""
    root = Path(package_dir)
    problems = validate_package(root)
    for p in problems:
        print(p, file=out)
    if problems:
        by_code: dict[str, int] = {}
        for p in problems:
            by_code[p.code] = by_code.get(p.code, 0) + 1
        summary = ", ".join(f"{n} {code}" for code, n in sorted(by_code.items()))
        print(
            f"INVALID: {len(problems)} problem(s) in {root / 'datapackage.json'} ({summary})",
            file=out,
        )
        return 1
    print(f"valid: {root / 'datapackage.json'}", file=out)
    return 0
