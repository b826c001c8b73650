"""Evidence's keys are checked from sorted runs on disk and only its stating rows are kept:
the problems of a hand-made evidence table (a dangling fact_id, a dangling claim_id, a fact
left without evidence, a repeated primary key), worked out by reading the rows below."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package

from bench.corpus import small_package  # noqa: E402
from datapkg.validate import reader, runner, validate_package  # noqa: E402

TOTAL = "tariff_total.usa.ind.in_force.undated"
RECIPROCAL = "tariff_reciprocal.usa.ind.in_force.undated"
TRADE = "bilateral_trade.ind.irn.in_force.undated"  # facts row 2: n_claims 1, n_sources 1
GIBN = "gibn-2026-01-jaishankar-gore"
CALL = "unnamed-2026-01-13-jaishankar-rubio-call"

# the small package's evidence without its bilateral_trade row, then four bad rows (8 to 11)
EVIDENCE = f"""fact_id,claim_id,role
event_call.ind.usa.in_force.2026-01-13,{CALL}-133-143,states
tariff_penalty_russian_oil.usa.ind.in_force.undated,{GIBN}-2361-2364,states
tariff_penalty_russian_oil.usa.ind.in_force.undated,{CALL}-773-784,states
{RECIPROCAL},{GIBN}-2297-2300,states
{TOTAL},{GIBN}-1749-1752,states
{TOTAL},{CALL}-725-736,states
no.such.fact,{CALL}-725-736,derives
{TOTAL},no-such-claim,states
{RECIPROCAL},{GIBN}-2297-2300,derives
"""


def test_dangling_keys_a_fact_without_evidence_and_a_repeated_key(tmp_path: Path) -> None:
    root = small_package(tmp_path / "pkg")
    (root / "data" / "evidence.csv").write_text(EVIDENCE, encoding="utf-8")
    found = [(p.resource, p.row, p.field, p.code, p.message) for p in validate_package(root)]
    assert found == [
        # the trade fact lost its only (stating) evidence row
        (
            "facts",
            2,
            "n_claims",
            "fact-evidence",
            f"expected 0 (evidence rows with role states of {TRADE}); got 1",
        ),
        (
            "facts",
            2,
            "n_sources",
            "fact-evidence",
            f"expected 0 (distinct sources.origin of the stating claims of {TRADE}); got 1",
        ),
        # row 9 states the total with a claim that does not exist: 3 stating rows, still
        # 2 origins (the missing claim has none)
        (
            "facts",
            6,
            "n_claims",
            "fact-evidence",
            f"expected 3 (evidence rows with role states of {TOTAL}); got 2",
        ),
        ("evidence", 8, "fact_id", "foreign-key", "'no.such.fact' is not a fact_id of facts"),
        (
            "evidence",
            9,
            "claim_id",
            "foreign-key",
            "'no-such-claim' is not a claim_id of claims",
        ),
        (
            "evidence",
            10,
            "fact_id,claim_id",
            "primary-key",
            f"primary key (fact_id,claim_id) '{RECIPROCAL}, {GIBN}-2297-2300' is already in row 5",
        ),
    ]


def test_evidence_out_of_fact_order_and_an_empty_key(tmp_path: Path) -> None:
    """The rows reversed (no longer in fact_id order) and a row with neither id: the same
    facts check clean, and the empty key is reported once as such."""
    root = small_package(tmp_path / "pkg")
    path = root / "data" / "evidence.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *reversed(rows), ",,derives"]) + "\n", encoding="utf-8")
    found = [(p.resource, p.row, p.field, p.code) for p in validate_package(root)]
    assert found == [
        ("evidence", 9, "fact_id", "constraint-error"),
        ("evidence", 9, "claim_id", "constraint-error"),
        ("evidence", 9, "fact_id,claim_id", "primary-key"),
    ]


def test_evidence_runs_find_what_the_in_memory_check_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same list with every key column kept in memory, chunks of two rows (so a repeated
    key and its first row fall in different runs)."""
    root = small_package(tmp_path / "pkg")
    (root / "data" / "evidence.csv").write_text(EVIDENCE + ",,derives\n", encoding="utf-8")
    monkeypatch.setattr(reader, "FAST_CHUNK_ROWS", 2)
    on_disk = validate_package(root)
    monkeypatch.setattr(runner, "SPILLED", {})
    assert len(on_disk) == 9 and on_disk == validate_package(root)
