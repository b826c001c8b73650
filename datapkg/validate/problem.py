"""One finding of the validator: where it is (resource, row, field) and what was expected."""

from __future__ import annotations

from dataclasses import dataclass

#: Codes shared with frictionless (Table Schema checks), so reports can be compared one to one.
TABLE_CODES = frozenset(
    {
        "type-error",
        "constraint-error",
        "unique-error",
        "primary-key",
        "foreign-key",
        "missing-label",
        "extra-label",
        "duplicate-label",
        "blank-label",
        "missing-cell",
        "extra-cell",
        "blank-row",
    }
)


@dataclass(frozen=True, order=True)
class Problem:
    """``row`` is frictionless's rowNumber (the header is row 1, the first data row 2); None for
    problems of the header, the file or the descriptor. ``field`` names the column (several
    joined by ',' for a composite key); empty when the problem is not about one column."""

    resource: str
    row: int | None
    field: str
    code: str
    message: str

    def __str__(self) -> str:
        where = [self.resource]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join(where)}: [{self.code}] {self.message}"

    def key(self) -> tuple[str, int | None, str, str]:
        """(resource, row, field, code): what the frictionless comparison matches on."""
        return (self.resource, self.row, self.field, self.code)
