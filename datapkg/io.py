"""Reading the package: one module shared by the CLI, the validator and the dashboard.

Nothing is loaded at import time; call :func:`load_package` explicitly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from datapkg.schema import RESOURCES, fields

DESCRIPTOR = "datapackage.json"

_PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


class PackageError(Exception):
    """The package is missing or cannot be read; the message says what and where."""


@dataclass
class Package:
    root: Path
    descriptor: dict[str, Any]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getitem__(self, resource: str) -> pd.DataFrame:
        return self.tables[resource]

    def resource_path(self, resource: str) -> Path:
        for res in self.descriptor.get("resources", []):
            if res.get("name") == resource:
                return self.root / res["path"]
        raise PackageError(f"{self.root / DESCRIPTOR}: no resource named {resource!r}")


def read_table(path: Path, resource: str) -> pd.DataFrame:
    """Read one CSV resource with the dtypes its schema declares (dates as datetime.date)."""
    if not path.is_file():
        raise PackageError(f"{path}: file not found (resource {resource!r})")
    schema_fields = fields(resource)
    dtypes = {f["name"]: _PANDAS_TYPES.get(f["type"], "string") for f in schema_fields}
    booleans = [f["name"] for f in schema_fields if f["type"] == "boolean"]
    raw = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""], encoding="utf-8")
    missing = [n for n in dtypes if n not in raw.columns]
    if missing:
        raise PackageError(f"{path}: missing column(s) {', '.join(missing)}")
    df = raw[list(dtypes)].copy()
    for name, dtype in dtypes.items():
        if name in booleans:
            df[name] = (
                df[name].map({"true": True, "false": False}, na_action="ignore").astype("boolean")
            )
        elif dtype != "string":
            df[name] = pd.to_numeric(df[name]).astype(dtype)
    for f in schema_fields:
        if f["type"] == "date":
            df[f["name"]] = pd.to_datetime(df[f["name"]], format="%Y-%m-%d").dt.date
    return df


def load_package(root: str | Path = ".") -> Package:
    """Load ``datapackage.json`` under *root* and every resource it lists."""
    root = Path(root)
    desc_path = root / DESCRIPTOR
    if not desc_path.is_file():
        raise PackageError(f"{desc_path}: not found; run `tariffs build` first")
    try:
        descriptor = json.loads(desc_path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise PackageError(f"{desc_path}: not valid JSON ({exc})") from exc
    pkg = Package(root=root, descriptor=descriptor)
    for resource in RESOURCES:
        pkg.tables[resource] = read_table(pkg.resource_path(resource), resource)
    return pkg
