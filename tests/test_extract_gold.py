"""Golden tests: the extractor against expected claims worked out by reading (tests/gold/).

Each expected claim is one test. The few that the extractor is known to get wrong are marked
xfail(strict=True) with the reason, so they show up as known gaps and flag when fixed.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from extract.evaluate import _d, _match, _same_value, load_gold

GOLD = Path(__file__).parent / "gold"

KNOWN = {
    # (file stem, mention, occurrence, n, field): reason
    ("002", "today", 1, 1, "dates"): "'today' in a quoted post means the post's day, not the article's",
    ("004", "tomorrow", 1, 1, "dates"): "'tomorrow' in a quote means the day after the speech (Monday)",
    ("004", "last year", 1, 1, "imposer"): "event parties: 'India-US ties' order",
    ("004", "last year", 1, 1, "target"): "event parties: 'India-US ties' order",
    ("004", "a day after", 1, 1, "measure"): "the event dated is the one after 'after', not the call",
}


@cache
def _pairs(path: Path):
    out = []
    for doc in load_gold(path):
        from extract.api import extract_text

        preds = extract_text(doc.text, source_id="gold", published=doc.published)
        out.extend((doc, g, p) for g, p in _match(doc, preds))
    return out


def _cases():
    for path in [GOLD / "sentences.csv", *sorted((GOLD / "seeds").glob("*.csv"))]:
        for i, (_doc, g, _p) in enumerate(_pairs(path)):
            yield pytest.param(path, i, id=f"{path.stem}:{g['mention'][:30]}:{g['occurrence']}:{g['n']}")


def _check(stem: str, g: dict, field: str, ok: bool, detail: str):
    key = (stem, g["mention"], int(g["occurrence"]), int(g["n"]), field)
    if key in KNOWN:
        if ok:
            pytest.fail(f"known gap fixed, remove from KNOWN: {key}")
        pytest.xfail(KNOWN[key])
    assert ok, f"{field}: {detail}"


@pytest.mark.parametrize(("path", "index"), list(_cases()))
def test_expected_claim(path: Path, index: int):
    doc, g, p = _pairs(path)[index]
    assert p is not None, f"not found: {g['mention']!r} in {doc.text[:80]!r}"
    stem = path.stem
    _check(stem, g, "kind", p["kind"] == g["kind"], f"{p['kind']} != {g['kind']}")
    _check(stem, g, "value", _same_value(g, p), f"{p['value']} {p['unit']} != {g['value']} {g['unit']}")
    _check(stem, g, "qualifier", p["qualifier"] == g["qualifier"], p["qualifier"])
    want = (_d(g["date_from"]), _d(g["date_to"]))
    # undated in the gold means undated
    _check(stem, g, "dates", (p["date_from"], p["date_to"]) == want, f"{p['date_from']}..{p['date_to']}")
    for field in ("measure", "imposer", "target", "status"):
        if g.get(field):
            _check(stem, g, field, p[field] == g[field], f"{p[field]!r} != {g[field]!r}")


@pytest.mark.parametrize("path", [GOLD / "sentences.csv", GOLD / "seeds"], ids=["sentences", "seeds"])
def test_no_claims_beyond_the_gold(path: Path):
    from extract.api import extract_text

    extra = []
    for doc in load_gold(path):
        preds = extract_text(doc.text, source_id="gold", published=doc.published)
        matched = {id(p) for _, p in _match(doc, preds) if p is not None}
        extra += [(p["mention"], p["quote"][:60]) for p in preds if id(p) not in matched]
    assert extra == []


def test_gold_documents_have_publication_dates():
    for doc in load_gold(GOLD / "seeds"):
        assert isinstance(doc.published, date)
