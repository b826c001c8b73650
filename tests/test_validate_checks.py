"""What a Table Schema cannot express, and only `tariffs validate` checks: mentions at their
offsets, source hashes, units, facts against their evidence, tariff stacks, periods."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package

from bench.corpus import small_package  # noqa: E402
from datapkg.validate import Problem, run_validate, validate_package  # noqa: E402


@pytest.fixture()
def package(tmp_path: Path) -> Path:
    return small_package(tmp_path / "pkg")


def rows_of(root: Path, resource: str) -> list[dict[str, str]]:
    with (root / "data" / f"{resource}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def rewrite(root: Path, resource: str, rows: list[dict[str, str]]) -> None:
    path = root / "data" / f"{resource}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def change(root: Path, resource: str, match: dict[str, str], **values: str) -> int:
    """Set *values* on the rows matching *match*; returns the first one's row number."""
    rows = rows_of(root, resource)
    hit = [i for i, r in enumerate(rows) if all(r[k] == v for k, v in match.items())]
    assert hit, match
    for i in hit:
        rows[i].update(values)
    rewrite(root, resource, rows)
    return hit[0] + 2


def problems(root: Path) -> list[Problem]:
    return validate_package(root)


def only(found: list[Problem], code: str) -> list[Problem]:
    return [p for p in found if p.code == code]


def test_valid_package_has_no_problems(package: Path) -> None:
    out = io.StringIO()
    assert run_validate(package, out) == 0
    assert out.getvalue().startswith("valid:")


def test_mention_that_no_longer_matches_its_offsets(package: Path) -> None:
    row = change(package, "claims", {"mention": "USD 2 billion"}, mention="USD 3 billion")
    found = problems(package)
    assert [(p.resource, p.row, p.field, p.code) for p in found] == [
        ("claims", row, "mention", "mention-mismatch")
    ]
    assert "'USD 2 billion'" in found[0].message and "'USD 3 billion'" in found[0].message
    out = io.StringIO()
    assert run_validate(package, out) == 1
    assert f"claims: row {row}: field 'mention': [mention-mismatch]" in out.getvalue()


def test_offsets_beyond_the_text(package: Path) -> None:
    row = change(package, "claims", {"mention": "January 13"}, start="99990", end="100000")
    assert [(p.row, p.field, p.code) for p in problems(package)] == [(row, "end", "offset-error")]


def test_changed_source_file_is_caught_by_its_hash(package: Path) -> None:
    seed = package / "seeds" / "004_c4db8b3810ab6f83.txt"
    seed.write_text(seed.read_text("utf-8").replace("Jaishankar", "Dr Jaishankar", 1), "utf-8")
    found = problems(package)
    codes = {(p.resource, p.field, p.code) for p in found}
    assert ("sources", "sha256", "sha256-mismatch") in codes
    assert ("sources", "chars", "chars-mismatch") in codes  # 3 code points more
    assert any(p.code == "mention-mismatch" for p in found)  # offsets after it moved


def test_missing_source_file(package: Path) -> None:
    (package / "seeds" / "003_4ee13673fc419608.txt").unlink()
    found = problems(package)
    assert [(p.resource, p.field, p.code) for p in found] == [("sources", "file", "source-file")]


def test_unit_the_registry_cannot_parse(package: Path) -> None:
    row = change(package, "claims", {"mention": "USD 2 billion"}, unit="USDX")
    found = problems(package)
    assert (row, "unit", "unit-unknown") in {(p.row, p.field, p.code) for p in found}


@pytest.mark.parametrize(
    ("mention", "unit"),
    [("50 per cent", "USD"), ("USD 2 billion", "percent"), ("January 13", "day")],
)
def test_unit_that_does_not_fit_the_kind(package: Path, mention: str, unit: str) -> None:
    row = change(package, "claims", {"mention": mention}, unit=unit)
    assert (row, "unit", "unit-kind") in {(p.row, p.field, p.code) for p in problems(package)}


def test_date_claim_with_a_value(package: Path) -> None:
    row = change(package, "claims", {"mention": "January 13"}, value="13")
    assert (row, "value", "unit-kind") in {(p.row, p.field, p.code) for p in problems(package)}


def test_fact_that_disagrees_with_its_evidence(package: Path) -> None:
    fid = "tariff_penalty_russian_oil.usa.ind.in_force.undated"
    row = change(package, "facts", {"fact_id": fid}, n_claims="3", n_sources="1")
    found = only(problems(package), "fact-evidence")
    assert {(p.resource, p.row, p.field) for p in found} == {
        ("facts", row, "n_claims"),
        ("facts", row, "n_sources"),
    }
    assert "expected 2" in found[0].message


