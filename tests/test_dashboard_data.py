"""Data helpers of the dashboard, over a small fixture package written in tmp_path."""

from __future__ import annotations

import copy
import datetime as dt
import time
from pathlib import Path

import pytest

from dashboard import data as d
from dashboard import layout
from dashboard.sample import sample_rows, scaled_claims, write_sample_package


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> d.DashboardData:
    root = write_sample_package(tmp_path_factory.mktemp("pkg"))
    return d.load_data(root, background=False)


def _write(tmp_path: Path, mutate) -> d.DashboardData:
    rows = copy.deepcopy(sample_rows())
    mutate(rows)
    write_sample_package(tmp_path, rows)
    return d.load_data(tmp_path, validate=False)


def test_sample_package_loads_and_validates(pkg: d.DashboardData) -> None:
    assert pkg.ok, pkg.error
    assert pkg.validation.state == "valid", pkg.validation.message
    assert len(pkg.claims) == 14 and len(pkg.facts) == 11


def test_pairs_put_us_india_first_and_skip_groups(pkg: d.DashboardData) -> None:
    pairs = d.tariff_pairs(pkg)
    assert pairs[0] == ("USA", "IND")
    assert all(not t.startswith("X-") for _, t in pairs)


def test_stack_separates_in_force_scenarios_and_conditional(pkg: d.DashboardData) -> None:
    st = d.stack_frame(pkg, "USA", "IND")
    in_force = st[st["bar_kind"] == "in_force"]
    assert sorted(in_force["measure"]) == ["tariff_penalty_russian_oil", "tariff_reciprocal"]
    assert set(in_force["status"]) == {"in_force"}
    scen = st[st["bar_kind"] == "scenario"]
    assert list(scen["status"]) == ["proposed"]
    assert scen["bar"].iloc[0] != "In force"
    total = st[st["bar_kind"] == "total"].iloc[0]
    assert total["bar"] == "In force" and total["display"] == "50%" and bool(total["conflict"])
    cond = st[st["bar_kind"] == "conditional"].iloc[0]
    assert cond["target"] == "X-IRN-PARTNERS" and "Iran" in cond["bar"]
    # every segment links to the exact claim it came from
    for link, cid, sid in zip(st["link"], st["claim_id"], st["source_id"], strict=True):
        assert link == f"/sources/{sid}#{cid}"


def test_stack_links_to_a_stating_claim_not_a_disagreeing_one(pkg: d.DashboardData) -> None:
    st = d.stack_frame(pkg, "USA", "IND")
    total = st[st["bar_kind"] == "total"].iloc[0]
    assert not str(total["claim_id"]).startswith("gibn")  # gibn's 55% disagrees
    assert "PTI" in total["sources_text"] and "Global India" not in total["sources_text"]


def test_conditional_context_gives_india_iran_trade(pkg: d.DashboardData) -> None:
    notes = d.conditional_context(pkg, "USA", "IND")
    assert len(notes) == 1
    assert "Iran" in notes[0]["text"] and "India" in notes[0]["text"]
    ctx = notes[0]["context"]
    assert len(ctx) == 1 and "2 billion" in ctx[0]["text"] and ctx[0]["text"].count("<") == 1
    assert ctx[0]["link"].startswith("/sources/unnamed-2026-01-13-sample#")


def test_timeline_precision(pkg: d.DashboardData) -> None:
    rates, events = d.timeline_frames(pkg, "USA", "IND")
    assert set(rates["precision"]) == {"month"}
    prec = dict(zip(events["measure"], events["precision"], strict=True))
    assert prec == {
        "event_tariff_change": "month",
        "event_call": "day",
        "event_meeting": "day",
        "event_ministerial": "day",
    }


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        (dt.date(2025, 8, 1), dt.date(2025, 8, 31), "month"),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month"),
        (dt.date(2025, 8, 1), dt.date(2025, 8, 1), "day"),
        (dt.date(2025, 8, 2), dt.date(2025, 8, 31), "range"),
        (dt.date(2025, 8, 1), None, "open"),
        (None, None, "none"),
    ],
)
def test_date_precision(a, b, want) -> None:
    assert d.date_precision(a, b) == want


def test_format_period() -> None:
    assert d.format_period(dt.date(2025, 8, 1), dt.date(2025, 8, 31)) == "August 2025"
    assert d.format_period(dt.date(2026, 1, 13), dt.date(2026, 1, 13)) == "13 Jan 2026"
    assert d.format_period(dt.date(2025, 8, 1), None).startswith("since ")


def test_format_value_fallback_shapes() -> None:
    assert d._fallback_format(25, "percent", "exact") == "25%"
    assert d._fallback_format(2e9, "USD", "upper_bound") == "< USD 2 billion"
    assert d.format_value(None, "USD", "exact") == ""


