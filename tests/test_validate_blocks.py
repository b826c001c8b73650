"""Facts are checked against their evidence a block at a time (bounded memory): a fact's
problems do not depend on which block it falls in."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package

from bench.corpus import small_package  # noqa: E402
from datapkg.validate import runner, validate_package  # noqa: E402


def _rows(root: Path, resource: str) -> list[dict[str, str]]:
    with (root / "data" / f"{resource}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _set(root: Path, resource: str, key: str, wanted: str, **cells: str) -> int:
    """Set *cells* on the row whose *key* is *wanted*; its row number (header = row 1)."""
    path = root / "data" / f"{resource}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    rows = _rows(root, resource)
    i = next(i for i, r in enumerate(rows) if r[key] == wanted)
    rows[i].update(cells)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return i + 2


@pytest.mark.parametrize("block", [1, 2, 1000])
def test_fact_evidence_problems_are_the_same_whatever_the_block_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    root = small_package(tmp_path / "pkg")
    # two stating claims, one origin (the small package's evidence): 3 and 1 are wrong counts
    penalty = _set(
        root,
        "facts",
        "fact_id",
        "tariff_penalty_russian_oil.usa.ind.in_force.undated",
        n_claims="3",
    )
    trade = _set(
        root, "facts", "fact_id", "bilateral_trade.ind.irn.in_force.undated", value="3000000000"
    )
    monkeypatch.setattr(runner, "FACT_BLOCK", block)
    found = [(p.row, p.field) for p in validate_package(root) if p.code == "fact-evidence"]
    assert found == sorted([(penalty, "n_claims"), (trade, "value")])


@pytest.mark.parametrize("block", [1, 1000])
def test_a_stack_is_checked_whole_whatever_the_block_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    root = small_package(tmp_path / "pkg")
    # the reciprocal layer (25 -> 20, its claim too) no longer adds up with the penalty
    # layer (25) to the 50 percent total of the same imposer, target, status and unit
    _set(root, "facts", "fact_id", "tariff_reciprocal.usa.ind.in_force.undated", value="20")
    _set(root, "claims", "measure", "tariff_reciprocal", value="20")
    total = _set(root, "facts", "fact_id", "tariff_total.usa.ind.in_force.undated")
    monkeypatch.setattr(runner, "FACT_BLOCK", block)
    found = [(p.row, p.field, p.code) for p in validate_package(root)]
    assert found == [(total, "value", "stack-sum")]
