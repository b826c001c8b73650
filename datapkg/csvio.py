"""Save: deterministic CSV text for a resource, formatted by its schema's field types."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from datapkg.schema import fields


class RowError(ValueError):
    """A row cannot be written under the schema; names resource, row and field."""


def format_cell(value: Any, ftype: str) -> str:
    """One cell as text: empty for missing, ISO dates, shortest exact numbers, true/false."""
    if value is None or value is Ellipsis:
        return ""
    try:
        if value != value:  # NaN, pd.NA raise or compare unequal
            return ""
    except (TypeError, ValueError):
        return ""
    if ftype == "boolean":
        return "true" if bool(value) else "false"
    if ftype == "integer":
        return str(int(value))
    if ftype == "number":
        num = float(value)
        if math.isinf(num):
            raise ValueError(f"infinite number {value!r}")
        return str(int(num)) if num.is_integer() and abs(num) < 1e17 else repr(num)
    if ftype == "date":
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return dt.date.fromisoformat(str(value)).isoformat()
    return str(value)


def write_csv(resource: str, rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write *rows* as CSV to *out* row by row (nothing held but the current row): the schema's
    header, cells in schema order, LF line ends. Returns the number of rows written."""
    schema_fields = [(f["name"], f["type"]) for f in fields(resource)]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in schema_fields])
    n = 0
    for n, row in enumerate(rows, start=1):
        cells = []
        for name, ftype in schema_fields:
            value = row.get(name)
            if type(value) is str and ftype == "string":  # the common case, as format_cell has it
                cells.append(value)
                continue
            try:
                cells.append(format_cell(value, ftype))
            except (TypeError, ValueError) as exc:
                raise RowError(f"{resource}: row {n}: field '{name}': {exc}") from exc
        writer.writerow(cells)
    return n


def to_csv(resource: str, rows: Iterable[Mapping[str, Any]]) -> str:
    """The CSV text of *rows* with the schema's header, in schema order, LF line ends."""
    buf = io.StringIO()
    write_csv(resource, rows, buf)
    return buf.getvalue()
