"""The public interface of the extractor (see docs/architecture.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from extract.pipeline import run
from extract.reader import MAX_CHARS, Article, ExtractError, header_date, read_article

__all__ = ["Article", "ExtractError", "read_article", "extract_text", "header_date"]


def extract_text(text: str, *, source_id: str, published: date | None) -> list[dict[str, Any]]:
    """Claims rows of one article: keys exactly the claims fields, sorted by (start, end, claim_id).

    The article's date resolves relative and year-less dates: a first line ' date YYYY-MM-DD'
    gives it; otherwise `published` (None: such dates are left unresolved).
    """
    if not isinstance(text, str):
        raise ExtractError(f"{source_id}: text must be str, not {type(text).__name__}")
    if "\x00" in text:
        raise ExtractError(f"{source_id}: text contains NUL characters (binary data?)")
    if len(text) > MAX_CHARS:
        raise ExtractError(f"{source_id}: {len(text):,} characters is too large for one article "
                           f"(limit {MAX_CHARS:,}); split it into articles")
    pub = header_date(text) or published
    return run(text, source_id, pub)
