"""Cells are written the same way every time, by the schema's field type."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from datapkg.csvio import RowError, format_cell, to_csv
from datapkg.schema import field_names


@pytest.mark.parametrize(
    ("value", "ftype", "expected"),
    [
        (50.0, "number", "50"),
        (2e9, "number", "2000000000"),
        (450000000000.0, "number", "450000000000"),
        (12.5, "number", "12.5"),
        (0.1, "number", "0.1"),
        (None, "number", ""),
        (float("nan"), "number", ""),
        (pd.NA, "number", ""),
        (7, "integer", "7"),
        (True, "boolean", "true"),
        (False, "boolean", "false"),
        (dt.date(2025, 8, 1), "date", "2025-08-01"),
        ("2025-08-31", "date", "2025-08-31"),
        ("a, \"b\"", "string", "a, \"b\""),
    ],
)
def test_format_cell(value, ftype, expected):
    assert format_cell(value, ftype) == expected


def test_to_csv_uses_the_schema_header_and_quotes_commas():
    text = to_csv("evidence", [{"fact_id": "f.1", "claim_id": "a-1-2", "role": "states"}])
    assert text == ",".join(field_names("evidence")) + "\nf.1,a-1-2,states\n"
    quoted = to_csv("evidence", [{"fact_id": "f,1", "claim_id": "a-1-2", "role": "states"}])
    assert quoted.splitlines()[1] == '"f,1",a-1-2,states'


def test_to_csv_names_row_and_field_of_an_unwritable_cell():
    with pytest.raises(RowError, match=r"claims: row 1: field 'start'"):
        to_csv("claims", [{"start": "twelve"}])
