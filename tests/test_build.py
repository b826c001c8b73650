"""`tariffs build`: atomic, deterministic, refuses bad input and hand edits, keeps curation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from datapkg import build as build_mod
from datapkg.build import BuildError, build
from datapkg.cli import main
from datapkg.corrections import CorrectionError
from datapkg.manifest import HandEditError
from datapkg.sources import SourceError

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = [
    "datapackage.json",
    "data/sources.csv",
    "data/claims.csv",
    "data/facts.csv",
    "data/evidence.csv",
    "data/.build-manifest.json",
]


def make_project(dest: Path) -> Path:
    shutil.copytree(ROOT / "seeds", dest / "seeds")
    (dest / "curation").mkdir()
    (dest / "curation" / "corrections.yml").write_text("corrections: []\n")
    return dest


def snapshot(root: Path) -> dict[str, bytes]:
    return {rel: (root / rel).read_bytes() for rel in OUTPUTS if (root / rel).exists()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("built"))
    build(root)
    return root


@pytest.fixture
def project(tmp_path, built) -> Path:
    """A copy of a freshly built project, to break."""
    dest = tmp_path / "p"
    shutil.copytree(built, dest)
    return dest


def test_build_writes_every_resource(built):
    for rel in OUTPUTS:
        assert (built / rel).is_file(), rel
    desc = json.loads((built / "datapackage.json").read_text())
    assert [r["name"] for r in desc["resources"]] == ["sources", "claims", "facts", "evidence"]
    assert desc["$schema"].endswith("/2.0/datapackage.json")
    assert (built / "data/sources.csv").read_text().count("\n") == 1 + 5


def test_rebuild_is_byte_identical(project):
    before = snapshot(project)
    result = build(project)
    assert result.changed is False
    assert snapshot(project) == before


def test_two_fresh_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1769990400")
    a, b = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    build(a)
    build(b)
    assert snapshot(a) == snapshot(b)
    assert json.loads((a / "datapackage.json").read_text())["created"] == "2026-02-02T00:00:00Z"


def _expect_untouched(root: Path, exc_type, match: str, **kwargs):
    before = snapshot(root)
    with pytest.raises(exc_type, match=match):
        build(root, **kwargs)
    assert snapshot(root) == before
    assert not (root / ".build-tmp").exists()


def test_empty_seed_stops_the_build(project):
    (project / "seeds/000_243185b9bf62dd3c.txt").write_bytes(b"")
    _expect_untouched(project, SourceError, r"000_243185b9bf62dd3c\.txt: the file is empty")


def test_binary_seed_stops_the_build(project):
    (project / "seeds/001_787f9cf3393ad467.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    _expect_untouched(project, SourceError, r"001_787f9cf3393ad467\.txt: the file is binary")


def test_non_utf8_seed_stops_the_build(project):
    (project / "seeds/002_7d19bab5f45c4ac8.txt").write_bytes("Tarif de 25 % à Paris".encode("latin-1"))
    _expect_untouched(project, SourceError, r"002_7d19bab5f45c4ac8\.txt: not valid UTF-8 at byte")


def test_metadata_row_whose_file_is_missing_stops_the_build(project):
    (project / "seeds/003_4ee13673fc419608.txt").unlink()
    _expect_untouched(project, SourceError, r"row 4: field 'file': seeds/003_4ee13673fc419608\.txt does not exist")


def test_changed_seed_is_detected(project):
    path = project / "seeds/004_c4db8b3810ab6f83.txt"
    path.write_bytes(path.read_bytes().replace(b"50 per cent", b"60 per cent"))
    _expect_untouched(project, SourceError, r"004_c4db8b3810ab6f83\.txt: its sha256 is now")


def test_hand_edit_to_data_is_refused_and_pointed_to_curation(project):
    claims = project / "data/claims.csv"
    original = claims.read_bytes()
    claims.write_bytes(original.replace(b"in_force", b"announced", 1))
    assert claims.read_bytes() != original
    _expect_untouched(project, HandEditError, r"data/claims\.csv \(changed since the last build\).*curation/corrections\.yml")
    build(project, force=True)  # --force discards the edit
    assert claims.read_bytes() == original
    assert build(project).changed is False


def test_a_package_that_fails_validation_is_not_written(project, monkeypatch):
    (project / "curation/corrections.yml").write_text(
        yaml.safe_dump({"corrections": [{"id": "drop-first", "op": "drop", "reason": "so the content changes",
                                         "claim_id": _first_claim(project)["claim_id"]}]})
    )
    monkeypatch.setattr(build_mod, "validate_staged", lambda stage: ["claims: row 2: field 'kind': bad"])
    _expect_untouched(project, BuildError, r"not valid; nothing was changed:\n  claims: row 2")


def _first_claim(root: Path) -> dict[str, str]:
    import csv

    with (root / "data/claims.csv").open(newline="") as fh:
        return next(csv.DictReader(fh))


def test_corrections_are_applied_on_every_build(project):
    first = _first_claim(project)
    text = (project / "seeds/000_243185b9bf62dd3c.txt").read_text("utf-8")
    start = text.index("Washington next week")
    corrections = {
        "corrections": [
            {"id": "fix-status-test", "op": "set", "claim_id": first["claim_id"],
             "set": {"status": "announced", "measure": "event_other"}, "reason": "test: curator sets fields"},
            {"id": "add-test", "op": "add", "reason": "test: curator adds a missed claim",
             "claim": {"source_id": "pti-2026-01-29-jaishankar-gor", "start": start, "end": start + 10,
                       "quote": "x", "kind": "date", "qualifier": "exact", "measure": "event_visit",
                       "status": "announced"}},
        ]
    }
    (project / "curation/corrections.yml").write_text(yaml.safe_dump(corrections))
    build(project)
    rows = (project / "data/claims.csv").read_text("utf-8")
    assert f"pti-2026-01-29-jaishankar-gor-{start}-{start + 10},pti-2026-01-29-jaishankar-gor,{start},{start + 10},Washington," in rows
    changed = _first_claim(project)
    assert changed["claim_id"] == first["claim_id"]
    assert (changed["status"], changed["measure"], changed["rule"]) == ("announced", "event_other", "fix-status-test")
    build(project)  # a second build keeps them
    assert _first_claim(project)["rule"] == "fix-status-test"


def test_a_stale_correction_stops_the_build_naming_it(project):
    (project / "curation/corrections.yml").write_text(
        yaml.safe_dump({"corrections": [{"id": "fix-gone", "op": "drop", "claim_id": "nope-1-2",
                                         "reason": "refers to a claim that does not exist"}]})
    )
    _expect_untouched(project, CorrectionError, r"correction 'fix-gone': claim 'nope-1-2' is not produced")


def test_a_correction_without_reason_is_rejected(project):
    (project / "curation/corrections.yml").write_text(
        yaml.safe_dump({"corrections": [{"id": "fix-x", "op": "drop", "claim_id": "a-1-2"}]})
    )
    _expect_untouched(project, CorrectionError, r"'reason' is a required property")


def test_cli_reports_errors_in_one_line_with_exit_2(project, capsys):
    (project / "seeds/000_243185b9bf62dd3c.txt").write_bytes(b"   \n")
    assert main(["build", "--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tariffs build: error: ") and "the file is empty" in err
    assert "Traceback" not in err


def test_add_copies_the_article_and_rebuilds(project, tmp_path, capsys):
    article = tmp_path / "reuters_brazil.txt"
    article.write_text("Brazil faces a 50% US tariff on its coffee, officials said on Monday.\n", "utf-8")
    assert main(["add", str(article), "--root", str(project), "--publisher", "Reuters",
                 "--published", "2026-02-03", "--title", "Brazil coffee tariff"]) == 0
    assert (project / "seeds/reuters_brazil.txt").read_bytes() == article.read_bytes()
    meta = yaml.safe_load((project / "seeds/sources.yml").read_text("utf-8"))["sources"]
    assert meta[-1]["source_id"] == "reuters-2026-02-03-brazil-coffee-tariff"
    assert meta[-1]["date_basis"] == "supplied" and meta[-1]["url"] == ""
    assert "reuters-2026-02-03-brazil-coffee-tariff" in (project / "data/sources.csv").read_text()
    assert "reuters-2026-02-03-brazil-coffee-tariff" in (project / "data/claims.csv").read_text()


def test_add_without_a_date_is_refused(project, tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("A 10% tariff.\n", "utf-8")
    with pytest.raises(SourceError, match="no publication date"):
        from datapkg.add import add_article

        add_article(project, article, publisher="X", published=None, title="", url="",
                    author="", origin="", source_id="")
    assert not (project / "seeds/undated.txt").exists()
