"""`tariffs validate` finds what `frictionless validate` finds: same rows, fields and error types.

Each case edits one CSV of a valid package (two real seeds, built by bench.corpus.small_package
with headers from datapkg.schema) and runs both validators.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package

from bench.corpus import small_package  # noqa: E402
from datapkg.schema import field_names  # noqa: E402
from datapkg.validate import run_validate, validate_package  # noqa: E402
from datapkg.validate.problem import TABLE_CODES  # noqa: E402

FRICTIONLESS = Path(sys.executable).with_name("frictionless")
Rows = list[list[str]]


def read_rows(path: Path) -> Rows:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_rows(path: Path, rows: Rows) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")


def set_cell(row: int, field: str, value: str) -> Callable[[Rows], Rows]:
    """row is frictionless's row number (header = 1)."""

    def edit(rows: Rows) -> Rows:
        rows[row - 1][rows[0].index(field)] = value
        return rows

    return edit


def drop_column(field: str) -> Callable[[Rows], Rows]:
    def edit(rows: Rows) -> Rows:
        i = rows[0].index(field)
        return [r[:i] + r[i + 1 :] for r in rows]

    return edit


def add_column(rows: Rows) -> Rows:
    return [rows[0] + ["comment"]] + [r + ["x"] for r in rows[1:]]


def copy_claim_id(rows: Rows) -> Rows:
    rows[3][0] = rows[2][0]
    return rows


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture()
def package(tmp_path: Path) -> Path:
    return small_package(tmp_path / "pkg")


def edit_table(root: Path, resource: str, edit: Callable[[Rows], Rows]) -> None:
    path = root / "data" / f"{resource}.csv"
    write_rows(path, edit(read_rows(path)))


def frictionless_cli(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FRICTIONLESS), "validate", "datapackage.json"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def frictionless_errors(root: Path) -> set[tuple]:
    """(resource, row, field, type) of every error frictionless reports (python API)."""
    from frictionless import validate

    report = validate(str(root / "datapackage.json"), limit_errors=100_000)
    pk = {
        name: ",".join(field_names_of(root, name))
        for name in ("sources", "claims", "facts", "evidence")
    }
    out = set()
    for task in report.tasks:
        for e in task.errors:
            if e.type == "foreign-key":
                field = ",".join(e.field_names)
            elif e.type == "primary-key":
                field = pk[task.name]
            elif e.type in ("extra-label", "duplicate-label", "blank-label"):
                field = e.label
            else:
                field = getattr(e, "field_name", "") or ""
            out.add((task.name, getattr(e, "row_number", None), field, e.type))
    return out


def field_names_of(root: Path, resource: str) -> list[str]:
    from datapkg.schema import load_schema

    return load_schema(resource)["primaryKey"]


def our_errors(root: Path) -> set[tuple]:
    return {p.key() for p in validate_package(root) if p.code in TABLE_CODES}


def test_small_package_is_valid_for_both(package: Path) -> None:
    assert frictionless_cli(package).returncode == 0
    out = io.StringIO()
    assert run_validate(package, out) == 0, out.getvalue()


# (id, resource, edit, expected row, expected field) -- the edits of the brief
CASES = [
    ("rate-fifty", "claims", set_cell(2, "value", "fifty"), 2, "value"),
    ("negative-rate", "claims", set_cell(3, "value", "-25"), 3, "value"),
    ("malformed-date", "claims", set_cell(5, "date_from", "2026-13-45"), 5, "date_from"),
    ("unknown-source", "claims", set_cell(4, "source_id", "no-such-source"), 4, "source_id"),
    ("duplicate-claim-id", "claims", copy_claim_id, 4, "claim_id"),
    ("missing-column", "claims", drop_column("rule"), None, "rule"),
    ("extra-column", "claims", add_column, None, "comment"),
]


