"""`tariffs add`: copy an article into seeds/ byte for byte and record its metadata."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from datapkg.sources import METADATA, SourceError, decode_seed, read_metadata

_HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})\b")


def slugify(text: str, limit: int = 80) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "article"


def header_date(text: str) -> dt.date | None:
    match = _HEADER.match(text)
    return dt.date.fromisoformat(match.group(1)) if match else None


def metadata_row(
    text: str,
    dest: str,
    *,
    publisher: str,
    published: dt.date | None,
    title: str,
    url: str,
    author: str,
    origin: str,
    source_id: str,
) -> dict[str, Any]:
    from_header = header_date(text)
    if published is None and from_header is None:
        raise SourceError(
            f"{dest}: no publication date: the text has no ' date YYYY-MM-DD' first line; "
            "pass --published YYYY-MM-DD"
        )
    if published and from_header and published != from_header:
        raise SourceError(
            f"{dest}: --published {published} disagrees with the text's header date {from_header}"
        )
    date = from_header or published
    assert date is not None  # one of them is set, checked above
    basis = "header_line" if from_header else "supplied"
    sid = source_id or slugify(f"{publisher}-{date}-{title or Path(dest).stem}")
    return {
        "source_id": sid,
        "file": dest,
        "publisher": publisher,
        "origin": origin or slugify(publisher),
        "author": author,
        "title": title,
        "published": date.isoformat(),
        "date_basis": basis,
        "date_note": "From the text's first line."
        if from_header
        else "Supplied with `tariffs add --published`.",
        "url": url,
    }


def add_article(root: Path, file: Path, **meta: Any) -> dict[str, Any]:
    """Copy *file* into seeds/ and append its metadata row; returns the row."""
    data = file.read_bytes()
    text = decode_seed(file, data)
    dest = f"seeds/{file.name}"
    target = root / dest
    existing = read_metadata(root)
    if any(r["file"] == dest for r in existing) or target.exists():
        raise SourceError(f"{dest}: already in seeds/; rename the file to add it as a new article")
    row = metadata_row(text, dest, **meta)
    if any(r["source_id"] == row["source_id"] for r in existing):
        raise SourceError(
            f"{root / METADATA}: source_id {row['source_id']!r} exists; pass --source-id"
        )
    target.write_bytes(data)
    entry = yaml.safe_dump([row], allow_unicode=True, sort_keys=False, width=100)
    with (root / METADATA).open("a", encoding="utf-8") as fh:
        fh.write("".join("  " + line if line.strip() else line for line in entry.splitlines(True)))
    return row
