"""The public interface: reading files, row shape, offsets, ids, order, the extract command,
and bad input (empty, binary, non-UTF-8, huge, pathological) giving rows or a clear error."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from datapkg.schema import field_names
from extract import mentions
from extract.api import ExtractError, extract_text, read_article
from extract.commands import run_extract, slugify
from extract.normalise import normalise

SEEDS = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
GOLD = Path(__file__).parent / "gold" / "sentences.csv"
PUB = date(2026, 1, 30)


@pytest.fixture(scope="module")
def seed_rows():
    out = []
    for path in SEEDS:
        article = read_article(path)
        rows = extract_text(
            article.text, source_id=slugify(path.stem), published=article.published or PUB
        )
        out.append((article, rows))
    return out


def test_read_article_takes_the_header_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date 2026-01-29 New Delhi: a 25% tariff.", encoding="utf-8")
    a = read_article(p)
    assert a.published == date(2026, 1, 29) and a.text.startswith(" date")


def test_read_article_without_header_has_no_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("A 25% tariff.", encoding="utf-8")
    assert read_article(p).published is None


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"A 25%\x00 tariff", "binary"),
        (b"A 25% tariff \xff\xfe on caf\xe9", "not UTF-8"),
    ],
)
def test_bad_files_raise_a_clear_error_naming_the_file(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ExtractError, match=message) as info:
        read_article(p)
    assert "bad.txt" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ExtractError, match="cannot read"):
        read_article(tmp_path / "nope.txt")


def test_a_50_mb_file_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.seek(50 * 1024 * 1024)
        f.write(b"x")
    with pytest.raises(ExtractError, match="too large"):
        read_article(p)


def test_a_huge_text_is_refused_by_extract_text():
    with pytest.raises(ExtractError, match="too large"):
        extract_text("a" * 6_000_000, source_id="big", published=PUB)


@pytest.mark.parametrize(
    "text",
    [
        "No figures here at all.",
        "",
        "1" * 100_000,
        "1," * 50_000,
        "(" * 50_000 + ")" * 50_000,
        "$" * 100_000,
        "%" * 100_000,
        "- " * 50_000,
        "25%" * 30_000,
        "Rs " * 30_000 + "5",
        "between 1 and " * 10_000,
        "a" * 200_000,
        ". " * 100_000,
        "\n" * 100_000,
        "January " * 20_000,
        "top " * 20_000 + "3 partners",
        "12,34," * 20_000 + "567 crore",
    ],
)
def test_pathological_text_gives_rows_not_a_hang(text):
    rows = extract_text(text, source_id="p", published=PUB)
    for r in rows:
        assert text[r["start"] : r["end"]] == r["mention"]


def test_text_without_numbers_gives_no_rows():
    assert extract_text("Officials met and talked about trade.", source_id="x", published=PUB) == []


def test_rows_have_exactly_the_schema_fields_and_types(seed_rows):
    names = field_names("claims")
    for _article, rows in seed_rows:
        for r in rows:
            assert list(r) == names
            assert isinstance(r["start"], int) and isinstance(r["end"], int)
            assert r["value"] is None or isinstance(r["value"], float)
            for k in ("date_from", "date_to"):
                assert r[k] is None or isinstance(r[k], date)
            for k in names:
                if k not in ("start", "end", "value", "date_from", "date_to"):
                    assert isinstance(r[k], str)


def test_offsets_point_at_the_mention_and_quotes_are_verbatim(seed_rows):
    for article, rows in seed_rows:
        for r in rows:
            assert article.text[r["start"] : r["end"]] == r["mention"]
            assert r["mention"] in r["quote"] and r["quote"] in article.text


def test_ids_are_unique_patterned_and_rows_sorted(seed_rows):
    import re

    for _article, rows in seed_rows:
        ids = [r["claim_id"] for r in rows]
        assert len(ids) == len(set(ids))
        for r in rows:
            assert re.fullmatch(r"[a-z0-9][a-z0-9-]*-[0-9]+-[0-9]+(-[0-9]+)?", r["claim_id"])
            assert r["claim_id"].startswith(f"{r['source_id']}-{r['start']}-{r['end']}")
        assert rows == sorted(rows, key=lambda r: (r["start"], r["end"], r["claim_id"]))


def test_extraction_is_deterministic():
    text = read_article(SEEDS[0]).text
    assert extract_text(text, source_id="a", published=PUB) == extract_text(
        text, source_id="a", published=PUB
    )


def test_rules_are_recorded_on_every_row(seed_rows):
    from extract import rules

    ids = {
        r["id"]
        for items in (rules.load(n) for n in rules.RULE_FILES)
        for v in items.values()
        for r in v
    }
    for _article, rows in seed_rows:
        for r in rows:
            assert r["rule"] in ids


def test_header_line_is_not_a_claim():
    rows = extract_text(" date 2026-01-29 A 25% tariff.", source_id="h", published=None)
    assert [r["mention"] for r in rows] == ["25%"]


def test_anchored_scan_finds_what_a_full_scan_finds():
    texts = [read_article(p).text for p in SEEDS]
    with GOLD.open(encoding="utf-8") as f:
        texts += sorted({row["text"] for row in csv.DictReader(f)})
    for text in texts:
        norm = normalise(text)
        full = [(m.start, m.end, m.rule.id) for m in mentions.find(norm, anchored=False)]
        fast = [(m.start, m.end, m.rule.id) for m in mentions.find(norm)]
        assert fast == full, text[:80]


def test_run_extract_writes_csv_with_the_schema_header(tmp_path):
    out = io.StringIO()
    assert run_extract([SEEDS[4]], None, "csv", out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == field_names("claims")
    assert rows[0]["source_id"] == "004-c4db8b3810ab6f83"
    assert any(r["mention"] == "USD 2 billion" and r["value"] == "2000000000" for r in rows)


def test_run_extract_json_and_published_fallback(tmp_path):
    p = tmp_path / "No Header Article.txt"
    p.write_text("Trump imposed a 25% tariff on Thursday.", encoding="utf-8")
    out = io.StringIO()
    assert run_extract([p], date(2026, 1, 30), "json", out) == 0
    data = json.loads(out.getvalue())
    assert {d["source_id"] for d in data} == {"no-header-article"}
    assert any(d["date_from"] == "2026-01-29" for d in data)


def test_run_extract_without_any_date_is_a_clear_error(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("A 25% tariff.", encoding="utf-8")
    assert run_extract([p], None, "csv", io.StringIO()) == 1
    assert "--published" in capsys.readouterr().err


def test_run_extract_reports_bad_files_and_continues(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    out = io.StringIO()
    assert run_extract([bad, SEEDS[4]], None, "csv", out) == 1
    assert "binary" in capsys.readouterr().err
    assert "USD 2 billion" in out.getvalue()


def test_run_extract_rejects_unknown_format(capsys):
    assert run_extract([SEEDS[0]], None, "xml", io.StringIO()) == 2


def test_header_date_wins_over_the_callers_date():
    rows = extract_text(" date 2026-01-29 Talks were held on Thursday.", source_id="h", published=date(2025, 1, 1))
    assert rows[0]["date_from"] == date(2026, 1, 29)


def test_without_any_date_relative_dates_stay_unresolved():
    rows = extract_text("Talks were held on Thursday.", source_id="h", published=None)
    assert [(r["mention"], r["date_from"]) for r in rows] == [("Thursday", None)]
