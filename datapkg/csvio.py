"""Save: deterministic CSV text for a resource, formatted by its schema's field types."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Mapping
from typing import Any

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


def to_csv(resource: str, rows: Iterable[Mapping[str, Any]]) -> str:
    """The CSV text of *rows* with the schema's header, in schema order, LF line ends."""
    schema_fields = fields(resource)
    names = [f["name"] for f in schema_fields]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for i, row in enumerate(rows, start=1):
        cells = []
        for f in schema_fields:
            try:
                cells.append(format_cell(row.get(f["name"]), f["type"]))
            except (TypeError, ValueError) as exc:
                raise RowError(f"{resource}: row {i}: field '{f['name']}': {exc}") from exc
        writer.writerow(cells)
    return buf.getvalue()
