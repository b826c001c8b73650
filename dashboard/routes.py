"""Plain Flask routes beside the Dash app: source pages, claim redirects and downloads.

Source pages are rendered on the server as static HTML (no script at all): every piece of
package text goes through ``markupsafe.escape``, so an article containing ``<script>`` shows it
literally. Each claim's mention is a ``<mark>`` whose id is the claim id, inside a span for its
sentence; CSS ``:target`` highlights the targeted one and the browser scrolls it into view.
Downloads serve only files the package descriptor lists (plus datapackage.json and a zip).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import urlparse

from flask import Flask, Response, abort, redirect, request
from markupsafe import Markup, escape

from dashboard.data import (
    STATUS_LABEL,
    ZIP_NAME,
    DashboardData,
    format_period,
    format_value,
    highlight_segments,
    is_date,
    measure_name,
    party_name,
    sentence_span,
    source_url,
    stack_frame,
    timeline_frames,
)

DATE_BASIS = {
    "header_line": "from the text's first line (' date YYYY-MM-DD')",
    "updated_stamp": "from an 'Updated:' stamp in the text",
    "dateline": "from the dateline",
    "supplied": "supplied by the person who added the article",
    "inferred": "inferred from the text (see the note)",
}
APP_PAGES = {"", "/claims", "/facts", "/data"}
NAV = [("/", "Overview"), ("/claims", "Claims"), ("/facts", "Facts"), ("/data", "Data")]
DASH_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
    "frame-ancestors 'none'; form-action 'self'"
)
STATIC_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'none'"
)


def register_routes(server: Flask, data: DashboardData) -> None:
    @server.after_request
    def _headers(resp: Response) -> Response:
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Content-Security-Policy", DASH_CSP)
        return resp

    @server.route("/sources/<path:source_id>")
    def source_page(source_id: str) -> Response:
        row = data.source_row(source_id)
        if row is None:
            return html_response(
                not_found_page(f"No article with the id “{source_id}” is in the package.", data),
                404,
            )
        return html_response(render_source(data, row), 200)

    @server.route("/claim/<path:claim_id>")
    def claim_redirect(claim_id: str) -> Any:
        c = data.claims
        hit = c[c["claim_id"] == claim_id]
        if hit.empty:
            return html_response(not_found_page(f"No claim with the id “{claim_id}”.", data), 404)
        return redirect(source_url(str(hit.iloc[0]["source_id"]), claim_id), code=302)

    @server.route("/download/<path:name>")
    def download(name: str) -> Response:
        if name == ZIP_NAME and data.ok:
            return Response(
                data.package_zip(),
                mimetype="application/zip",
                headers={"Content-Disposition": f'attachment; filename="{ZIP_NAME}"'},
            )
        files = data.download_files()
        path = files.get(name)
        if path is None:
            return html_response(not_found_page("No such file in the package.", data), 404)
        mimetype = "application/json" if name.endswith(".json") else "text/csv"
        return Response(
            path.read_bytes(),
            mimetype=mimetype,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @server.route("/chart-data/<kind>.csv")
    def chart_data(kind: str) -> Response:
        """The rows behind a chart, as CSV (OWID-style 'download the data of this chart')."""
        pair = request.args.get("pair", "")
        m = re.fullmatch(r"([A-Z]{3}|X-[A-Z0-9-]+)-([A-Z]{3})", pair)
        if kind not in ("stack", "timeline") or m is None:
            return html_response(not_found_page("No such chart data.", data), 404)
        frame = chart_frame(data, kind, m.group(1), m.group(2))
        body = frame.to_csv(index=False, lineterminator="\n")
        return Response(
            body,
            mimetype="text/csv",
            headers={
                "Content-Disposition": f'attachment; filename="{kind}-{m.group(1)}-{m.group(2)}.csv"'
            },
        )

    # Writes are not offered: refuse anything but reads outside Dash's own callback endpoint.
    # Paths no page or file answers to get a real 404 (Dash would serve its index for any path).
    @server.before_request
    def _guard() -> Any:
        if request.method not in ("GET", "HEAD", "OPTIONS") and not request.path.startswith(
            "/_dash-"
        ):
            abort(405)
        rule = request.url_rule.rule if request.url_rule is not None else ""
        if rule.endswith("<path:path>") and request.path.rstrip("/") not in APP_PAGES:
            return html_response(not_found_page("There is no page at this address.", data), 404)
        return None


CHART_COLUMNS = [
    "chart_part",
    "measure",
    "status",
    "value",
    "unit",
    "qualifier",
    "display",
    "date_from",
    "date_to",
    "n_sources",
    "conflict",
    "fact_id",
    "claim_id",
    "source_id",
    "publisher",
    "quote",
    "link",
]


def chart_frame(data: DashboardData, kind: str, imposer: str, target: str) -> Any:
    """The rows a chart draws, with the claim each mark links to."""
    import pandas as pd

    if kind == "stack":
        st = stack_frame(data, imposer, target)
        st = st.assign(
            chart_part=[f"{b} ({k})" for b, k in zip(st["bar"], st["bar_kind"], strict=True)]
        )
        frames = [st]
    else:
        rates, events = timeline_frames(data, imposer, target)
        frames = [rates.assign(chart_part="rate"), events.assign(chart_part="event")]
    out = pd.concat([f.reindex(columns=CHART_COLUMNS) for f in frames], ignore_index=True)
    return out


def html_response(body: str, status: int) -> Response:
    resp = Response(body, status=status, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = STATIC_CSP
    return resp


def page(title: str, body: Markup | str, data: DashboardData) -> str:
    nav = Markup("").join(Markup('<li><a href="{}">{}</a></li>').format(h, t) for h, t in NAV)
    version = f" · package v{data.version}" if data.version else ""
    return Markup(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>{title} · tariff-ledger</title>"
        '<link rel="stylesheet" href="/assets/style.css"></head>'
        '<body class="static"><a class="skip-link" href="#main">Skip to content</a>'
        '<header class="site-header"><div class="brand-row"><a class="brand" href="/">tariff-ledger</a>'
        '<span class="tagline">Tariffs from the news, each figure linked to its sentence</span></div>'
        '<nav aria-label="Main"><ul>{nav}</ul></nav></header>'
        '<main id="main"><div class="page">{body}</div></main>'
        '<footer class="site-footer">tariff-ledger{version}</footer></body></html>'
    ).format(title=title, nav=nav, body=body, version=version)


def not_found_page(message: str, data: DashboardData) -> str:
    body = Markup(
        '<h1>Not found</h1><p>{}</p><p><a href="/">Back to the overview</a> · '
        '<a href="/claims">Browse all claims</a></p>'
    ).format(message)
    return page("Not found", body, data)


def _safe_url(url: Any) -> str:
    """Only http(s) URLs become links; anything else (javascript:, data:) is shown as text."""
    if not isinstance(url, str) or not url:
        return ""
    p = urlparse(url)
    return url if p.scheme in ("http", "https") and p.netloc else ""


def render_source(data: DashboardData, row: dict[str, Any]) -> str:
    sid = str(row["source_id"])
    claims = data.source_claims(sid)
    text = data.source_text(sid)
    title = row.get("title") or f"Untitled article ({sid})"
    url = row.get("url") or ""
    link = _safe_url(url)
    published = row.get("published")
    pub = f"{published:%-d %B %Y}" if is_date(published) else str(published or "—")
    basis = DATE_BASIS.get(str(row.get("date_basis")), str(row.get("date_basis") or ""))
    meta = [
        ("Outlet", row.get("publisher") or "not named in the text"),
        ("Author", row.get("author") or "not named in the text"),
        ("Published", Markup('{} <span class="muted">({})</span>').format(pub, basis)),
        ("Date and metadata note", row.get("date_note") or "—"),
        (
            "URL",
            Markup('<a href="{0}" rel="noopener noreferrer">{0}</a>').format(link)
            if link
            else (url or "not known (never guessed)"),
        ),
        (
            "Counted as",
            Markup("origin <code>{}</code> (copy from one origin counts as one source)").format(
                row.get("origin") or ""
            ),
        ),
        (
            "File",
            Markup('<code>{}</code> · {} characters · SHA-256 <code class="hash">{}</code>').format(
                row.get("file") or "", row.get("chars") or "?", row.get("sha256") or ""
            ),
        ),
        ("Claims", f"{len(claims)} read from this article"),
    ]
    dl = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(k, v) for k, v in meta)
    anchored: set[str] = set()
    if text is not None:
        ok = [
            0 <= int(st) < int(en) <= len(text) and text[int(st) : int(en)] == m
            for st, en, m in zip(claims["start"], claims["end"], claims["mention"], strict=True)
        ]
        fits = claims[ok] if len(claims) else claims
        anchored = set(fits["claim_id"])
        warn = Markup("")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != (row.get("sha256") or ""):
            warn += Markup(
                '<p class="banner banner-warn" role="note">This article\'s file has changed since '
                "the package was built (its SHA-256 differs), so highlights may be off. Rebuild "
                "with <code>tariffs build</code>.</p>"
            )
        if len(fits) < len(claims):
            warn += Markup(
                '<p class="banner banner-warn" role="note">{} claim(s) do not match the text at '
                "their offsets and are listed below without a highlight.</p>"
            ).format(len(claims) - len(fits))
        article = warn + Markup('<div class="article-text" lang="en">{}</div>').format(
            render_text(text, fits)
        )
    else:
        article = Markup(
            '<p class="banner banner-warn" role="note">The article\'s text file <code>{}</code> is not '
            "in the package folder, so the text cannot be shown; its claims and their quotes are "
            "listed below.</p>"
        ).format(row.get("file") or "")
    body = Markup(
        '<p class="crumbs"><a href="/claims?source_id={sid_q}">All claims from this article</a></p>'
        '<h1>{title}</h1><dl class="meta">{dl}</dl>'
        "<h2>Full text, claims highlighted</h2>"
        '<p class="muted">Each highlighted figure or date is a claim; the sentence of the one you '
        "followed a link to is marked.</p>{article}"
        "<h2>Claims in this article</h2>{table}"
    ).format(sid_q=sid, title=title, dl=dl, article=article, table=claims_table(claims, anchored))
    return page(str(title), body, data)


def render_text(text: str, claims: Any) -> Markup:
    """The text with each claim's sentence wrapped and its mention marked; all escaped."""
    regions = []
    for r in claims.to_dict("records"):
        try:
            span = sentence_span(text, str(r.get("quote") or ""), int(r["start"]))
        except (TypeError, ValueError):
            span = None
        if span:
            regions.append(span)
    merged: list[list[int]] = []
    for a, b in sorted(regions):
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    bounds = sorted({x for ab in merged for x in ab})
    out: list[Markup] = []
    pos = 0
    seen: set[str] = set()
    current: int | None = None
    for piece, cover in _split(highlight_segments(text, claims), bounds):
        start = pos
        pos += len(piece)
        here = next((i for i, (a, b) in enumerate(merged) if a <= start < b), None)
        if here != current:
            if current is not None:
                out.append(Markup("</span>"))
            if here is not None:
                out.append(Markup('<span class="sentence">'))
            current = here
        if not cover:
            out.append(escape(piece))
            continue
        starting = [c for c in cover if int(c["start"]) == start and c["claim_id"] not in seen]
        seen.update(c["claim_id"] for c in starting)
        tip = "; ".join(_claim_tip(c) for c in cover)
        aliases = Markup("").join(
            Markup('<span class="alias" id="{}"></span>').format(c["claim_id"])
            for c in starting[1:]
        )
        if starting:
            out.append(
                Markup('<mark class="claim" id="{}" title="{}">{}{}</mark>').format(
                    starting[0]["claim_id"], tip, aliases, piece
                )
            )
        else:
            out.append(Markup('<mark class="claim" title="{}">{}</mark>').format(tip, piece))
    if current is not None:
        out.append(Markup("</span>"))
    return Markup("").join(out)


