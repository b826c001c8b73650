"""Score the extractor on the held-out articles in tests/holdout.

The articles (``articles/*.txt``) and their expected claims (``expected/<stem>.csv``) were written
by hand, independently of the extractor and its rules; see README.md beside this file for the
conventions. This module is standalone: it imports ``extract.api`` only when it has to run the
extractor, and ``datapkg.units`` only to compare unit names.

Usage::

    .venv/bin/python tests/holdout/score.py            # run the extractor and print the table
    .venv/bin/python -m tests.holdout.score            # the same (tests/ as a namespace package)
    .venv/bin/python tests/holdout/score.py --self     # score the expected files against themselves

API::

    score(articles_dir, expected_dir, *, predictions=None, extract_fn=None) -> dict
    perfect_predictions(articles_dir, expected_dir) -> {stem: [claims rows]}
    format_report(result) -> str

Matching. Expected claims are located in their text by (mention, occurrence): the occurrence-th
place where the exact mention string stands (str.find, each search starting one character past
the previous hit). A predicted claim can match an expected claim when their spans overlap by at
least one character, so "50-per cent tariffs" matches "50-per cent" and "since October last
year" matches "October last year". One predicted claim matches at most one expected claim and
vice versa; among overlapping pairs the assignment is greedy on (value and unit right, qualifier
right, kind right, measure right, imposer right, target right, closest span), so the two ends of
a range or the countries of a list pair with the right predictions.

Metrics.
* found: an expected claim matched by a prediction with the right value and unit (for dates:
  both empty). Values agree within 1 ppm, percentages within 0.005 (two decimals, so that "a
  third" may be 33.33). recall = found / expected; precision = found / predicted.
* span_recall: expected claims with any overlapping prediction matched to them.
* tariff_vs_other: over every matched pair, whether (kind == tariff_rate) agrees.
* kind, qualifier, measure, imposer, target, status, dates (date_from and date_to both equal):
  accuracy over the found pairs.
* strict_recall: expected claims found with every one of those fields right.
Everything is reported overall and by kind (recall and attribute accuracies by the expected
claim's kind, precision and false positives by the predicted claim's kind) and by article; misses,
false positives and attribute errors on found claims are listed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ARTICLES = HERE / "articles"
EXPECTED = HERE / "expected"

FIELDS = [
    "mention", "occurrence", "kind", "value", "unit", "qualifier", "measure",
    "imposer", "target", "status", "date_from", "date_to",
]
KINDS = ["tariff_rate", "trade_value", "change", "date", "quantity"]
QUALIFIERS = ["exact", "approx", "lower_bound", "upper_bound"]
STATUSES = ["in_force", "announced", "threatened", "proposed", "waived", "removed",
            "hypothetical", "unknown"]
ATTRS = ["kind", "qualifier", "measure", "imposer", "target", "status", "dates"]
_HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})\b")


# --- reading ---------------------------------------------------------------------------------------


def read_text(path: Path) -> str:
    return Path(path).read_bytes().decode("utf-8")


def published(text: str) -> dt.date | None:
    """The date of the ' date YYYY-MM-DD' header line, or None."""
    m = _HEADER.match(text)
    return dt.date.fromisoformat(m.group(1)) if m else None


def locate(text: str, mention: str, occurrence: int) -> tuple[int, int] | None:
    """Span of the occurrence-th place (1-based) where *mention* stands in *text*, or None."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(mention, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(mention)


def _date(v: Any) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v).strip())


def _num(v: Any) -> float | None:
    if v is None or v == "":
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if f != f else f  # NaN -> None


