"""(d) Dashboard: first render, callback latency and throughput on loopback.

The package (``bench.corpus.write_package``, N claims) is served by ``tariffs serve`` (waitress,
127.0.0.1 only, a free port) in a child process. Then:

* first render: headless Chromium (playwright, Debian's /usr/bin/chromium) opens ``/`` and
  waits until the figures are drawn and no Dash callback is pending; the time from
  ``goto`` is the first render, and the callback requests the page made are recorded;
* callback latency: each recorded callback request is replayed sequentially over HTTP
  (median and p95);
* load: 50 client threads (http.client, keep-alive) send the page and the recorded callbacks
  round-robin, for at most ``seconds`` seconds and at most ``max_requests`` requests in all;
  requests per second, error count, latency percentiles.

Without Chromium the first-render and callback parts say so and the load uses the page and
the Dash layout/dependency endpoints only.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench import corpus
from dashboard.headless import CHROMIUM, launch

HOST = "127.0.0.1"
CALLBACK_PATH = "/_dash-update-component"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return round(ordered[k] * 1000, 1)


def wait_ready(url: str, proc: Any, timeout: float = 300) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/", timeout=5) as r:
                if r.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} not ready after {timeout} s")


def first_render(url: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Chromium first render of / and the callback requests it made."""
    if not Path(CHROMIUM).exists():
        return {"status": "not run", "reason": f"{CHROMIUM} not installed"}, []
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"status": "not run", "reason": "playwright not installed"}, []
    calls: list[dict[str, Any]] = []
    with sync_playwright() as p:
        browser = launch(p)  # the project's flags keep Chromium off the network
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(url) else route.abort(),
        )

        def on_request(req: Any) -> None:
            if req.method == "POST" and CALLBACK_PATH in req.url:
                calls.append(
                    {"body": req.post_data or "", "headers": {"Content-Type": "application/json"}}
                )

        page.on("request", on_request)
        t0 = time.perf_counter()
        page.goto(url + "/", wait_until="load")
        page.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=120000
        )
        page.wait_for_function(
            "!document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=120000
        )
        rendered = time.perf_counter() - t0
        page.wait_for_timeout(500)
        graphs = page.evaluate("document.querySelectorAll('.js-plotly-plot').length")
        browser.close()
    return {
        "status": "ok",
        "first_render_s": round(rendered, 3),
        "graphs": graphs,
        "callbacks_on_load": len(calls),
    }, calls


def _request(conn: http.client.HTTPConnection, req: dict[str, Any]) -> int:
    if req.get("body") is not None and req.get("method", "POST") == "POST":
        conn.request("POST", CALLBACK_PATH, body=req["body"].encode(), headers=req["headers"])
    else:
        conn.request("GET", req["path"])
    resp = conn.getresponse()
    resp.read()
    return resp.status


def callback_latency(port: int, calls: list[dict[str, Any]], repeats: int) -> dict[str, Any]:
    if not calls:
        return {"status": "not run", "reason": "no callback requests were recorded"}
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    times: list[float] = []
    errors = 0
    for _ in range(repeats):
        for c in calls:
            t = time.perf_counter()
            try:
                status = _request(conn, c)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
                status = 0
            times.append(time.perf_counter() - t)
            errors += status != 200
    conn.close()
    return {
        "status": "ok",
        "requests": len(times),
        "errors": errors,
        "median_ms": pct(times, 50),
        "p95_ms": pct(times, 95),
        "max_ms": pct(times, 100),
    }


def load(
    port: int, mix: list[dict[str, Any]], clients: int, seconds: float, max_requests: int
) -> dict[str, Any]:
    """Closed-loop load: *clients* threads, stops at *seconds* or *max_requests*."""
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()
    state = {"sent": 0, "ok": 0, "errors": 0}
    kinds: dict[str, int] = {}
    latencies: list[float] = []

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        i = k
        mine: list[float] = []
        while time.perf_counter() < deadline:
            with lock:
                if state["sent"] >= max_requests:
                    break
                state["sent"] += 1
            req = mix[i % len(mix)]
            i += 1
            t = time.perf_counter()
            kind = ""
            try:
                status = _request(conn, req)
                if status != 200:
                    kind = f"HTTP {status}"
            except (OSError, http.client.HTTPException) as exc:
                kind = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
            mine.append(time.perf_counter() - t)
            with lock:
                state["errors" if kind else "ok"] += 1
                if kind:
                    kinds[kind] = kinds.get(kind, 0) + 1
        conn.close()
        with lock:
            latencies.extend(mine)

    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    elapsed = time.perf_counter() - start
    return {
        "clients": clients,
        "seconds": round(elapsed, 2),
        "requests": state["ok"] + state["errors"],
        "errors": state["errors"],
        "requests_per_s": round((state["ok"] + state["errors"]) / elapsed, 1),
        "median_ms": pct(latencies, 50),
        "p95_ms": pct(latencies, 95),
        "error_kinds": kinds,
        "mix": sorted({"callback" if "body" in r else r["path"] for r in mix}),
    }


def run(
    n_claims: int,
    seconds: float,
    work: Path,
    clients: int = 50,
    max_requests: int = 200_000,
    repeats: int = 20,
) -> dict[str, Any]:
    import subprocess

    try:
        import psutil
    except ImportError:  # pragma: no cover
        psutil = None
    root = work / f"dashboard-{n_claims}"
    shutil.rmtree(root, ignore_errors=True)
    counts = corpus.write_package(root, n_claims, seed=9)
    port = free_port()
    url = f"http://{HOST}:{port}"
    tariffs = str(Path(sys.executable).with_name("tariffs"))
    env = dict(os.environ)
    # The server's stderr goes to a file: waitress logs a warning per queued task under load,
    # and an unread pipe would fill up and stall the server.
    log_path = work / f"dashboard-{n_claims}-server.log"
    log = log_path.open("wb")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [tariffs, "serve", "--dir", str(root), "--host", HOST, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=log,
        env=env,
    )
    result: dict[str, Any] = {"claims": counts["claims"], "facts": counts["facts"], "url": url}
    try:
        try:
            ready = wait_ready(url, proc)
        except (RuntimeError, TimeoutError) as exc:
            log.flush()
            err = log_path.read_text("utf-8", "replace")[-800:]
            return {"status": "not run", "reason": f"dashboard did not start: {exc} {err}"}
        render, calls = first_render(url)
        render["server_ready_s"] = round(ready, 3)
        render["process_start_to_render_s"] = (
            round(time.perf_counter() - t0, 3) if render.get("status") == "ok" else None
        )
        result["render"] = render
        result["callback"] = callback_latency(port, calls, repeats)
        mix = (
            [{"path": "/", "method": "GET"}, *calls]
            if calls
            else [
                {"path": "/", "method": "GET"},
                {"path": "/_dash-layout", "method": "GET"},
                {"path": "/_dash-dependencies", "method": "GET"},
            ]
        )
        result["load"] = load(port, mix, clients, seconds, max_requests)
        warnings = log_path.read_text("utf-8", "replace").count("Task queue depth")
        result["load"]["server_queue_warnings"] = warnings
        if psutil is not None:
            result["server_rss_mb"] = round(psutil.Process(proc.pid).memory_info().rss / 2**20, 1)
        result["status"] = "ok"
        return result
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(run(int(sys.argv[1]), float(sys.argv[2]), Path(sys.argv[3])), indent=2))