def test_format_value_uses_datapkg_units() -> None:
    units = pytest.importorskip("datapkg.units", reason="datapkg.units not written yet")
    assert d.format_value(2e9, "USD", "upper_bound") == units.format_value(
        2e9, "USD", "upper_bound"
    )
    assert d.format_value(25, "percent", "exact") == "25%"
    assert d.format_value(2e9, "USD", "upper_bound") == "< USD 2 billion"


def test_claims_filter_sort_page(pkg: d.DashboardData) -> None:
    rows, total, pages = d.claims_page(pkg, {"kind": ["tariff_rate"]}, "", None, 0, 5)
    assert total == 9 and pages == 2 and len(rows) == 5
    rows, total, _ = d.claims_page(pkg, {"status": ["proposed"]}, "", None, 0, 25)
    assert total == 1 and rows[0]["value_display"] == "25%"
    rows, total, _ = d.claims_page(pkg, {}, "russian OIL", None, 0, 25)
    assert total == 5  # three claims of the PTI sentence, two of the GIBN one
    rows, _, _ = d.claims_page(
        pkg,
        {"kind": ["tariff_rate"]},
        "",
        [{"column_id": "value_display", "direction": "desc"}],
        0,
        25,
    )
    assert rows[0]["value_display"] == "55%"
    rows, total, pages = d.claims_page(pkg, {}, "", None, 99, 10)  # past the end: last page
    assert pages == 2 and len(rows) == total - 10


def test_query_string_roundtrip() -> None:
    filters = {"kind": ["tariff_rate"], "status": ["in_force", "proposed"], "source_id": []}
    q = layout.make_query(
        filters, "russian oil", [{"column_id": "published", "direction": "desc"}], 2
    )
    state = layout.parse_query(q)
    assert state["kind"] == ["tariff_rate"] and state["status"] == ["in_force", "proposed"]
    assert state["q"] == "russian oil" and state["page"] == 2
    assert state["sort"] == [{"column_id": "published", "direction": "desc"}]
    assert layout.make_query({}, "", None, 0) == ""


def test_claims_paging_is_fast_with_100k_claims(tmp_path: Path) -> None:
    data = _write(
        tmp_path,
        lambda rows: (
            rows.__setitem__("claims", scaled_claims(100_000)) or rows.__setitem__("evidence", [])
        ),
    )
    assert data.ok, data.error
    assert len(data.claims) == 100_000
    t0 = time.perf_counter()
    rows, total, _ = d.claims_page(
        data,
        {"kind": ["tariff_rate"]},
        "russian",
        [{"column_id": "published", "direction": "desc"}],
        3,
        25,
    )
    elapsed = time.perf_counter() - t0
    assert len(rows) == 25 and total > 1000
    assert elapsed < 1.0, f"claims page took {elapsed:.2f}s"


def test_highlight_segments_handle_overlap_and_bad_offsets() -> None:
    import pandas as pd

    claims = pd.DataFrame(
        [
            {"claim_id": "a-0-5", "start": 0, "end": 5},
            {"claim_id": "a-0-5-2", "start": 0, "end": 5},
            {"claim_id": "a-3-8", "start": 3, "end": 8},
            {"claim_id": "a-90-99", "start": 90, "end": 99},
        ]
    )
    segs = d.highlight_segments("0123456789", claims)
    assert "".join(p for p, _ in segs) == "0123456789"
    cover = {p: sorted(c["claim_id"] for c in cs) for p, cs in segs}
    assert cover["012"] == ["a-0-5", "a-0-5-2"]
    assert cover["34"] == ["a-0-5", "a-0-5-2", "a-3-8"]
    assert cover["567"] == ["a-3-8"] and cover["89"] == []


@pytest.mark.parametrize("bad", ["../x", "/etc/passwd", "data/../../x", "a\\..\\b", "C:/x", ""])
def test_safe_join_refuses_escapes(tmp_path: Path, bad: str) -> None:
    assert d.safe_join(tmp_path, bad) is None


def test_missing_package_gives_error_and_hint(tmp_path: Path) -> None:
    data = d.load_data(tmp_path / "nowhere")
    assert not data.ok and "datapackage.json" in data.error and "tariffs build" in data.hint
    assert d.tariff_pairs(data) == [] and d.stack_frame(data, "USA", "IND").empty
    rows, total, pages = d.claims_page(data, {}, "", None, 0, 25)
    assert rows == [] and total == 0 and pages == 1


def test_unreadable_csv_gives_error_not_exception(tmp_path: Path) -> None:
    write_sample_package(tmp_path)
    (tmp_path / "data" / "facts.csv").write_text("fact_id,oops\nx,y\n", "utf-8")
    data = d.load_data(tmp_path, validate=False)
    assert not data.ok and "facts.csv" in data.error


