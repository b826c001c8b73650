"""Real-browser fixtures: the sample package served by waitress in a thread, Debian's Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from dashboard.headless import CHROMIUM, launch


@pytest.fixture(scope="session")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dashboard.sample import write_sample_package

    return write_sample_package(tmp_path_factory.mktemp("browser-pkg"))


@pytest.fixture(scope="session")
def live_url(package_dir: Path) -> Iterator[str]:
    from dashboard.server import BackgroundServer, create_app

    app = create_app(package_dir)
    app.tariff_data.validation.done.wait(60)
    server = BackgroundServer(app, "127.0.0.1", 0)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Chromium not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_url: str) -> Iterator[object]:
    """A fresh page that refuses (and records) any request leaving the loopback server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.external_requests = []  # type: ignore[attr-defined]
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]

    def route(r):
        url = r.request.url
        if urlparse(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            pg.external_requests.append(url)  # type: ignore[attr-defined]
            r.abort()

    pg.route("**/*", route)
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))  # type: ignore[attr-defined]

    def on_dialog(dialog):
        pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    context.close()
