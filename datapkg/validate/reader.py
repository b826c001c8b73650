"""Reading a CSV resource in bounded chunks of string columns.

Two readers give the same chunks: a fast one (pyarrow's CSV parser, in small blocks so that
memory is bounded) and the csv module, exactly as frictionless reads the file, for files pyarrow
refuses. Rows with too few or too many cells do not need the slow reader: pyarrow sets them
aside with their row number and text, and the csv module reads just those rows. Row numbers
follow frictionless: the header is row 1 and every CSV record after it is one row, blank lines
included.

A chunk holds one pyarrow string array per header position; a cell absent from a short row is
null, an empty cell is "".
"""

from __future__ import annotations

import bisect
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

CHUNK_ROWS = 200_000
FAST_CHUNK_ROWS = 16_384
MAX_SET_ASIDE = 8_192  # malformed rows waiting for their place; more: read with the csv module
BLOCK_BYTES = 1 << 20  # pyarrow reads about 32 blocks ahead of the parser


class RaggedFile(Exception):
    """The fast reader met a row it cannot represent; read the file with the csv module."""


@dataclass
class Chunk:
    first_row: int
    columns: list[pa.Array]  # one per header position
    lengths: np.ndarray | None  # cells per row when some row is short or long, else None
    extra: list[tuple[int, int]]  # (row index in chunk, 1-based cell position) of extra cells

    @property
    def n(self) -> int:
        return (
            len(self.columns[0])
            if self.columns
            else (0 if self.lengths is None else len(self.lengths))
        )

    def rows(self) -> np.ndarray:
        return np.arange(self.first_row, self.first_row + self.n, dtype=np.int64)


def read_header(path: Path, encoding: str) -> list[str] | None:
    with path.open(encoding=encoding, newline="") as fh:
        return next(csv.reader(fh), None)


