"""Figure builders: a DataFrame in, a ``go.Figure`` out. No data access here.

Every mark carries ``customdata[0]`` = the link to the sentence it comes from
(``/sources/<source_id>#<claim_id>``); a clientside callback opens it on click.
Empty input gives a figure with a "no data" annotation, never an error.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.data import STATUS_LABEL, is_date, measure_name

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1b1f24"
MUTED = "#4a525c"
GRID = "#e3e6ea"
# Colour-blind-safe palette (Okabe-Ito, darkened where needed for contrast with white labels).
PALETTE = {
    "tariff_reciprocal": "#0b5cad",
    "tariff_penalty_russian_oil": "#b34700",
    "tariff_penalty": "#a8324a",
    "tariff_secondary": "#6a3d9a",
    "tariff_fentanyl": "#8c5a00",
    "tariff_sectoral": "#007a5e",
    "tariff_retaliatory": "#7a4b8c",
    "tariff_mfn": "#4a525c",
    "tariff_deal": "#00727a",
    "tariff_rate": "#555f6b",
    "tariff_total": "#111111",
}
PATTERN = {
    "in_force": "",
    "announced": "/",
    "threatened": "x",
    "proposed": ".",
    "waived": "-",
    "removed": "-",
    "hypothetical": ".",
    "unknown": "\\",
}
EVENT_COLOURS = ["#0b5cad", "#b34700", "#007a5e", "#6a3d9a", "#a8324a", "#8c5a00", "#00727a"]



def _panel_note(fig: go.Figure, text: str, row: int) -> None:
    """A muted note in the middle of one panel of a subplot figure (e.g. no data)."""
    axis = "x" if row == 1 else f"x{row}"
    fig.add_annotation(
        text=text,
        xref=f"{axis} domain",
        yref=f"{axis.replace('x', 'y')} domain",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"color": MUTED},
        row=row,
        col=1,
    )

def colour(measure: str) -> str:
    return PALETTE.get(measure, "#555f6b")


def hover_quote(quote: Any, width: int = 64, limit: int = 420) -> str:
    """The quote as safe hover text: HTML-escaped, wrapped, shortened."""
    q = "" if quote is None or (not isinstance(quote, str) and pd.isna(quote)) else str(quote)
    if len(q) > limit:
        q = q[: limit - 1].rstrip() + "…"
    lines = textwrap.wrap(q, width) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _esc(v: Any) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return html.escape(str(v), quote=False)


def _date(v: Any) -> str:
    return v.strftime("%-d %b %Y") if is_date(v) else ""


def _base_layout(fig: go.Figure, title: str, source_line: str, height: int) -> go.Figure:
    fig.update_layout(
        title={
            "text": f"<b>{_esc(title)}</b>",
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 16},
            "font": {"size": 17},
        },
        font={"family": FONT, "color": INK, "size": 13},
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=height,
        margin={"l": 10, "r": 20, "t": 64, "b": 160},
        hoverlabel={
            "bgcolor": "white",
            "font": {"family": FONT, "size": 12, "color": INK},
            "align": "left",
        },
        legend={
            # at the very bottom of the figure: wrapping onto two lines on a phone never
            # overlaps the title or the bars
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0.0,
            "x": 0,
            "font": {"size": 12},
            "itemclick": "toggle",
        },
    )
    if source_line:
        fig.add_annotation(
            text="<br>".join(_esc(x) for x in textwrap.wrap(source_line, 62)),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            yshift=-58,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font={"size": 11, "color": MUTED},
            align="left",
        )
    return fig


def no_data(fig: go.Figure, message: str) -> go.Figure:
    fig.add_annotation(
        text=_esc(message),
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 15, "color": MUTED},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


# --------------------------------------------------------------------------- tariff stack
def bar_order(bar: str) -> int:
    """In force first, then announced, then layers only discussed, then conditional ones."""
    for i, prefix in enumerate(("In force", "Announced", "Discussed", "Conditional")):
        if str(bar).startswith(prefix):
            return i
    return 4


def _note(note: Any) -> str:
    return f"Sources disagree: {_esc(note)}<br>" if isinstance(note, str) and note else ""


def _others(r: dict[Any, Any]) -> str:
    o = r.get("other_values")
    return f"Other values for other periods: {_esc(o)}<br>" if isinstance(o, str) and o else ""


def stack_figure(df: pd.DataFrame, title: str, source_line: str = "") -> go.Figure:
    """Horizontal stacked bars: one bar per standing (in force, announced, each scenario,
    each conditional group), one segment per component, stated totals as marks.

    Expects the columns of ``dashboard.data.stack_frame``.
    """
    fig = go.Figure()
    segs = df[df["bar_kind"] != "total"] if len(df) else df
    totals = df[df["bar_kind"] == "total"] if len(df) else df
    bars = (
        df.assign(_o=df["bar"].map(bar_order))
        .sort_values(["_o", "bar"])
        .drop_duplicates("bar")["bar"]
        .tolist()
        if len(df)
        else []
    )
    n_ctx = int(df["bar_kind"].eq("conditional").any()) if len(df) else 0
    _base_layout(fig, title, source_line, height=max(300, 190 + 84 * len(bars) + 40 * n_ctx))
    if not len(df):
        return no_data(fig, "No tariff rates in the package for this pair yet")
    shown: set[str] = set()
    xmax = 0.0
    for bar in bars:
        base = 0.0
        rows = segs[segs["bar"] == bar].sort_values(["measure", "fact_id"])
        for r in rows.to_dict("records"):
            value = float(r["value"])
            status = str(r["status"])
            faint = status != "in_force"
            m = str(r["measure"])
            label = f"{r['display']} · {int(r['n_sources'])} src"
            if bool(r.get("conflict")):
                label += " ⚠"
            legend = measure_name(m)
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    y=[bar],
                    x=[value],
                    base=[base],
                    name=legend,
                    legendgroup=m,
                    showlegend=legend not in shown,
                    marker={
                        "color": colour(m) if not faint else "rgba(255,255,255,1)",
                        "line": {"color": colour(m), "width": 2},
                        "pattern": {
                            "shape": PATTERN.get(status, ""),
                            "fgcolor": colour(m),
                            "fgopacity": 0.4,
                            "size": 9,
                            "solidity": 0.25,
                        },
                    },
                    text=[label],
                    textposition="inside",
                    insidetextanchor="middle",
                    textfont={"color": "white" if not faint else INK, "size": 13},
                    customdata=[[r["link"], r["fact_id"]]],
                    hovertemplate="%{hovertext}<extra></extra>",
                    hovertext=[
                        f"<b>{_esc(measure_name(m))}: {_esc(r['display'])}</b> "
                        f"({_esc(STATUS_LABEL.get(status, status))})<br>"
                        f"{int(r['n_sources'])} independent source(s): {_esc(r['sources_text'])}<br>"
                        f"{_others(r)}"
                        f"<i>{hover_quote(r['quote'])}</i><br>"
                        f"{_esc(r['publisher'] or r['source_id'])}, {_date(r['published'])}"
                        "<br><b>Click to open the sentence</b>"
                    ],
                )
            )
            shown.add(legend)
            base += value
        xmax = max(xmax, base)
    for r in totals.to_dict("records"):
        value = float(r["value"])
        xmax = max(xmax, value)
        fig.add_trace(
            go.Scatter(
                x=[value],
                y=[r["bar"]],
                mode="markers+text",
                name="Stated total",
                legendgroup="tariff_total",
                showlegend="Stated total" not in shown,
                marker={"symbol": "line-ns", "size": 34, "line": {"width": 4, "color": INK}},
                customdata=[[r["link"], r["fact_id"]]],
                hovertemplate="%{hovertext}<extra></extra>",
                hovertext=[
                    f"<b>Stated total: {_esc(r['display'])}</b> "
                    f"({_esc(STATUS_LABEL.get(str(r['status']), r['status']))})<br>"
                    f"{int(r['n_sources'])} independent source(s): {_esc(r['sources_text'])}<br>"
                    f"{_others(r)}"
                    f"{_note(r.get('conflict_note'))}"
                    f"<i>{hover_quote(r['quote'])}</i><br>"
                    f"{_esc(r['publisher'] or r['source_id'])}, {_date(r['published'])}"
                    "<br><b>Click to open the sentence</b>"
                ],
            )
        )
        shown.add("Stated total")
    fig.update_layout(barmode="overlay", bargap=0.5)
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=list(reversed(bars)),
        title=None,
        showticklabels=False,
    )
    # bar names above each bar (not as tick labels, which would squeeze the bars on a phone)
    for bar in bars:
        label = f"<b>{_esc(bar)}</b>"
        tot = totals[totals["bar"] == bar]
        for r in tot.to_dict("records"):
            label += f" · stated total {_esc(r['display'])} · {int(r['n_sources'])} src" + (
                " · disputed ⚠" if bool(r.get("conflict")) else ""
            )
        ctx = [
            c
            for c in segs[segs["bar"] == bar].get("context", pd.Series(dtype=object))
            if isinstance(c, str) and c
        ]
        if ctx:
            fig.add_annotation(
                text="<i>" + "<br>".join(_esc(x) for x in textwrap.wrap(ctx[0], 56)) + "</i>",
                x=0,
                xref="paper",
                y=bar,
                yref="y",
                yshift=-19,
                xanchor="left",
                yanchor="top",
                showarrow=False,
                font={"size": 12, "color": MUTED},
                align="left",
            )
        fig.add_annotation(
            text=label,
            x=0,
            xref="paper",
            y=bar,
            yref="y",
            yshift=21,
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            font={"size": 13, "color": INK},
            align="left",
        )
    fig.update_xaxes(
        title={"text": "Tariff rate (% ad valorem)"},
        range=[0, max(10.0, xmax * 1.12)],
        ticksuffix="%",
        gridcolor=GRID,
        zeroline=True,
        zerolinecolor="#9aa3ad",
    )
    return fig


# --------------------------------------------------------------------------- timeline
def timeline_figure(
    rates: pd.DataFrame,
    events: pd.DataFrame,
    title: str,
    source_line: str = "",
    until: dt.date | None = None,
) -> go.Figure:
    """Rates as step lines over time (top) and dated events as marks (bottom).

    Day-precision dates are points; month (or other ranges) are drawn as spans from date_from
    to date_to; 'since' dates are points whose step runs on. Expects the columns of
    ``dashboard.data.timeline_frames``.
    """
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[0.62, 0.38], vertical_spacing=0.08
    )
    n_event_rows = events["name"].nunique() if len(events) else 0
    _base_layout(fig, title, source_line, height=max(460, 380 + 26 * n_event_rows))
    if not len(rates) and not len(events):
        fig.update_layout(height=340)
        return no_data(fig, "No dated tariff rates or events in the package for this pair yet")
    dates = [
        d
        for d in list(rates.get("date_from", []))
        + list(rates.get("date_to", []))
        + list(events.get("date_from", []))
        + list(events.get("date_to", []))
        if is_date(d)
    ]
    end = max([*dates, until] if until else dates)
    # ----- rates: one step line per measure (in force), pending ones as open marks
    for measure, sub in rates.groupby("measure", sort=True) if len(rates) else []:
        m = str(measure)
        c = colour(m)
        width = 3.5 if m == "tariff_total" else 2
        in_force = sub[sub["status"] == "in_force"].sort_values("date_from")
        if len(in_force):
            xs = [*in_force["date_from"], end]
            ys = [*in_force["value"].astype(float), float(in_force["value"].iloc[-1])]
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    line={
                        "shape": "hv",
                        "color": c,
                        "width": width,
                        "dash": "solid" if m == "tariff_total" else "dot",
                    },
                    name=measure_name(m),
                    legendgroup=m,
                    hoverinfo="skip",
                ),
                row=1,
                col=1,
            )
        # marks, batched: one trace per (measure, kind of mark) whatever the number of facts
        points: dict[bool, dict[str, list[Any]]] = {}
        spans: dict[str, list[Any]] = {"x": [], "y": [], "custom": [], "hover": []}
        for r in sub.to_dict("records"):
            value = float(r["value"])
            status = str(r["status"])
            hover = (
                f"<b>{_esc(measure_name(m))}: {_esc(r.get('display') or value)}</b> "
                f"({_esc(STATUS_LABEL.get(status, status))})<br>"
                f"<i>{hover_quote(r['quote'])}</i><br>"
                f"{_esc(r['publisher'] or r['source_id'])}, published {_date(r['published'])}<br>"
                f"Date: {_esc(_period(r))}<br><b>Click to open the sentence</b>"
            )
            custom = [r["link"], r["fact_id"]]
            if r["precision"] in ("month", "range"):
                a, b = r["date_from"], r["date_to"] + dt.timedelta(days=1)
                spans["x"] += [a, a + (b - a) / 2, b, None]
                spans["y"] += [value, value, value, None]
                spans["custom"] += [custom, custom, custom, [None, None]]
                spans["hover"] += [hover, hover, hover, ""]
            else:
                pt = points.setdefault(
                    status == "in_force",
                    {"x": [], "y": [], "custom": [], "hover": [], "symbol": []},
                )
                pt["x"].append(r["date_from"])
                pt["y"].append(value)
                pt["custom"].append(custom)
                pt["hover"].append(hover)
                pt["symbol"].append("triangle-right" if r["precision"] == "open" else "circle")
        if spans["x"]:
            fig.add_trace(
                go.Scatter(
                    x=spans["x"],
                    y=spans["y"],
                    mode="lines+markers",
                    connectgaps=False,
                    line={"color": c, "width": 12},
                    opacity=0.45,
                    marker={"size": 6, "color": c},
                    name=f"{measure_name(m)} (month known)",
                    legendgroup=m,
                    showlegend=False,
                    customdata=spans["custom"],
                    hovertext=spans["hover"],
                    hovertemplate="%{hovertext}<extra></extra>",
                ),
                row=1,
                col=1,
            )
        for in_force_pts, pt in sorted(points.items()):
            fig.add_trace(
                go.Scatter(
                    x=pt["x"],
                    y=pt["y"],
                    mode="markers",
                    marker={
                        "size": 12,
                        "color": c if in_force_pts else "white",
                        "symbol": pt["symbol"],
                        "line": {"color": c, "width": 2},
                    },
                    name=measure_name(m) + ("" if in_force_pts else " (not in force)"),
                    legendgroup=m,
                    showlegend=False,
                    customdata=pt["custom"],
                    hovertext=pt["hover"],
                    hovertemplate="%{hovertext}<extra></extra>",
                ),
                row=1,
                col=1,
            )
    if not len(rates):
        _panel_note(fig, "No dated tariff rates", row=1)
    # ----- events: one row per kind of event
    names = sorted(events["name"].unique()) if len(events) else []
    for i, name in enumerate(names):
        c = EVENT_COLOURS[i % len(EVENT_COLOURS)]
        sub = events[events["name"] == name]
        bars: dict[str, list[Any]] = {"base": [], "x": [], "custom": [], "hover": [], "opacity": []}
        pts: dict[str, list[Any]] = {"x": [], "custom": [], "hover": [], "fill": []}
        for r in sub.to_dict("records"):
            status = str(r["status"])
            hover = (
                f"<b>{_esc(r.get('label') or name)}</b> ({_esc(STATUS_LABEL.get(status, status))})<br>"
                f"<i>{hover_quote(r['quote'])}</i><br>"
                f"{_esc(r['publisher'] or r['source_id'])}, published {_date(r['published'])}<br>"
                f"Date: {_esc(_period(r))}<br><b>Click to open the sentence</b>"
            )
            custom = [r["link"], r["fact_id"]]
            if r["precision"] in ("month", "range"):
                a, b = r["date_from"], r["date_to"] + dt.timedelta(days=1)
                bars["base"].append(a.isoformat())
                bars["x"].append((b - a).total_seconds() * 1000)
                bars["custom"].append(custom)
                bars["hover"].append(hover)
                bars["opacity"].append(0.4 if status == "in_force" else 0.15)
            else:
                pts["x"].append(r["date_from"])
                pts["custom"].append(custom)
                pts["hover"].append(hover)
                pts["fill"].append(c if status == "in_force" else "white")
        if bars["x"]:
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    y=[name] * len(bars["x"]),
                    base=bars["base"],
                    x=bars["x"],
                    width=0.5,
                    marker={
                        "color": c,
                        "opacity": bars["opacity"],
                        "line": {"color": c, "width": 2},
                    },
                    name=name,
                    showlegend=False,
                    customdata=bars["custom"],
                    hovertext=bars["hover"],
                    hovertemplate="%{hovertext}<extra></extra>",
                ),
                row=2,
                col=1,
            )
        if pts["x"]:
            fig.add_trace(
                go.Scatter(
                    x=pts["x"],
                    y=[name] * len(pts["x"]),
                    mode="markers",
                    marker={
                        "size": 13,
                        "color": pts["fill"],
                        "symbol": "diamond",
                        "line": {"color": c, "width": 2},
                    },
                    name=name,
                    showlegend=False,
                    customdata=pts["custom"],
                    hovertext=pts["hover"],
                    hovertemplate="%{hovertext}<extra></extra>",
                ),
                row=2,
                col=1,
            )
    if not names:
        _panel_note(fig, "No dated events", row=2)
    fig.update_yaxes(
        title={"text": "Tariff rate (%)"},
        ticksuffix="%",
        rangemode="tozero",
        gridcolor=GRID,
        row=1,
        col=1,
    )
    fig.update_yaxes(
        title=None,
        automargin=True,
        type="category",
        row=2,
        col=1,
        categoryorder="array",
        categoryarray=list(reversed(names)),
    )
    fig.update_xaxes(type="date", gridcolor=GRID, row=1, col=1)
    fig.update_xaxes(type="date", gridcolor=GRID, title={"text": "Date"}, row=2, col=1)
    fig.update_layout(barmode="overlay", hovermode="closest")
    return fig


def _period(r: dict[Any, Any]) -> str:
    from dashboard.data import format_period

    p = format_period(r.get("date_from"), r.get("date_to"))
    if r.get("date_text") and isinstance(r.get("date_text"), str):
        p += f" (“{r['date_text']}”)"
    return p
