"""The package descriptor (datapackage.json, Data Package v2) made from metadata and schemas."""

from __future__ import annotations

import datetime as dt
import json
import os
from importlib import resources
from typing import Any

import yaml

from datapkg.schema import RESOURCES, load_schema

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
_RESOURCE_TEXT = {
    "sources": (
        "Sources",
        "One row per article: publisher, author, title, date and how it was established, sha256.",
    ),
    "claims": (
        "Claims",
        "One row per numeric mention in an article: value, unit, bound, what it measures, status, period and the exact quote with its character offsets.",
    ),
    "facts": (
        "Facts",
        "Figures reconciled across sources: tariff totals and components, trade figures, ranks and dated events, with independent-source counts and conflict flags.",
    ),
    "evidence": ("Evidence", "Which claims state, derive or disagree with which fact."),
}


def package_meta() -> dict[str, Any]:
    text = resources.files("datapkg").joinpath("package.yml").read_text("utf-8")
    return yaml.safe_load(text)


def resource_descriptor(name: str) -> dict[str, Any]:
    title, description = _RESOURCE_TEXT[name]
    return {
        "name": name,
        "type": "table",
        "path": f"data/{name}.csv",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": title,
        "description": description,
        "schema": load_schema(name),
    }


def source_entries(source_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The descriptor's `sources`: one per article, title, publisher and date (no invented URL)."""
    out = []
    for row in source_rows:
        label = row["title"] or f"untitled article ({row['source_id']})"
        entry: dict[str, Any] = {
            "title": f"{row['publisher'] or 'unnamed outlet'}: {label}, {row['published']}"
        }
        if row.get("url"):
            entry["path"] = row["url"]
        out.append(entry)
    return out


def make_descriptor(source_rows: list[dict[str, Any]], created: str) -> dict[str, Any]:
    meta = package_meta()
    desc: dict[str, Any] = {"$schema": PROFILE}
    for key in ("name", "title", "description", "version", "homepage", "keywords"):
        if meta.get(key):
            desc[key] = meta[key]
    desc["created"] = created
    desc["licenses"] = meta["licenses"]
    desc["contributors"] = meta["contributors"]
    desc["sources"] = source_entries(source_rows)
    desc["resources"] = [resource_descriptor(name) for name in RESOURCES]
    return desc


def dump(desc: dict[str, Any]) -> str:
    return json.dumps(desc, indent=2, ensure_ascii=False) + "\n"


def created_stamp(previous_created: str | None, unchanged: bool) -> str:
    """Keep the previous `created` when the content is unchanged, so a rebuild is byte-identical.

    Otherwise use SOURCE_DATE_EPOCH (the reproducible-builds convention) or the current UTC time.
    """
    if unchanged and previous_created:
        return previous_created
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC) if epoch else dt.datetime.now(tz=dt.UTC)
    return now.replace(microsecond=0).isoformat().replace("+00:00", "Z")
