"""Functions returning Dash components. No callbacks here (see callbacks.py).

Text from the package is always passed as component children (React escapes it); nothing here
sets raw HTML.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlencode

from dash import dash_table, dcc, html

from dashboard import figures, ids
from dashboard.data import (
    CLAIM_COLUMNS,
    CLAIM_FILTERS,
    FACT_TYPES,
    STATUS_LABEL,
    ZIP_NAME,
    DashboardData,
    conditional_context,
    filter_options,
    format_period,
    format_value,
    is_date,
    measure_name,
    pair_label,
    party_name,
    stack_frame,
    tariff_pairs,
    timeline_frames,
)

NAV_ITEMS = [("/", "Overview"), ("/claims", "Claims"), ("/facts", "Facts"), ("/data", "Data")]


def aria(label: str) -> Any:
    """aria-label for components whose typed signatures do not list it."""
    return {"aria-label": label}


def aria_live() -> Any:
    return {"aria-live": "polite"}


GRAPH_CONFIG: Any = {
    "displaylogo": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    # no cloud sharing: the dashboard works offline and sends nothing anywhere
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "sendChartToCloud", "sendDataToCloud"],
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "plotlyServerURL": "",
}


def app_shell(data: DashboardData) -> html.Div:
    """The frame shared by every page: skip link, header and nav, banner, page container."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            html.A("Skip to content", href="#main", className="skip-link"),
            html.Header(
                [
                    html.Div(
                        [
                            html.A("tariff-ledger", href="/", className="brand"),
                            html.Span(
                                "Tariffs from the news, each figure linked to its sentence",
                                className="tagline",
                            ),
                        ],
                        className="brand-row",
                    ),
                    html.Nav(
                        html.Ul([html.Li(dcc.Link(label, href=href)) for href, label in NAV_ITEMS]),
                        id=ids.NAV,
                        **aria("Main"),
                    ),
                ],
                className="site-header",
            ),
            banner(data),
            html.Main(id="main", children=html.Div(id=ids.PAGE), tabIndex="-1"),
            html.Footer(footer_text(data), className="site-footer"),
            html.Div(id=ids.NAVIGATE, hidden=True),
        ],
        className="shell",
    )


def banner(data: DashboardData) -> html.Div:
    children, class_name = banner_content(data)
    return html.Div(children, id=ids.BANNER, className=class_name, role="alert")


def banner_content(data: DashboardData) -> tuple[list[Any], str]:
    """What the banner says now: the package failed to load, or failed validation (known once
    the startup validation has finished), or nothing."""
    if not data.ok:
        return [
            html.Strong("The data package could not be loaded. "),
            html.Span(data.error),
            html.Br(),
            html.Span("How to fix: "),
            html.Span(data.hint),
        ], "banner banner-error"
    v = data.validation
    if v.state == "invalid":
        lines = [x for x in v.message.splitlines() if x.strip()]
        shown = lines[-1:] + lines[:3] if lines else []
        return [
            html.Strong("The data package failed validation; figures shown may be wrong. "),
            html.Span(" · ".join(dict.fromkeys(shown))),
            html.Br(),
            html.Span("How to fix: run "),
            html.Code("tariffs validate"),
            html.Span(" to list every problem, fix them, then "),
            html.Code("tariffs build"),
            html.Span(" and restart the dashboard. Details on the "),
            dcc.Link("Data page", href="/data"),
            html.Span("."),
        ], "banner banner-warn banner-wide"
    if v.state == "error":
        return [
            html.Strong("The package could not be validated. "),
            html.Span(v.message),
        ], "banner banner-warn banner-wide"
    return [], ""


def footer_text(data: DashboardData) -> list[Any]:
    bits = ["tariff-ledger"]
    if data.version:
        bits.append(f"package v{data.version}")
    if data.created:
        bits.append(f"built {data.created}")
    bits.append(f"{len(data.sources)} articles, {len(data.claims)} claims, {len(data.facts)} facts")
    return [" · ".join(bits), " · ", dcc.Link("Download the data", href="/data")]


def source_line(data: DashboardData) -> str:
    v = f" v{data.version}" if data.version else ""
    built = f", built {data.created[:10]}" if data.created else ""
    return (
        f"Source: tariff-ledger data package{v}{built}; figures read from "
        f"{len(data.sources)} news articles. Click a mark to open its sentence."
    )


