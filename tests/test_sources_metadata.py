"""seeds/sources.yml is read one row at a time (memory), with the values and errors a whole
read gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from datapkg.sources import METADATA, SourceError, read_metadata

ROW = {
    "file": "seeds/a.txt",
    "origin": "wire",
    "published": dt.date(2025, 8, 7),
    "date_basis": "header_line",
    "title": "",
    "date_note": "",
    "publisher": "",
    "author": "",
    "url": "",
}


def _write(root: Path, text: str) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / METADATA).write_text(text, "utf-8")
    return root


def test_rows_come_with_dates_typed_and_text_fields_filled(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        "note: other keys are skipped\n"
        "sources:\n"
        "  - &first {source_id: a, file: seeds/a.txt, origin: wire, published: 2025-08-07,\n"
        "            date_basis: header_line, title: '  Tariffs  '}\n"
        "  - source_id: b\n"
        "    file: seeds/b.txt\n"
        "    origin: wire\n"
        "    author: null\n"
        "    published: '2025-08-08'\n"
        "    date_basis: supplied\n"
        "    url: https://example.org/b\n"
        "extra: [1, 2]\n",
    )
    assert read_metadata(root) == [
        {**ROW, "source_id": "a", "title": "Tariffs"},
        {
            **ROW,
            "source_id": "b",
            "file": "seeds/b.txt",
            "published": dt.date(2025, 8, 8),
            "date_basis": "supplied",
            "url": "https://example.org/b",
        },
    ]


def test_a_bad_row_is_named_by_its_number_and_field(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        "sources:\n"
        "  - {source_id: a, file: seeds/a.txt, origin: w, published: 2025-08-07, date_basis: x}\n"
        "  - {source_id: b, file: seeds/b.txt, origin: w, published: 7 August, date_basis: x}\n",
    )
    with pytest.raises(SourceError, match=r"row 2: field 'published': '7 August' is not a"):
        read_metadata(root)


@pytest.mark.parametrize(
    "text", ["- just a list\n", "sources: []\n", "sources: {a: 1}\n", "other: 1\n"]
)
def test_other_layouts_are_refused_as_before(tmp_path: Path, text: str) -> None:
    with pytest.raises(SourceError, match="expected a non-empty list under 'sources'"):
        read_metadata(_write(tmp_path, text))


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    root = _write(tmp_path, "sources:\n  - {source_id: a\n")
    with pytest.raises(SourceError, match=r"sources\.yml: not valid YAML"):
        read_metadata(root)
