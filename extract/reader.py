"""Reading an article file: UTF-8 text and the publication date of its ' date YYYY-MM-DD' line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_HEADER = re.compile(r"\A\s?date (\d{4}-\d{2}-\d{2})\b")
_SNIFF = 8192
MAX_CHARS = 5_000_000  # news articles are a few kB; larger inputs are not one article


class ExtractError(ValueError):
    """An article cannot be read or extracted; the message names the file and the reason."""


@dataclass(frozen=True)
class Article:
    text: str
    published: date | None


def header_date(text: str) -> date | None:
    """The date of a first line ' date YYYY-MM-DD' (None if absent or not a real date)."""
    m = _HEADER.match(text)
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1))
    except ValueError:
        return None


def decode(data: bytes, name: str) -> str:
    """Bytes of an article as text, or an ExtractError saying why they are not an article."""
    if not data.strip():
        raise ExtractError(f"{name}: file is empty")
    if b"\x00" in data[:_SNIFF] or b"\x00" in data:
        raise ExtractError(f"{name}: binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractError(
            f"{name}: not UTF-8 text (invalid byte at offset {exc.start}); re-encode it as UTF-8"
        ) from None
    if len(text) > MAX_CHARS:
        raise ExtractError(f"{name}: {len(text):,} characters is too large for one article "
                           f"(limit {MAX_CHARS:,}); split it into articles")
    return text  # a BOM is kept (and blanked when matching) so offsets stay true


def read_article(path: str | Path) -> Article:
    """The article at path; ExtractError for a missing, empty, binary or non-UTF-8 file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > 4 * MAX_CHARS:
            raise ExtractError(f"{p}: {size:,} bytes is too large for one article "
                               f"(limit {MAX_CHARS:,} characters); split it into articles")
        data = p.read_bytes()
    except OSError as exc:
        raise ExtractError(f"{p}: cannot read file ({exc.strerror or exc})") from None
    text = decode(data, str(p))
    return Article(text=text, published=header_date(text))
