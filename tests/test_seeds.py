"""The seed corpus: copied byte for byte, each with metadata written from its text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# sha256sum of ../shared/seeds/* taken when the seeds were copied (independent of the code).
ORIGINAL_SHA256 = {
    "000_243185b9bf62dd3c.txt": "c93474f241b1dbabf8e2d74590f9a470444e7e442cf0d3ccebaf29d263bdb4a0",
    "001_787f9cf3393ad467.txt": "d6e3cdda9f4c227c2bd2d9a20570dcf9b8109dd0c07f63d0d662578fce1e7975",
    "002_7d19bab5f45c4ac8.txt": "9c2afe134ab7501dbdf7a7544bf797a7d9e871db26eda1f81448a3452705c96b",
    "003_4ee13673fc419608.txt": "1ca4c05cff4e5270deee34af5aaf5910f2addcbaf59b551da6ed1cfd9e8eb3f3",
    "004_c4db8b3810ab6f83.txt": "015899c32daae7dca29202eddde021abcec0fb576d489ab890c2c45d8f9939ba",
}


def _meta() -> list[dict]:
    return yaml.safe_load((ROOT / "seeds" / "sources.yml").read_text("utf-8"))["sources"]


def test_seeds_are_the_shared_articles_byte_for_byte():
    for name, digest in ORIGINAL_SHA256.items():
        assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest() == digest, name


def test_every_seed_has_exactly_one_metadata_row():
    files = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    listed = sorted(Path(m["file"]).name for m in _meta())
    assert listed == files


def test_header_line_dates_match_the_texts():
    for m in _meta():
        text = (ROOT / m["file"]).read_text("utf-8")
        if m["date_basis"] == "header_line":
            assert text.startswith(f" date {m['published']}"), m["source_id"]
        else:
            assert not text.startswith(" date "), m["source_id"]


def test_updated_stamp_date_is_the_one_printed():
    (m,) = [m for m in _meta() if m["date_basis"] == "updated_stamp"]
    text = (ROOT / m["file"]).read_text("utf-8")
    assert "Updated: Jan 30, 2026" in text
    assert str(m["published"]) == "2026-01-30"


def test_inferred_dates_explain_themselves_and_no_url_is_invented():
    for m in _meta():
        assert m["url"] == "", "none of the seed texts prints its URL"
        if m["date_basis"] == "inferred":
            assert len(m["date_note"]) > 100 and "Thursday" in m["date_note"]


def test_publishers_and_authors_are_named_in_their_texts():
    for m in _meta():
        text = (ROOT / m["file"]).read_text("utf-8")
        for key in ("publisher", "author", "title"):
            if m[key]:
                assert m[key] in text, (m["source_id"], key)
