"""Reading a CSV resource in bounded chunks of string columns.

Two readers give the same chunks: a fast one (pyarrow's multi-threaded CSV parser) for files
whose every row has as many cells as the header, and the csv module, exactly as frictionless
reads the file, for anything else (ragged rows, files pyarrow refuses). Row numbers follow
frictionless: the header is row 1 and every CSV record after it is one row, blank lines included.

A chunk holds one pyarrow string array per header position; a cell absent from a short row is
null, an empty cell is "".
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

CHUNK_ROWS = 200_000
BLOCK_BYTES = 4 << 20


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


def fast_chunks(path: Path, encoding: str, width: int) -> Iterator[Chunk]:
    """pyarrow reader; raises RaggedFile (before or after some chunks) when it cannot cope."""
    import pyarrow.csv as pcsv

    def refuse(row: object) -> str:
        raise RaggedFile(str(row))

    names = [f"c{i}" for i in range(width)]
    try:
        reader = pcsv.open_csv(
            path,
            read_options=pcsv.ReadOptions(
                skip_rows=1,
                column_names=names,
                block_size=BLOCK_BYTES,
                encoding="utf8" if encoding.lower().replace("-", "") == "utf8" else encoding,
            ),
            parse_options=pcsv.ParseOptions(
                newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=refuse
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        row = 2
        for batch in reader:
            if batch.num_rows == 0:
                continue
            yield Chunk(row, [batch.column(i) for i in range(width)], None, [])
            row += batch.num_rows
    except RaggedFile:
        raise
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError) as exc:
        raise RaggedFile(str(exc)) from exc


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