def not_found(path: str) -> html.Div:
    return html.Div(
        [
            html.H1("Page not found"),
            html.P(["There is no page at ", html.Code(path), "."]),
            dcc.Link("Back to the overview", href="/"),
        ],
        className="page",
    )


# --------------------------------------------------------------------------- overview
def overview(data: DashboardData, pair: str | None = None) -> html.Div:
    pairs = tariff_pairs(data)
    options = [{"label": pair_label(a, b), "value": f"{a}>{b}"} for a, b in pairs]
    value = (
        pair
        if pair in {o["value"] for o in options}
        else (options[0]["value"] if options else None)
    )
    return html.Div(
        [
            html.H1("Who tariffs whom, layer by layer"),
            html.P(
                "Each bar stacks the tariff layers the news reports for one pair of countries. "
                "Solid segments are in force; hatched and outlined ones are announced, threatened "
                "or only discussed, and are never added to what is in force. Every segment, mark "
                "and event links to the sentence it was read from.",
                className="lede",
            ),
            html.Div(
                [
                    html.Label("Imposer → target", htmlFor=ids.PAIR, className="control-label"),
                    dcc.Dropdown(
                        id=ids.PAIR,
                        options=options,
                        value=value,
                        clearable=False,
                        searchable=True,
                        className="pair-dropdown",
                    ),
                ],
                className="control",
            ),
            html.Section(
                [
                    html.Div(id=ids.STACK_SUMMARY, **aria_live()),
                    dcc.Graph(
                        id=ids.STACK,
                        config=GRAPH_CONFIG,
                        className="graph",
                        figure=figures.no_data(figures.go.Figure(), "Loading…"),
                    ),
                    html.Div(id=ids.STACK_NOTES),
                    html.Div(id=ids.STACK_MARKS),
                ],
                className="card",
                **aria("Tariff stack"),
            ),
            html.Section(
                [
                    dcc.Graph(
                        id=ids.TIMELINE,
                        config=GRAPH_CONFIG,
                        className="graph",
                        figure=figures.no_data(figures.go.Figure(), "Loading…"),
                    ),
                    html.P(
                        "Top: the rate in force as a step line; a band marks a date known only "
                        "to the month, an open mark a rate announced but not in force. Bottom: "
                        "dated events — filled diamonds took place, open ones are scheduled.",
                        className="muted chart-help",
                    ),
                    html.Div(id=ids.TIMELINE_MARKS),
                ],
                className="card",
                **aria("Timeline"),
            ),
        ],
        className="page",
    )


def parse_pair(search: str | None) -> str | None:
    """'?pair=USA-IND' -> 'USA>IND' (the dropdown's value)."""
    value = (parse_qs((search or "").lstrip("?")).get("pair") or [""])[0]
    if "-" in value and not value.startswith("X-"):
        a, b = value.split("-", 1)
        return f"{a}>{b}"
    return None


def pair_query(value: str | None) -> str:
    a, b = split_pair(value)
    return "?" + urlencode({"pair": f"{a}-{b}"}) if a and b else ""


def split_pair(value: str | None) -> tuple[str, str]:
    if value and ">" in value:
        a, b = value.split(">", 1)
        return a, b
    return "", ""


def overview_parts(
    data: DashboardData, pair_value: str | None
) -> tuple[Any, Any, Any, Any, Any, Any]:
    """(summary, stack figure, notes, stack marks list, timeline figure, timeline marks)."""
    imposer, target = split_pair(pair_value)
    line = source_line(data)
    if not imposer:
        empty = (
            "No tariff rates in the package yet"
            if data.ok
            else "No data: the package is not loaded"
        )
        return (
            None,
            figures.no_data(figures.go.Figure(), empty),
            None,
            None,
            figures.no_data(figures.go.Figure(), empty),
            None,
        )
    name = pair_label(imposer, target)
    st = stack_frame(data, imposer, target)
    stack_fig = figures.stack_figure(
        st, f"{party_name(imposer)} tariffs on {party_name(target)}", line
    )
    notes = conditional_notes(conditional_context(data, imposer, target, st), target)
    rates, events = timeline_frames(data, imposer, target)
    # step lines run on to the newest article: the rate as last reported, not beyond
    until = max((d for d in data.sources["published"] if is_date(d)), default=None)
    tl = figures.timeline_figure(rates, events, f"{name} over time", line, until)
    pair = f"{imposer}-{target}"
    return (
        stack_summary(st, imposer, target),
        stack_fig,
        notes,
        [marks_list("stack", st), chart_download("stack", pair)],
        tl,
        [marks_list("timeline", rates, events), chart_download("timeline", pair)],
    )


