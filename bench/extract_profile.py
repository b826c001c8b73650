"""Extractor output, CPU throughput and profile on fixed text sets (issue 5, one process).

    python -m bench.extract_profile dump OUT.json     # every set's claims rows (identity checks)
    python -m bench.extract_profile time [--repeat 3] # characters per CPU second per set
    python -m bench.extract_profile profile [--set synthetic] [--top 30]

Text sets: `real` = the seeds, the articles of every tests/holdout* set and the inline
gold texts of tests/gold;
`synthetic` = 2,000 articles of `bench.corpus.articles(2000, seed=0)` (the texts
`write_project(root, 2000, 0)` writes). Speed is CPU time (time.process_time) of one process,
after a warm-up call, so the rule compilation at start-up is left out.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Any

from bench import corpus

REPO = Path(__file__).resolve().parent.parent
Item = tuple[str, str, dt.date | None]  # (source id, text, published)


def real_set() -> list[Item]:
    from extract.api import read_article

    out: list[Item] = []
    files = sorted((REPO / "seeds").glob("*.txt"))
    for holdout in sorted((REPO / "tests").glob("holdout*")):
        files += sorted((holdout / "articles").glob("*.txt"))
    for p in files:
        art = read_article(p)
        out.append((p.stem, art.text, art.published))
    seen: set[str] = set()
    for f in sorted((REPO / "tests" / "gold").rglob("*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = row.get("text") or ""
                if row.get("doc") or not text or text in seen:
                    continue
                seen.add(text)
                pub = dt.date.fromisoformat(row["published"]) if row.get("published") else None
                out.append((f"gold-{len(seen)}", text, pub))
    return out


def synthetic_set(n: int = 2000, seed: int = 0) -> list[Item]:
    return [(a.source_id, a.text, a.published) for a in corpus.articles(n, seed)]


SETS = {"real": real_set, "synthetic": synthetic_set}


def _run(items: list[Item]) -> list[list[dict[str, Any]]]:
    from extract.api import extract_text

    return [extract_text(t, source_id=sid, published=pub) for sid, t, pub in items]


def _warm() -> None:
    from extract.api import extract_text

    extract_text("The US imposed a 50 per cent tariff on Indian goods on August 27, 2025.",
                 source_id="warm", published=dt.date(2026, 1, 29))


def build() -> str:
    """Which build of the extractor this process runs: pure Python, or the modules compiled to C
    extensions (mypyc; see bench/mypyc_trial.py) by name."""
    import importlib
    import pkgutil

    import extract

    compiled = []
    for mod in pkgutil.iter_modules(extract.__path__):
        if mod.name in ("commands", "evaluate"):
            continue
        module = importlib.import_module(f"extract.{mod.name}")
        if not str(getattr(module, "__file__", "")).endswith(".py"):
            compiled.append(mod.name)
    return f"compiled: {', '.join(compiled)}" if compiled else "pure Python"


def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v


def dump(out: Path) -> None:
    result = {}
    for name, make in SETS.items():
        items = make()
        rows = _run(items)
        result[name] = {sid: [{k: _jsonable(v) for k, v in r.items()} for r in rs]
                        for (sid, _t, _p), rs in zip(items, rows, strict=True)}
    out.write_text(json.dumps(result, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{out}: " + ", ".join(f"{k} {sum(len(v) for v in d.values())} rows"
                                 for k, d in result.items()))


def timing(repeat: int) -> None:
    """CPU time of each set: the first pass (in this process the lookup caches of the rules fill
    as new words come) and the best of `repeat` passes."""
    _warm()
    print(f"extractor build: {build()}")
    for name, make in SETS.items():
        items = make()
        chars = sum(len(t) for _s, t, _p in items)
        runs = []
        for _ in range(repeat):
            t0 = time.process_time()
            _run(items)
            runs.append(time.process_time() - t0)
        first, best = runs[0], min(runs)
        print(f"{name:10s} {len(items):5d} texts {chars:10,d} chars  CPU first {first:7.3f} s "
              f"({chars / first:10,.0f} chars/s)  best {best:7.3f} s ({chars / best:10,.0f} chars/s)")


def profile(set_name: str, top: int) -> None:
    _warm()
    items = SETS[set_name]()
    prof = cProfile.Profile()
    prof.enable()
    _run(items)
    prof.disable()
    pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    t = sub.add_parser("time")
    t.add_argument("--repeat", type=int, default=3)
    p = sub.add_parser("profile")
    p.add_argument("--set", default="synthetic", choices=sorted(SETS))
    p.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out)
    elif args.cmd == "time":
        timing(args.repeat)
    else:
        profile(args.set, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
