"""Key checks on disk (datapkg.validate.extsort): claims' claim_id kept as sorted runs must give
the same unique, primary-key and foreign-key problems as the in-memory check."""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package

from bench.corpus import small_package  # noqa: E402
from datapkg.validate import Problem, reader, runner, validate_package  # noqa: E402
from datapkg.validate.extsort import (  # noqa: E402
    KeyRuns,
    absent,
    joined,
    later_occurrences,
    missing_rows,
)

KEY_CODES = {"unique-error", "primary-key", "foreign-key"}


def test_later_occurrences_name_the_first_row_of_their_key() -> None:
    pairs = [("a", 2), ("a", 5), ("a", 9), ("b", 3), ("c", 4), ("c", 8)]
    assert list(later_occurrences(pairs)) == [(5, 2, "a"), (9, 2, "a"), (8, 4, "c")]


def test_absent_walks_two_sorted_streams() -> None:
    assert absent(["a", "c", "d", "f"], ["b", "c", "e", "f", "g"]) == {"a", "d"}
    assert absent(["a"], []) == {"a"}


def test_missing_rows_are_the_pairs_whose_key_is_absent_in_row_order() -> None:
    pairs = [("a", 7), ("b", 2), ("b", 9), ("d", 3), ("f", 4)]
    assert missing_rows(pairs, ["b", "c", "f"]) == [(3, "d"), (7, "a")]
    assert missing_rows(pairs, []) == [(2, "b"), (3, "d"), (4, "f"), (7, "a"), (9, "b")]


def test_joined_key_marks_missing_cells_and_is_null_only_when_all_are() -> None:
    got = joined([pa.array(["f1", None, None]), pa.array(["c1", "c2", None])])
    assert got.to_pylist() == ["f1\x1fc1", "\x00\x1fc2", None]


def test_runs_merge_chunks_in_key_then_row_order_and_set_missing_keys_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    runs = KeyRuns()
    runs.add(pa.array(["é", "b", None, "a"]), np.array([2, 3, 4, 5]))
    runs.add(pa.array(["b", "z", None]), np.array([6, 7, 8]))
    # "é" (U+00E9) sorts after "z" (U+007A), in Python's order as in UTF-8's bytes
    assert list(runs.merged()) == [("a", 5), ("b", 3), ("b", 6), ("z", 7), ("é", 2)]
    assert list(runs.keys()) == ["a", "b", "z", "é"]
    assert runs.null_rows.tolist() == [4, 8]
    runs.close()
    assert list(tmp_path.iterdir()) == []


def _rows(root: Path, resource: str) -> list[dict[str, str]]:
    with (root / "data" / f"{resource}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(root: Path, resource: str, rows: list[dict[str, str]]) -> None:
    with (root / "data" / f"{resource}.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


@pytest.fixture()
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """claims row 5 repeats row 2's claim_id and row 7's is empty, so the evidence citing
    their old ids dangles; chunks of two rows put the repeats in different runs."""
    root = small_package(tmp_path / "pkg")
    claims = _rows(root, "claims")
    ids = [c["claim_id"] for c in claims]
    claims[3]["claim_id"] = ids[0]
    claims[5]["claim_id"] = ""
    _write(root, "claims", claims)
    monkeypatch.setattr(reader, "FAST_CHUNK_ROWS", 2)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return root, ids


def test_duplicate_empty_and_dangling_claim_ids_are_reported_by_row(
    broken: tuple[Path, list[str]],
) -> None:
    root, ids = broken
    ev_row = {e["claim_id"]: i + 2 for i, e in enumerate(_rows(root, "evidence"))}
    expected = [
        Problem(
            "claims",
            5,
            "claim_id",
            "unique-error",
            f"{ids[0]!r} must be unique; it is already in row 2",
        ),
        Problem(
            "claims",
            5,
            "claim_id",
            "primary-key",
            f"primary key (claim_id) {ids[0]!r} is already in row 2",
        ),
        Problem("claims", 7, "claim_id", "primary-key", "the primary key (claim_id) is empty"),
    ]
    expected += sorted(
        (
            Problem(
                "evidence",
                ev_row[ids[k]],
                "claim_id",
                "foreign-key",
                f"{ids[k]!r} is not a claim_id of claims",
            )
            for k in (3, 5)
        ),
        key=lambda p: p.row or 0,
    )
    found = [p for p in validate_package(root) if p.code in KEY_CODES]
    assert sorted(found, key=lambda p: (p.resource, p.row or 0)) == sorted(
        expected, key=lambda p: (p.resource, p.row or 0)
    )


def test_runs_find_what_the_in_memory_check_finds(
    broken: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _ = broken
    on_disk = validate_package(root)
    monkeypatch.setattr(runner, "SPILLED", {})
    in_memory = validate_package(root)
    assert [p for p in on_disk if p.code in KEY_CODES]  # the comparison is not vacuous
    assert on_disk == in_memory


def test_key_runs_are_removed_after_validation(broken: tuple[Path, list[str]]) -> None:
    root, _ = broken
    validate_package(root)
    assert not list(Path(tempfile.gettempdir()).glob("tariffs-keys-*"))
