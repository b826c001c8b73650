"""The fast CSV reader of `tariffs validate` gives the cells the csv module gives (the reader
frictionless uses), row for row, also for rows with too few or too many cells, wherever those
rows fall relative to pyarrow's blocks and the validator's chunks."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from datapkg.validate import reader
from datapkg.validate.reader import Chunk, RaggedFile, fast_chunks


def cells_by_row(chunks: list[Chunk], width: int) -> dict[int, list[str | None]]:
    """{row number: the row's cells under the header (None where the row has no cell), then
    "extra@P" for each cell P beyond the header} from the reader's chunks; checks that the
    cell count the chunk records agrees."""
    out: dict[int, list[str | None]] = {}
    for chunk in chunks:
        extra: dict[int, list[int]] = {}
        for i, pos in chunk.extra:
            extra.setdefault(i, []).append(pos)
        for i, row in enumerate(chunk.rows().tolist()):
            cells: list[str | None] = [chunk.columns[c][i].as_py() for c in range(width)]
            present = sum(c is not None for c in cells)
            count = width if chunk.lengths is None else int(chunk.lengths[i])
            assert count == present + len(extra.get(i, [])), row
            cells += [f"extra@{pos}" for pos in extra.get(i, [])]
            assert row not in out
            out[row] = cells
    return out


SMALL = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n"x\ny",z,w,v\n10,11,12\n13\n'


@pytest.mark.parametrize("chunk_rows", [1, 2, 100])
def test_short_and_long_rows_keep_their_row_numbers_and_cells(
    tmp_path: Path, chunk_rows: int
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(SMALL, encoding="utf-8", newline="")
    got = cells_by_row(list(fast_chunks(path, "utf-8", 3, chunk_rows=chunk_rows)), 3)
    # worked out by reading SMALL: the header is row 1, the quoted cell spans two lines
    assert got == {
        2: ["1", "2", "3"],
        3: ["4", "5", None],
        4: ["6", "7", "8", "extra@4"],
        5: ["x\ny", "z", "w", "extra@4"],
        6: ["10", "11", "12"],
        7: ["13", None, None],
    }


def test_all_rows_malformed(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b,c\n1\n2,3,4,5\n", encoding="utf-8", newline="")
    got = cells_by_row(list(fast_chunks(path, "utf-8", 3, chunk_rows=1)), 3)
    assert got == {2: ["1", None, None], 3: ["2", "3", "4", "extra@4"]}


def test_many_blocks_and_chunks_agree_with_the_csv_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,000 rows in ~1 KB pyarrow blocks and 37-row chunks; malformed rows at the first and
    last rows, in a run of three, and at random places."""
    monkeypatch.setattr(reader, "BLOCK_BYTES", 1024)
    rng = random.Random(7)
    width = 4
    rows: list[list[str]] = []
    for n in range(2, 2002):
        row = [f"r{n}", str(rng.randint(0, 99)), 'a, quoted "cell"', f"line\nbreak {n}"]
        if n in (2, 500, 501, 502, 2001) or rng.random() < 0.02:
            row = (
                row[: rng.randint(1, 3)] if rng.random() < 0.5 else row + ["x"] * rng.randint(1, 3)
            )
        rows.append(row)
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "n", "text", "note"])
        w.writerows(rows)
    with path.open(encoding="utf-8", newline="") as fh:
        expected_rows = list(csv.reader(fh))[1:]
    expected = {}
    for n, cells in enumerate(expected_rows, start=2):
        shown: list[str | None] = list(cells[:width]) + [None] * max(0, width - len(cells))
        shown += [f"extra@{p + 1}" for p in range(width, len(cells))]
        expected[n] = shown
    chunks = list(fast_chunks(path, "utf-8", width, chunk_rows=37))
    assert len(chunks) > 10
    assert cells_by_row(chunks, width) == expected


def test_a_file_of_mostly_malformed_rows_is_left_to_the_csv_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Malformed rows wait in memory until their place is known; past a bound the fast reader
    gives up (and the table is read by the csv module) instead of holding the whole file."""
    monkeypatch.setattr(reader, "MAX_SET_ASIDE", 50)
    path = tmp_path / "t.csv"
    path.write_text("a,b,c\n" + "1,2,3,4\n" * 51, encoding="utf-8", newline="")
    with pytest.raises(RaggedFile):
        list(fast_chunks(path, "utf-8", 3))
    path.write_text("a,b,c\n" + "1,2,3,4\n" * 50, encoding="utf-8", newline="")
    got = cells_by_row(list(fast_chunks(path, "utf-8", 3)), 3)
    assert got == {n: ["1", "2", "3", "extra@4"] for n in range(2, 52)}
