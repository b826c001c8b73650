"""Issue 5, memory that does not grow with the corpus: claims cited by int refs, claim records
spilled to disk by (measure, status) and reconciled a part at a time, duplicate claim ids found
from hashes, and the validator's keys compared as ints. Expected values worked out by hand."""

from __future__ import annotations

import csv
import shutil
import sys
from array import array
from pathlib import Path

import pyarrow as pa
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package

from bench.corpus import small_package  # noqa: E402
from datapkg import build as build_mod  # noqa: E402
from datapkg.build import BuildError, check_unique_ids  # noqa: E402
from datapkg.reconcile import ClaimIds, frames, reconcile, reconcile_parts  # noqa: E402
from datapkg.reconcile.spill import PartSpill, claims_of_part, spill_claims  # noqa: E402
from datapkg.reconcile.testing import claim_row, claims_frame, sources_frame  # noqa: E402
from datapkg.validate import runner, validate_package  # noqa: E402
from datapkg.validate.table import TableData  # noqa: E402


# ---------------------------------------------------------------- refs
@pytest.mark.parametrize(
    ("claim_id", "source_id", "start", "end"),
    [
        ("pti-2026-01-30-x-10-15", "pti-2026-01-30-x", 10, 15),  # the usual id
        ("pti-2026-01-30-x-10-15-2", "pti-2026-01-30-x", 10, 15),  # second claim of a mention
        ("pti-2026-01-30-x-10-15-255", "pti-2026-01-30-x", 10.0, "15"),  # offsets as read back
        ("pti-2026-01-30-x-010-15", "pti-2026-01-30-x", 10, 15),  # a leading zero: kept apart
        ("pti-2026-01-30-x-10-15-0", "pti-2026-01-30-x", 10, 15),  # n 0 is not a counter
        ("pti-2026-01-30-x-10-15-256", "pti-2026-01-30-x", 10, 15),  # n beyond 8 bits
        ("fix-added-claim", "pti-2026-01-30-x", 10, 15),  # a correction's own id
        ("ani-1-2", "ani", None, 2),  # no start
        ("ani-0-4294967296", "ani", 0, 2**32),  # a span too long to pack
    ],
)
def test_a_ref_gives_back_its_claim_id_and_source_id(claim_id, source_id, start, end) -> None:
    ids = ClaimIds(["other"])
    ref = ids.ref(claim_id, source_id, start, end)
    assert ids.claim_id(ref) == claim_id
    assert ids.source_id(ref) == source_id


def test_refs_of_distinct_claims_differ() -> None:
    ids = ClaimIds()
    claims = [("a-1-2", "a", 1, 2), ("a-1-2-2", "a", 1, 2), ("a-1-3", "a", 1, 3), ("b-1-2", "b", 1, 2), ("x", "a", 1, 2)]
    refs = [ids.ref(*c) for c in claims]
    assert len(set(refs)) == 5
    assert [ids.claim_id(r) for r in refs] == ["a-1-2", "a-1-2-2", "a-1-3", "b-1-2", "x"]


# ---------------------------------------------------------------- spill
def test_spilled_parts_are_the_in_memory_group_by(tmp_path: Path) -> None:
    items = [
        (("tariff_total", "in_force"), 1),
        (("exports", "unknown"), 2),
        (("tariff_total", "in_force"), 3),
        (("tariff_total", "announced"), 4),
        (("exports", "unknown"), 5),
        (("tariff_total", "in_force"), 6),
        (("exports", "unknown"), 7),
    ]
    with PartSpill(tmp_path, buffer=2) as spill:  # a write every two items
        for key, item in items:
            spill.add(key, item)
        parts = list(spill.parts())
    assert parts == [
        (("exports", "unknown"), [2, 5, 7]),
        (("tariff_total", "announced"), [4]),
        (("tariff_total", "in_force"), [1, 3, 6]),
    ]
    assert list(tmp_path.iterdir()) == []


def test_the_spill_file_is_removed_when_the_work_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="boom"), PartSpill(tmp_path, buffer=1) as spill:
        spill.add(("m", "s"), 1)
        spill.add(("m", "s"), 2)
        assert spill.path.stat().st_size > 0
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_reconciling_spilled_parts_gives_the_facts_of_one_pass(tmp_path: Path) -> None:
    origins = {"pti": "pti", "ani": "ani", "thehindu": "pti"}
    rows = [
        claim_row("pti", 10, value=50.0),
        claim_row("thehindu", 10, value=50.0),  # wire copy of pti: one origin with it
        claim_row("ani", 10, value=25.0),  # disagrees
        claim_row("ani", 40, value=25.0, status="announced"),  # another status: another fact
        claim_row("ani", 70, kind="date", measure="date", value=None, unit=""),  # makes no fact
    ]
    ids = ClaimIds()
    with PartSpill(tmp_path, buffer=2) as spill:
        spill_claims(spill, rows, ids)
        facts = reconcile_parts(
            (claims_of_part(k, items, ids, origins) for k, items in spill.parts()), ids
        )
    fact_rows, evidence_rows = frames.to_rows(facts, ids)
    got = [(f["fact_id"], f["value"], f["n_claims"], f["n_sources"], f["conflict"]) for f in fact_rows]
    assert got == [
        ("tariff_total.usa.ind.announced.undated", 25.0, 1, 1, False),
        ("tariff_total.usa.ind.in_force.undated", 50.0, 2, 1, True),
    ]
    assert [(e["claim_id"], e["role"]) for e in evidence_rows] == [
        ("ani-40-45", "states"),
        ("ani-10-15", "disagrees"),
        ("pti-10-15", "states"),
        ("thehindu-10-15", "states"),
    ]
    # the same as the frames path, which reconciles every claim at once
    frame_facts, frame_evidence = reconcile(claims_frame(rows), sources_frame(origins))
    assert frame_facts["fact_id"].tolist() == [f["fact_id"] for f in fact_rows]
    assert frame_evidence["claim_id"].tolist() == [e["claim_id"] for e in evidence_rows]


