"""Load: the seed corpus and its hand-written metadata (seeds/sources.yml).

Seeds are frozen inputs, like snapshots: each is read as bytes, checked (not empty, not binary,
valid UTF-8) and hashed. Errors name the metadata file, the row and the field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from datapkg.schema import field_names

METADATA = Path("seeds") / "sources.yml"
_REQUIRED = ("source_id", "file", "origin", "published", "date_basis")


class SourceError(ValueError):
    """A seed or its metadata cannot be used; the message names file, row and field."""


@dataclass(frozen=True)
class Source:
    meta: dict[str, Any]
    text: str
    sha256: str

    @property
    def source_id(self) -> str:
        return str(self.meta["source_id"])

    def row(self) -> dict[str, Any]:
        """The sources row, columns in schema order."""
        row = {**self.meta, "sha256": self.sha256, "chars": len(self.text)}
        return {name: row.get(name, "") for name in field_names("sources")}


def decode_seed(path: Path, data: bytes) -> str:
    """The text of a seed file, or a SourceError saying why it cannot be read."""
    if not data.strip():
        raise SourceError(f"{path}: the file is empty")
    if b"\x00" in data:
        raise SourceError(f"{path}: the file is binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not valid UTF-8 at byte {exc.start} ({exc.reason}); re-save it as UTF-8"
        ) from exc


def read_metadata(root: Path) -> list[dict[str, Any]]:
    path = root / METADATA
    if not path.is_file():
        raise SourceError(f"{path}: not found; every seed needs a metadata row there")
    try:
        # libyaml's loader when present (4x faster on a 10k-article sources.yml), same data
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        doc = yaml.load(path.read_text("utf-8"), Loader=loader) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not valid YAML ({exc})") from exc
    rows = doc.get("sources")
    if not isinstance(rows, list) or not rows:
        raise SourceError(f"{path}: expected a non-empty list under 'sources'")
    return [_check_row(path, i, row) for i, row in enumerate(rows, start=1)]


def _check_row(path: Path, i: int, row: Any) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise SourceError(f"{path}: row {i}: expected a mapping of fields")
    allowed = set(field_names("sources")) - {"sha256", "chars"}
    unknown = sorted(set(row) - allowed)
    if unknown:
        raise SourceError(f"{path}: row {i}: unknown field(s) {', '.join(unknown)}")
    for name in _REQUIRED:
        if row.get(name) in (None, ""):
            raise SourceError(f"{path}: row {i}: field '{name}' is required")
    published = row["published"]
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise SourceError(
                f"{path}: row {i}: field 'published': {published!r} is not a YYYY-MM-DD date"
            ) from exc
    if not isinstance(published, dt.date):
        raise SourceError(f"{path}: row {i}: field 'published' must be a YYYY-MM-DD date")
    out = {k: ("" if v is None else v) for k, v in row.items()}
    out["published"] = published
    for key in ("title", "date_note", "publisher", "author", "url"):
        out[key] = str(out.get(key, "")).strip()
    return out


def checked_metadata(root: str | Path = ".") -> list[dict[str, Any]]:
    """The metadata rows, checked, with no source_id listed twice (texts are not read)."""
    root = Path(root)
    seen: set[str] = set()
    rows = read_metadata(root)
    for i, meta in enumerate(rows, start=1):
        if meta["source_id"] in seen:
            raise SourceError(
                f"{root / METADATA}: row {i}: field 'source_id': duplicate {meta['source_id']!r}"
            )
        seen.add(meta["source_id"])
    return rows


def read_source(root: Path, row: int, meta: dict[str, Any]) -> Source:
    """The seed of metadata row *row* (1-based), read, checked and hashed."""
    path = root / meta["file"]
    if not path.is_file():
        raise SourceError(
            f"{root / METADATA}: row {row}: field 'file': {meta['file']} does not exist"
        )
    data = path.read_bytes()
    return Source(meta, decode_seed(path, data), hashlib.sha256(data).hexdigest())


def load_sources(root: str | Path = ".") -> list[Source]:
    """Every seed listed in the metadata, read and hashed, in metadata order (the whole corpus
    in memory: the build reads them one at a time with :func:`read_source` instead)."""
    root = Path(root)
    return [read_source(root, i, m) for i, m in enumerate(checked_metadata(root), start=1)]
