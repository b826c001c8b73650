"""Benchmarks of issue 5: `python -m bench.run [--only PARTS] [--sizes small|full]`.

Parts (each selectable with --only, comma-separated):

* extract   - extraction throughput (chars/s), one process and all cores, ours against
              recognizers-text-suite and quantulum3, each in its own venv under bench/.envs/;
* build     - `tariffs build` on 1,000 / 10,000 / 100,000 synthetic articles: wall time, peak
              memory and how they grow;
* validate  - `tariffs validate` against `frictionless validate` on claims tables of 10,000 /
              100,000 / 1,000,000 rows, valid and with injected errors: same errors, speed
              ratio, peak memory;
* dashboard - time to first render and callback latency with 100,000 claims, and throughput
              under 50 concurrent loopback clients.

Parts run in the order validate, extract, dashboard, build (the longest last). Writes
bench/results/report.json (after every part, so an interrupted run keeps what it has)
and prints a table per part. Timings vary with the machine and its load; the report records
the machine.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import corpus, envs
from bench.measure import run_measured
from bench.report import machine, table, write_report

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
PARTS = ("extract", "build", "validate", "dashboard")
SIZES: dict[str, dict[str, Any]] = {
    "small": {
        "extract": 40,
        "build": [100, 1000],
        "validate": [10_000],
        "dash_claims": 10_000,
        "dash_seconds": 5.0,
    },
    "full": {
        "extract": 300,
        "build": [1000, 10_000, 100_000],
        "validate": [10_000, 100_000, 1_000_000],
        "dash_claims": 100_000,
        "dash_seconds": 30.0,
    },
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    return env


def growth(points: list[tuple[float, float]]) -> list[float | None]:
    """Exponent k of y ~ n^k between consecutive points (1 = linear)."""
    out: list[float | None] = []
    for (n1, y1), (n2, y2) in zip(points, points[1:], strict=False):
        out.append(round(math.log(y2 / y1) / math.log(n2 / n1), 2) if y1 > 0 and y2 > 0 else None)
    return out


# ------------------------------------------------------------------ (a) extraction
def bench_extract(n_articles: int, work: Path) -> dict[str, Any]:
    texts = corpus.texts(n_articles, seed=5) + corpus.real_seed_texts()
    path = work / "extract-texts.json"
    path.write_text(json.dumps(texts), "utf-8")
    cores = os.cpu_count() or 1
    result: dict[str, Any] = {
        "texts": len(texts),
        "chars": sum(map(len, texts)),
        "cores": cores,
        "runs": [],
        "peers": [],
    }
    worker = str(REPO / "bench" / "peers" / "extract_worker.py")
    engines: list[tuple[str, str | None, str]] = [("ours", PY, "")]
    for peer in envs.PEERS:
        status = envs.ensure(peer)
        result["peers"].append(status)
        engines.append(
            (peer, status.get("interpreter") if status["ok"] else None, status.get("error", ""))
        )
    for name, python, why in engines:
        for procs in sorted({1, cores}):
            if python is None:
                result["runs"].append(
                    {
                        "engine": name,
                        "procs": procs,
                        "status": "not run",
                        "reason": f"cannot be installed here: {why}",
                    }
                )
                continue
            m = run_measured(
                [python, worker, name, str(path), str(procs)], cwd=REPO, env=_env(), timeout=3600
            )
            row: dict[str, Any] = {
                "engine": name,
                "procs": procs,
                "peak_mb": m["tree_peak_mb"],
                "wall_s": m["wall_s"],
            }
            if m["returncode"] == 0:
                row.update(json.loads(m["stdout"].strip().splitlines()[-1]), status="ok")
            else:
                row.update(
                    status="failed",
                    reason=(m["stderr"] or m["stdout"])[-500:],
                    timed_out=m["timed_out"],
                )
            result["runs"].append(row)
    ours = {r["procs"]: r.get("chars_per_s") for r in result["runs"] if r["engine"] == "ours"}
    for r in result["runs"]:
        mine = ours.get(r["procs"])
        if r.get("chars_per_s") and mine:
            r["ours_vs_this"] = round(mine / r["chars_per_s"], 2)
    return result


def print_extract(res: dict[str, Any]) -> None:
    print(f"\n(a) extraction: {res['texts']} texts, {res['chars']:,} chars, {res['cores']} cores")
    print(
        table(
            res["runs"],
            [
                "engine",
                "version",
                "procs",
                "status",
                "chars_per_s",
                "found",
                "startup_s",
                "seconds",
                "peak_mb",
                "ours_vs_this",
            ],
        )
    )
    for r in res["runs"]:
        if r.get("status") != "ok":
            print(f"  {r['engine']} x{r['procs']}: {r['status']}: {r.get('reason', '')[:300]}")
    for p in res["peers"]:
        if p.get("note"):
            print(f"  note {p['peer']}: {p['note']}")


# ------------------------------------------------------------------ (b) build scaling
def _build_variants(engines: list[str], jobs: list[int]) -> list[tuple[str, int]]:
    """(engine, jobs) pairs to run: --jobs applies to the local engine only."""
    out = [("local", j) for j in jobs] if "local" in engines else []
    return out + [(e, 1) for e in engines if e != "local"]


def _variant(engine: str, jobs: int) -> str:
    return engine if jobs == 1 else f"{engine}-j{jobs}"


def bench_build(
    sizes: list[int], work: Path, engines: list[str], timeout: float, jobs: list[int] | None = None
) -> dict[str, Any]:
    rows = []
    variants = _build_variants(engines, jobs or [1])
    for n in sizes:
        for engine, n_jobs in variants:
            root = work / f"build-{_variant(engine, n_jobs)}-{n}"
            shutil.rmtree(root, ignore_errors=True)
            t = time.perf_counter()
            corpus.write_project(root, n, seed=11, with_real_seeds=True)
            if (REPO / "curation").is_dir():
                shutil.copytree(REPO / "curation", root / "curation")
            gen = time.perf_counter() - t
            cmd = [str(Path(PY).with_name("tariffs")), "build", "--root", str(root)]
            if engine != "local":
                cmd += ["--engine", engine]
            if n_jobs != 1:
                cmd += ["--jobs", str(n_jobs)]
            m = run_measured(cmd, cwd=root, env=_env(), timeout=timeout)
            row: dict[str, Any] = {
                "articles": n,
                "engine": _variant(engine, n_jobs),
                "generate_s": round(gen, 2),
                "wall_s": m["wall_s"],
                "cpu_s": m["cpu_s"],
                "maxrss_mb": m["maxrss_mb"],
                "tree_peak_mb": m["tree_peak_mb"],
                "returncode": m["returncode"],
                "timed_out": m["timed_out"],
            }
            if m["returncode"] == 0:
                row["status"] = "ok"
                row["output"] = m["stdout"].strip().splitlines()[-1][:200]
                claims = root / "data" / "claims.csv"
                row["claims"] = sum(1 for _ in claims.open(encoding="utf-8")) - 1
            else:
                row["status"] = "timed out" if m["timed_out"] else "failed"
                row["reason"] = (m["stderr"] or m["stdout"]).strip()[-600:]
            rows.append(row)
            shutil.rmtree(root, ignore_errors=True)
    result: dict[str, Any] = {"runs": rows, "growth": {}}
    for engine in (_variant(e, j) for e, j in variants):
        ok = [
            (r["articles"], r["wall_s"], r["cpu_s"], r["maxrss_mb"], r["tree_peak_mb"])
            for r in rows
            if r["engine"] == engine and r["status"] == "ok"
        ]
        result["growth"][engine] = {
            "time_exponent": growth([(n, t) for n, t, _, _, _ in ok]),
            "cpu_exponent": growth([(n, c) for n, _, c, _, _ in ok if c is not None]),
            "memory_exponent": growth([(n, m) for n, _, _, m, _ in ok]),
            "tree_memory_exponent": growth([(n, m) for n, _, _, _, m in ok]),
        }
    return result


def print_build(res: dict[str, Any]) -> None:
    print("\n(b) tariffs build scaling")
    print(
        table(
            res["runs"],
            [
                "articles",
                "engine",
                "status",
                "claims",
                "wall_s",
                "cpu_s",
                "maxrss_mb",
                "tree_peak_mb",
            ],
        )
    )
    for engine, g in res["growth"].items():
        print(
            f"  growth {engine}: wall ~ n^{g['time_exponent']}, cpu ~ n^{g.get('cpu_exponent')}, "
            f"memory ~ n^{g['memory_exponent']} (process tree ~ "
            f"n^{g.get('tree_memory_exponent')}; between consecutive sizes; 1 = linear)"
        )
    for r in res["runs"]:
        if r["status"] != "ok":
            print(f"  {r['articles']} {r['engine']}: {r['status']}: {r.get('reason', '')[-300:]}")


# ------------------------------------------------------------------ (c) validation
def bench_validate(sizes: list[int], work: Path, per_class: int, timeout: float) -> dict[str, Any]:
    from bench.inject import inject

    rows = []
    for n in sizes:
        for variant in ("valid", "cell-errors", "structural-errors"):
            root = work / f"validate-{n}"
            shutil.rmtree(root, ignore_errors=True)
            counts = corpus.write_package(root, n, seed=3)
            injected: dict[str, list[int]] = {}
            if variant != "valid":
                injected = inject(
                    root, per_class=per_class, seed=n, structural=variant == "structural-errors"
                )
            row: dict[str, Any] = {
                "claims": counts["claims"],
                "variant": variant,
                "injected": sum(map(len, injected.values())),
                "classes": sorted(injected),
            }
            found = {}
            for which in ("ours", "frictionless"):
                out = work / f"validate-{which}.json"
                out.unlink(missing_ok=True)
                m = run_measured(
                    [PY, "-m", "bench.validate_worker", which, str(root), str(out)],
                    cwd=REPO,
                    env=_env(),
                    timeout=timeout,
                )
                if m["returncode"] != 0 or not out.exists():
                    row[f"{which}_status"] = "timed out" if m["timed_out"] else "failed"
                    row[f"{which}_reason"] = m["stderr"][-400:]
                    continue
                data = json.loads(out.read_text("utf-8"))
                found[which] = {tuple(e) for e in data["table_errors"]}
                row[f"{which}_s"] = m["wall_s"]
                row[f"{which}_cpu_s"] = m["cpu_s"]
                row[f"{which}_inner_s"] = data["seconds"]
                row[f"{which}_mb"] = m["maxrss_mb"]
                row[f"{which}_errors"] = len(data["table_errors"])
                if which == "ours":
                    row["ours_only_errors"] = len(data["other_errors"])
            if len(found) == 2:
                row["same_errors"] = found["ours"] == found["frictionless"]
                row["missed_by_ours"] = sorted(found["frictionless"] - found["ours"], key=str)[:20]
                row["extra_in_ours"] = sorted(found["ours"] - found["frictionless"], key=str)[:20]
                row["speedup"] = round(row["frictionless_s"] / row["ours_s"], 1)
                row["cpu_speedup"] = round(row["frictionless_cpu_s"] / row["ours_cpu_s"], 1)
                row["rows_per_s_ours"] = round(n / row["ours_s"])
                row["rows_per_s_frictionless"] = round(n / row["frictionless_s"])
            rows.append(row)
            shutil.rmtree(root, ignore_errors=True)
    return {"runs": rows, "per_class": per_class}


def print_validate(res: dict[str, Any]) -> None:
    print("\n(c) validation: tariffs validate vs frictionless validate (wall s incl. start-up)")
    print(
        table(
            res["runs"],
            [
                "claims",
                "variant",
                "injected",
                "ours_s",
                "frictionless_s",
                "speedup",
                "ours_cpu_s",
                "frictionless_cpu_s",
                "cpu_speedup",
                "ours_mb",
                "frictionless_mb",
                "ours_errors",
                "frictionless_errors",
                "same_errors",
                "ours_only_errors",
            ],
        )
    )


# ------------------------------------------------------------------ (d) dashboard
def bench_dashboard_part(n_claims: int, seconds: float, work: Path) -> dict[str, Any]:
    try:
        from bench import dashboard_bench
    except ImportError as exc:
        return {"status": "not run", "reason": f"dashboard benchmark unavailable: {exc}"}
    return dashboard_bench.run(n_claims, seconds, work)


def print_dashboard(res: dict[str, Any]) -> None:
    print("\n(d) dashboard")
    if res.get("status") != "ok":
        print(f"  {res.get('status')}: {res.get('reason')}")
        return
    print(table([res["render"]], list(res["render"])))
    print(table([res["callback"]], list(res["callback"])))
    print(table([res["load"]], list(res["load"])))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--only", default=",".join(PARTS), help=f"comma-separated parts ({', '.join(PARTS)})"
    )
    p.add_argument("--sizes", choices=sorted(SIZES), default="full")
    p.add_argument("--extract-articles", type=int)
    p.add_argument("--build-articles", help="comma-separated article counts")
    p.add_argument("--build-engines", default="local", help="local and/or dask")
    p.add_argument(
        "--build-jobs",
        default="1",
        help="comma-separated --jobs values for the local engine (1 = single process)",
    )
    p.add_argument("--build-timeout", type=float, default=3600.0)
    p.add_argument("--validate-rows", help="comma-separated claims-table sizes")
    p.add_argument("--validate-timeout", type=float, default=1800.0)
    p.add_argument("--per-class", type=int, default=5, help="injected errors per class")
    p.add_argument("--dashboard-claims", type=int)
    p.add_argument("--dashboard-seconds", type=float)
    p.add_argument("--out", type=Path, help="report path (default bench/results/report.json)")
    p.add_argument("--work", type=Path, help="scratch folder (default: a temp dir, removed)")
    args = p.parse_args(argv)
    parts = [x.strip() for x in args.only.split(",") if x.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        p.error(f"unknown part(s) {', '.join(unknown)}; expected {', '.join(PARTS)}")
    size = SIZES[args.sizes]
    report: dict[str, Any] = {
        "machine": machine(),
        "sizes": args.sizes,
        "parts": parts,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:]),
    }
    out = args.out
    scratch = args.work or Path(tempfile.mkdtemp(prefix="tariffs-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        if "validate" in parts:
            sizes = (
                [int(x) for x in args.validate_rows.split(",")]
                if args.validate_rows
                else size["validate"]
            )
            report["validate"] = bench_validate(
                sizes, scratch, args.per_class, args.validate_timeout
            )
            print_validate(report["validate"])
            write_report(report, out)
        if "extract" in parts:
            report["extract"] = bench_extract(args.extract_articles or size["extract"], scratch)
            print_extract(report["extract"])
            write_report(report, out)
        if "dashboard" in parts:
            report["dashboard"] = bench_dashboard_part(
                args.dashboard_claims or size["dash_claims"],
                args.dashboard_seconds or size["dash_seconds"],
                scratch,
            )
            print_dashboard(report["dashboard"])
            write_report(report, out)
        if "build" in parts:
            sizes = (
                [int(x) for x in args.build_articles.split(",")]
                if args.build_articles
                else size["build"]
            )
            engines = [e.strip() for e in args.build_engines.split(",") if e.strip()]
            jobs = [int(x) for x in args.build_jobs.split(",") if x.strip()]
            report["build"] = bench_build(sizes, scratch, engines, args.build_timeout, jobs)
            print_build(report["build"])
            write_report(report, out)
    finally:
        report["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        path = write_report(report, out)
        if args.work is None:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"\nreport: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
