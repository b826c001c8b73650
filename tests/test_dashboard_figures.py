"""Figure builders: DataFrames in, go.Figure out; empty data, one source, conflicts, months."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data as d
from dashboard import figures
from dashboard.sample import sample_rows, write_sample_package


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> d.DashboardData:
    return d.load_data(write_sample_package(tmp_path_factory.mktemp("pkg")), validate=False)


def _annotations(fig) -> str:
    return " | ".join(a.text or "" for a in fig.layout.annotations)


def _links(fig) -> list[str]:
    out = []
    for tr in fig.data:
        if tr.customdata is not None:
            out += [row[0] for row in tr.customdata if row[0] is not None]
    return out


def test_stack_empty_frame_gives_no_data_annotation(pkg: d.DashboardData) -> None:
    fig = figures.stack_figure(d.stack_frame(pkg, "BRA", "USA"), "Empty", "Source: x")
    assert len(fig.data) == 0
    assert "No tariff rates" in _annotations(fig)
    assert "Source: x" in _annotations(fig)


def test_timeline_empty_gives_no_data_annotation(pkg: d.DashboardData) -> None:
    rates, events = d.timeline_frames(pkg, "BRA", "ARG")
    fig = figures.timeline_figure(rates, events, "Empty")
    assert "No dated tariff rates or events" in _annotations(fig)


def test_stack_figure_segments_totals_and_links(pkg: d.DashboardData) -> None:
    st = d.stack_frame(pkg, "USA", "IND")
    fig = figures.stack_figure(st, "United States tariffs on India", "Source: tariff-ledger")
    bars = [t for t in fig.data if t.type == "bar"]
    assert len(bars) == 4  # two in force, one scenario, one conditional
    by_y = {}
    for b in bars:
        by_y.setdefault(b.y[0], []).append(b)
    assert len(by_y["In force"]) == 2
    # stacked: the second in-force segment starts where the first ends
    assert sorted(b.base[0] for b in by_y["In force"]) == [0, 25]
    # segments are labelled with rate and number of sources
    assert all("% ·" in b.text[0] and "src" in b.text[0] for b in bars)
    # in-force segments are solid, others patterned
    for b in bars:
        solid = b.y[0] == "In force"
        assert (b.marker.pattern.shape == "") == solid
    # the stated total is a mark on the in-force bar and the conflict is said
    totals = [t for t in fig.data if t.type == "scatter"]
    assert len(totals) == 1 and totals[0].x[0] == 50
    assert "stated total 50%" in _annotations(fig) and "disputed" in _annotations(fig)
    assert fig.layout.title.text and fig.layout.xaxis.title.text.startswith("Tariff rate")
    assert all(link.startswith("/sources/") and "#" in link for link in _links(fig))


def test_hover_text_is_escaped(pkg: d.DashboardData) -> None:
    st = d.stack_frame(pkg, "USA", "CHN")
    st["quote"] = "<script>alert(1)</script> & more"
    fig = figures.stack_figure(st, "x")
    hover = " ".join(h for t in fig.data for h in (t.hovertext or [t.hovertemplate]))
    assert "<script>" not in hover and "&lt;script&gt;" in hover


def test_month_is_a_span_day_is_a_point(pkg: d.DashboardData) -> None:
    rates, events = d.timeline_frames(pkg, "USA", "IND")
    fig = figures.timeline_figure(rates, events, "t", "s", until=dt.date(2026, 2, 10))
    spans = [t for t in fig.data if t.type == "bar"]  # month events are bars on a date axis
    assert len(spans) == 1 and spans[0].base[0] == "2025-08-01"
    assert spans[0].x[0] == 31 * 24 * 3600 * 1000  # 1 Aug to 1 Sep
    points = [
        t for t in fig.data if t.type == "scatter" and t.mode == "markers" and t.yaxis == "y2"
    ]
    assert len(points) == 3
    for p in points:
        assert len(p.x) == 1
    # month-known rates are drawn as a span from the 1st to the end of the month
    rate_spans = [t for t in fig.data if t.type == "scatter" and t.mode == "lines+markers"]
    assert rate_spans and all(
        t.x[0] == dt.date(2025, 8, 1) and t.x[2] == dt.date(2025, 9, 1) for t in rate_spans
    )
    # step lines run on to the end date
    steps = [t for t in fig.data if t.type == "scatter" and t.mode == "lines"]
    assert steps and all(t.line.shape == "hv" and t.x[-1] == dt.date(2026, 2, 10) for t in steps)
    assert all(link.startswith("/sources/") for link in _links(fig))


def test_one_source_and_conflicting_sources(tmp_path: Path) -> None:
    rows = copy.deepcopy(sample_rows())
    for f in rows["facts"]:
        f["conflict"], f["conflict_note"] = "false", ""
    write_sample_package(tmp_path, rows)
    data = d.load_data(tmp_path, validate=False)
    fig = figures.stack_figure(d.stack_frame(data, "USA", "IND"), "t")
    assert "disputed" not in _annotations(fig)
    assert "⚠" not in " ".join(t.text[0] for t in fig.data if t.type == "bar")


def test_hover_quote_wraps_and_truncates() -> None:
    q = "word " * 200
    out = figures.hover_quote(q)
    assert out.count("<br>") >= 5 and out.endswith("…")
    assert figures.hover_quote(None) == "" and figures.hover_quote(float("nan")) == ""


def test_figures_accept_empty_frames_with_columns() -> None:
    empty = pd.DataFrame(columns=["bar", "bar_kind"])
    assert "No tariff" in _annotations(figures.stack_figure(empty, "t"))
