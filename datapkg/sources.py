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
        return _streamed_rows(path)
    except _Unusual:  # not the usual layout: read it whole, as any YAML reader would
        pass
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not valid YAML ({exc})") from exc
    try:
        # libyaml's loader when present (4x faster on a 10k-article sources.yml), same data
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        doc = yaml.load(path.read_text("utf-8"), Loader=loader) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not valid YAML ({exc})") from exc
    rows = doc.get("sources") if isinstance(doc, dict) else None
    if not isinstance(rows, list) or not rows:
        raise SourceError(f"{path}: expected a non-empty list under 'sources'")
    return [_check_row(path, i, row) for i, row in enumerate(rows, start=1)]


class _Unusual(Exception):
    """sources.yml is not one mapping whose 'sources' key, given once, holds a non-empty list."""


def _streamed_rows(path: Path) -> list[dict[str, Any]]:
    """The checked rows of the usual sources.yml, read one row at a time: the YAML events are
    composed into one row's nodes, constructed by the safe loader and checked, so the node
    graph of the whole file (about 8 KB a row) is never built. Raises _Unusual for any other
    layout."""
    from yaml import events as ev

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(path.read_text("utf-8"))
    try:
        anchors: dict[str, yaml.Node] = {}
        opening: tuple[type, ...] = (
            ev.StreamStartEvent,
            ev.DocumentStartEvent,
            ev.MappingStartEvent,
        )
        for kind in opening:
            if not isinstance(loader.get_event(), kind):
                raise _Unusual
        rows: list[dict[str, Any]] | None = None
        while not loader.check_event(ev.MappingEndEvent):
            key = loader.construct_document(_compose(loader, anchors))
            if key != "sources":
                _compose(loader, anchors)
                continue
            if rows is not None or not loader.check_event(ev.SequenceStartEvent):
                raise _Unusual
            loader.get_event()
            rows = []
            while not loader.check_event(ev.SequenceEndEvent):
                row = loader.construct_document(_compose(loader, anchors))
                rows.append(_check_row(path, len(rows) + 1, row))
            loader.get_event()
        for end in (ev.MappingEndEvent, ev.DocumentEndEvent, ev.StreamEndEvent):
            if not isinstance(loader.get_event(), end):
                raise _Unusual
        if not rows:
            raise _Unusual
        return rows
    finally:
        loader.dispose()


def _compose(loader: Any, anchors: dict[str, yaml.Node]) -> yaml.Node:
    """The next node from the loader's events, tags resolved as PyYAML's composer does."""
    from yaml import events as ev

    event: Any = loader.get_event()
    if isinstance(event, ev.AliasEvent):
        if event.anchor not in anchors:
            raise _Unusual
        return anchors[event.anchor]
    node: yaml.Node
    start: Any = event.start_mark  # libyaml's marks (typed apart from PyYAML's)
    end: Any = event.end_mark
    if isinstance(event, ev.ScalarEvent):
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        node = yaml.ScalarNode(tag, event.value, start, end, event.style)
    elif isinstance(event, ev.SequenceStartEvent):
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.SequenceNode, None, event.implicit)
        node = yaml.SequenceNode(tag, [], start, None, event.flow_style)
        while not loader.check_event(ev.SequenceEndEvent):
            node.value.append(_compose(loader, anchors))
        node.end_mark = loader.get_event().end_mark
    elif isinstance(event, ev.MappingStartEvent):
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.MappingNode, None, event.implicit)
        node = yaml.MappingNode(tag, [], start, None, event.flow_style)
        while not loader.check_event(ev.MappingEndEvent):
            node.value.append((_compose(loader, anchors), _compose(loader, anchors)))
        node.end_mark = loader.get_event().end_mark
    else:
        raise _Unusual
    if getattr(event, "anchor", None) is not None:
        anchors[event.anchor] = node
    return node


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