def _str(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v != v:
        return ""
    return str(v).strip()


def read_expected(csv_path: Path, text: str) -> list[dict]:
    """Expected rows with their spans; raises ValueError when a mention cannot be located."""
    rows = []
    with open(csv_path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != FIELDS:
            raise ValueError(f"{csv_path}: header {reader.fieldnames} != {FIELDS}")
        for i, raw in enumerate(reader, start=2):
            occ = int(raw["occurrence"])
            span = locate(text, raw["mention"], occ)
            if span is None:
                raise ValueError(f"{csv_path}:{i}: {raw['mention']!r} does not occur {occ} times")
            rows.append(_normal(raw, *span, line=i))
    return rows


def _normal(row: dict, start: int, end: int, **extra: Any) -> dict:
    out = {
        "start": start,
        "end": end,
        "mention": _str(row.get("mention")),
        "kind": _str(row.get("kind")),
        "value": _num(row.get("value")),
        "unit": _str(row.get("unit")),
        "qualifier": _str(row.get("qualifier")),
        "measure": _str(row.get("measure")),
        "imposer": _str(row.get("imposer")),
        "target": _str(row.get("target")),
        "status": _str(row.get("status")),
        "date_from": _date(row.get("date_from")),
        "date_to": _date(row.get("date_to")),
    }
    out.update(extra)
    return out


def stems(articles_dir: Path, expected_dir: Path) -> list[str]:
    arts = {p.stem for p in Path(articles_dir).glob("*.txt")}
    exps = {p.stem for p in Path(expected_dir).glob("*.csv")}
    if arts != exps:
        raise ValueError(f"articles without expected: {sorted(arts - exps)}; "
                         f"expected without article: {sorted(exps - arts)}")
    return sorted(arts)


def perfect_predictions(articles_dir: Path = ARTICLES, expected_dir: Path = EXPECTED) -> dict:
    """Claims rows made from the expected files themselves: what a perfect extractor returns."""
    out: dict[str, list[dict]] = {}
    for stem in stems(articles_dir, expected_dir):
        text = read_text(Path(articles_dir) / f"{stem}.txt")
        rows = []
        for e in read_expected(Path(expected_dir) / f"{stem}.csv", text):
            rows.append({
                "claim_id": f"{stem}-{e['start']}-{e['end']}",
                "source_id": stem,
                "start": e["start"], "end": e["end"], "mention": e["mention"], "quote": "",
                "kind": e["kind"], "value": e["value"], "unit": e["unit"],
                "qualifier": e["qualifier"], "measure": e["measure"], "imposer": e["imposer"],
                "target": e["target"], "status": e["status"], "date_from": e["date_from"],
                "date_to": e["date_to"], "date_text": "", "rule": "perfect",
            })
        out[stem] = rows
    return out


# --- comparing -------------------------------------------------------------------------------------


_UNIT_CACHE: dict[str, str] = {}
_PERCENT_UNITS = {"percent", "percentage_point", "%", "pp"}


def _unit_key(unit: str) -> str:
    if not unit:
        return ""
    if unit not in _UNIT_CACHE:
        try:
            from datapkg.units import registry

            _UNIT_CACHE[unit] = str(registry().parse_units(unit))
        except Exception:  # unknown unit: compare the text
            _UNIT_CACHE[unit] = unit
    return _UNIT_CACHE[unit]


def value_unit_ok(e: dict, p: dict) -> bool:
    ev, pv = e["value"], p["value"]
    if (ev is None) != (pv is None):
        return False
    if _unit_key(e["unit"]) != _unit_key(p["unit"]):
        return False
    if ev is None:
        return True
    # Percentages agree to two decimals ("a third" may be 33.33 or 33.333...); else 1 ppm.
    tol = 0.005 if e["unit"] in _PERCENT_UNITS else 1e-6 * max(1.0, abs(ev))
    return abs(ev - pv) <= tol + 1e-12


def attr_ok(name: str, e: dict, p: dict) -> bool:
    if name == "dates":
        return e["date_from"] == p["date_from"] and e["date_to"] == p["date_to"]
    return e[name] == p[name]


def _overlap(e: dict, p: dict) -> bool:
    return p["start"] < e["end"] and e["start"] < p["end"]


def match(expected: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment of overlapping (expected index, predicted index) pairs."""
    cands = []
    for i, e in enumerate(expected):
        for j, p in enumerate(predicted):
            if not _overlap(e, p):
                continue
            key = (
                value_unit_ok(e, p),
                attr_ok("qualifier", e, p),
                attr_ok("kind", e, p),
                attr_ok("measure", e, p),
                attr_ok("imposer", e, p),
                attr_ok("target", e, p),
                -(abs(e["start"] - p["start"]) + abs(e["end"] - p["end"])),
                -i, -j,
            )
            cands.append((key, i, j))
    cands.sort(reverse=True)
    used_e: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i in used_e or j in used_p:
            continue
        used_e.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


# --- scoring ---------------------------------------------------------------------------------------


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


class _Tally:
    def __init__(self) -> None:
        self.expected = 0
        self.predicted = 0
        self.matched = 0
        self.found = 0
        self.found_pred = 0  # predictions (of this kind, for by-kind tallies) that found a claim
        self.strict = 0
        self.tariff_vs_other = 0
        self.attr = defaultdict(int)

    def result(self) -> dict:
        out = {
            "expected": self.expected,
            "predicted": self.predicted,
            "found": self.found,
            "recall": _ratio(self.found, self.expected),
            "precision": _ratio(self.found_pred, self.predicted),
            "span_recall": _ratio(self.matched, self.expected),
            "strict_recall": _ratio(self.strict, self.expected),
            "tariff_vs_other": _ratio(self.tariff_vs_other, self.matched),
        }
        for a in ATTRS:
            out[a] = _ratio(self.attr[a], self.found)
        return out


def _brief(c: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in c.items()
            if k in ("start", "end", "mention", "kind", "value", "unit", "qualifier", "measure",
                     "imposer", "target", "status", "date_from", "date_to")}


def _default_extract() -> Callable[..., list[dict]]:
    sys.path.insert(0, str(ROOT)) if str(ROOT) not in sys.path else None
    from extract.api import extract_text

    return extract_text


def score(articles_dir: Path | str = ARTICLES, expected_dir: Path | str = EXPECTED, *,
          predictions: dict[str, list[dict]] | None = None,
          extract_fn: Callable[..., list[dict]] | None = None) -> dict:
    """Score predictions (given, or from *extract_fn*, default extract.api.extract_text).

    Returns {"overall": {...}, "by_kind": {kind: {...}}, "articles": {stem: {...}},
    "misses": [...], "false_positives": [...], "errors": {stem: message}}.
    """
    articles_dir, expected_dir = Path(articles_dir), Path(expected_dir)
    if predictions is None and extract_fn is None:
        extract_fn = _default_extract()
    overall = _Tally()
    by_kind: dict[str, _Tally] = defaultdict(_Tally)
    fp_by_kind: dict[str, int] = defaultdict(int)
    per_article: dict[str, dict] = {}
    misses: list[dict] = []
    false_pos: list[dict] = []
    errors: dict[str, str] = {}

    for stem in stems(articles_dir, expected_dir):
        text = read_text(articles_dir / f"{stem}.txt")
        expected = read_expected(expected_dir / f"{stem}.csv", text)
        if predictions is not None:
            raw = predictions.get(stem, [])
        else:
            try:
                raw = extract_fn(text, source_id=stem, published=published(text))
            except Exception as exc:  # an extractor crash is a result, not a scorer failure
                errors[stem] = f"{type(exc).__name__}: {exc}"
                raw = []
        predicted = [_normal(r, int(r["start"]), int(r["end"])) for r in raw]
        pairs = match(expected, predicted)
        art = _Tally()
        tallies = (overall, art)
        for t in tallies:
            t.expected += len(expected)
            t.predicted += len(predicted)
        for e in expected:
            by_kind[e["kind"]].expected += 1
        for p in predicted:
            by_kind[p["kind"] if p["kind"] in KINDS else "?"].predicted += 1
        matched_e = {i: j for i, j in pairs}
        found_p: set[int] = set()
        for i, e in enumerate(expected):
            j = matched_e.get(i)
            k = by_kind[e["kind"]]
            if j is None:
                misses.append({"article": stem, "why": "no prediction", **_brief(e)})
                continue
            p = predicted[j]
            for t in (*tallies, k):
                t.matched += 1
                t.tariff_vs_other += (e["kind"] == "tariff_rate") == (p["kind"] == "tariff_rate")
            if not value_unit_ok(e, p):
                misses.append({"article": stem, "why": f"value/unit: predicted {p['value']!r} "
                               f"{p['unit']!r} from {p['mention']!r}", **_brief(e)})
                continue
            found_p.add(j)
            for t in (*tallies, by_kind[p["kind"] if p["kind"] in KINDS else "?"]):
                t.found_pred += 1
            oks = {a: attr_ok(a, e, p) for a in ATTRS}
            for t in (*tallies, k):
                t.found += 1
                t.strict += all(oks.values())
                for a, ok in oks.items():
                    t.attr[a] += ok
            wrong = {a: (_brief(p).get(a) if a != "dates" else
                         f"{_brief(p).get('date_from')}..{_brief(p).get('date_to')}")
                     for a, ok in oks.items() if not ok}
            if wrong:
                misses.append({"article": stem, "why": "attributes", "found": True,
                               "predicted": wrong, **_brief(e)})
        for j, p in enumerate(predicted):
            if j in found_p:
                continue
            fp_by_kind[p["kind"]] += 1
            false_pos.append({"article": stem, **_brief(p)})
        per_article[stem] = art.result()

    # by kind: recall and attributes by EXPECTED kind; precision and false positives by PREDICTED kind
    by_kind_out = {}
    for kind in sorted(by_kind, key=lambda k: KINDS.index(k) if k in KINDS else 99):
        res = by_kind[kind].result()
        res["false_positives"] = fp_by_kind.get(kind, 0)
        by_kind_out[kind] = res
    return {
        "overall": overall.result(),
        "by_kind": by_kind_out,
        "articles": per_article,
        "misses": [m for m in misses if not m.get("found")],
        "attribute_errors": [m for m in misses if m.get("found")],
        "false_positives": false_pos,
        "errors": errors,
    }


# --- report ----------------------------------------------------------------------------------------


def _pct(v: float | None) -> str:
    return "   -  " if v is None else f"{100 * v:5.1f}%"


_COLS = ["expected", "predicted", "found", "recall", "precision", "span_recall", "strict_recall",
         "tariff_vs_other", *ATTRS]


def _table(rows: Iterable[tuple[str, dict]]) -> list[str]:
    head = f"{'':22s}" + "".join(f"{c[:9]:>10s}" for c in _COLS)
    lines = [head, "-" * len(head)]
    for name, r in rows:
        cells = []
        for c in _COLS:
            v = r.get(c)
            cells.append(f"{v:>10d}" if isinstance(v, int) else f"{_pct(v):>10s}")
        lines.append(f"{name[:22]:22s}" + "".join(cells))
    return lines


def _claim(m: dict) -> str:
    val = "" if m.get("value") is None else f"{m['value']:g} {m.get('unit', '')}"
    dates = ""
    if m.get("date_from") or m.get("date_to"):
        dates = f" {m.get('date_from') or ''}..{m.get('date_to') or ''}"
    return (f"{m['article'][:28]:28s} {m['mention']!r:28s} {m['kind']:11s} {val:>22s} "
            f"{m.get('qualifier', '')} {m.get('measure', '')} {m.get('imposer', '')}>"
            f"{m.get('target', '')} {m.get('status', '')}{dates}")


def format_report(res: dict, *, limit: int | None = None) -> str:
    out = ["Held-out evaluation (tests/holdout): matched by overlapping span; found = right value "
           "and unit.", "Attribute columns are accuracy over found claims; tariff_vs_other over "
           "every span-matched pair.", "Rows kind=K: expected/found/recall/attributes count expected claims "
           "of kind K; predicted/precision count predictions of kind K.", ""]
    out += _table([("OVERALL", res["overall"]),
                   *[(f"kind={k}", v) for k, v in res["by_kind"].items()]])
    out += ["", "False positives by predicted kind: " + ", ".join(
        f"{k}={v['false_positives']}" for k, v in res["by_kind"].items())]
    out += ["", "Per article:"]
    out += _table(sorted(res["articles"].items()))
    if res["errors"]:
        out += ["", "Extractor errors:"] + [f"  {k}: {v}" for k, v in res["errors"].items()]

    def listing(title: str, items: list[dict], extra: Callable[[dict], str]) -> None:
        out.extend(["", f"{title} ({len(items)}):"])
        for m in items[:limit] if limit else items:
            out.append("  " + _claim(m) + extra(m))
        if limit and len(items) > limit:
            out.append(f"  ... {len(items) - limit} more")

    listing("Misses (expected claims not found)", res["misses"],
            lambda m: f"   <- {m['why']}")
    listing("False positives (predictions not matching a found claim)",
            res["false_positives"], lambda m: "")
    listing("Attribute errors on found claims (expected ... <- predicted)",
            res["attribute_errors"], lambda m: f"   <- {m['predicted']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=str(ARTICLES))
    ap.add_argument("--expected", default=str(EXPECTED))
    ap.add_argument("--self", dest="self_check", action="store_true",
                    help="score the expected files against themselves (tests the scorer)")
    ap.add_argument("--limit", type=int, default=None, help="list at most N misses/FPs each")
    args = ap.parse_args(argv)
    if args.self_check:
        preds = perfect_predictions(Path(args.articles), Path(args.expected))
        res = score(args.articles, args.expected, predictions=preds)
    else:
        if not (ROOT / "extract" / "api.py").exists():
            print("extract/api.py does not exist yet; use --self to test the scorer",
                  file=sys.stderr)
            return 2
        res = score(args.articles, args.expected)
    print(format_report(res, limit=args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
