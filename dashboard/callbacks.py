"""Callbacks: wiring between component ids and the functions in layout/data/figures."""

from __future__ import annotations

import threading
from typing import Any

import dash
from dash import ClientsideFunction, Input, Output, State, ctx, no_update

from dashboard import data as d
from dashboard import ids, layout

# Clicking any mark whose customdata[0] is a link opens it (the sentence on its source page).
_OPEN_LINK_JS = """
function(clickData) {
    if (clickData && clickData.points && clickData.points.length) {
        var cd = clickData.points[0].customdata;
        var link = Array.isArray(cd) ? cd[0] : cd;
        if (typeof link === 'string' && link.indexOf('/sources/') === 0) {
            window.location.assign(link);
        }
    }
    return window.dash_clientside.no_update;
}
"""


def register(app: dash.Dash, data: d.DashboardData) -> None:
    filters = [Input(ids.CLAIM_FILTER[c], "value") for c in d.CLAIM_FILTERS]
    overview_cache: dict[str | None, Any] = {}

    def warm() -> None:
        # the first visitor should not wait for the default pair's charts
        pairs = d.tariff_pairs(data)
        if pairs:
            key = f"{pairs[0][0]}>{pairs[0][1]}"
            overview_cache.setdefault(key, layout.overview_parts(data, key))

    threading.Thread(target=warm, daemon=True, name="warm-overview").start()

    @app.callback(
        Output(ids.PAGE, "children"), Input(ids.URL, "pathname"), State(ids.URL, "search")
    )
    def route(pathname: str | None, search: str | None) -> Any:
        path = (pathname or "/").rstrip("/") or "/"
        if path == "/":
            return layout.overview(data, layout.parse_pair(search))
        if path == "/claims":
            return layout.claims_page(data, search)
        if path == "/facts":
            return layout.facts_page(data)
        if path == "/data":
            return layout.data_page(data)
        return layout.not_found(pathname or "")

    @app.callback(
        Output(ids.BANNER, "children"),
        Output(ids.BANNER, "className"),
        Input(ids.URL, "pathname"),
    )
    def banner(_: str | None) -> Any:
        # validation runs once, in the background, at startup; each page shows its outcome
        return layout.banner_content(data)

    @app.callback(
        Output(ids.STACK_SUMMARY, "children"),
        Output(ids.STACK, "figure"),
        Output(ids.STACK_NOTES, "children"),
        Output(ids.STACK_MARKS, "children"),
        Output(ids.TIMELINE, "figure"),
        Output(ids.TIMELINE_MARKS, "children"),
        Input(ids.PAIR, "value"),
    )
    def overview(pair: str | None) -> Any:
        # the package never changes while the server runs: build each pair's charts once
        if pair not in overview_cache:
            if len(overview_cache) > 256:
                overview_cache.clear()
            overview_cache[pair] = layout.overview_parts(data, pair)
        return overview_cache[pair]

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.PAIR, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def pair_in_url(pair: str | None, search: str | None) -> Any:
        query = layout.pair_query(pair)
        return query if query != (search or "") else no_update

    # each page its own document title (screen readers announce it; history lists it)
    app.clientside_callback(
        """
        function(pathname) {
            var names = {'/': 'Overview', '/claims': 'Claims', '/facts': 'Facts', '/data': 'Data'};
            var p = (pathname || '/').replace(/\\/+$/, '') || '/';
            document.title = (names[p] || 'Not found') + ' · tariff-ledger';
            return window.dash_clientside.no_update;
        }
        """,
        Output(ids.NAVIGATE, "children", allow_duplicate=True),
        Input(ids.URL, "pathname"),
        prevent_initial_call="initial_duplicate",
    )

    for graph in (ids.STACK, ids.TIMELINE):
        app.clientside_callback(
            _OPEN_LINK_JS,
            Output(ids.NAVIGATE, "children", allow_duplicate=True),  # a sink: it only navigates
            Input(graph, "clickData"),
            prevent_initial_call=True,
        )

    @app.callback(
        Output(ids.CLAIMS_TABLE, "data"),
        Output(ids.CLAIMS_TABLE, "page_count"),
        Output(ids.CLAIMS_TABLE, "page_current"),
        Output(ids.CLAIMS_COUNT, "children"),
        Output(ids.URL, "search"),
        *filters,
        Input(ids.CLAIMS_SEARCH, "value"),
        Input(ids.CLAIMS_TABLE, "page_current"),
        Input(ids.CLAIMS_TABLE, "page_size"),
        Input(ids.CLAIMS_TABLE, "sort_by"),
        State(ids.URL, "search"),
    )
    def claims(*args: Any) -> Any:
        n = len(d.CLAIM_FILTERS)
        values = dict(zip(d.CLAIM_FILTERS, args[:n], strict=True))
        text, page, page_size, sort_by, search = args[n:]
        trigger = ctx.triggered_id
        if trigger in ids.CLAIM_FILTER.values() or trigger == ids.CLAIMS_SEARCH:
            page = 0
        rows, total, pages = d.claims_page(
            data, values, text or "", sort_by, page or 0, page_size or 25
        )
        page = min(page or 0, pages - 1)
        query = layout.make_query(values, text or "", sort_by, page)
        count = f"{total:,} claim{'s' if total != 1 else ''} match · page {page + 1} of {pages}"
        return (
            layout.claims_rows_for_table(rows),
            pages,
            page,
            count,
            query if query != (search or "") else no_update,
        )

    @app.callback(
        *[Output(ids.CLAIM_FILTER[c], "value") for c in d.CLAIM_FILTERS],
        Output(ids.CLAIMS_SEARCH, "value"),
        Output(ids.CLAIMS_TABLE, "sort_by"),
        Input(ids.CLAIMS_RESET, "n_clicks"),
        prevent_initial_call=True,
    )
    def reset(_: int) -> Any:
        return *([[]] * len(d.CLAIM_FILTERS)), "", []

    @app.callback(
        Output(ids.FACTS_LIST, "children"),
        Output(ids.FACTS_PAGER, "children"),
        Output(ids.FACTS_PAGE, "data"),
        Input(ids.FACTS_TYPE, "value"),
        Input(ids.FACTS_CONFLICT, "value"),
        Input(ids.FACTS_SEARCH, "value"),
        Input(ids.FACTS_PREV, "n_clicks"),
        Input(ids.FACTS_NEXT, "n_clicks"),
        State(ids.FACTS_PAGE, "data"),
    )
    def facts(
        types: list[str] | None,
        conflict: list[str] | None,
        text: str | None,
        _prev: int,
        _next: int,
        page: int | None,
    ) -> Any:
        page = page or 0
        trigger = ctx.triggered_id
        if trigger == ids.FACTS_PREV:
            page -= 1
        elif trigger == ids.FACTS_NEXT:
            page += 1
        elif trigger is not None:
            page = 0
        rows, total, pages = d.facts_page(data, types, bool(conflict), text or "", page)
        page = min(max(page, 0), pages - 1)
        pager = f"{total:,} fact{'s' if total != 1 else ''} · page {page + 1} of {pages}"
        return layout.fact_items(data, rows), pager, page


__all__ = ["register", "ClientsideFunction"]
