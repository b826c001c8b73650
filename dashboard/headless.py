"""How the project drives headless Chromium: browser tests, README screenshots, benchmarks.

Playwright cannot download its own browser here, so it drives Debian's Chromium
(`scripts/install-system-deps.sh`). The flags keep it off the network: without the
background-networking ones Chromium tries to reach Google's hosts at every start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_installed() -> bool:
    return Path(CHROMIUM).exists()


def launch(playwright: Any) -> Any:
    """A headless Chromium browser from a started ``sync_playwright()`` context."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