def chart_download(kind: str, pair: str) -> html.P:
    href = f"/chart-data/{kind}.csv?" + urlencode({"pair": pair})
    return html.P(
        [html.A("Download the data behind this chart (CSV)", href=href, download="")],
        className="chart-download",
    )


def stack_summary(st: Any, imposer: str, target: str) -> html.P | None:
    """The stack in one sentence (also what a screen reader gets instead of the chart)."""
    if not len(st):
        return None
    parts: list[Any] = []
    inf = st[st["bar_kind"] == "in_force"]
    tot = st[(st["bar_kind"] == "total") & (st["bar"] == "In force")]
    if len(tot) or len(inf):
        bits = []
        for r in tot.to_dict("records"):
            bits.append(
                f"{r['display']} stated total ({int(r['n_sources'])} independent source"
                f"{'s' if int(r['n_sources']) != 1 else ''}"
                + ("; sources disagree" if bool(r.get("conflict")) else "")
                + ")"
            )
        if len(inf):
            layers = " + ".join(
                f"{measure_name(str(m))} {v}"
                for m, v in zip(inf["measure"], inf["display"], strict=True)
            )
            bits.append(f"layers: {layers}")
        parts += [html.Strong(f"In force on {party_name(target)}: "), "; ".join(bits), ". "]
    other = st[st["bar_kind"].isin(["pending", "scenario"])]
    if len(other):
        parts += [
            html.Strong("Not in force: "),
            "; ".join(
                f"{measure_name(str(m))} {v} ({STATUS_LABEL.get(str(s), s)})"
                for m, v, s in zip(other["measure"], other["display"], other["status"], strict=True)
            ),
            ". ",
        ]
    return html.P(parts, className="summary")


def conditional_notes(notes: list[dict[str, Any]], target: str) -> html.Div | None:
    if not notes:
        return None
    items = []
    for n in notes:
        ctx = [
            html.Li(
                [
                    c["text"],
                    f" ({c['n_sources']} source{'s' if c['n_sources'] != 1 else ''}) ",
                    html.A("read the sentence", href=c["link"]),
                ]
            )
            for c in n["context"]
        ]
        items.append(
            html.Li(
                [
                    html.Span(n["text"]),
                    " ",
                    html.A("Read the sentence", href=n["link"]),
                    html.Ul(ctx)
                    if ctx
                    else html.P(
                        f"No figure in the package says how much {party_name(target)} trades with that group.",
                        className="muted",
                    ),
                ]
            )
        )
    return html.Div(
        [
            html.H2("Conditional tariffs", className="h3"),
            html.P(
                "These fall on a group defined by behaviour, not on the pair directly; the figures "
                "below give the context the sources report.",
                className="muted",
            ),
            html.Ul(items),
        ],
        className="note",
        role="note",
    )


def marks_list(kind: str, *frames: Any) -> html.Details | None:
    """An accessible list of every mark in a chart with a link to its sentence."""
    rows = []
    for fr in frames:
        if fr is None or not len(fr):
            continue
        for r in fr.to_dict("records"):
            if not r.get("link"):
                continue
            what = r.get("label") or measure_name(str(r.get("measure")))
            val = r.get("display") or ""
            when = format_period(r.get("date_from"), r.get("date_to"))
            bits = [
                b
                for b in (
                    str(r.get("bar") or ""),
                    str(what),
                    str(val),
                    STATUS_LABEL.get(str(r.get("status")), ""),
                    when,
                )
                if b
            ]
            rows.append(
                html.Li(
                    [
                        html.A(" · ".join(bits), href=r["link"]),
                        html.Span(
                            f" — {r.get('publisher') or r.get('source_id')}", className="muted"
                        ),
                    ]
                )
            )
    if not rows:
        return None
    title = "Every mark in this chart, with its source" if kind else ""
    return html.Details(
        [html.Summary(title), html.Ul(rows, className="marks")], className="marks-list"
    )


