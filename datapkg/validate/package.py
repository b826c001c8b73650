"""The descriptor: which resources there are, where their CSVs are and their Table Schemas.

Schemas are read from the descriptor (inline, or a path to a JSON file relative to the package),
as frictionless reads them; nothing here names a column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datapkg.validate.problem import Problem

DESCRIPTOR = "datapackage.json"


@dataclass
class ResourceSpec:
    name: str
    path: Path
    schema: dict[str, Any]
    encoding: str = "utf-8"

    @property
    def fields(self) -> list[dict[str, Any]]:
        return list(self.schema.get("fields", []))

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    def field(self, name: str) -> dict[str, Any] | None:
        for f in self.fields:
            if f["name"] == name:
                return f
        return None

    @property
    def primary_key(self) -> list[str]:
        pk = self.schema.get("primaryKey") or []
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def foreign_keys(self) -> list[dict[str, Any]]:
        out = []
        for fk in self.schema.get("foreignKeys") or []:
            fields = fk["fields"]
            ref = fk["reference"]
            ref_fields = ref["fields"]
            out.append(
                {
                    "fields": [fields] if isinstance(fields, str) else list(fields),
                    "resource": ref.get("resource") or self.name,
                    "ref_fields": [ref_fields] if isinstance(ref_fields, str) else list(ref_fields),
                }
            )
        return out

    @property
    def missing_values(self) -> list[str]:
        return list(self.schema.get("missingValues", [""]))


def check_descriptor(desc: Any) -> list[Problem]:
    """The descriptor against the Data Package profile, by frictionless itself (metadata only,
    no rows read): unknown field types, malformed schemas, keys naming missing fields."""
    if not isinstance(desc, dict):
        return [Problem(DESCRIPTOR, None, "", "package-error", "the descriptor is not an object")]
    from frictionless import Package

    report = Package.validate_descriptor(desc)
    return [Problem(DESCRIPTOR, None, "", e.type, e.message) for e in report.errors]


def load_descriptor(root: Path) -> tuple[dict[str, ResourceSpec], list[Problem]]:
    """The resources by name, and problems that stop the descriptor being read."""
    path = root / DESCRIPTOR
    if not path.is_file():
        return {}, [
            Problem(
                DESCRIPTOR,
                None,
                "",
                "package-error",
                f"{path} not found; run `tariffs build` first",
            )
        ]
    try:
        desc = json.loads(path.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, [Problem(DESCRIPTOR, None, "", "package-error", f"not valid JSON ({exc})")]
    problems = check_descriptor(desc)
    if problems:  # like frictionless, stop: the tables cannot be read against a broken schema
        return {}, problems
    specs: dict[str, ResourceSpec] = {}
    for i, res in enumerate(desc.get("resources") or [], start=1):
        name = res.get("name") or f"resource-{i}"
        schema = res.get("schema")
        if isinstance(schema, str):
            try:
                schema = json.loads((root / schema).read_text("utf-8"))
            except (OSError, ValueError) as exc:
                problems.append(
                    Problem(
                        name,
                        None,
                        "",
                        "schema-error",
                        f"schema {res['schema']} cannot be read ({exc})",
                    )
                )
                continue
        if not isinstance(schema, dict) or not res.get("path"):
            problems.append(
                Problem(
                    name, None, "", "schema-error", "the resource needs a path and a Table Schema"
                )
            )
            continue
        specs[name] = ResourceSpec(name, root / res["path"], schema, res.get("encoding", "utf-8"))
    if not specs and not problems:
        problems.append(Problem(DESCRIPTOR, None, "", "package-error", "no resources listed"))
    return specs, problems
