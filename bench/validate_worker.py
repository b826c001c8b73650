"""Run one validator over a package and write the errors it finds as JSON.

    python -m bench.validate_worker ours|frictionless PACKAGE_DIR OUT.json

Errors are (resource, row, field, type) in the normal form the frictionless comparison test
uses; the file also holds the validator's own time (without interpreter start-up).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def ours(root: Path) -> tuple[list[list], list[list]]:
    from datapkg.validate import validate_package
    from datapkg.validate.problem import TABLE_CODES

    problems = validate_package(root)
    table = [[p.resource, p.row, p.field, p.code] for p in problems if p.code in TABLE_CODES]
    other = [[p.resource, p.row, p.field, p.code] for p in problems if p.code not in TABLE_CODES]
    return table, other


def frictionless(root: Path) -> tuple[list[list], list[list]]:
    from frictionless import validate

    desc = json.loads((root / "datapackage.json").read_text("utf-8"))
    pks = {r["name"]: ",".join(r["schema"].get("primaryKey", [])) for r in desc["resources"]}
    report = validate(str(root / "datapackage.json"), limit_errors=10**7)
    out = []
    for task in report.tasks:
        for e in task.errors:
            if e.type == "foreign-key":
                field = ",".join(e.field_names)
            elif e.type == "primary-key":
                field = pks.get(task.name, "")
            elif e.type in ("extra-label", "duplicate-label", "blank-label"):
                field = e.label
            else:
                field = getattr(e, "field_name", "") or ""
            out.append([task.name, getattr(e, "row_number", None), field, e.type])
    return out, []


def main() -> int:
    which, root, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    t0 = time.perf_counter()
    table, other = (ours if which == "ours" else frictionless)(root)
    seconds = time.perf_counter() - t0
    out.write_text(
        json.dumps(
            {
                "validator": which,
                "seconds": round(seconds, 3),
                "table_errors": table,
                "other_errors": other,
            }
        ),
        "utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