# --------------------------------------------------------------------------- claims explorer
def parse_query(search: str | None) -> dict[str, Any]:
    """URL query string -> claims-explorer state (filters, q, sort, page)."""
    qs = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    state: dict[str, Any] = {c: qs.get(c, []) for c in CLAIM_FILTERS}
    state["q"] = (qs.get("q") or [""])[0]
    sort = (qs.get("sort") or [""])[0]
    state["sort"] = []
    if sort:
        col, _, direction = sort.partition(":")
        state["sort"] = [{"column_id": col, "direction": "desc" if direction == "desc" else "asc"}]
    try:
        state["page"] = max(0, int((qs.get("page") or ["1"])[0]) - 1)
    except ValueError:
        state["page"] = 0
    return state


def make_query(
    filters: dict[str, Any], q: str, sort_by: list[dict[str, str]] | None, page: int
) -> str:
    pairs: list[tuple[str, str]] = []
    for c in CLAIM_FILTERS:
        for v in filters.get(c) or []:
            pairs.append((c, str(v)))
    if q:
        pairs.append(("q", q))
    if sort_by:
        s = sort_by[0]
        pairs.append(("sort", f"{s['column_id']}:{s.get('direction', 'asc')}"))
    if page:
        pairs.append(("page", str(page + 1)))
    return ("?" + urlencode(pairs)) if pairs else ""


FILTER_LABELS = {
    "kind": "Kind",
    "measure": "Measure",
    "imposer": "Imposer",
    "target": "Target",
    "status": "Status",
    "source_id": "Source",
}


def claims_page(data: DashboardData, search: str | None) -> html.Div:
    state = parse_query(search)
    opts = filter_options(data)
    controls = []
    for col in CLAIM_FILTERS:
        fid = ids.CLAIM_FILTER[col]
        controls.append(
            html.Div(
                [
                    html.Label(FILTER_LABELS[col], htmlFor=fid, className="control-label"),
                    dcc.Dropdown(
                        id=fid,
                        options=opts[col],
                        value=state[col],
                        multi=True,
                        placeholder=f"Any {FILTER_LABELS[col].lower()}",
                    ),
                ],
                className="control",
            )
        )
    controls.append(
        html.Div(
            [
                html.Label("Search quotes", htmlFor=ids.CLAIMS_SEARCH, className="control-label"),
                dcc.Input(
                    id=ids.CLAIMS_SEARCH,
                    type="search",
                    value=state["q"],
                    debounce=0.4,
                    placeholder="e.g. Russian oil",
                    className="text-input",
                ),
            ],
            className="control",
        )
    )
    columns = []
    for cid, name in CLAIM_COLUMNS:
        column: dict[str, Any] = {"id": cid, "name": name}
        if cid == "claim_id":
            column["presentation"] = "markdown"
        columns.append(column)
    return html.Div(
        [
            html.H1("Claims explorer"),
            html.P(
                "Every figure and date read from the articles. Filters are kept in the address "
                "bar, so a filtered view can be shared by copying the link. Click a claim id "
                "to read it in its article.",
                className="lede",
            ),
            html.Div(controls, className="controls"),
            html.Div(
                [
                    html.Span(
                        id=ids.CLAIMS_COUNT,
                        className="count",
                        role="status",
                        **aria_live(),
                    ),
                    html.Button(
                        "Clear filters", id=ids.CLAIMS_RESET, className="button", n_clicks=0
                    ),
                ],
                className="table-toolbar",
            ),
            dash_table.DataTable(  # type: ignore[attr-defined]
                id=ids.CLAIMS_TABLE,
                columns=columns,
                data=[],
                page_action="custom",
                page_current=state["page"],
                page_size=25,
                page_count=1,
                sort_action="custom",
                sort_mode="single",
                sort_by=state["sort"],
                filter_action="none",
                markdown_options={"link_target": "_self", "html": False},
                style_table={"overflowX": "auto", "minWidth": "100%"},
                style_cell={
                    "textAlign": "left",
                    "padding": "6px 8px",
                    "fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
                    "fontSize": "14px",
                    "whiteSpace": "normal",
                    "height": "auto",
                    "maxWidth": "420px",
                    "color": "#1b1f24",
                },
                style_header={
                    "fontWeight": "600",
                    "backgroundColor": "#eef1f4",
                    "borderBottom": "2px solid #9aa3ad",
                },
                style_cell_conditional=[
                    {"if": {"column_id": "quote"}, "minWidth": "300px", "width": "40%"},
                    {"if": {"column_id": "claim_id"}, "minWidth": "150px"},
                    {
                        "if": {"column_id": "value_display"},
                        "textAlign": "right",
                        "whiteSpace": "nowrap",
                    },
                ],
                style_data_conditional=[{"if": {"row_index": "odd"}, "backgroundColor": "#f7f8fa"}],
                css=[
                    {"selector": ".dash-spreadsheet-menu", "rule": "display:none"},
                    {"selector": ".dash-cell-value a, td a", "rule": "color:#0b5cad"},
                ],
            ),
        ],
        className="page",
    )


SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def claims_rows_for_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        r = dict(r)
        # a markdown link only for ids of the schema's pattern; anything else is shown as
        # text with markdown's special characters escaped (a package may be invalid)
        if SAFE_ID.fullmatch(str(r["claim_id"])) and SAFE_ID.fullmatch(str(r["source_id"])):
            r["claim_id"] = f"[{r['claim_id']}]({r['link']})"
        else:
            r["claim_id"] = re.sub(r"([\\`*_{}\[\]()#+\-.!<>|~])", r"\\\1", str(r["claim_id"]))
        out.append(r)
    return out


# --------------------------------------------------------------------------- facts
def facts_page(data: DashboardData) -> html.Div:
    return html.Div(
        [
            html.H1("Facts"),
            html.P(
                "Figures reconciled across articles: how many independent sources state each, "
                "whether they disagree, and — when you open one — the claims behind it.",
                className="lede",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            html.Label(
                                "Fact type", htmlFor=ids.FACTS_TYPE, className="control-label"
                            ),
                            dcc.Dropdown(
                                id=ids.FACTS_TYPE,
                                multi=True,
                                placeholder="Any type",
                                options=[
                                    {"label": t.replace("_", " "), "value": t} for t in FACT_TYPES
                                ],
                            ),
                        ],
                        className="control",
                    ),
                    html.Div(
                        [
                            html.Label(
                                "Search", htmlFor=ids.FACTS_SEARCH, className="control-label"
                            ),
                            dcc.Input(
                                id=ids.FACTS_SEARCH,
                                type="search",
                                debounce=0.4,
                                className="text-input",
                                placeholder="e.g. penalty",
                            ),
                        ],
                        className="control",
                    ),
                    html.Div(
                        [
                            dcc.Checklist(
                                id=ids.FACTS_CONFLICT,
                                options=[
                                    {"label": " Only where sources disagree", "value": "conflict"}
                                ],
                                value=[],
                            ),
                        ],
                        className="control control-check",
                    ),
                ],
                className="controls",
            ),
            dcc.Store(id=ids.FACTS_PAGE, data=0),
            html.Div(id=ids.FACTS_LIST),
            html.Div(
                [
                    html.Button("← Previous", id=ids.FACTS_PREV, className="button", n_clicks=0),
                    html.Span(
                        id=ids.FACTS_PAGER,
                        className="count",
                        role="status",
                        **aria_live(),
                    ),
                    html.Button("Next →", id=ids.FACTS_NEXT, className="button", n_clicks=0),
                ],
                className="pager",
            ),
        ],
        className="page",
    )


