"""A small, self-contained sample package for the dashboard's tests, demos and screenshots.

:func:`write_sample_package` writes seeds/*.txt, data/*.csv (headers from the schemas) and a
datapackage.json (schemas inline, as the build writes them) under a folder. Offsets are
computed from the texts, so every claim points at its mention. It includes a US→India stack
(two layers in force, a stated total on which sources disagree, a discussed waiver), a
conditional secondary tariff (countries doing business with Iran) with India–Iran trade under
USD 2 billion, dated events at day and month precision, and an article whose text contains
HTML/script tags (it must show literally).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from datapkg.schema import RESOURCES, field_names, load_schema

TEXTS: dict[str, tuple[dict[str, Any], str]] = {
    "pti-2026-01-29-sample": (
        {
            "publisher": "PTI",
            "origin": "pti",
            "title": "",
            "author": "",
            "published": "2026-01-29",
            "date_basis": "header_line",
            "date_note": "First line ' date 2026-01-29'.",
            "url": "",
        },
        " date 2026-01-29 New Delhi, Jan 29 (PTI) External Affairs Minister S Jaishankar on "
        "Thursday held talks with US Ambassador Sergio Gor.\n\nHowever, the talks hit a roadblock "
        "after President Donald Trump slapped whopping 50-per cent tariffs on Indian goods, "
        "including a 25-per cent punitive levy over Russian oil purchases, in August last year.\n",
    ),
    "indianexpress-2026-01-30-sample": (
        {
            "publisher": "The Indian Express",
            "origin": "indianexpress",
            "author": "Shubhajit Roy",
            "title": "Jaishankar meets Ambassador Gor ahead of US visit",
            "published": "2026-01-30",
            "date_basis": "updated_stamp",
            "date_note": "Page stamp 'Updated: Jan 30, 2026'.",
            "url": "https://example.org/jaishankar-gor",
        },
        "Jaishankar meets Ambassador Gor ahead of US visit\n\nJaishankar is likely to attend the "
        "inaugural ministerial meeting on critical mineral supply chains on February 4.\n\nThe "
        "trade deal negotiations are key, since India is facing 50 pc tariffs from the US since "
        "August last year.\n\nSources said waiver of the 25 per cent tariff penalty is one that "
        "can relieve the relationship stress.\n",
    ),
    "gibn-2026-01-sample": (
        {
            "publisher": "Global India Broadcast News",
            "origin": "gibn",
            "author": "Anand Kumar",
            "title": "Jaishankar meets Sergio Gor",
            "published": "2026-01-29",
            "date_basis": "inferred",
            "date_note": "No date in the text; inferred from the meeting 'on Thursday'.",
            "url": "",
        },
        "Jaishankar meets Sergio Gor\n\nGor took office amid strain over Trump's 55% tariff on "
        "Indian exports.\n\nTalks stalled after Trump imposed a 25% reciprocal tariff on Indian "
        "goods and followed it up with a 25% punitive tariff on Russian oil purchases.\n",
    ),
    "unnamed-2026-01-13-sample": (
        {
            "publisher": "",
            "origin": "unnamed-2026-01-13-sample",
            "author": "",
            "title": "",
            "published": "2026-01-13",
            "date_basis": "header_line",
            "date_note": "First line ' date 2026-01-13'; the text names no outlet.",
            "url": "",
        },
        " date 2026-01-13 Jaishankar held a phone conversation with Marco Rubio on Tuesday "
        "(January 13).\n\nThe conversation coincided with Trump's announcement of a 25 per cent "
        "tariff on countries doing business with Iran. Officials noted the measure is expected to "
        "have minimal impact on India, as bilateral trade with Iran is under USD 2 billion.\n",
    ),
    "xss-2026-01-20-sample": (
        {
            "publisher": "Test <b>Outlet</b>",
            "origin": "xss-outlet",
            "author": "<script>alert(1)</script>",
            "title": "<img src=x onerror=alert(2)> Tariffs",
            "published": "2026-01-20",
            "date_basis": "supplied",
            "date_note": "A test article whose text contains markup.",
            "url": "javascript:alert(3)",
        },
        "<img src=x onerror=alert(2)> Tariffs\n\n<script>window.__xss = 1; alert('xss')</script>\n\n"
        "The US keeps a 10% tariff on <b>Chinese</b> goods & more.\n",
    ),
}


def _claim(
    sid: str, text: str, quote: str, mention: str, n: int = 0, nth: int = 0, **fields: Any
) -> dict[str, Any]:
    q0 = text.index(quote)
    at = -1
    for _ in range(nth + 1):
        at = quote.index(mention, at + 1)
    start = q0 + at
    end = start + len(mention)
    cid = f"{sid}-{start}-{end}" + (f"-{n}" if n else "")
    row: dict[str, Any] = {name: "" for name in field_names("claims")}
    row.update(
        claim_id=cid,
        source_id=sid,
        start=start,
        end=end,
        mention=mention,
        quote=quote,
        qualifier="exact",
        rule="sample.rule",
        status="in_force",
    )
    row.update(fields)
    return row


def sample_rows() -> dict[str, list[dict[str, Any]]]:
    """The rows of the sample package, keyed by resource."""
    t = {sid: text for sid, (_, text) in TEXTS.items()}
    pti, ie, gibn, un, xss = list(TEXTS)
    s_pti = (
        "However, the talks hit a roadblock after President Donald Trump slapped whopping "
        "50-per cent tariffs on Indian goods, including a 25-per cent punitive levy over "
        "Russian oil purchases, in August last year."
    )
    s_ie = "The trade deal negotiations are key, since India is facing 50 pc tariffs from the US since August last year."
    s_waive = "Sources said waiver of the 25 per cent tariff penalty is one that can relieve the relationship stress."
    s_min = "Jaishankar is likely to attend the inaugural ministerial meeting on critical mineral supply chains on February 4."
    s_g1 = "Gor took office amid strain over Trump's 55% tariff on Indian exports."
    s_g2 = (
        "Talks stalled after Trump imposed a 25% reciprocal tariff on Indian goods and followed it "
        "up with a 25% punitive tariff on Russian oil purchases."
    )
    s_call = "Jaishankar held a phone conversation with Marco Rubio on Tuesday (January 13)."
    s_iran = (
        "The conversation coincided with Trump's announcement of a 25 per cent tariff on "
        "countries doing business with Iran."
    )
    s_trade = (
        "Officials noted the measure is expected to have minimal impact on India, as bilateral "
        "trade with Iran is under USD 2 billion."
    )
    s_meet = (
        "New Delhi, Jan 29 (PTI) External Affairs Minister S Jaishankar on Thursday held talks "
        "with US Ambassador Sergio Gor."
    )
    s_xss = "The US keeps a 10% tariff on <b>Chinese</b> goods & more."
    aug: dict[str, Any] = {
        "date_from": "2025-08-01",
        "date_to": "2025-08-31",
        "date_text": "August last year",
    }
    since: dict[str, Any] = {
        "date_from": "2025-08-01",
        "date_to": "",
        "date_text": "since August last year",
    }
    rate: dict[str, Any] = {
        "kind": "tariff_rate",
        "unit": "percent",
        "imposer": "USA",
        "target": "IND",
    }
    c = {
        "tot_pti": _claim(
            pti, t[pti], s_pti, "50-per cent", value=50, measure="tariff_total", **rate, **aug
        ),
        "pen_pti": _claim(
            pti,
            t[pti],
            s_pti,
            "25-per cent",
            value=25,
            measure="tariff_penalty_russian_oil",
            **rate,
            **aug,
        ),
        "aug_pti": _claim(
            pti,
            t[pti],
            s_pti,
            "August last year",
            kind="date",
            measure="event_tariff_change",
            imposer="USA",
            target="IND",
            **aug,
        ),
        "meet_pti": _claim(
            pti,
            t[pti],
            s_meet,
            "Thursday",
            kind="date",
            measure="event_meeting",
            imposer="IND",
            target="USA",
            date_from="2026-01-29",
            date_to="2026-01-29",
            date_text="Thursday",
        ),
        "tot_ie": _claim(
            ie, t[ie], s_ie, "50 pc", value=50, measure="tariff_total", **rate, **since
        ),
        "waive_ie": _claim(
            ie,
            t[ie],
            s_waive,
            "25 per cent",
            value=25,
            measure="tariff_penalty_russian_oil",
            **{**rate, "status": "proposed"},
        ),
        "min_ie": _claim(
            ie,
            t[ie],
            s_min,
            "February 4",
            kind="date",
            measure="event_ministerial",
            imposer="IND",
            target="USA",
            status="announced",
            date_from="2026-02-04",
            date_to="2026-02-04",
            date_text="February 4",
        ),
        "tot_gibn": _claim(gibn, t[gibn], s_g1, "55%", value=55, measure="tariff_total", **rate),
        "rec_gibn": _claim(
            gibn, t[gibn], s_g2, "25%", value=25, measure="tariff_reciprocal", **rate
        ),
        "pen_gibn": _claim(
            gibn,
            t[gibn],
            s_g2,
            "25%",
            nth=1,
            value=25,
            measure="tariff_penalty_russian_oil",
            **rate,
        ),
        "call_un": _claim(
            un,
            t[un],
            s_call,
            "Tuesday (January 13)",
            kind="date",
            measure="event_call",
            imposer="IND",
            target="USA",
            date_from="2026-01-13",
            date_to="2026-01-13",
            date_text="Tuesday (January 13)",
        ),
        "sec_un": _claim(
            un,
            t[un],
            s_iran,
            "25 per cent",
            value=25,
            measure="tariff_secondary",
            kind="tariff_rate",
            unit="percent",
            imposer="USA",
            target="X-IRN-PARTNERS",
            status="announced",
        ),
        "trade_un": _claim(
            un,
            t[un],
            s_trade,
            "under USD 2 billion",
            kind="trade_value",
            value=2e9,
            unit="USD",
            qualifier="upper_bound",
            measure="bilateral_trade",
            imposer="IND",
            target="IRN",
            status="unknown",
        ),
        "xss": _claim(
            xss,
            t[xss],
            s_xss,
            "10%",
            value=10,
            measure="tariff_total",
            kind="tariff_rate",
            unit="percent",
            imposer="USA",
            target="CHN",
        ),
    }

    def fact(
        fid: str,
        ftype: str,
        measure: str,
        imp: str,
        tgt: str,
        status: str,
        value: Any,
        unit: str,
        label: str,
        n_claims: int,
        n_sources: int,
        qualifier: str = "exact",
        conflict: bool = False,
        note: str = "",
        dfrom: str = "",
        dto: str = "",
    ) -> dict[str, Any]:
        row: dict[str, Any] = {name: "" for name in field_names("facts")}
        row.update(
            fact_id=fid,
            fact_type=ftype,
            measure=measure,
            imposer=imp,
            target=tgt,
            status=status,
            value=value,
            unit=unit,
            qualifier=qualifier,
            date_from=dfrom,
            date_to=dto,
            label=label,
            n_claims=n_claims,
            n_sources=n_sources,
            derived="false",
            conflict=str(conflict).lower(),
            conflict_note=note,
        )
        return row

    facts = [
        fact(
            "tariff_total.usa.ind.in_force.2025-08",
            "tariff_total",
            "tariff_total",
            "USA",
            "IND",
            "in_force",
            50,
            "percent",
            "US tariff on India: 50% in force since August 2025",
            2,
            2,
            conflict=True,
            note="gibn-2026-01-sample gives 55%",
            dfrom="2025-08-01",
            dto="2025-08-31",
        ),
        fact(
            "tariff_reciprocal.usa.ind.in_force",
            "tariff_component",
            "tariff_reciprocal",
            "USA",
            "IND",
            "in_force",
            25,
            "percent",
            "US reciprocal tariff on India: 25%",
            1,
            1,
        ),
        fact(
            "tariff_penalty_russian_oil.usa.ind.in_force.2025-08",
            "tariff_component",
            "tariff_penalty_russian_oil",
            "USA",
            "IND",
            "in_force",
            25,
            "percent",
            "US Russian-oil penalty on India: 25%",
            2,
            2,
            dfrom="2025-08-01",
            dto="2025-08-31",
        ),
        fact(
            "tariff_penalty_russian_oil.usa.ind.proposed",
            "tariff_component",
            "tariff_penalty_russian_oil",
            "USA",
            "IND",
            "proposed",
            25,
            "percent",
            "Waiver of the 25% Russian-oil penalty discussed",
            1,
            1,
        ),
        fact(
            "tariff_secondary.usa.x-irn-partners.announced",
            "tariff_component",
            "tariff_secondary",
            "USA",
            "X-IRN-PARTNERS",
            "announced",
            25,
            "percent",
            "US secondary tariff on countries doing business with Iran: 25%",
            1,
            1,
        ),
        fact(
            "bilateral_trade.ind.irn",
            "trade_figure",
            "bilateral_trade",
            "IND",
            "IRN",
            "unknown",
            2e9,
            "USD",
            "India–Iran bilateral trade: under USD 2 billion",
            1,
            1,
            qualifier="upper_bound",
        ),
        fact(
            "event_call.ind.usa.2026-01-13",
            "event",
            "event_call",
            "IND",
            "USA",
            "in_force",
            "",
            "",
            "Jaishankar–Rubio phone call",
            1,
            1,
            dfrom="2026-01-13",
            dto="2026-01-13",
        ),
        fact(
            "event_meeting.ind.usa.2026-01-29",
            "event",
            "event_meeting",
            "IND",
            "USA",
            "in_force",
            "",
            "",
            "Jaishankar meets Ambassador Gor",
            1,
            1,
            dfrom="2026-01-29",
            dto="2026-01-29",
        ),
        fact(
            "event_ministerial.ind.usa.2026-02-04",
            "event",
            "event_ministerial",
            "IND",
            "USA",
            "announced",
            "",
            "",
            "Critical minerals ministerial (scheduled)",
            1,
            1,
            dfrom="2026-02-04",
            dto="2026-02-04",
        ),
        fact(
            "event_tariff_change.usa.ind.2025-08",
            "event",
            "event_tariff_change",
            "USA",
            "IND",
            "in_force",
            "",
            "",
            "US tariffs on India raised to 50%",
            1,
            1,
            dfrom="2025-08-01",
            dto="2025-08-31",
        ),
        fact(
            "tariff_total.usa.chn.in_force",
            "tariff_total",
            "tariff_total",
            "USA",
            "CHN",
            "in_force",
            10,
            "percent",
            "US tariff on China: 10% <script>alert(4)</script>",
            1,
            1,
        ),
    ]
    ev = [
        ("tariff_total.usa.ind.in_force.2025-08", "tot_pti", "states"),
        ("tariff_total.usa.ind.in_force.2025-08", "tot_ie", "states"),
        ("tariff_total.usa.ind.in_force.2025-08", "tot_gibn", "disagrees"),
        ("tariff_reciprocal.usa.ind.in_force", "rec_gibn", "states"),
        ("tariff_penalty_russian_oil.usa.ind.in_force.2025-08", "pen_pti", "states"),
        ("tariff_penalty_russian_oil.usa.ind.in_force.2025-08", "pen_gibn", "states"),
        ("tariff_penalty_russian_oil.usa.ind.proposed", "waive_ie", "states"),
        ("tariff_secondary.usa.x-irn-partners.announced", "sec_un", "states"),
        ("bilateral_trade.ind.irn", "trade_un", "states"),
        ("event_call.ind.usa.2026-01-13", "call_un", "states"),
        ("event_meeting.ind.usa.2026-01-29", "meet_pti", "states"),
        ("event_ministerial.ind.usa.2026-02-04", "min_ie", "states"),
        ("event_tariff_change.usa.ind.2025-08", "aug_pti", "states"),
        ("tariff_total.usa.chn.in_force", "xss", "states"),
    ]
    evidence = [{"fact_id": f, "claim_id": c[k]["claim_id"], "role": r} for f, k, r in ev]
    sources = []
    for i, (sid, (meta, text)) in enumerate(TEXTS.items()):
        row: dict[str, Any] = {name: "" for name in field_names("sources")}
        row.update(meta)
        row.update(
            source_id=sid,
            file=f"seeds/{i:03d}_{sid}.txt",
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            chars=len(text),
        )
        sources.append(row)
    claims = sorted(c.values(), key=lambda r: r["claim_id"])
    facts.sort(key=lambda r: r["fact_id"])
    evidence.sort(key=lambda r: (r["fact_id"], r["claim_id"]))
    return {"sources": sources, "claims": claims, "facts": facts, "evidence": evidence}


def write_csv(path: Path, resource: str, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    names = field_names(resource)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=names, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in names})


def descriptor(created: str = "2026-01-31T12:00:00Z", version: str = "0.1.0") -> dict[str, Any]:
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "tariff-ledger-sample",
        "title": "tariff-ledger sample package",
        "version": version,
        "created": created,
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "resources": [
            {
                "name": r,
                "type": "table",
                "path": f"data/{r}.csv",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": load_schema(r),
            }
            for r in RESOURCES
        ],
    }


def write_sample_package(
    root: Path,
    rows: dict[str, list[dict[str, Any]]] | None = None,
    *,
    texts: bool = True,
    extras: bool = True,
) -> Path:
    """Write the sample package (or *rows*) under *root*; returns root."""
    root = Path(root)
    rows = rows if rows is not None else sample_rows()
    if texts:
        for row in rows["sources"]:
            sid = row["source_id"]
            if sid in TEXTS:
                p = root / row["file"]
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(TEXTS[sid][1].encode("utf-8"))
    for r in RESOURCES:
        write_csv(root / "data" / f"{r}.csv", r, rows[r])
    (root / "datapackage.json").write_text(json.dumps(descriptor(), indent=2) + "\n", "utf-8")
    if extras:
        (root / "README.md").write_text("# Sample package\n", "utf-8")
        (root / "LICENSE").write_text("MIT (code); CC-BY-4.0 (data)\n", "utf-8")
    return root


def scaled_claims(n: int) -> list[dict[str, Any]]:
    """n claims cycling over the sample's claims with distinct ids (for load tests)."""
    base = sample_rows()["claims"]
    out = []
    for i in range(n):
        r = dict(base[i % len(base)])
        r["claim_id"] = f"{r['source_id']}-{i + 100000}-{i + 100001}"
        r["start"], r["end"] = i + 100000, i + 100001
        r["date_from"] = r["date_to"] = (
            dt.date(2025, 1, 1) + dt.timedelta(days=i % 365)
        ).isoformat()
        r["date_text"] = "a day"
        out.append(r)
    return out
