"""`tariffs eval GOLD`: score the extractor against hand-written expected claims.

Gold format (tests/gold/README.md): CSV rows of expected claims, each naming its document by
`doc` (a text file) or `text` (the text inline), the mention as written and which occurrence of
it, and the expected fields. A row with an empty mention declares a document with no claims.
"""

from __future__ import annotations

import csv
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from extract.api import ExtractError, extract_text, read_article

SCORED = ("measure", "imposer", "target", "status")  # blank in gold: not scored


@dataclass
class Doc:
    key: str
    text: str
    published: date | None
    gold: list[dict[str, str]] = field(default_factory=list)


def _resolve(doc: str, gold_file: Path) -> Path:
    for base in [Path.cwd(), *gold_file.resolve().parents]:
        if (base / doc).is_file():
            return base / doc
    raise ExtractError(f"{gold_file}: document {doc!r} not found")


def load_gold(path: Path) -> list[Doc]:
    files = sorted(path.rglob("*.csv")) if path.is_dir() else [path]
    docs: dict[str, Doc] = {}
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                key = row.get("doc") or ("text:" + row.get("text", ""))
                if key not in docs:
                    pub = date.fromisoformat(row["published"]) if row.get("published") else None
                    text = (read_article(_resolve(row["doc"], f)).text if row.get("doc")
                            else row.get("text", ""))
                    docs[key] = Doc(key, text, pub)
                if row.get("mention"):
                    docs[key].gold.append(row)
    return list(docs.values())


def _span(text: str, mention: str, occurrence: int) -> tuple[int, int] | None:
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(mention, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(mention)


def _num(s: str) -> float | None:
    return float(s) if s not in ("", None) else None


def _d(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


def _same_value(g: dict[str, str], p: dict[str, Any]) -> bool:
    gv = _num(g["value"])
    if gv is None:
        return p["value"] is None
    return p["value"] is not None and abs(p["value"] - gv) <= 1e-6 * max(1.0, abs(gv)) \
        and p["unit"] == g["unit"]


def _match(doc: Doc, preds: list[dict[str, Any]]) -> list[tuple[dict, dict | None]]:
    used: set[int] = set()
    pairs = []
    for g in doc.gold:
        span = _span(doc.text, g["mention"], int(g.get("occurrence") or 1))
        if span is None:
            raise ExtractError(f"gold mention {g['mention']!r} not found in {doc.key[:60]!r}")
        overlapping = [i for i, p in enumerate(preds)
                       if p["start"] < span[1] and span[0] < p["end"]]
        cands = [i for i in overlapping if i not in used]
        n = int(g.get("n") or 1)
        best = min(cands, key=lambda i: (not _same_value(g, preds[i]),
                                         preds[i]["kind"] != g["kind"],
                                         abs(overlapping.index(i) + 1 - n)), default=None)
        if best is not None:
            used.add(best)
        pairs.append((g, preds[best] if best is not None else None))
    return pairs


class Tally:
    def __init__(self) -> None:
        self.c: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, name: str, ok: bool) -> None:
        self.c[name][0] += int(ok)
        self.c[name][1] += 1

    def pct(self, name: str) -> str:
        ok, n = self.c.get(name, [0, 0])
        return f"{100.0 * ok / n:6.1f}%  ({ok}/{n})" if n else "     -"


def score(docs: list[Doc]) -> tuple[Tally, list[str], float]:
    t = Tally()
    misses: list[str] = []
    chars, secs = 0, 0.0
    extract_text("Warm-up: 25% on 3 March.", source_id="warm-up", published=None)  # compile rules
    for doc in docs:
        t0 = time.process_time()
        preds = extract_text(doc.text, source_id="gold", published=doc.published)
        secs += time.process_time() - t0
        chars += len(doc.text)
        pairs = _match(doc, preds)
        matched = {id(p) for _, p in pairs if p is not None}
        for p in preds:
            t.add("precision", id(p) in matched)
            t.add(f"precision {p['kind']}", id(p) in matched)
            if id(p) not in matched:
                misses.append(f"EXTRA  {p['kind']:11} {p['mention']!r} in {p['quote'][:70]!r}")
        for g, pred in pairs:
            _score_pair(t, g, pred, misses)
    return t, misses, chars / secs if secs else 0.0


def _score_pair(t: Tally, g: dict[str, str], p: dict | None, misses: list[str]) -> None:
    t.add("recall", p is not None)
    t.add(f"recall {g['kind']}", p is not None)
    numeric = g["kind"] != "date"
    if numeric:
        t.add("numeric found with right value+unit", p is not None and _same_value(g, p))
    if p is None:
        misses.append(f"MISSED {g['kind']:11} {g['mention']!r}")
        return
    checks = {"kind": p["kind"] == g["kind"], "qualifier": p["qualifier"] == g["qualifier"]}
    if g["unit"] == "percent":
        checks["tariff vs other percentage"] = (p["kind"] == "tariff_rate") == (g["kind"] == "tariff_rate")
    if numeric:
        checks["value+unit (matched)"] = _same_value(g, p)
    # every claim's period is scored: a figure the text leaves undated must come out undated
    checks["dates"] = (p["date_from"], p["date_to"]) == (_d(g["date_from"]), _d(g["date_to"]))
    for name in SCORED:
        if g.get(name):
            checks[name] = p[name] == (g[name] if g[name] != "-" else "")
    for name, ok in checks.items():
        t.add(name, ok)
        if not ok:
            want = {"dates": f"{g['date_from']}..{g['date_to']}", "value+unit (matched)":
                    f"{g['value']} {g['unit']}"}.get(name, g.get(name.split()[0], ""))
            got = {"dates": f"{p['date_from']}..{p['date_to']}", "value+unit (matched)":
                   f"{p['value']} {p['unit']}"}.get(name, p.get(name.split()[0], ""))
            misses.append(f"WRONG  {name:10} {g['mention']!r}: want {want!r} got {got!r}")


ORDER = ["precision", "recall", "numeric found with right value+unit", "value+unit (matched)",
         "kind", "tariff vs other percentage", "qualifier", "dates", "measure", "status",
         "imposer", "target"]


def run_eval(gold: Path, out: IO[str], *, show: int = 40) -> int:
    """Print the extractor's scores on the gold file or directory; 0 on success, 1 if the gold
    cannot be read."""
    try:
        docs = load_gold(Path(gold))
        t, misses, speed = score(docs)
    except (ExtractError, OSError, KeyError, ValueError) as exc:
        print(f"tariffs eval: {exc}", file=out)
        return 1
    n_gold = sum(len(d.gold) for d in docs)
    print(f"gold: {len(docs)} documents, {n_gold} expected claims", file=out)
    for name in ORDER + sorted(k for k in t.c if k.startswith(("precision ", "recall "))):
        print(f"  {name:38} {t.pct(name)}", file=out)
    print(f"  {'speed':38} {speed / 1e6:6.2f} MB/s ({speed:,.0f} chars/s)", file=out)
    for line in misses[:show]:
        print("  " + line, file=out)
    if len(misses) > show:
        print(f"  ... {len(misses) - show} more", file=out)
    return 0