def fact_items(data: DashboardData, facts: Any) -> list[Any]:
    from dashboard.data import supporting

    if not len(facts):
        return [
            html.P(
                "No facts match." if data.ok else "No data: the package is not loaded.",
                className="muted",
            )
        ]
    sup = supporting(data, list(facts["fact_id"]))
    by_fact = {k: g for k, g in sup.groupby("fact_id", sort=False)}
    items = []
    for f in facts.to_dict("records"):
        value = format_value(f["value"], f["unit"], f["qualifier"])
        flags = []
        if bool(f.get("conflict")):
            flags.append(html.Span("sources disagree", className="flag flag-conflict"))
        if bool(f.get("derived")):
            flags.append(html.Span("derived", className="flag"))
        flags.append(
            html.Span(
                STATUS_LABEL.get(str(f["status"]), f["status"]),
                className=f"flag status-{f['status']}",
            )
        )
        claims = by_fact.get(f["fact_id"])
        rows = []
        if claims is not None:
            for c in claims.to_dict("records"):
                from dashboard.data import source_url

                rows.append(
                    html.Tr(
                        [
                            html.Td(c["role"]),
                            html.Td(
                                format_value(c["value"], c["unit"], c["qualifier"])
                                or format_period(c["date_from"], c["date_to"])
                            ),
                            html.Td(
                                html.A(
                                    c.get("publisher") or c["source_id"],
                                    href=source_url(str(c["source_id"]), str(c["claim_id"])),
                                )
                            ),
                            html.Td(html.Span(c["quote"], className="quote")),
                        ]
                    )
                )
        table = (
            html.Table(
                [
                    html.Thead(
                        html.Tr(
                            [html.Th("Role"), html.Th("Value"), html.Th("Source"), html.Th("Quote")]
                        )
                    ),
                    html.Tbody(rows),
                ],
                className="claims-behind",
            )
            if rows
            else html.P("No claims recorded for this fact.", className="muted")
        )
        details = [
            html.Summary(
                [
                    html.Span(f["label"], className="fact-label"),
                    html.Span(value, className="fact-value"),
                    html.Span(
                        f"{int(f['n_sources'])} source{'s' if int(f['n_sources']) != 1 else ''}",
                        className="flag",
                    ),
                    *flags,
                ]
            ),
            html.Div(
                [
                    html.P(
                        [
                            html.Code(f["fact_id"]),
                            " · ",
                            f"{f['fact_type'].replace('_', ' ')}",
                            f" · {format_period(f['date_from'], f['date_to'])}"
                            if format_period(f["date_from"], f["date_to"])
                            else "",
                            f" · {party_name(str(f['imposer']))} → {party_name(str(f['target']))}"
                            if isinstance(f.get("imposer"), str)
                            else "",
                        ],
                        className="muted",
                    ),
                    html.P(["Conflict: ", f["conflict_note"]], className="conflict-note")
                    if f.get("conflict_note")
                    else None,
                    html.P(["Derivation: ", f["derivation"]]) if f.get("derivation") else None,
                    table,
                ],
                className="fact-body",
            ),
        ]
        items.append(html.Details(details, className="fact"))
    return items


# --------------------------------------------------------------------------- data
def data_page(data: DashboardData) -> html.Div:
    v = data.validation
    state_text = {
        "valid": f"valid ({v.method or 'validation'} passed at startup)",
        "invalid": f"INVALID ({v.method or 'validation'} failed) — run tariffs validate for the details",
        "pending": "validation running… reload in a moment",
        "error": "could not be validated",
        "skipped": "not validated",
    }.get(v.state, v.state)
    files = data.download_files()
    links = [
        html.Li(
            [
                html.A(name, href=f"/download/{name}", download=name),
                html.Span(f" — {_size(path)}", className="muted"),
            ]
        )
        for name, path in files.items()
    ]
    if data.ok:
        links.append(
            html.Li(
                [
                    html.A(
                        f"{ZIP_NAME} (the whole package)",
                        href=f"/download/{ZIP_NAME}",
                        download=ZIP_NAME,
                    ),
                    html.Span(
                        [
                            " — datapackage.json, data/*.csv, README, licence and citation; "
                            "validates with ",
                            html.Code("frictionless validate datapackage.json"),
                            " after unzipping",
                        ],
                        className="muted",
                    ),
                ]
            )
        )
    return html.Div(
        [
            html.H1("Data"),
            html.P(
                "The dashboard shows a Frictionless Data Package. Download it whole or table by "
                "table; the schemas describe every column.",
                className="lede",
            ),
            html.Dl(
                [
                    html.Dt("Package"),
                    html.Dd(
                        str(data.descriptor.get("title") or data.descriptor.get("name") or "—")
                    ),
                    html.Dt("Version"),
                    html.Dd(data.version or "—"),
                    html.Dt("Built"),
                    html.Dd(data.created or "—"),
                    html.Dt("Validation"),
                    html.Dd(state_text, className=f"validation validation-{v.state}"),
                    html.Dt("Contents"),
                    html.Dd(
                        f"{len(data.sources)} articles, {len(data.claims)} claims, "
                        f"{len(data.facts)} facts, {len(data.evidence)} evidence links"
                    ),
                ],
                className="meta",
            ),
            html.Pre(v.message, className="validation-log")
            if v.message and v.state != "valid"
            else None,
            html.H2("Downloads"),
            html.Ul(links)
            if links
            else html.P("Nothing to download: the package is not loaded.", className="muted"),
        ],
        className="page",
    )


def _size(path: Any) -> str:
    try:
        n = path.stat().st_size
    except OSError:
        return "?"
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return ""
