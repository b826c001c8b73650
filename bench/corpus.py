"""Fixed-seed synthetic corpus: news-like articles and ready-made data packages of any size.

Two products, both deterministic for a given seed:

* :func:`articles` / :func:`write_project` - article texts made from template sentences with
  random figures, countries, units and dates, laid out like the repository (``seeds/*.txt`` and
  ``seeds/sources.yml``), optionally with the real seeds copied in; input for ``tariffs build``
  and for extraction throughput.
* :func:`write_package` - a *valid* data package (datapackage.json, data/*.csv and the seed
  texts its offsets point into) with any number of claims, written directly without the
  extractor: input for ``tariffs validate`` and ``frictionless validate`` at scale. Claims are
  grouped into facts exactly as the validator checks them (same measure, parties, status,
  value, period), so the package is valid by construction.

Headers come from :mod:`datapkg.schema`; the descriptor from :mod:`datapkg.descriptor`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from datapkg.schema import field_names

REPO = Path(__file__).resolve().parent.parent

COUNTRIES = [
    ("USA", "the United States"),
    ("IND", "India"),
    ("CHN", "China"),
    ("BRA", "Brazil"),
    ("CAN", "Canada"),
    ("MEX", "Mexico"),
    ("JPN", "Japan"),
    ("KOR", "South Korea"),
    ("DEU", "Germany"),
    ("FRA", "France"),
    ("GBR", "Britain"),
    ("VNM", "Vietnam"),
    ("IDN", "Indonesia"),
    ("ZAF", "South Africa"),
    ("AUS", "Australia"),
    ("CHE", "Switzerland"),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PUBLISHERS = [
    ("PTI", "pti"),
    ("ANI", "ani"),
    ("Reuters", "reuters"),
    ("The Indian Express", "indianexpress"),
    ("Business Standard", "business-standard"),
]

# (template, figures): each {slot} is a figure whose mention is recorded as a claim.
# Slots: rate (n%), rate2, money (USD n billion), inr (Rs n crore), days (n days),
# tonnes (n lakh tonnes), date (Month d, yyyy), pct (n per cent change).
TEMPLATES = [
    "{imp} imposed a tariff of {rate} on goods from {tgt} on {date}, officials said.",
    "Goods from {tgt} now face a total tariff of {rate} in {imp}; a trade deal would cut it to {rate2}.",
    "Bilateral trade between {imp} and {tgt} stood at {money} last year.",
    "Exports from {tgt} to {imp} fell by {pct} after the duties took effect.",
    "{imp} announced a {rate} tariff on {tgt} that is set to take effect on {date}.",
    "The government said losses could reach {inr} if the tariffs stay in place.",
    "Officials from {imp} and {tgt} met on {date} to discuss the trade deal.",
    "{imp} paused the tariffs on {tgt} for {days} while talks continue.",
    "{tgt} shipped {tonnes} of steel to {imp} in the last fiscal year.",
    "Analysts expect the {rate} duty to cut exports by {pct}.",
]


def _fmt_rate(rng: random.Random) -> tuple[str, float, str]:
    v = rng.choice([10, 15, 20, 25, 26, 30, 34, 35, 40, 50, 54, 60, 100, 125, 145])
    return f"{v}%", float(v), "percent"


def _fmt_money(rng: random.Random) -> tuple[str, float, str]:
    v = rng.randint(2, 900) / (10 if rng.random() < 0.3 else 1)
    return f"USD {v:g} billion", v * 1e9, "USD"


def _fmt_inr(rng: random.Random) -> tuple[str, float, str]:
    v = rng.randint(1, 90) * 1000
    return f"Rs {v:,} crore", v * 1e7, "INR"


def _fmt_pct(rng: random.Random) -> tuple[str, float, str]:
    v = rng.randint(1, 60)
    return f"{v} per cent", float(v), "percent"


def _fmt_days(rng: random.Random) -> tuple[str, float, str]:
    v = rng.choice([30, 60, 90, 120, 180])
    return f"{v} days", float(v), "day"


def _fmt_tonnes(rng: random.Random) -> tuple[str, float, str]:
    v = rng.randint(1, 40)
    return f"{v} lakh tonnes", v * 1e5, "tonne"


def _fmt_date(rng: random.Random) -> tuple[str, dt.date, str]:
    d = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 540))
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}", d, ""


# slot -> (formatter, kind, measure)
SLOTS: dict[str, tuple[Any, str, str]] = {
    "rate": (_fmt_rate, "tariff_rate", "tariff_total"),
    "rate2": (_fmt_rate, "tariff_rate", "tariff_deal"),
    "money": (_fmt_money, "trade_value", "bilateral_trade"),
    "inr": (_fmt_inr, "trade_value", "economic_loss"),
    "pct": (_fmt_pct, "change", "exports_decrease"),
    "days": (_fmt_days, "quantity", "duration"),
    "tonnes": (_fmt_tonnes, "quantity", "mass"),
    "date": (_fmt_date, "date", "event_tariff_change"),
}


@dataclass
class Article:
    source_id: str
    file: str  # relative to the project root: seeds/<name>.txt
    published: dt.date
    publisher: str
    origin: str
    text: str
    claims: list[dict[str, Any]] = field(default_factory=list)


def _sentence(rng: random.Random, base: int, published: dt.date) -> tuple[str, list[dict]]:
    """One sentence and its figures (offsets relative to *base*)."""
    template = rng.choice(TEMPLATES)
    (imp, imp_name), (tgt, tgt_name) = rng.sample(COUNTRIES, 2)
    out, figures, pos, i = [], [], base, 0
    status = "announced" if "set to" in template or "expect" in template else "in_force"
    while i < len(template):
        j = template.find("{", i)
        if j < 0:
            out.append(template[i:])
            break
        out.append(template[i:j])
        pos += j - i
        k = template.index("}", j)
        slot = template[j + 1 : k]
        if slot in ("imp", "tgt"):
            word = imp_name if slot == "imp" else tgt_name
            if j == 0:
                word = word[0].upper() + word[1:]
        else:
            fmt, kind, measure = SLOTS[slot]
            word, value, unit = fmt(rng)
            figures.append(
                {
                    "start": pos,
                    "end": pos + len(word),
                    "mention": word,
                    "kind": kind,
                    "measure": measure,
                    "value": value,
                    "unit": unit,
                    "imp": imp,
                    "tgt": tgt,
                    "status": status,
                }
            )
        out.append(word)
        pos += len(word)
        i = k + 1
    sentence = "".join(out)
    for f in figures:
        f["quote"] = sentence
    return sentence, figures


def _claim_rows(source_id: str, figures: list[dict], published: dt.date) -> list[dict]:
    rows = []
    for f in figures:
        is_date = f["kind"] == "date"
        d = f["value"] if is_date else None
        rows.append(
            {
                "claim_id": f"{source_id}-{f['start']}-{f['end']}",
                "source_id": source_id,
                "start": f["start"],
                "end": f["end"],
                "mention": f["mention"],
                "quote": f["quote"],
                "kind": f["kind"],
                "value": None if is_date else f["value"],
                "unit": f["unit"],
                "qualifier": "exact",
                "measure": f["measure"],
                "imposer": f["imp"],
                "target": f["tgt"],
                "status": f["status"],
                "date_from": d,
                "date_to": d,
                "date_text": f["mention"] if is_date else "",
                "rule": "bench.synthetic",
            }
        )
    return rows


def articles(
    n: int, seed: int = 0, sentences: tuple[int, int] = (8, 16), start: int = 0
) -> Iterator[Article]:
    """*n* synthetic articles (deterministic for *seed*), each with its claims."""
    rng = random.Random(seed)
    for idx in range(start, start + n):
        published = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 540))
        publisher, origin = rng.choice(PUBLISHERS)
        header = f" date {published.isoformat()} "
        parts, figures, pos = [header], [], len(header)
        for s in range(rng.randint(*sentences)):
            if s:
                sep = "\n\n" if rng.random() < 0.3 else " "
                parts.append(sep)
                pos += len(sep)
            sentence, figs = _sentence(rng, pos, published)
            parts.append(sentence)
            figures.extend(figs)
            pos += len(sentence)
        parts.append("\n")
        source_id = f"syn-{idx:07d}"
        yield Article(
            source_id=source_id,
            file=f"seeds/syn_{idx:07d}.txt",
            published=published,
            publisher=publisher,
            origin=origin,
            text="".join(parts),
            claims=_claim_rows(source_id, figures, published),
        )


def texts(n: int, seed: int = 0) -> list[str]:
    """The texts alone (extraction throughput)."""
    return [a.text for a in articles(n, seed)]


def real_seed_texts() -> list[str]:
    meta = yaml.safe_load((REPO / "seeds" / "sources.yml").read_text("utf-8"))["sources"]
    return [(REPO / m["file"]).read_text("utf-8") for m in meta]


def write_project(root: Path, n: int, seed: int = 0, with_real_seeds: bool = True) -> Path:
    """A project folder for ``tariffs build --root``: seeds/*.txt and seeds/sources.yml."""
    root = Path(root)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    if with_real_seeds:
        meta = yaml.safe_load((REPO / "seeds" / "sources.yml").read_text("utf-8"))["sources"]
        for m in meta:
            shutil.copyfile(REPO / m["file"], root / m["file"])
            rows.append(m)
    for a in articles(n, seed):
        (root / a.file).write_text(a.text, encoding="utf-8", newline="")
        rows.append(
            {
                "source_id": a.source_id,
                "file": a.file,
                "publisher": a.publisher,
                "origin": a.origin,
                "author": "",
                "title": "",
                "published": a.published,
                "date_basis": "header_line",
                "date_note": "synthetic (bench.corpus)",
                "url": "",
            }
        )
    with (root / "seeds" / "sources.yml").open("w", encoding="utf-8") as fh:
        yaml.safe_dump({"sources": rows}, fh, sort_keys=False, allow_unicode=True)
    return root


# ------------------------------------------------------------------ ready-made packages
def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e17 else repr(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


class _Facts:
    """Facts keyed as the validator's evidence checks expect (one value per fact)."""

    TYPES = {
        "tariff_total": "tariff_total",
        "tariff_deal": "tariff_component",
        "bilateral_trade": "trade_figure",
        "economic_loss": "trade_figure",
        "exports_decrease": "change",
        "duration": "quantity",
        "mass": "quantity",
        "event_tariff_change": "event",
    }

    def __init__(self) -> None:
        self.facts: dict[tuple, dict[str, Any]] = {}
        self.evidence: list[tuple[str, str, str]] = []

    def add(self, claim: dict[str, Any], origin: str) -> None:
        key = (
            claim["measure"],
            claim["imposer"],
            claim["target"],
            claim["status"],
            claim["value"],
            claim["unit"],
            claim["date_from"],
            claim["date_to"],
        )
        fact = self.facts.get(key)
        if fact is None:
            period = claim["date_from"].isoformat() if claim["date_from"] else "undated"
            value = "" if claim["value"] is None else _cell(claim["value"]).replace(".", "p")
            fid = ".".join(
                [
                    claim["measure"],
                    claim["imposer"].lower(),
                    claim["target"].lower(),
                    claim["status"],
                    period,
                    value or "na",
                    str(len(self.facts)),
                ]
            )
            fact = {
                "fact_id": fid,
                "fact_type": self.TYPES[claim["measure"]],
                "measure": claim["measure"],
                "imposer": claim["imposer"],
                "target": claim["target"],
                "status": claim["status"],
                "value": claim["value"],
                "unit": claim["unit"],
                "qualifier": claim["qualifier"],
                "date_from": claim["date_from"],
                "date_to": claim["date_to"],
                "label": f"{claim['measure']} (synthetic)",
                "n_claims": 0,
                "_origins": set(),
                "derived": False,
                "derivation": "",
                "conflict": False,
                "conflict_note": "",
            }
            self.facts[key] = fact
        fact["n_claims"] += 1
        fact["_origins"].add(origin)
        self.evidence.append((fact["fact_id"], claim["claim_id"], "states"))


def write_package(
    root: Path, n_claims: int, seed: int = 0, per_article: int = 200, facts: bool = True
) -> dict[str, int]:
    """A valid package with about *n_claims* claims (exactly n_claims; the last article is cut).

    Facts and evidence are made for the first 10,000 claims only when the table is large, so
    that claims dominate as in issue 5's benchmark. Returns row counts per resource.
    """
    root = Path(root)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(parents=True, exist_ok=True)
    sentences = (max(1, per_article // 3), max(1, per_article // 3))
    source_rows: list[dict[str, Any]] = []
    fb = _Facts()
    claim_names = field_names("claims")
    written = 0
    with (root / "data" / "claims.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(claim_names)
        for a in articles(10**9, seed, sentences=sentences):
            if written >= n_claims:
                break
            data = a.text.encode("utf-8")
            (root / a.file).write_bytes(data)
            source_rows.append(
                {
                    "source_id": a.source_id,
                    "file": a.file,
                    "publisher": a.publisher,
                    "origin": a.origin,
                    "author": "",
                    "title": "",
                    "published": a.published,
                    "date_basis": "header_line",
                    "date_note": "",
                    "url": "",
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "chars": len(a.text),
                }
            )
            for c in a.claims[: n_claims - written]:
                w.writerow([_cell(c[n]) for n in claim_names])
                if facts and written < 10_000:
                    fb.add(c, a.origin)
                written += 1
    fact_rows = sorted(fb.facts.values(), key=lambda f: f["fact_id"])
    for f in fact_rows:
        f["n_sources"] = len(f.pop("_origins"))
    _write_rows(root / "data" / "sources.csv", "sources", source_rows)
    _write_rows(root / "data" / "facts.csv", "facts", fact_rows)
    _write_rows(
        root / "data" / "evidence.csv",
        "evidence",
        [dict(zip(("fact_id", "claim_id", "role"), e, strict=True)) for e in sorted(fb.evidence)],
    )
    write_descriptor(root, source_rows)
    return {
        "sources": len(source_rows),
        "claims": written,
        "facts": len(fact_rows),
        "evidence": len(fb.evidence),
    }


def _write_rows(path: Path, resource: str, rows: list[dict[str, Any]]) -> None:
    names = field_names(resource)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow([_cell(r.get(n)) for n in names])


def write_descriptor(root: Path, source_rows: list[dict[str, Any]]) -> None:
    """datapackage.json as `tariffs build` writes it (Data Package v2, inline schemas)."""
    from datapkg.descriptor import dump, make_descriptor

    desc = make_descriptor(source_rows, "2026-01-01T00:00:00Z")
    (root / "datapackage.json").write_text(dump(desc), encoding="utf-8")


def digest_corpus(n: int, seed: int = 0) -> str:
    """sha256 of the first *n* articles (determinism checks)."""
    h = hashlib.sha256()
    for a in articles(n, seed):
        h.update(a.text.encode("utf-8"))
        h.update(json.dumps(a.claims, default=str, sort_keys=True).encode("utf-8"))
    return h.hexdigest()


# ------------------------------------------------------------------ a small real-seed package
_SMALL_SEEDS = ("seeds/003_4ee13673fc419608.txt", "seeds/004_c4db8b3810ab6f83.txt")
# (seed, mention, occurrence, kind, value, unit, qualifier, measure, imposer, target, date)
_SMALL_CLAIMS = [
    (
        1,
        "50 per cent",
        1,
        "tariff_rate",
        50.0,
        "percent",
        "exact",
        "tariff_total",
        "USA",
        "IND",
        None,
    ),
    (
        1,
        "25 per cent",
        1,
        "tariff_rate",
        25.0,
        "percent",
        "exact",
        "tariff_penalty_russian_oil",
        "USA",
        "IND",
        None,
    ),
    (0, "50%", 1, "tariff_rate", 50.0, "percent", "exact", "tariff_total", "USA", "IND", None),
    (0, "25%", 1, "tariff_rate", 25.0, "percent", "exact", "tariff_reciprocal", "USA", "IND", None),
    (
        0,
        "25%",
        2,
        "tariff_rate",
        25.0,
        "percent",
        "exact",
        "tariff_penalty_russian_oil",
        "USA",
        "IND",
        None,
    ),
    (
        1,
        "USD 2 billion",
        1,
        "trade_value",
        2e9,
        "USD",
        "upper_bound",
        "bilateral_trade",
        "IND",
        "IRN",
        None,
    ),
    (
        1,
        "January 13",
        1,
        "date",
        None,
        "",
        "exact",
        "event_call",
        "IND",
        "USA",
        dt.date(2026, 1, 13),
    ),
]
_FACT_TYPES = {
    "tariff_total": "tariff_total",
    "bilateral_trade": "trade_figure",
    "event_call": "event",
}


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min(i for i in (text.find(". ", end), text.find("\n", end), len(text)) if i >= 0)
    return text[left : right + 1].strip()


def small_package(root: Path) -> Path:
    """A valid package of two real seeds (copied), seven claims, five facts whose tariff stack
    adds up (50% = 25% reciprocal + 25% Russian-oil penalty). Rows sorted by primary key."""
    root = Path(root)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(parents=True, exist_ok=True)
    meta = {
        m["file"]: m
        for m in yaml.safe_load((REPO / "seeds" / "sources.yml").read_text("utf-8"))["sources"]
    }
    source_rows, texts = [], []
    for rel in _SMALL_SEEDS:
        data = (REPO / rel).read_bytes()
        (root / rel).write_bytes(data)
        text = data.decode("utf-8")
        texts.append(text)
        m = meta[rel]
        source_rows.append(
            {
                **{k: m.get(k, "") for k in field_names("sources")},
                "sha256": hashlib.sha256(data).hexdigest(),
                "chars": len(text),
            }
        )
    claims = []
    for seed, mention, nth, kind, value, unit, qual, measure, imp, tgt, day in _SMALL_CLAIMS:
        text, sid = texts[seed], source_rows[seed]["source_id"]
        start = -1
        for _ in range(nth):
            start = text.index(mention, start + 1)
        end = start + len(mention)
        claims.append(
            {
                "claim_id": f"{sid}-{start}-{end}",
                "source_id": sid,
                "start": start,
                "end": end,
                "mention": mention,
                "quote": _sentence_around(text, start, end),
                "kind": kind,
                "value": value,
                "unit": unit,
                "qualifier": qual,
                "measure": measure,
                "imposer": imp,
                "target": tgt,
                "status": "in_force",
                "date_from": day,
                "date_to": day,
                "date_text": mention if day else "",
                "rule": "fixture.small",
            }
        )
    origin = {s["source_id"]: s["origin"] for s in source_rows}
    facts: dict[str, dict[str, Any]] = {}
    evidence = []
    for c in claims:
        period = c["date_from"].isoformat() if c["date_from"] else "undated"
        fid = ".".join(
            [c["measure"], c["imposer"].lower(), c["target"].lower(), "in_force", period]
        )
        f = facts.setdefault(
            fid,
            {
                "fact_id": fid,
                "fact_type": _FACT_TYPES.get(c["measure"], "tariff_component"),
                "measure": c["measure"],
                "imposer": c["imposer"],
                "target": c["target"],
                "status": "in_force",
                "value": c["value"],
                "unit": c["unit"],
                "qualifier": c["qualifier"],
                "date_from": c["date_from"],
                "date_to": c["date_to"],
                "label": f"{c['measure']} {c['imposer']} -> {c['target']}",
                "n_claims": 0,
                "n_sources": set(),
                "derived": False,
                "derivation": "",
                "conflict": False,
                "conflict_note": "",
            },
        )
        f["n_claims"] += 1
        f["n_sources"].add(origin[c["source_id"]])
        evidence.append({"fact_id": fid, "claim_id": c["claim_id"], "role": "states"})
    for f in facts.values():
        f["n_sources"] = len(f["n_sources"])
    _write_rows(
        root / "data" / "sources.csv", "sources", sorted(source_rows, key=lambda r: r["source_id"])
    )
    _write_rows(root / "data" / "claims.csv", "claims", sorted(claims, key=lambda r: r["claim_id"]))
    _write_rows(
        root / "data" / "facts.csv", "facts", sorted(facts.values(), key=lambda r: r["fact_id"])
    )
    _write_rows(
        root / "data" / "evidence.csv",
        "evidence",
        sorted(evidence, key=lambda r: (r["fact_id"], r["claim_id"])),
    )
    write_descriptor(root, source_rows)
    return root
