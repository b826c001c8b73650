"""Shared helpers of the extractor's sentence tests: the claims of one hand-written sentence,
grouped by mention, and the one claim a mention gives. The article date defaults to a Wednesday,
2025-10-22, against which the tests work out their expected dates by hand."""

from __future__ import annotations

from datetime import date

from extract.api import extract_text

PUB = date(2025, 10, 22)  # a Wednesday


def claims(text: str, published: date = PUB) -> list[dict]:
    return extract_text(text, source_id="t", published=published)


def by_mention(text: str, published: date = PUB) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in claims(text, published):
        out.setdefault(r["mention"], []).append(r)
    return out


def one(text: str, mention: str, published: date = PUB) -> dict:
    rows = by_mention(text, published).get(mention, [])
    assert len(rows) == 1, [(r["mention"], r["value"], r["unit"]) for r in claims(text, published)]
    return rows[0]


def first(text: str, mention: str, published: date = PUB) -> dict:
    """The first claim a mention gives (a mention may give one per party)."""
    rows = by_mention(text, published).get(mention, [])
    assert rows, [r["mention"] for r in claims(text, published)]
    return rows[0]


def dates_of(r: dict) -> tuple[str, str]:
    """A claim's [date_from, date_to] as strings, '' for an open or missing end."""
    return (str(r["date_from"] or ""), str(r["date_to"] or ""))
