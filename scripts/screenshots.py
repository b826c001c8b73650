"""Render PNG screenshots of the dashboard's main views for the README (docs/img/).

Serves the package with waitress on a free loopback port and photographs it with Debian's
Chromium through Playwright, at 1280 px (desktop) and 390 px (phone) wide:

    .venv/bin/python scripts/screenshots.py                 # the built package at the repo root
    .venv/bin/python scripts/screenshots.py --dir path/to/package --out docs/img
    .venv/bin/python scripts/screenshots.py --sample        # the dashboard's small sample package

Needs `apt-get install chromium` (the browser at /usr/bin/chromium). Exit code 1 if the package
is missing (run `tariffs build` first) or the browser cannot start.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.headless import CHROMIUM, launch  # noqa: E402  (after the path is set)

WIDTHS = {"desktop": (1280, 1000), "phone": (390, 844)}


def views(data) -> list[tuple[str, str]]:
    """(name, path) of the views to photograph; the source page is the one the first in-force
    segment of the first pair's stack links to, so the highlight shows."""
    from dashboard.data import stack_frame, tariff_pairs

    out = [
        ("overview", "/"),
        ("claims", "/claims?kind=tariff_rate"),
        ("facts", "/facts"),
        ("data", "/data"),
    ]
    pairs = tariff_pairs(data)
    link = ""
    if pairs:
        st = stack_frame(data, *pairs[0])
        links = [x for x in st["link"] if isinstance(x, str) and x]
        link = links[0] if links else ""
    if not link and len(data.claims):
        from dashboard.data import source_url

        c = data.claims.iloc[0]
        link = source_url(str(c["source_id"]), str(c["claim_id"]))
    if link:
        out.append(("source", link))
    return out


def shoot(package_dir: Path, out_dir: Path) -> int:
    from playwright.sync_api import sync_playwright

    from dashboard.server import BackgroundServer, create_app

    app = create_app(package_dir)
    data = getattr(app, "tariff_data")  # noqa: B009
    if not data.ok:
        print(f"screenshots: {data.error}\n  {data.hint}", file=sys.stderr)
        return 1
    data.validation.done.wait(120)
    server = BackgroundServer(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as p:
            browser = launch(p)
            for width, height in WIDTHS.values():
                ctx = browser.new_context(
                    viewport={"width": width, "height": height}, device_scale_factor=1
                )
                page = ctx.new_page()
                for name, path in views(data):
                    page.goto(server.url + path)
                    if name == "overview":
                        page.wait_for_selector("#stack-graph .main-svg", timeout=30000)
                        page.wait_for_selector("#timeline-graph .main-svg", timeout=30000)
                    elif name == "claims":
                        page.wait_for_selector("#claims-table td", timeout=30000)
                    elif name == "facts":
                        page.wait_for_selector("details.fact", timeout=30000)
                        page.locator("details.fact summary").first.click()
                    page.wait_for_timeout(1200)
                    target = out_dir / f"{name}-{width}.png"
                    # the overview whole (both charts); other views as the reader first sees
                    # them (the source page scrolled to the highlighted sentence)
                    page.screenshot(path=str(target), full_page=name == "overview")
                    written.append(target)
                ctx.close()
            browser.close()
    finally:
        server.close()
    for t in written:
        print(f"wrote {t.relative_to(ROOT) if t.is_relative_to(ROOT) else t}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--dir", type=Path, default=ROOT, help="package folder (default: repo root)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="output folder")
    ap.add_argument("--sample", action="store_true", help="photograph the built-in sample package")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"screenshots: {CHROMIUM} not found; apt-get install chromium", file=sys.stderr)
        return 1
    if args.sample:
        from dashboard.sample import write_sample_package

        with tempfile.TemporaryDirectory() as tmp:
            return shoot(write_sample_package(Path(tmp)), args.out)
    if not (args.dir / "datapackage.json").is_file():
        print(
            f"screenshots: no datapackage.json in {args.dir}; run `tariffs build` first "
            "(or pass --sample)",
            file=sys.stderr,
        )
        return 1
    return shoot(args.dir, args.out)


if __name__ == "__main__":
    sys.exit(main())
