"""The Table Schemas of the package's resources: the single source of truth for headers."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

RESOURCES: tuple[str, ...] = ("sources", "claims", "facts", "evidence")


@cache
def _load(resource: str) -> str:
    if resource not in RESOURCES:
        raise KeyError(f"unknown resource {resource!r}; expected one of {', '.join(RESOURCES)}")
    return resources.files("datapkg").joinpath("schemas", f"{resource}.json").read_text("utf-8")


def load_schema(resource: str) -> dict[str, Any]:
    """A fresh copy of the resource's Table Schema (callers may mutate it)."""
    return json.loads(_load(resource))


def field_names(resource: str) -> list[str]:
    """The resource's columns in schema order."""
    return [f["name"] for f in load_schema(resource)["fields"]]


def fields(resource: str) -> list[dict[str, Any]]:
    return load_schema(resource)["fields"]
