"""Virtual environments of the peers, each its own: bench/.envs/<name> (gitignored).

A peer is installed with pip from the package index into a fresh venv made with the running
interpreter, then imported once. When either step fails the reason is kept for the report;
nothing is faked.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

ENVS = Path(__file__).resolve().parent / ".envs"

# name -> (pip requirements, a module to import as a smoke check, why any pin is needed)
PEERS: dict[str, tuple[list[str], str, str]] = {
    "quantulum3": (["quantulum3"], "quantulum3.parser", ""),
    "recognizers-text-suite": (
        ["recognizers-text-suite", "emoji<1.0"],
        "recognizers_suite",
        "emoji<1.0: recognizers-text 1.0.2a2 imports emoji.UNICODE_EMOJI, removed in emoji 2",
    ),
}


def python_of(name: str) -> Path:
    return ENVS / name / "bin" / "python"


def ensure(name: str, python: str | None = None) -> dict[str, Any]:
    """Create and install the peer's venv if needed; returns status (ok, python, error)."""
    requirements, module, pin_note = PEERS[name]
    env = ENVS / name
    status: dict[str, Any] = {"peer": name, "requirements": requirements, "note": pin_note}
    py = python_of(name)
    if not py.exists():
        env.parent.mkdir(parents=True, exist_ok=True)
        if python:
            subprocess.run([python, "-m", "venv", str(env)], check=True)
        else:
            venv.EnvBuilder(with_pip=True, clear=True).create(env)
    check = subprocess.run([str(py), "-c", f"import {module}"], capture_output=True, text=True)
    if check.returncode != 0:
        pip = subprocess.run(
            [str(py), "-m", "pip", "install", "-q", *requirements],
            capture_output=True,
            text=True,
            timeout=1200,
        )
        if pip.returncode != 0:
            status.update(ok=False, error="pip install failed: " + _tail(pip.stderr))
            return status
        check = subprocess.run([str(py), "-c", f"import {module}"], capture_output=True, text=True)
        if check.returncode != 0:
            status.update(
                ok=False, error=f"installed but `import {module}` fails: " + _tail(check.stderr)
            )
            return status
    version = subprocess.run(
        [str(py), "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True
    ).stdout.strip()
    status.update(ok=True, python=version, interpreter=str(py))
    return status


def _tail(text: str, lines: int = 4) -> str:
    kept = [ln for ln in text.strip().splitlines() if not ln.startswith("WARNING: Location")]
    return " | ".join(kept[-lines:])


if __name__ == "__main__":  # pragma: no cover
    for peer in sys.argv[1:] or list(PEERS):
        print(ensure(peer))
