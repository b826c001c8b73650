"""Smoke tests of the benchmark harness: deterministic corpus, report, error injection.
Nothing here times anything or asserts a speed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package

from bench import corpus, report  # noqa: E402
from bench.inject import CELL_CLASSES, inject  # noqa: E402
from bench.measure import run_measured  # noqa: E402
from bench.run import growth, main  # noqa: E402
from datapkg.schema import field_names  # noqa: E402


def test_same_seed_same_corpus() -> None:
    assert corpus.digest_corpus(20, seed=1) == corpus.digest_corpus(20, seed=1)
    assert corpus.digest_corpus(20, seed=1) != corpus.digest_corpus(20, seed=2)


def test_claims_quote_their_text() -> None:
    for a in corpus.articles(10, seed=4):
        assert a.claims
        for c in a.claims:
            assert a.text[c["start"] : c["end"]] == c["mention"]
            assert set(c) == set(field_names("claims"))


def test_written_package_is_valid(tmp_path: Path) -> None:
    from datapkg.validate import validate_package

    counts = corpus.write_package(tmp_path / "p", 500, seed=2, per_article=40)
    assert counts["claims"] == 500
    assert validate_package(tmp_path / "p") == []


def test_write_project_lists_every_article(tmp_path: Path) -> None:
    import yaml

    root = corpus.write_project(tmp_path / "proj", 7, seed=1)
    meta = yaml.safe_load((root / "seeds" / "sources.yml").read_text("utf-8"))["sources"]
    assert len(meta) == 7 + len(corpus.real_seed_texts())
    assert all((root / m["file"]).is_file() for m in meta)


def test_injected_errors_are_found(tmp_path: Path) -> None:
    from datapkg.validate import validate_package

    root = tmp_path / "p"
    corpus.write_package(root, 400, seed=2, per_article=40)
    planted = inject(root, per_class=2, seed=1)
    assert set(planted) == set(CELL_CLASSES)
    rows = {p.row for p in validate_package(root) if p.resource == "claims"}
    for cls, at in planted.items():
        if cls != "duplicate:claim_id" or 2 not in at:
            assert set(at) <= rows, cls


def test_report_and_table(tmp_path: Path) -> None:
    path = report.write_report({"machine": report.machine(), "x": [1, 2]}, tmp_path / "r.json")
    data = json.loads(path.read_text("utf-8"))
    assert data["x"] == [1, 2] and data["machine"]["cpus"] >= 1
    text = report.table([{"a": 1, "b": 2.5}, {"a": 1000, "b": None}], ["a", "b"])
    assert text.splitlines()[0].split() == ["a", "b"] and "1,000" in text


def test_growth_exponent() -> None:
    assert growth([(10, 1.0), (100, 10.0), (1000, 1000.0)]) == [1.0, 2.0]


def test_measure_reports_exit_code_and_memory() -> None:
    m = run_measured([sys.executable, "-c", "print('hi')"])
    assert m["returncode"] == 0 and m["stdout"].strip() == "hi" and m["maxrss_mb"] > 0


def test_run_writes_a_report_for_a_tiny_validation(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert (
        main(
            ["--only", "validate", "--validate-rows", "300", "--per-class", "1", "--out", str(out)]
        )
        == 0
    )
    data = json.loads(out.read_text("utf-8"))
    runs = data["validate"]["runs"]
    assert [r["variant"] for r in runs] == ["valid", "cell-errors", "structural-errors"]
    assert all(r["same_errors"] for r in runs), [r.get("missed_by_ours") for r in runs]
