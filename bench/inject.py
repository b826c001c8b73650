"""Inject errors of every class into a package's claims table, at fixed-seed random rows.

Classes frictionless also checks (the Table Schema): type errors, minimum, required, enum,
pattern, a malformed date, a foreign key to no source, a duplicate claim id (unique and primary
key); with ``structural``: blank rows, short rows (missing cells) and long rows (extra cells).
Classes only `tariffs validate` checks: a mention that does not match its offsets, a unit the
registry cannot parse, date_from after date_to. The claims file is rewritten streaming, row by
row, so any size fits in memory.
"""

from __future__ import annotations

import csv
import os
import random
from collections.abc import Callable
from pathlib import Path

Edit = Callable[[list[str], dict[str, int], list[str]], list[str]]


def _set(field: str, value: str) -> Edit:
    def edit(row: list[str], col: dict[str, int], first: list[str]) -> list[str]:
        row[col[field]] = value
        return row

    return edit


def _dup_id(row: list[str], col: dict[str, int], first: list[str]) -> list[str]:
    row[col["claim_id"]] = first[col["claim_id"]]
    return row


def _mention(row: list[str], col: dict[str, int], first: list[str]) -> list[str]:
    row[col["mention"]] = row[col["mention"]] + "!"
    return row


def _dates(row: list[str], col: dict[str, int], first: list[str]) -> list[str]:
    row[col["date_from"]], row[col["date_to"]] = "2026-02-02", "2026-02-01"
    return row


CELL_CLASSES: dict[str, Edit] = {
    "type-error:value": _set("value", "fifty"),
    "type-error:start": _set("start", "12.5"),
    "minimum:value": _set("value", "-25"),
    "required:quote": _set("quote", ""),
    "enum:kind": _set("kind", "rate"),
    "pattern:unit": _set("unit", "per cent"),
    "date:date_from": _set("date_from", "2025-13-01"),
    "foreign-key:source_id": _set("source_id", "ghost-source"),
    "duplicate:claim_id": _dup_id,
    "only-ours:mention": _mention,
    "only-ours:unit": _set("unit", "USDX"),
    "only-ours:dates": _dates,
}
STRUCTURAL: dict[str, Edit] = {
    "blank-row": lambda row, col, first: [],
    "missing-cells": lambda row, col, first: row[:5],
    "extra-cell": lambda row, col, first: row + ["extra"],
}


def inject(root: Path, per_class: int = 5, seed: int = 0, structural: bool = False) -> dict:
    """Rewrite data/claims.csv with the errors; returns {class: [row numbers]}."""
    path = root / "data" / "claims.csv"
    classes = dict(CELL_CLASSES)
    if structural:
        classes.update(STRUCTURAL)
    with path.open(encoding="utf-8", newline="") as fh:
        n = sum(1 for _ in fh) - 1
    rng = random.Random(seed)
    picks = rng.sample(range(2, n + 1), min(n - 1, per_class * len(classes)))
    plan: dict[int, str] = {}
    for i, pick in enumerate(picks):
        plan[pick] = list(classes)[i % len(classes)]
    tmp = path.with_suffix(".tmp")
    with (
        path.open(encoding="utf-8", newline="") as src,
        tmp.open("w", encoding="utf-8", newline="") as dst,
    ):
        reader, writer = csv.reader(src), csv.writer(dst, lineterminator="\n")
        header = next(reader)
        writer.writerow(header)
        col = {name: i for i, name in enumerate(header)}
        first: list[str] = []
        for number, row in enumerate(reader, start=2):
            if not first:
                first = row[:]
            cls = plan.get(number)
            if cls is not None:
                row = classes[cls](row[:], col, first)
            writer.writerow(row)
    os.replace(tmp, path)
    out: dict[str, list[int]] = {}
    for pick, cls in sorted(plan.items()):
        out.setdefault(cls, []).append(pick)
    return out
