"""Table Schema checks of the cells of one field, vectorised over a chunk.

Each cell is tested the way frictionless tests it (missing values, then the type, then the
constraints required, enum, pattern, minLength, maxLength, minimum, maximum, exclusive bounds),
but on whole columns with pyarrow compute. Cells in the canonical form (``12``, ``0.5``,
``2025-08-01``, ``true``) are decided in bulk; the rare cell that is not (``+7``, `` 5``,
``1e3``, a string with a newline under a pattern) is handed to frictionless's own cell reader so
the verdict is exactly frictionless's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_INT = r"^-?[0-9]{1,18}$"
_NUM = r"^-?(?:[0-9]{1,15}(?:\.[0-9]{1,15})?|\.[0-9]{1,15})$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_TRUE = ["true", "True", "TRUE", "1"]
_FALSE = ["false", "False", "FALSE", "0"]
DICTIONARY_MIN_ROWS = 4096
DICTIONARY_RATIO = 4  # check per distinct value when there are at most a quarter as many
_CONSTRAINT_ORDER = (
    "required",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "pattern",
    "enum",
)


@dataclass
class CellIssue:
    index: int  # row index inside the chunk
    code: str  # type-error or constraint-error
    constraint: str  # '' for a type error
    message: str


@dataclass
class FieldResult:
    missing: np.ndarray  # bool per row: cell absent or a missing value
    parsed: pa.Array  # typed values; null where missing or invalid
    issues: list[CellIssue] = field(default_factory=list)


def _np(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(pc.fill_null(mask, False).to_numpy(zero_copy_only=False), dtype=bool)


def _show(cell: Any) -> str:
    text = repr(cell)
    return text if len(text) <= 60 else text[:57] + "...'"


class FieldChecker:
    """Checks for one schema field; build once per resource, apply to every chunk."""

    def __init__(self, fdesc: dict[str, Any], missing_values: list[str]):
        self.desc = fdesc
        self.name: str = fdesc["name"]
        self.type: str = fdesc.get("type", "any")
        self.format: str = fdesc.get("format", "default")
        self.constraints: dict[str, Any] = dict(fdesc.get("constraints") or {})
        self.missing_values = list(fdesc.get("missingValues", missing_values))
        self.true_values = list(fdesc.get("trueValues", _TRUE))
        self.false_values = list(fdesc.get("falseValues", _FALSE))
        pattern = self.constraints.get("pattern")
        self._re2 = f"^{pattern}$" if pattern is not None else None
        # classes whose meaning differs between RE2 (ASCII) and Python (Unicode), and flags
        self._re2_safe = pattern is not None and not re.search(r"\\[bBwWdDsS]|\(\?", pattern)

    # frictionless's own reader for the cells we do not decide in bulk
    @cached_property
    def _frictionless(self) -> Any:
        from frictionless import Field

        return Field.from_descriptor(dict(self.desc)).create_cell_reader()

    # ---------------------------------------------------------------- types
    def _fast_type(self, arr: pa.Array, present: np.ndarray) -> tuple[np.ndarray, pa.Array]:
        """(decided: bool per row, parsed values valid where decided)."""
        t = self.type
        if t == "string" and self.format in ("default", None):
            return present.copy(), arr
        if t == "integer" and self.desc.get("bareNumber", True) is not False:
            ok = _np(pc.match_substring_regex(arr, _INT)) & present
            return ok, _cast(arr, ok, pa.int64())
        if t == "number" and not (
            set(self.desc) & {"groupChar", "decimalChar", "bareNumber", "floatNumber"}
        ):
            ok = _np(pc.match_substring_regex(arr, _NUM)) & present
            return ok, _cast(arr, ok, pa.float64())
        if t == "date" and self.format in ("default", None):
            shaped = _np(pc.match_substring_regex(arr, _DATE)) & present
            parsed = pc.strptime(
                pc.if_else(pa.array(shaped), arr, pa.scalar(None, pa.string())),
                format="%Y-%m-%d",
                unit="s",
                error_is_null=True,
            )
            # arrow's strptime rolls 2026-02-30 over to March 2: a real date keeps its day
            day = pc.cast(
                pc.utf8_slice_codeunits(
                    pc.if_else(pa.array(shaped), arr, pa.scalar("0000-00-00", pa.string())), 8, 10
                ),
                pa.int64(),
            )
            same = pc.equal(pc.day(parsed), day)
            ok = shaped & _np(pc.is_valid(parsed)) & _np(same)
            return ok, pc.cast(parsed, pa.date32())
        if t == "boolean":
            true = _np(pc.is_in(arr, pa.array(self.true_values, pa.string())))
            false = _np(pc.is_in(arr, pa.array(self.false_values, pa.string())))
            ok = (true | false) & present
            return ok, pa.array(np.where(ok, true, False), mask=~ok, type=pa.bool_())
        return np.zeros(len(arr), dtype=bool), pa.nulls(len(arr), pa.string())

    # ---------------------------------------------------------------- constraints
    def _fast_constraints(
        self, arr: pa.Array, parsed: pa.Array, ok: np.ndarray, missing: np.ndarray
    ) -> tuple[list[tuple[str, np.ndarray]], np.ndarray]:
        """Failing rows per constraint among the decided cells, and cells left undecided."""
        fails: list[tuple[str, np.ndarray]] = []
        undecided = np.zeros(len(arr), dtype=bool)
        c = self.constraints
        for name in _CONSTRAINT_ORDER:
            if name not in c:
                continue
            value = c[name]
            if name == "required":
                if value:
                    fails.append((name, missing.copy()))
                continue
            if name in ("minLength", "maxLength"):
                if self.type not in ("string",):
                    undecided |= ok
                    continue
                length = pc.utf8_length(arr).to_numpy(zero_copy_only=False)
                bad = length < value if name == "minLength" else length > value
                fails.append((name, bad & ok))
            elif name in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                if self.type not in ("integer", "number", "date"):
                    undecided |= ok
                    continue
                if self.type == "date":
                    bound = pa.scalar(dt.date.fromisoformat(str(value)), pa.date32())
                else:
                    bound = pa.scalar(float(value), pa.float64())
                    parsed = pc.cast(parsed, pa.float64())
                op = {
                    "minimum": pc.less,
                    "maximum": pc.greater,
                    "exclusiveMinimum": pc.less_equal,
                    "exclusiveMaximum": pc.greater_equal,
                }[name]
                fails.append((name, _np(op(parsed, bound)) & ok))
            elif name == "pattern":
                if self.type != "string":
                    undecided |= ok
                    continue
                # One RE2 pass. Where RE2 matches so does Python's re (for these patterns
                # Python's `$` and classes accept a superset); a cell RE2 rejects is decided
                # here only if it is ASCII without a newline, where the two agree.
                if self._re2_safe:
                    try:
                        match = _np(pc.match_substring_regex(arr, self._re2))
                    except pa.ArrowInvalid:
                        undecided |= ok
                        continue
                    rejected = ok & ~match
                    for i in np.flatnonzero(rejected).tolist():
                        cell = arr[i].as_py()
                        if not cell.isascii() or "\n" in cell:
                            rejected[i] = False
                            undecided[i] = True
                    fails.append((name, rejected))
                else:
                    undecided |= ok
            elif name == "enum":
                if self.type != "string":
                    undecided |= ok
                    continue
                member = _np(pc.is_in(arr, pa.array([str(v) for v in value], pa.string())))
                fails.append((name, ok & ~member))
        return fails, undecided

    def check(self, arr: pa.Array) -> FieldResult:
        """Check a column. A column with few distinct values (kind, unit, measure, parties,
        dates, most numbers) is checked once per distinct value and mapped back to its rows."""
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        sample = arr.slice(0, DICTIONARY_MIN_ROWS)
        if len(arr) >= DICTIONARY_MIN_ROWS and len(pc.unique(sample)) * DICTIONARY_RATIO <= len(
            sample
        ):
            enc = pc.dictionary_encode(arr)
            if len(enc.dictionary) * DICTIONARY_RATIO <= len(arr):
                return self._check_encoded(enc)
        return self._check_plain(arr)

    def _check_encoded(self, enc: pa.DictionaryArray) -> FieldResult:
        sub = self._check_plain(enc.dictionary)
        idx = np.asarray(
            pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False), dtype=np.int64
        )
        absent = idx < 0
        safe = np.where(absent, 0, idx)
        if len(enc.dictionary) == 0:
            missing = absent.copy()
            parsed = pa.nulls(len(idx), sub.parsed.type)
        else:
            missing = absent | sub.missing[safe]
            parsed = pc.take(sub.parsed, pa.array(safe))
            if absent.any():
                parsed = pc.if_else(pa.array(~absent), parsed, pa.scalar(None, parsed.type))
        by_value: dict[int, list[CellIssue]] = {}
        for issue in sub.issues:
            by_value.setdefault(issue.index, []).append(issue)
        issues: list[CellIssue] = []
        if by_value:
            flagged = np.zeros(len(enc.dictionary), dtype=bool)
            flagged[list(by_value)] = True
            for i in np.flatnonzero(flagged[safe] & ~absent).tolist():
                for issue in by_value[int(idx[i])]:
                    issues.append(CellIssue(i, issue.code, issue.constraint, issue.message))
        if absent.any() and self.constraints.get("required"):
            message = self._constraint_message("required", None)
            for i in np.flatnonzero(absent).tolist():
                issues.append(CellIssue(i, "constraint-error", "required", message))
            issues.sort(key=lambda x: x.index)
        return FieldResult(missing, parsed, issues)

    def _check_plain(self, arr: pa.Array) -> FieldResult:
        absent = ~_np(pc.is_valid(arr))
        if self.missing_values == [""]:
            missing = absent | _np(pc.equal(pc.binary_length(arr), 0))
        else:
            missing = absent | _np(pc.is_in(arr, pa.array(self.missing_values, pa.string())))
        present = ~missing
        ok, parsed = self._fast_type(arr, present)
        fails, undecided = self._fast_constraints(arr, parsed, ok, missing)
        issues: list[CellIssue] = []
        for name, bad in fails:
            for i in np.flatnonzero(bad & ~undecided):
                issues.append(
                    CellIssue(
                        int(i),
                        "constraint-error",
                        name,
                        self._constraint_message(name, arr[i].as_py()),
                    )
                )
        slow = np.flatnonzero((present & ~ok) | undecided)
        if len(slow):
            values = parsed.to_pylist()
            valid = ok.copy()
            for i in slow:
                cell = arr[i].as_py()
                value, notes = self._frictionless(cell)
                notes = dict(notes or {})
                if "type" in notes:
                    notes.pop("type")
                    valid[i] = False
                    values[i] = None
                    issues.append(
                        CellIssue(
                            int(i),
                            "type-error",
                            "",
                            f"expected {self._type_words()}, got {_show(cell)}",
                        )
                    )
                else:
                    valid[i] = value is not None
                    values[i] = _plain(value)
                for name in notes:
                    issues.append(
                        CellIssue(
                            int(i), "constraint-error", name, self._constraint_message(name, cell)
                        )
                    )
            parsed = _rebuild(values, parsed.type, self.type)
            ok = valid
        parsed = _mask(parsed, ok)
        issues.sort(key=lambda x: x.index)
        return FieldResult(missing, parsed, issues)

    # ---------------------------------------------------------------- messages
    def _type_words(self) -> str:
        words = {
            "integer": "an integer",
            "number": "a number",
            "date": "a date YYYY-MM-DD",
            "boolean": "true or false",
            "string": "a string",
        }.get(self.type, self.type)
        if self.format not in ("default", None):
            words += f" (format {self.format})"
        return words

    def _constraint_message(self, name: str, cell: Any) -> str:
        v = self.constraints.get(name)
        if name == "required":
            return "a value is required, the cell is empty"
        if name == "enum":
            return f"expected one of {', '.join(map(str, v or []))}; got {_show(cell)}"
        if name == "pattern":
            return f"expected text matching {v}; got {_show(cell)}"
        if name == "minLength":
            return f"expected at least {v} character(s); got {_show(cell)}"
        if name == "maxLength":
            return f"expected at most {v} character(s); got {_show(cell)}"
        if name == "minimum":
            return f"expected a value of at least {v}; got {_show(cell)}"
        if name == "maximum":
            return f"expected a value of at most {v}; got {_show(cell)}"
        if name == "exclusiveMinimum":
            return f"expected a value above {v}; got {_show(cell)}"
        if name == "exclusiveMaximum":
            return f"expected a value below {v}; got {_show(cell)}"
        return f"constraint {name} {v!r} not met; got {_show(cell)}"


def _cast(arr: pa.Array, ok: np.ndarray, typ: pa.DataType) -> pa.Array:
    safe = pc.if_else(pa.array(ok), arr, pa.scalar("0", pa.string()))
    return pc.cast(safe, typ)


def _mask(parsed: pa.Array, ok: np.ndarray) -> pa.Array:
    if ok.all():
        return parsed
    return pc.if_else(pa.array(ok), parsed, pa.scalar(None, parsed.type))


def _plain(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value)
    return value


def _rebuild(values: list[Any], typ: pa.DataType, ftype: str) -> pa.Array:
    if ftype == "string":
        return pa.array([None if v is None else str(v) for v in values], pa.string())
    try:
        return pa.array(values, typ)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        return pa.array([None if v is None else str(v) for v in values], pa.string())