def test_one_source_empty_tables(tmp_path: Path) -> None:
    def only_pti(rows):
        keep = "pti-2026-01-29-sample"
        rows["sources"] = [r for r in rows["sources"] if r["source_id"] == keep]
        rows["claims"] = [r for r in rows["claims"] if r["source_id"] == keep]
        ids = {r["claim_id"] for r in rows["claims"]}
        rows["evidence"] = [r for r in rows["evidence"] if r["claim_id"] in ids]
        fids = {r["fact_id"] for r in rows["evidence"]}
        rows["facts"] = [r for r in rows["facts"] if r["fact_id"] in fids]

    data = _write(tmp_path, only_pti)
    assert data.ok, data.error
    st = d.stack_frame(data, "USA", "IND")
    assert set(st["source_id"]) == {"pti-2026-01-29-sample"}
    assert d.conditional_context(data, "USA", "IND") == []


def test_zip_holds_the_package_and_validates(pkg: d.DashboardData, tmp_path: Path) -> None:
    import io
    import zipfile

    from frictionless import validate

    zf = zipfile.ZipFile(io.BytesIO(pkg.package_zip()))
    names = set(zf.namelist())
    assert names == {
        "datapackage.json",
        "data/sources.csv",
        "data/claims.csv",
        "data/facts.csv",
        "data/evidence.csv",
        "README.md",
        "LICENSE",
    }
    zf.extractall(tmp_path)
    assert validate(str(tmp_path / "datapackage.json")).valid


def test_pair_query_roundtrip() -> None:
    assert layout.pair_query("USA>IND") == "?pair=USA-IND"
    assert layout.parse_pair("?pair=USA-IND") == "USA>IND"
    assert layout.parse_pair("?pair=X-IRN-PARTNERS") is None and layout.parse_pair("") is None


def test_conditional_bar_carries_its_context(pkg: d.DashboardData) -> None:
    st = d.stack_frame(pkg, "USA", "IND")
    ctx = st[st["bar_kind"] == "conditional"]["context"].iloc[0]
    assert "applies to India only if" in ctx and "2 billion" in ctx


def _extra_fact(rows, fid, measure, value, dfrom, dto, claim_key_idx=0):
    base = dict(
        next(f for f in rows["facts"] if f["fact_id"] == "tariff_reciprocal.usa.ind.in_force")
    )
    base.update(fact_id=fid, measure=measure, value=value, date_from=dfrom, date_to=dto)
    rows["facts"].append(base)
    cid = next(
        c["claim_id"]
        for c in rows["claims"]
        if c["claim_id"].startswith("pti-") and c["measure"] == "tariff_penalty_russian_oil"
    )
    rows["evidence"].append({"fact_id": fid, "claim_id": cid, "role": "states"})


def test_facts_of_one_layer_for_several_periods_are_one_segment(tmp_path: Path) -> None:
    data = _write(
        tmp_path,
        lambda rows: _extra_fact(
            rows,
            "tariff_reciprocal.usa.ind.in_force.2025",
            "tariff_reciprocal",
            25,
            "2025-01-01",
            "2025-12-31",
        ),
    )
    st = d.stack_frame(data, "USA", "IND")
    recip = st[(st["bar"] == "In force") & (st["measure"] == "tariff_reciprocal")]
    assert len(recip) == 1  # not stacked twice
    assert int(recip["n_sources"].iloc[0]) == 2  # gibn + pti, distinct origins of both facts
    assert float(st[st["bar_kind"] == "in_force"]["value"].sum()) == 50  # two layers, 25 + 25


def test_a_layer_whose_value_changed_keeps_the_latest(tmp_path: Path) -> None:
    data = _write(
        tmp_path,
        lambda rows: _extra_fact(
            rows,
            "tariff_reciprocal.usa.ind.in_force.2026-02",
            "tariff_reciprocal",
            18,
            "2026-02-01",
            "2026-02-28",
        ),
    )
    st = d.stack_frame(data, "USA", "IND")
    recip = st[(st["bar"] == "In force") & (st["measure"] == "tariff_reciprocal")].iloc[0]
    assert recip["display"] == "18%" and "25%" in recip["other_values"]


def test_discussed_layers_are_separate_bars(pkg: d.DashboardData) -> None:
    st = d.stack_frame(pkg, "USA", "IND")
    scen = st[st["bar"].str.startswith("Discussed")]
    assert scen.groupby("bar").size().max() == 1


def test_stack_summary_says_the_stack_in_words(pkg: d.DashboardData) -> None:
    summary = layout.stack_summary(d.stack_frame(pkg, "USA", "IND"), "USA", "IND")
    text = " ".join(c if isinstance(c, str) else c.children for c in summary.children)
    assert "In force on India" in text and "50% stated total (2 independent sources" in text
    assert "sources disagree" in text and "Reciprocal tariff 25%" in text
    assert "Not in force" in text and "(proposed)" in text
