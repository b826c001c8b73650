"""Run one command as a child process and measure it: wall time, peak memory, exit code.

CPU time (user + system, the child's own threads) is reported beside wall time because a
shared machine makes wall time noisy. Peak memory is reported two ways: ``maxrss_mb``, the child's own peak resident set from
``os.wait4`` (exact, but blind to grandchildren), and ``tree_peak_mb``, the largest sum of
resident sets over the child and all its descendants, sampled every 50 ms with psutil (catches
worker processes of multiprocessing or dask).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

SAMPLE_S = 0.05


def run_measured(
    cmd: list[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
    stdin_text: str | None = None,
) -> dict[str, Any]:
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil ships with distributed
        psutil = None
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-{os.getpid()}-{time.time_ns()}"
    with open(f"{out_path}.out", "w+b") as out, open(f"{out_path}.err", "w+b") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=err,
            stdin=subprocess.PIPE if stdin_text is not None else None,
        )
        if stdin_text is not None and proc.stdin:
            proc.stdin.write(stdin_text.encode())
            proc.stdin.close()
        tree_peak = 0
        timed_out = False
        ps = psutil.Process(proc.pid) if psutil else None
        status = None
        rusage = None
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if ps is not None:
                try:
                    procs = [ps, *ps.children(recursive=True)]
                    tree = 0
                    for p in procs:
                        try:
                            tree += p.memory_info().rss
                        except psutil.Error:
                            pass
                    tree_peak = max(tree_peak, tree)
                except psutil.Error:
                    pass
            if timeout is not None and time.perf_counter() - start > timeout:
                timed_out = True
                _kill_tree(proc.pid, psutil)
                pid, status, rusage = os.wait4(proc.pid, 0)
                break
            time.sleep(SAMPLE_S)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status) if status is not None else None
        out.seek(0)
        err.seek(0)
        stdout, stderr = (
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )
    for suffix in (".out", ".err"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    return {
        "cmd": cmd,
        "returncode": proc.returncode,
        "timed_out": timed_out,
        "wall_s": round(wall, 3),
        "cpu_s": round(rusage.ru_utime + rusage.ru_stime, 3) if rusage else None,
        "maxrss_mb": round(rusage.ru_maxrss / 1024, 1) if rusage else None,
        "tree_peak_mb": round(max(tree_peak, rusage.ru_maxrss * 1024 if rusage else 0) / 2**20, 1),
        "stdout": stdout,
        "stderr": stderr,
    }


def _kill_tree(pid: int, psutil: Any) -> None:
    """Stop the child we started and its descendants (by pid, never by name)."""
    if psutil is None:
        os.kill(pid, 9)
        return
    try:
        parent = psutil.Process(pid)
        for child in parent.children(recursive=True):
            child.kill()
        parent.kill()
    except psutil.Error:
        pass