def fast_chunks(
    path: Path, encoding: str, width: int, chunk_rows: int | None = None
) -> Iterator[Chunk]:
    """pyarrow reader; raises RaggedFile (before or after some chunks) when it cannot cope.

    Rows with too few or too many cells are set aside by pyarrow (with their row number and
    raw text), read again with the csv module, and put back in their place, so a table with a
    few malformed rows is still read at pyarrow's speed. The parser runs on one thread in
    small blocks: pyarrow reads a few dozen blocks ahead, so the block size bounds memory.
    """
    import pyarrow.csv as pcsv

    chunk_rows = chunk_rows or FAST_CHUNK_ROWS
    ragged: list[tuple[int, list[str]]] = []  # (row number, cells), in row order
    refused: list[str] = []

    def set_aside(bad: object) -> str:
        """Keep a malformed row for later, or stop pyarrow ('error') when the row cannot be
        placed, reads differently with the csv module, or too many are waiting (a file of
        mostly malformed rows is read by the csv module, chunk by chunk)."""
        number = getattr(bad, "number", None)
        text = getattr(bad, "text", None)
        if number is None or text is None:
            refused.append(f"pyarrow gave no row number for {bad}")
            return "error"
        records = list(csv.reader(io.StringIO(text, newline="")))
        if len(records) != 1 or len(records[0]) == width:
            refused.append(f"row {number} reads differently with the csv module")
            return "error"
        if len(ragged) >= MAX_SET_ASIDE:
            refused.append(f"more than {MAX_SET_ASIDE} malformed rows waiting")
            return "error"
        ragged.append((int(number), records[0]))
        return "skip"

    names = [f"c{i}" for i in range(width)]
    try:
        reader = pcsv.open_csv(
            path,
            read_options=pcsv.ReadOptions(
                skip_rows=1,
                column_names=names,
                block_size=BLOCK_BYTES,
                use_threads=False,
                encoding="utf8" if encoding.lower().replace("-", "") == "utf8" else encoding,
            ),
            parse_options=pcsv.ParseOptions(
                newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=set_aside
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        row = 2
        pending: list[pa.RecordBatch] = []
        good = 0
        for batch in reader:
            if batch.num_rows:
                pending.append(batch)
                good += batch.num_rows
            if good + len(ragged) >= chunk_rows:
                chunk, ragged = _assemble(row, pending, good, ragged, width)
                if chunk.n:
                    yield chunk
                row += chunk.n
                pending, good = [], 0
        if pending or ragged:
            chunk, ragged = _assemble(row, pending, good, ragged, width, last=True)
            yield chunk
    except RaggedFile:
        raise
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError) as exc:
        raise RaggedFile("; ".join(refused) or str(exc)) from exc


def _assemble(
    first_row: int,
    batches: list[pa.RecordBatch],
    good: int,
    ragged: list[tuple[int, list[str]]],
    width: int,
    last: bool = False,
) -> tuple[Chunk, list[tuple[int, list[str]]]]:
    """One chunk from *good* well-formed rows (in *batches*) and the malformed rows among them.

    The chunk starts at *first_row* and holds the good rows in order, with each set-aside row
    at its own number, and the set-aside rows that follow the last good row without a gap; a
    set-aside row after a gap waits for the good rows before it (and must not be left over
    from the *last* chunk). Returns the chunk and the set-aside rows still waiting.
    """
    numbers = [number for number, _ in ragged]
    if numbers and numbers[0] < first_row:
        raise RaggedFile(f"row {numbers[0]} was set aside out of order")
    end = first_row + good
    while True:  # the chunk ends after its last good row, counting the ragged rows before it
        k = bisect.bisect_left(numbers, end)
        if first_row + good + k == end:
            break
        end = first_row + good + k
    while k < len(numbers) and numbers[k] == end:  # then set-aside rows that follow on
        k += 1
        end += 1
    if last and k != len(ragged):
        raise RaggedFile(f"row {numbers[k]} was set aside beyond the rows read")
    mine, rest = ragged[:k], ragged[k:]
    n = end - first_row
    if len(mine) + good != n:
        raise RaggedFile("the rows set aside do not fit between the rows read")
    columns = [
        pa.concat_arrays([b.column(i) for b in batches]) if batches else pa.array([], pa.string())
        for i in range(width)
    ]
    if not mine:
        return Chunk(first_row, columns, None, []), rest
    at = np.array([number - first_row for number, _ in mine], dtype=np.int64)
    is_good = np.ones(n, dtype=bool)
    is_good[at] = False
    index = np.empty(n, dtype=np.int64)
    index[is_good] = np.arange(good, dtype=np.int64)
    index[at] = good + np.arange(len(mine), dtype=np.int64)
    take = pa.array(index)
    merged = []
    for i, col in enumerate(columns):
        cells = pa.array([r[i] if i < len(r) else None for _, r in mine], type=pa.string())
        merged.append(pa.concat_arrays([col, cells]).take(take))
    lengths = np.full(n, width, dtype=np.int64)
    lengths[at] = [len(r) for _, r in mine]
    extra = [
        (int(pos), p + 1)
        for pos, (_, r) in zip(at.tolist(), mine, strict=True)
        for p in range(width, len(r))
    ]
    return Chunk(first_row, merged, lengths, extra), rest


def csv_chunks(
    path: Path, encoding: str, width: int, chunk_rows: int = CHUNK_ROWS
) -> Iterator[Chunk]:
    """The csv module, like frictionless: exact for ragged rows and blank lines."""
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        row = 2
        while True:
            batch = []
            for rec in reader:
                batch.append(rec)
                if len(batch) >= chunk_rows:
                    break
            if not batch:
                return
            lengths = np.fromiter((len(r) for r in batch), dtype=np.int64, count=len(batch))
            ragged = bool((lengths != width).any())
            if ragged:
                cols = [
                    pa.array([r[i] if i < len(r) else None for r in batch], type=pa.string())
                    for i in range(width)
                ]
                extra = [(k, p + 1) for k, r in enumerate(batch) for p in range(width, len(r))]
            else:
                cols = (
                    [pa.array(c, type=pa.string()) for c in zip(*batch, strict=True)]
                    if width
                    else []
                )
                extra = []
            yield Chunk(row, cols, lengths if ragged else None, extra)
            row += len(batch)
