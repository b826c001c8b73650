"""The build's scaling paths (issue 5) keep its behaviour: the process pool, the streamed CSV,
the hashes read from disk, reconciliation without DataFrames, the indexed near-miss check."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from datapkg.csvio import RowError, write_csv
from datapkg.engines import LocalEngine, get_engine, resolve_jobs
from datapkg.manifest import content_digest_of_files, sha256_file
from datapkg.reconcile import ClaimIds, reconcile, reconcile_records, records_from_rows
from datapkg.reconcile.testing import claim_row, claims_frame, event_row, sources_frame

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = [
    "datapackage.json",
    "data/sources.csv",
    "data/claims.csv",
    "data/facts.csv",
    "data/evidence.csv",
    "data/.build-manifest.json",
]


def _square(x: int) -> int:
    return x * x


# ---------------------------------------------------------------- engines
def test_local_pool_returns_results_in_input_order() -> None:
    items = list(range(300))
    assert LocalEngine(jobs=2).map(_square, items) == [x * x for x in items]
    assert LocalEngine(jobs=2).map(_square, []) == []


def test_jobs_zero_means_one_per_core_and_negative_is_refused() -> None:
    assert resolve_jobs(0) == (os.cpu_count() or 1)
    assert resolve_jobs(3) == 3
    with pytest.raises(ValueError, match="--jobs must be 0"):
        resolve_jobs(-1)


def test_jobs_belong_to_the_local_engine() -> None:
    with pytest.raises(ValueError, match="--jobs goes with --engine local"):
        get_engine("dask", None, jobs=2)
    assert get_engine("local", None, jobs=2).jobs == 2  # type: ignore[attr-defined]


def _project(root: Path, n_synthetic: int) -> Path:
    sys.path.insert(0, str(REPO))  # bench/ is not an installed package
    from bench.corpus import write_project

    root.mkdir(parents=True)
    shutil.copytree(REPO / "curation", root / "curation")
    return write_project(root, n_synthetic, seed=3, with_real_seeds=True)


def test_a_pool_build_writes_the_single_process_package_byte_for_byte(tmp_path, monkeypatch):
    from datapkg.build import build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    one, pool = _project(tmp_path / "one", 40), _project(tmp_path / "pool", 40)
    first = build(one)
    build(pool, jobs=2)
    for rel in OUTPUTS:
        assert (pool / rel).read_bytes() == (one / rel).read_bytes(), rel
    # 5 real seeds and 40 synthetic articles, each with at least one figure
    assert first.counts["sources"] == 45 and first.counts["claims"] > 45
    assert not (one / ".build-tmp").exists() and not (pool / ".build-tmp").exists()


# ---------------------------------------------------------------- save
def test_write_csv_streams_rows_and_counts_them(tmp_path) -> None:
    path = tmp_path / "evidence.csv"
    rows = ({"fact_id": f"f.{i}", "claim_id": f"a-{i}-9", "role": "states"} for i in range(3))
    with path.open("w", encoding="utf-8", newline="") as fh:
        assert write_csv("evidence", rows, fh) == 3
    assert path.read_bytes() == (
        b"fact_id,claim_id,role\nf.0,a-0-9,states\nf.1,a-1-9,states\nf.2,a-2-9,states\n"
    )


def test_write_csv_names_resource_row_and_field_of_a_bad_cell(tmp_path) -> None:
    rows = [{"fact_id": "f", "n_claims": 1}, {"fact_id": "g", "n_claims": "many"}]
    with (tmp_path / "f.csv").open("w") as fh, pytest.raises(RowError) as err:
        write_csv("facts", rows, fh)
    assert str(err.value).startswith("facts: row 2: field 'n_claims':")


def test_hashes_are_read_from_disk_in_chunks(tmp_path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/b.csv").write_bytes(b"x" * 5000)
    (tmp_path / "data/a.csv").write_bytes(b"yz")
    (tmp_path / "datapackage.json").write_bytes(b"{}")
    assert sha256_file(tmp_path / "data/b.csv", chunk=64) == hashlib.sha256(b"x" * 5000).hexdigest()
    # the digest hashes name, NUL, bytes, NUL of every file but the descriptor, names sorted
    expected = hashlib.sha256(b"data/a.csv\0yz\0data/b.csv\0" + b"x" * 5000 + b"\0").hexdigest()
    names = ["data/b.csv", "datapackage.json", "data/a.csv"]
    assert content_digest_of_files(tmp_path, names, "datapackage.json", chunk=7) == expected


# ---------------------------------------------------------------- reconcile without frames
ORIGINS = {"pti": "pti", "ani": "ani", "express": "indianexpress", "thehindu": "pti"}


def test_reconcile_records_gives_the_facts_reconcile_gives() -> None:
    rows = [
        claim_row("pti", 10, value=50.0),
        claim_row("thehindu", 10, value=50.0),  # wire copy of pti: same origin
        claim_row("ani", 10, value=50.0),
        claim_row("express", 10, value=25.0),
    ]
    sources = sources_frame(ORIGINS)
    ids = ClaimIds()
    facts, evidence = reconcile_records(
        records_from_rows(rows, sources.to_dict("records"), ids), ids
    )
    assert [f["fact_id"] for f in facts] == ["tariff_total.usa.ind.in_force.undated"]
    fact = facts[0]
    assert (fact["value"], fact["unit"], fact["n_claims"], fact["n_sources"]) == (
        50.0,
        "percent",
        3,
        2,
    )
    assert fact["conflict"] is True and fact["date_from"] is None and fact["derivation"] is None
    assert [(e["claim_id"], e["role"]) for e in evidence] == [
        ("ani-10-15", "states"),
        ("express-10-15", "disagrees"),
        ("pti-10-15", "states"),
        ("thehindu-10-15", "states"),
    ]
    frame_facts, frame_evidence = reconcile(claims_frame(rows), sources)
    assert frame_facts.astype(object).where(frame_facts.notna(), None).to_dict("records") == facts
    assert frame_evidence.astype(object).to_dict("records") == evidence


# ---------------------------------------------------------------- indexed near misses
def test_an_event_between_two_neighbours_cites_both_in_fact_id_order() -> None:
    rows = [
        event_row("pti", 10, "event_meeting", "2026-01-29"),
        event_row("ani", 10, "event_meeting", "2026-01-30"),
        event_row("express", 10, "event_meeting", "2026-01-31"),
        event_row("ani", 90, "event_meeting", "2026-01-30", imposer="CHN", target="USA"),
    ]
    facts, evidence = reconcile(claims_frame(rows), sources_frame(ORIGINS))
    by_id = facts.set_index("fact_id")
    middle = by_id.loc["event_meeting.ind.usa.in_force.2026-01-30"]
    assert middle["conflict_note"] == (
        "May be the same event as event_meeting.ind.usa.in_force.2026-01-29, dated 29 Jan 2026 "
        "(took place) by pti. May be the same event as event_meeting.ind.usa.in_force.2026-01-31"
        ", dated 31 Jan 2026 (took place) by express."
    )
    # the 29th and the 31st are one day apart (MAX_GAP_DAYS = 1): flagged with each other too
    assert "2026-01-31" in by_id.loc["event_meeting.ind.usa.in_force.2026-01-29", "conflict_note"]
    other = by_id.loc["event_meeting.chn.usa.in_force.2026-01-30"]
    assert not other["conflict"] and pd.isna(other["conflict_note"])
    cited = evidence[evidence["fact_id"] == "event_meeting.ind.usa.in_force.2026-01-30"]
    assert sorted(zip(cited["claim_id"], cited["role"], strict=True)) == [
        ("ani-10-15", "states"),
        ("express-10-15", "disagrees"),
        ("pti-10-15", "disagrees"),
    ]
    assert dt.date(2026, 1, 30) == middle["date_from"]


def test_options_that_do_not_go_together_stop_the_build_before_it_reads_anything(tmp_path):
    from datapkg.build import build

    # no seeds/ at all: reading the inputs would fail with another error
    with pytest.raises(ValueError, match="--jobs goes with --engine local"):
        build(tmp_path, engine="dask", jobs=2)
    with pytest.raises(ValueError, match="--jobs must be 0"):
        build(tmp_path, jobs=-3)
    assert list(tmp_path.iterdir()) == []


def test_share_strings_keeps_values_and_makes_equal_text_one_object():
    from datapkg.build import share_strings

    sentence = "The US imposed 25 per cent and then 50 per cent."
    rows = [
        {"quote": "".join(sentence), "mention": "25 per cent", "measure": "tariff_total" + ""},
        {"quote": "".join(sentence), "mention": "50 per cent", "measure": "".join("tariff_total")},
    ]
    assert rows[0]["quote"] is not rows[1]["quote"]  # two equal copies, as extraction makes them
    out = share_strings(rows)
    assert [r["quote"] for r in out] == [sentence, sentence]
    assert [r["mention"] for r in out] == ["25 per cent", "50 per cent"]
    assert out[0]["quote"] is out[1]["quote"]
    assert out[0]["measure"] is out[1]["measure"] == "tariff_total"