@pytest.mark.parametrize(
    ("resource", "edit", "row", "field"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_both_validators_reject_the_edit(package: Path, resource: str, edit, row, field) -> None:
    edit_table(package, resource, edit)
    before = snapshot(package)
    cli = frictionless_cli(package)
    assert cli.returncode == 1, cli.stdout
    out = io.StringIO()
    assert run_validate(package, out) == 1
    text = out.getvalue()
    lines = [ln for ln in text.splitlines() if f"field '{field}'" in ln]
    assert lines, text
    if row is not None:
        assert any(ln.startswith(f"{resource}: row {row}: ") for ln in lines), text
        assert f'"{row}"' in cli.stdout or f" {row} " in cli.stdout  # frictionless names it
    assert field in cli.stdout
    assert snapshot(package) == before  # validation changes nothing
    assert our_errors(package) == frictionless_errors(package)


def test_reordered_columns_are_accepted_by_both(package: Path) -> None:
    names = field_names("claims")
    order = list(reversed(names))
    edit_table(package, "claims", lambda rows: [[r[names.index(n)] for n in order] for r in rows])
    assert read_rows(package / "data" / "claims.csv")[0] == order
    assert frictionless_cli(package).returncode == 0
    out = io.StringIO()
    assert run_validate(package, out) == 0, out.getvalue()


def _ragged(rows: Rows) -> Rows:
    return rows[:2] + [rows[2][:5], rows[3] + ["extra"], [], [""] * len(rows[0])] + rows[4:]


# Broader corruptions: every one is compared error for error with frictionless's report.
CORRUPTIONS = {
    "many-cells": (
        "claims",
        lambda rows: (
            [
                rows[0],
                *[r[:] for r in rows[1:]],
            ]
            and _many(rows)
        ),
    ),
    "ragged-and-blank-rows": ("claims", _ragged),
    "required-enum-pattern": (
        "claims",
        lambda rows: set_cell(2, "kind", "rate")(
            set_cell(3, "quote", "")(
                set_cell(4, "imposer", "usa")(set_cell(5, "unit", "per cent")(rows))
            )
        ),
    ),
    "integer-forms": (
        "claims",
        lambda rows: set_cell(2, "start", "+7")(
            set_cell(3, "end", " 12 ")(set_cell(4, "start", "1.5")(set_cell(5, "end", "0")(rows)))
        ),
    ),
    "number-forms": (
        "claims",
        lambda rows: set_cell(2, "value", "1e3")(
            set_cell(3, "value", "NaN")(
                set_cell(4, "value", "5.")(
                    set_cell(5, "value", "-0")(set_cell(6, "value", "1,000")(rows))
                )
            )
        ),
    ),
    "date-forms": (
        "claims",
        lambda rows: set_cell(2, "date_from", "2026-1-5")(
            set_cell(3, "date_to", "2026-02-30")(set_cell(4, "date_from", "13/01/2026")(rows))
        ),
    ),
    "facts-booleans-and-counts": (
        "facts",
        lambda rows: set_cell(2, "derived", "yes")(
            set_cell(3, "conflict", "TRUE")(
                set_cell(4, "n_claims", "-1")(set_cell(5, "fact_type", "total")(rows))
            )
        ),
    ),
    "evidence-keys": (
        "evidence",
        lambda rows: rows + [rows[1][:], ["nope", rows[1][1], "states"], ["", "", ""]],
    ),
    "sources-pattern-and-uri": (
        "sources",
        lambda rows: set_cell(2, "sha256", "abc")(
            set_cell(3, "url", "not a uri")(set_cell(2, "chars", "0")(rows))
        ),
    ),
    "duplicate-and-blank-label": (
        "claims",
        lambda rows: [rows[0][:-2] + ["rule", ""]] + [r[:] for r in rows[1:]],
    ),
}


def _many(rows: Rows) -> Rows:
    rows = [r[:] for r in rows]
    rows[1][rows[0].index("value")] = "fifty"
    rows[2][rows[0].index("value")] = "-3"
    rows[3][rows[0].index("date_to")] = "2026-02-31"
    rows[4][rows[0].index("claim_id")] = rows[1][0]
    rows[5][rows[0].index("source_id")] = "ghost"
    return rows


@pytest.mark.parametrize("case", sorted(CORRUPTIONS))
def test_same_errors_as_frictionless(package: Path, case: str) -> None:
    resource, edit = CORRUPTIONS[case]
    edit_table(package, resource, edit)
    theirs = frictionless_errors(package)
    ours = our_errors(package)
    assert theirs, "the corruption should be an error for frictionless"
    assert ours == theirs


@pytest.mark.parametrize("structural", [False, True], ids=["cell-errors", "structural-errors"])
def test_same_errors_as_frictionless_on_a_larger_table(tmp_path: Path, structural: bool) -> None:
    """Thousands of rows, so the validator's per-distinct-value path and chunking are used."""
    from bench.corpus import write_package
    from bench.inject import inject

    root = tmp_path / "big"
    write_package(root, 9000, seed=5)
    planted = inject(root, per_class=3, seed=2, structural=structural)
    theirs = frictionless_errors(root)
    ours = our_errors(root)
    assert len(theirs) >= sum(map(len, planted.values())) // 2
    assert ours == theirs


def test_malformed_rows_on_block_and_chunk_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Short, long and blank rows at the first rows, in the middle and at the last row, and
    a claim id used three times, read in small blocks and chunks: same errors as frictionless,
    without falling back to reading the whole file with the csv module."""
    from bench.corpus import write_package
    from datapkg.validate import reader, table

    def no_fallback(*args: object, **kwargs: object) -> None:
        raise AssertionError("read row by row with the csv module")

    monkeypatch.setattr(table, "csv_chunks", no_fallback)
    monkeypatch.setattr(reader, "BLOCK_BYTES", 16 * 1024)
    monkeypatch.setattr(reader, "FAST_CHUNK_ROWS", 200)
    root = tmp_path / "big"
    write_package(root, 3000, seed=11)
    path = root / "data" / "claims.csv"
    rows = read_rows(path)
    last = len(rows)  # row number of the last row (the header is row 1)
    rows[2 - 1] = rows[2 - 1][:3]
    rows[3 - 1] = rows[3 - 1] + ["x", "y"]
    rows[4 - 1] = []
    for n in (700, 701, 702):
        rows[n - 1] = rows[n - 1][:7]
    rows[1500 - 1] = rows[1500 - 1] + [""]
    rows[last - 1] = rows[last - 1][:1]
    for n in (1000, 2000):
        rows[n - 1][0] = rows[900 - 1][0]
    rows[2500 - 1][0] = ""
    write_rows(path, rows)
    theirs = frictionless_errors(root)
    ours = our_errors(root)
    assert ("claims", last, "source_id", "missing-cell") in theirs
    assert ("claims", 2000, "claim_id", "unique-error") in theirs
    assert ours == theirs


def test_every_row_too_long_is_read_by_the_csv_module(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the fast reader's bound on malformed rows the table is read by the csv module:
    still the same errors as frictionless."""
    from datapkg.validate import reader

    monkeypatch.setattr(reader, "MAX_SET_ASIDE", 5)
    path = package / "data" / "claims.csv"
    rows = read_rows(path)
    write_rows(path, [rows[0]] + [r + ["x"] for r in rows[1:]])
    theirs = frictionless_errors(package)
    assert ("claims", len(rows), "", "extra-cell") in theirs
    assert our_errors(package) == theirs