def test_fact_value_measure_and_parties_must_match_the_stating_claims(package: Path) -> None:
    row = change(
        package,
        "facts",
        {"fact_id": "bilateral_trade.ind.irn.in_force.undated"},
        value="3000000000",
    )
    claim_row = change(package, "claims", {"mention": "January 13"}, imposer="CHN")
    found = only(problems(package), "fact-evidence")
    assert ("facts", row, "value") in {(p.resource, p.row, p.field) for p in found}
    event = rows_of(package, "facts")
    event_row = next(i for i, r in enumerate(event, start=2) if r["measure"] == "event_call")
    assert ("facts", event_row, "imposer") in {(p.resource, p.row, p.field) for p in found}
    assert claim_row > 1


def test_components_that_do_not_add_up(package: Path) -> None:
    fid = "tariff_reciprocal.usa.ind.in_force.undated"
    change(package, "facts", {"fact_id": fid}, value="20")
    change(package, "claims", {"measure": "tariff_reciprocal"}, value="20")
    total_row = change(package, "facts", {"fact_id": "tariff_total.usa.ind.in_force.undated"})
    found = problems(package)
    assert [(p.resource, p.row, p.field, p.code) for p in found] == [
        ("facts", total_row, "value", "stack-sum")
    ]
    assert "to add up to the total 50 percent" in found[0].message


def test_flagged_stack_conflict_is_not_reported_again(package: Path) -> None:
    fid = "tariff_reciprocal.usa.ind.in_force.undated"
    change(
        package,
        "facts",
        {"fact_id": fid},
        value="20",
        conflict="true",
        conflict_note="does not add up",
    )
    change(package, "claims", {"measure": "tariff_reciprocal"}, value="20")
    assert problems(package) == []


def test_date_from_after_date_to(package: Path) -> None:
    row = change(package, "claims", {"mention": "January 13"}, date_from="2026-01-14")
    assert (row, "date_to", "date-order") in {(p.row, p.field, p.code) for p in problems(package)}
    frow = change(package, "facts", {"measure": "event_call"}, date_to="2026-01-01")
    assert ("facts", frow, "date_to", "date-order") in {
        (p.resource, p.row, p.field, p.code) for p in problems(package)
    }


def test_missing_descriptor(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_validate(tmp_path, out) == 1
    assert "datapackage.json" in out.getvalue() and "not found" in out.getvalue()


def test_blank_line_is_a_blank_row(package: Path) -> None:
    path = package / "data" / "claims.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines.insert(2, "\n")
    path.write_text("".join(lines), "utf-8")
    found = problems(package)
    assert ("claims", 3, "", "blank-row") in {p.key() for p in found}


def test_derived_unnamed_layer_completes_the_stack(package: Path) -> None:
    fid = "tariff_reciprocal.usa.ind.in_force.undated"
    change(
        package,
        "facts",
        {"fact_id": fid},
        measure="tariff_rate",
        derived="true",
        n_claims="0",
        n_sources="0",
        derivation="50% minus 25%",
    )
    change(package, "evidence", {"fact_id": fid}, role="derives")
    assert problems(package) == []
    change(package, "facts", {"fact_id": fid}, value="20")
    found = problems(package)
    assert [(p.field, p.code) for p in found] == [("value", "stack-sum")]
    assert "less than" in found[0].message


def test_components_above_the_total(package: Path) -> None:
    fid = "tariff_total.usa.ind.in_force.undated"
    row = change(package, "facts", {"fact_id": fid}, value="40")
    change(package, "claims", {"measure": "tariff_total"}, value="40")
    found = problems(package)
    assert [(p.row, p.code) for p in found] == [(row, "stack-sum")]
    assert "more than" in found[0].message


def test_broken_schema_in_the_descriptor_stops_like_frictionless(package: Path) -> None:
    import json

    path = package / "datapackage.json"
    desc = json.loads(path.read_text("utf-8"))
    desc["resources"][2]["schema"]["fields"][0]["type"] = "strin"
    path.write_text(json.dumps(desc), "utf-8")
    found = problems(package)
    assert [(p.resource, p.code) for p in found] == [("datapackage.json", "field-error")]
    assert "strin" in found[0].message


def test_validation_leaves_arrows_default_memory_pool_as_it_was(package: Path) -> None:
    import pyarrow as pa

    before = pa.default_memory_pool().backend_name
    validate_package(package)
    assert pa.default_memory_pool().backend_name == before
