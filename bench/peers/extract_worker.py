"""Time one extractor over a list of texts; print one JSON object.

Runs inside the interpreter of the extractor under test (the project's venv for ``ours``, a
venv of its own under bench/.envs/ for a peer) and imports nothing from the project unless the
engine is ``ours``. Start-up (imports, model loading, one warm-up call per process) is timed
apart from throughput.

    python extract_worker.py ENGINE TEXTS.json PROCS
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import sys
import time
from typing import Any

WARM = "The US imposed a 50 per cent tariff on Indian goods on August 27, 2025; trade is USD 2 billion."
_ENGINE: Any = None


def _load(engine: str) -> Any:
    if engine == "ours":
        from extract.api import extract_text

        day = dt.date(2026, 1, 29)
        return lambda text: extract_text(text, source_id="bench-1", published=day)
    if engine == "quantulum3":
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser

        return parser.parse
    if engine == "recognizers-text-suite":
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_suite import Culture

        c = Culture.English
        models = [
            NumberRecognizer(c).get_number_model(),
            NumberRecognizer(c).get_percentage_model(),
            NumberWithUnitRecognizer(c).get_currency_model(),
            NumberWithUnitRecognizer(c).get_dimension_model(),
            DateTimeRecognizer(c).get_datetime_model(),
        ]
        return lambda text: [r for m in models for r in m.parse(text)]
    raise SystemExit(f"unknown engine {engine!r}")


def _init(engine: str) -> None:
    global _ENGINE
    _ENGINE = _load(engine)
    _ENGINE(WARM)


def _count(text: str) -> int:
    return len(_ENGINE(text))


def _version(engine: str) -> str:
    from importlib import metadata

    name = {"ours": "tariff-ledger"}.get(engine, engine)
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def main() -> int:
    engine, path, procs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path, encoding="utf-8") as fh:
        texts = json.load(fh)
    t0 = time.perf_counter()
    if procs == 1:
        _init(engine)
        startup = time.perf_counter() - t0
        t1 = time.perf_counter()
        found = sum(_count(t) for t in texts)
        seconds = time.perf_counter() - t1
    else:
        ctx = mp.get_context("fork")
        with ctx.Pool(procs, initializer=_init, initargs=(engine,)) as pool:
            pool.map(_count, [WARM] * procs)  # every worker loaded and warm
            startup = time.perf_counter() - t0
            t1 = time.perf_counter()
            found = sum(pool.imap(_count, texts, chunksize=max(1, len(texts) // (procs * 8))))
            seconds = time.perf_counter() - t1
    chars = sum(len(t) for t in texts)
    print(
        json.dumps(
            {
                "engine": engine,
                "version": _version(engine),
                "python": sys.version.split()[0],
                "procs": procs,
                "texts": len(texts),
                "chars": chars,
                "found": found,
                "startup_s": round(startup, 3),
                "seconds": round(seconds, 3),
                "chars_per_s": round(chars / seconds, 1) if seconds else None,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