def _split(
    segments: list[tuple[str, list[dict[str, Any]]]], bounds: list[int]
) -> list[tuple[str, list[dict[str, Any]]]]:
    """Cut segments further at sentence-region bounds so spans nest properly."""
    out = []
    pos = 0
    for piece, cover in segments:
        a, b = pos, pos + len(piece)
        cuts = [x for x in bounds if a < x < b]
        last = a
        for x in [*cuts, b]:
            out.append((piece[last - a : x - a], cover))
            last = x
        pos = b
    return out


def _claim_tip(c: dict[str, Any]) -> str:
    bits = [
        measure_name(str(c.get("measure"))),
        format_value(c.get("value"), c.get("unit"), c.get("qualifier")),
    ]
    bits.append(STATUS_LABEL.get(str(c.get("status")), ""))
    per = format_period(c.get("date_from"), c.get("date_to"))
    if per:
        bits.append(per)
    return " · ".join(b for b in bits if b)


def claims_table(claims: Any, anchored: set[str]) -> Markup:
    """The article's claims; a row carries the claim's anchor id when the text cannot."""
    if not len(claims):
        return Markup('<p class="muted">No claims were read from this article.</p>')
    rows = []
    for c in claims.to_dict("records"):
        parties = " → ".join(
            party_name(str(p))
            for p in (c.get("imposer"), c.get("target"))
            if isinstance(p, str) and p
        )
        rows.append(
            Markup(
                '<tr id="{rid}"><td><a href="#{cid}">{cid}</a></td><td>{mention}</td><td>{measure}</td>'
                '<td class="num">{value}</td><td>{parties}</td><td>{status}</td><td>{period}</td><td class="quote">{quote}</td></tr>'
            ).format(
                rid=("row-" if c["claim_id"] in anchored else "") + str(c["claim_id"]),
                cid=c["claim_id"],
                mention=c.get("mention") or "",
                measure=measure_name(str(c.get("measure"))),
                value=format_value(c.get("value"), c.get("unit"), c.get("qualifier")),
                parties=parties,
                status=STATUS_LABEL.get(str(c.get("status")), c.get("status")),
                period=format_period(c.get("date_from"), c.get("date_to")),
                quote=c.get("quote") or "",
            )
        )
    return Markup(
        '<div class="table-wrap"><table class="claims-list"><thead><tr><th scope="col">Claim</th><th scope="col">Mention</th>'
        '<th scope="col">Measure</th><th scope="col">Value</th><th scope="col">Parties</th><th scope="col">Status</th>'
        '<th scope="col">Period</th><th scope="col">Quote</th></tr></thead><tbody>{}</tbody></table></div>'
    ).format(Markup("").join(rows))