# ---------------------------------------------------------------- duplicate claim ids
def test_a_claim_id_two_articles_share_is_named_with_its_last_row(tmp_path: Path) -> None:
    stage = type("S", (), {"dir": tmp_path})()
    (tmp_path / "data").mkdir()
    ids = ["a-1-2-3", "b-5-6", "a-1-2-3", "c-1-2", "b-5-6"]  # a-1-2-3 rows 1, 3; b-5-6 rows 2, 5
    with (tmp_path / "data/claims.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["claim_id"])
        w.writerows([i] for i in ids)
    with pytest.raises(BuildError, match=r"^claims row 3 \(a-1-2-3\): field 'claim_id': duplicate$"):
        check_unique_ids(stage, array("q", [hash(i) for i in ids]))  # type: ignore[arg-type]
    check_unique_ids(stage, array("q", [hash(i) for i in ids[:2]]))  # type: ignore[arg-type]


def test_a_build_that_fails_while_reconciling_removes_its_spill(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "p"
    (root / "seeds").mkdir(parents=True)
    repo = Path(__file__).resolve().parents[1]
    shutil.copy(repo / "seeds/000_243185b9bf62dd3c.txt", root / "seeds")
    meta = next(
        m for m in __import__("yaml").safe_load((repo / "seeds/sources.yml").read_text())["sources"]
        if m["file"] == "seeds/000_243185b9bf62dd3c.txt"
    )
    (root / "seeds/sources.yml").write_text(__import__("yaml").safe_dump({"sources": [meta]}))
    made: list[Path] = []
    real_init = PartSpill.__init__

    def init(self, directory, buffer=1):  # type: ignore[no-untyped-def]
        real_init(self, directory, buffer)
        made.append(self.path)

    def fail(parts, ids):  # type: ignore[no-untyped-def]
        for _ in parts:  # the spill is read, then reconciling fails
            assert made[0].exists()
        raise RuntimeError("reconcile failed")

    monkeypatch.setattr(PartSpill, "__init__", init)
    monkeypatch.setattr("datapkg.reconcile.reconcile_parts", fail)
    with pytest.raises(RuntimeError, match="reconcile failed"):
        build_mod.build(root)
    assert len(made) == 1 and not made[0].exists()
    assert not (root / ".build-tmp").exists() and not (root / "data").exists()


# ---------------------------------------------------------------- validator
def test_a_repeated_evidence_pair_is_a_primary_key_error_naming_the_first_row(tmp_path: Path) -> None:
    root = small_package(tmp_path / "pkg")
    path = root / "data/evidence.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines.append(lines[2])  # data row 2 (file row 3) again, as file row len(lines) + 1
    path.write_text("".join(lines), "utf-8")
    fact_id, claim_id = next(csv.reader([lines[2]]))[:2]
    found = [p for p in validate_package(root) if p.code == "primary-key"]
    assert [(p.resource, p.row, p.field) for p in found] == [("evidence", len(lines), "fact_id,claim_id")]
    assert found[0].message == (
        f"primary key (fact_id,claim_id) '{fact_id}, {claim_id}' is already in row 3"
    )


def test_the_first_row_of_each_fact_id_is_kept() -> None:
    data = TableData(spec=None)  # type: ignore[arg-type]
    data.kept = {"fact_id": [pa.array(["b", "a", None]), pa.array(["b", "a", "c"])]}
    assert runner._first_of_each_fact(data).tolist() == [0, 1, 5]


def test_composite_key_codes_are_equal_exactly_when_the_joined_keys_are() -> None:
    from datapkg.validate.keys import _codes

    a = pa.chunked_array([["x", "x"], ["x", None, "\x00", "y"]])
    b = pa.array(["y", "z", "y", "y", "y", "y"])
    codes = _codes([a, b]).to_pylist()
    # rows 0 and 2 are (x, y); rows 3 and 4 are (missing, y) and ('\x00', y), which the joined
    # key (missing cells as '\x00') also takes as equal; rows 1 and 5 stand alone
    assert codes[0] == codes[2] and codes[3] == codes[4]
    assert len({codes[0], codes[1], codes[3], codes[5]}) == 4
    # a cell holding the separator, or a column that is not text: the joined key is used
    assert _codes([pa.array(["a\x1fb", "c"]), pa.array(["d", "e"])]) is None
    assert _codes([pa.array([1, 2]), pa.array(["d", "e"])]) is None
    assert _codes([pa.array(["d", "e"])]) is None
