"""The held-out evaluation set: the scorer's arithmetic and the well-formedness of the expected files.

These tests never run the extractor and assert nothing about its score; the scorer's figures on
the extractor are reported by `python tests/holdout/score.py`, not asserted.
"""

from __future__ import annotations

import copy
import csv
import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from datapkg.units import unit_ok

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "holdout"
ARTICLES = HOLDOUT / "articles"
EXPECTED = HOLDOUT / "expected"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("holdout_score", HOLDOUT / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


S = _load_scorer()


@pytest.fixture(scope="module")
def perfect():
    return S.perfect_predictions(ARTICLES, EXPECTED)


@pytest.fixture(scope="module")
def n_expected(perfect):
    return sum(len(v) for v in perfect.values())


def _score(preds):
    return S.score(ARTICLES, EXPECTED, predictions=preds)


# --- the scorer ----------------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere(perfect, n_expected):
    res = _score(perfect)
    o = res["overall"]
    assert o["expected"] == o["predicted"] == o["found"] == n_expected
    for key in ("recall", "precision", "span_recall", "strict_recall", "tariff_vs_other",
                *S.ATTRS):
        assert o[key] == 1.0, key
    for kind, r in res["by_kind"].items():
        assert r["recall"] == 1.0 and r["strict_recall"] == 1.0, kind
    assert res["misses"] == [] and res["false_positives"] == [] and res["attribute_errors"] == []


def test_dropping_one_claim_lowers_recall_by_exactly_one_over_n(perfect, n_expected):
    preds = copy.deepcopy(perfect)
    stem = sorted(preds)[0]
    dropped = preds[stem].pop(3)
    o = _score(preds)["overall"]
    assert o["recall"] == pytest.approx(1 - 1 / n_expected)
    assert o["precision"] == 1.0
    res = _score(preds)
    assert len(res["misses"]) == 1
    assert res["misses"][0]["mention"] == dropped["mention"]
    assert res["misses"][0]["why"] == "no prediction"


def test_dropping_one_end_of_a_range_misses_only_that_end(perfect, n_expected):
    preds = copy.deepcopy(perfect)
    stem = "03_ap_canada_mexico_fentanyl"
    rows = preds[stem]
    i = next(i for i, r in enumerate(rows) if r["mention"] == "10-15%" and r["value"] == 15)
    rows.pop(i)
    res = _score(preds)
    assert res["overall"]["recall"] == pytest.approx(1 - 1 / n_expected)
    (miss,) = res["misses"]
    assert miss["mention"] == "10-15%" and miss["value"] == 15


def test_an_extra_claim_lowers_precision_not_recall(perfect, n_expected):
    preds = copy.deepcopy(perfect)
    stem = "07_bizpaper_india_us_interim_deal"
    text = (ARTICLES / f"{stem}.txt").read_text("utf-8")
    start = text.index("HS 8708") + 3
    extra = dict(preds[stem][0], start=start, end=start + 4, mention="8708", kind="quantity",
                 value=8708.0, unit="count", measure="count")
    preds[stem].append(extra)
    res = _score(preds)
    o = res["overall"]
    assert o["recall"] == 1.0
    assert o["predicted"] == n_expected + 1
    assert o["precision"] == pytest.approx(n_expected / (n_expected + 1))
    assert [fp["mention"] for fp in res["false_positives"]] == ["8708"]


def test_a_wrong_value_is_a_miss_and_a_false_positive(perfect, n_expected):
    preds = copy.deepcopy(perfect)
    row = next(r for r in preds["01_pti_india_50pc_in_force"] if r["mention"] == "50 per cent")
    row["value"] = 5.0
    res = _score(preds)
    o = res["overall"]
    assert o["recall"] == pytest.approx(1 - 1 / n_expected)
    assert o["precision"] == pytest.approx((n_expected - 1) / n_expected)
    assert o["span_recall"] == 1.0
    assert res["misses"][0]["why"].startswith("value/unit")


def test_a_wrong_qualifier_is_counted(perfect, n_expected):
    preds = copy.deepcopy(perfect)
    row = next(r for r in preds["02_reuters_brazil_50_threat"] if r["mention"] == "$92 billion")
    assert row["qualifier"] == "approx"
    row["qualifier"] = "exact"
    res = _score(preds)
    o = res["overall"]
    assert o["recall"] == 1.0  # still found: value and unit are right
    assert o["qualifier"] == pytest.approx(1 - 1 / n_expected)
    assert o["strict_recall"] == pytest.approx(1 - 1 / n_expected)
    assert o["measure"] == 1.0
    (err,) = res["attribute_errors"]
    assert err["predicted"] == {"qualifier": "exact"}
    assert res["by_kind"]["trade_value"]["qualifier"] < 1.0


def test_wrong_dates_and_kind_are_counted_separately(perfect, n_expected):
    preds = copy.deepcopy(perfect)
    rows = preds["15_swissinfo_39_percent"]
    d = next(r for r in rows if r["mention"] == "Thursday")
    d["date_to"] = None
    t = next(r for r in rows if r["mention"] == "39%")
    t["kind"], t["measure"] = "change", "share"
    o = _score(preds)["overall"]
    assert o["dates"] == pytest.approx(1 - 1 / n_expected)
    assert o["kind"] == pytest.approx(1 - 1 / n_expected)
    assert o["tariff_vs_other"] == pytest.approx(1 - 1 / n_expected)
    assert o["strict_recall"] == pytest.approx(1 - 2 / n_expected)


def test_span_matching_is_fair_about_boundaries(perfect):
    """A prediction covering more than the expected mention ("50-per cent US tariff") still matches,
    and a prediction covering a whole range pairs with each end."""
    preds = copy.deepcopy(perfect)
    stem = "14_businessline_shrimp_exporters"
    text = (ARTICLES / f"{stem}.txt").read_text("utf-8")
    row = next(r for r in preds[stem] if r["mention"] == "50-per cent")
    row["end"] = text.index("US tariff", row["start"]) + len("US tariff")
    row["mention"] = text[row["start"]:row["end"]]
    assert row["mention"] == "50-per cent US tariff"
    assert _score(preds)["overall"]["recall"] == 1.0


def test_an_extractor_function_is_called_with_the_header_date():
    seen = {}

    def fake(text, *, source_id, published):
        seen[source_id] = published
        return []

    res = S.score(ARTICLES, EXPECTED, extract_fn=fake)
    assert res["overall"]["recall"] == 0.0 and res["overall"]["predicted"] == 0
    assert str(seen["01_pti_india_50pc_in_force"]) == "2025-08-27"
    assert len(seen) == len(list(ARTICLES.glob("*.txt")))


def test_an_extractor_crash_is_reported_not_raised():
    def boom(text, *, source_id, published):
        raise RuntimeError("nope")

    res = S.score(ARTICLES, EXPECTED, extract_fn=boom)
    assert set(res["errors"]) == {p.stem for p in ARTICLES.glob("*.txt")}


def test_the_report_formats(perfect):
    out = S.format_report(_score(perfect))
    assert "OVERALL" in out and "kind=tariff_rate" in out and "Misses" in out


# --- the expected files --------------------------------------------------------------------------


MEASURES = {m["id"]: m["kind"] for m in
            yaml.safe_load((ROOT / "datapkg/vocab/measures.yml").read_text("utf-8"))["measures"]}
GROUPS = {g["id"] for g in
          yaml.safe_load((ROOT / "datapkg/vocab/groups.yml").read_text("utf-8"))["groups"]}
PARTY = re.compile(r"^([A-Z]{3}|X-[A-Z0-9-]+)$")


# the second to seventh held-out sets (tests/holdout2-7), written later by other
# hands, follow the same layout
SETS = [HOLDOUT] + [HOLDOUT.parent / f"holdout{n}" for n in range(2, 8)]


def _expected_rows(folder: Path = HOLDOUT):
    for path in sorted((folder / "expected").glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == S.FIELDS, path.name
            for line, row in enumerate(reader, start=2):
                yield path, line, row


@pytest.mark.parametrize("folder", SETS, ids=lambda f: f.name)
def test_every_article_has_an_expected_file_and_a_header_date(folder):
    arts = sorted(p.stem for p in (folder / "articles").glob("*.txt"))
    assert 15 <= len(arts) <= 20
    assert arts == sorted(p.stem for p in (folder / "expected").glob("*.csv"))
    for stem in arts:
        text = (folder / "articles" / f"{stem}.txt").read_text("utf-8")
        assert re.match(r"^ date \d{4}-\d{2}-\d{2}\b", text), stem
        words = len(text.split())
        assert 150 <= words <= 700, (stem, words)


@pytest.mark.parametrize("folder", SETS, ids=lambda f: f.name)
def test_expected_files_are_well_formed(folder):
    problems = []
    n = 0
    for path, line, r in _expected_rows(folder):
        n += 1
        where = f"{path.name}:{line}"
        text = (folder / "articles" / f"{path.stem}.txt").read_text("utf-8")
        occ = int(r["occurrence"])
        if occ < 1 or text.count(r["mention"]) < 1 or S.locate(text, r["mention"], occ) is None:
            problems.append(f"{where}: {r['mention']!r} does not occur {occ} times")
        if r["kind"] not in S.KINDS:
            problems.append(f"{where}: kind {r['kind']}")
        if MEASURES.get(r["measure"]) != r["kind"]:
            problems.append(f"{where}: measure {r['measure']} is not a {r['kind']} measure")
        if r["qualifier"] not in S.QUALIFIERS:
            problems.append(f"{where}: qualifier {r['qualifier']}")
        if r["status"] not in S.STATUSES:
            problems.append(f"{where}: status {r['status']}")
        for key in ("imposer", "target"):
            v = r[key]
            if v and (not PARTY.match(v) or (v.startswith("X-") and v not in GROUPS)):
                problems.append(f"{where}: {key} {v}")
        if r["kind"] == "date":
            if r["value"] or r["unit"]:
                problems.append(f"{where}: a date has a value or unit")
            if not r["date_from"]:
                problems.append(f"{where}: a date without date_from")
        else:
            if not r["unit"] or not unit_ok(r["unit"]):
                problems.append(f"{where}: unit {r['unit']!r} does not parse")
            if r["value"] == "" or float(r["value"]) < 0:
                problems.append(f"{where}: value {r['value']!r}")
        if r["date_from"] and r["date_to"] and r["date_to"] < r["date_from"]:
            problems.append(f"{where}: date_to before date_from")
        for key in ("date_from", "date_to"):
            if r[key] and not re.match(r"^\d{4}-\d{2}-\d{2}$", r[key]):
                problems.append(f"{where}: {key} {r[key]}")
    assert n > 0
    assert problems == []


@pytest.mark.parametrize("folder", SETS, ids=lambda f: f.name)
def test_no_expected_claim_is_listed_twice(folder):
    seen = set()
    for path, line, r in _expected_rows(folder):
        key = (path.name, r["mention"], r["occurrence"], r["value"], r["target"])
        assert key not in seen, (path.name, line)
        seen.add(key)


def test_percentages_agree_to_two_decimals_other_values_to_one_ppm(perfect, n_expected):
    preds = copy.deepcopy(perfect)
    third = next(r for r in preds["02_reuters_brazil_50_threat"] if r["mention"] == "a third")
    third["value"] = 33.33
    assert _score(preds)["overall"]["recall"] == 1.0
    third["value"] = 33.2
    assert _score(preds)["overall"]["recall"] == pytest.approx(1 - 1 / n_expected)
    third["value"] = 100 / 3
    money = next(r for r in preds["02_reuters_brazil_50_threat"] if r["mention"] == "$92 billion")
    money["value"] = 92_000_100_000.0  # off by 1.1 ppm
    assert _score(preds)["overall"]["recall"] == pytest.approx(1 - 1 / n_expected)


def test_the_second_set_scores_one_against_itself():
    folder = SETS[1]
    res = S.score(folder / "articles", folder / "expected",
                  predictions=S.perfect_predictions(folder / "articles", folder / "expected"))
    assert res["overall"]["recall"] == 1.0 and res["overall"]["precision"] == 1.0
