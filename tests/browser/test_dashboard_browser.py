"""The dashboard in headless Chromium: charts render, marks lead to their sentence, the claims
table filters through the URL, the zip validates, and hostile input fails safely."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser

PTI = "pti-2026-01-29-sample"
XSS = "xss-2026-01-20-sample"


def _wait_graphs(page, n: int = 2) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {n}", timeout=20000
    )
    page.wait_for_selector("#stack-graph .barlayer .point path", timeout=20000)


def test_overview_renders_stack_and_timeline(page, live_url: str) -> None:
    page.goto(live_url + "/")
    _wait_graphs(page)
    assert page.locator("#stack-graph .barlayer .point").count() == 4
    assert "United States tariffs on India" in page.locator("#stack-graph").inner_text()
    assert "stated total 50%" in page.locator("#stack-graph").inner_text()
    timeline = page.locator("#timeline-graph")
    assert "over time" in timeline.inner_text()
    assert timeline.locator(".scatterlayer .point").count() >= 4
    assert "Conditional tariffs" in page.inner_text("main")
    assert "2 billion" in page.inner_text("main")
    # charts can be saved as images: plotly's toImage button is in the modebar
    page.hover("#stack-graph")
    assert (
        page.locator("#stack-graph .modebar-btn[data-title='Download plot as a PNG']").count() == 1
    )
    assert (
        page.locator("#stack-graph .modebar-btn[data-title^='Share']").count() == 0
    )  # no cloud upload
    assert page.external_requests == []
    assert page.console_errors == []


def _count_is(page, prefix: str) -> None:
    page.wait_for_function(
        "p => (document.querySelector('#claims-count')?.innerText || '').startsWith(p)",
        arg=prefix,
        timeout=20000,
    )


def _click_center(page, locator) -> None:
    locator.scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    box = locator.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_clicking_a_stack_segment_opens_its_sentence(page, live_url: str) -> None:
    page.goto(live_url + "/")
    _wait_graphs(page)
    seg = page.locator("#stack-graph .barlayer .point path").first
    t0 = time.perf_counter()
    _click_center(page, seg)
    page.wait_for_url("**/sources/**#*", timeout=10000)
    elapsed = time.perf_counter() - t0
    source_id, claim_id = page.url.split("/sources/")[1].split("#")
    target = page.locator(f"[id='{claim_id}']")
    assert target.count() == 1
    assert target.evaluate("e => e.matches(':target')")
    mark = page.locator("mark:target, mark:has(> .alias:target)")
    assert mark.count() == 1
    # the targeted mark is highlighted differently from the others, and in view
    bg = mark.evaluate("e => getComputedStyle(e).backgroundColor")
    other = page.locator("mark.claim:not(:target)").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert bg != other
    assert mark.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    sentence_bg = mark.evaluate("e => getComputedStyle(e.closest('.sentence')).backgroundColor")
    assert sentence_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert elapsed < 10


def test_clicking_a_timeline_event_opens_its_sentence(page, live_url: str) -> None:
    page.goto(live_url + "/")
    _wait_graphs(page)
    point = page.locator("#timeline-graph .scatterlayer .point").last
    _click_center(page, point)
    page.wait_for_url("**/sources/**#*", timeout=10000)
    claim_id = page.url.split("#")[1]
    assert page.locator(f"[id='{claim_id}']").evaluate("e => e.matches(':target')")


def test_deep_link_lands_on_highlighted_quote_at_phone_width(browser, live_url: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    cid = f"{PTI}-265-276"
    pg.goto(f"{live_url}/sources/{PTI}#{cid}")
    mark = pg.locator(f"[id='{cid}']")
    assert mark.inner_text() == "25-per cent"
    assert mark.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    assert pg.evaluate("document.scrollingElement.scrollWidth") <= 391
    ctx.close()


def test_claims_table_filters_and_keeps_them_in_the_url(page, live_url: str) -> None:
    page.goto(live_url + "/claims")
    page.wait_for_selector("#claims-table td", timeout=20000)
    _count_is(page, "14 claims")
    page.fill("#claims-search", "iran")
    page.keyboard.press("Enter")
    _count_is(page, "2 claims")
    assert "q=iran" in page.url
    # a shared link restores the view
    page.goto(live_url + "/claims?status=proposed")
    _count_is(page, "1 claim ")
    rows = page.locator("#claims-table tbody tr:has(td)")
    expect(rows).to_have_count(1)
    assert "waiver of the 25 per cent tariff penalty" in rows.first.inner_text()
    # the claim id links to its sentence
    link = rows.first.locator("a")
    assert "/sources/indianexpress-2026-01-30-sample#" in link.get_attribute("href")
    # sorting is server-side and lands in the URL too
    page.goto(live_url + "/claims?kind=tariff_rate&sort=value_display:desc")
    _count_is(page, "9 claims")
    first_value = page.locator("#claims-table tbody tr:has(td)").first.locator(
        "td[data-dash-column='value_display']"
    )
    expect(first_value).to_have_text("55%")


def test_zip_download_validates(page, live_url: str, tmp_path: Path) -> None:
    from frictionless import validate

    page.goto(live_url + "/data")
    page.wait_for_selector(".validation-valid", timeout=20000)
    assert "passed at startup" in page.inner_text(".validation-valid")
    with page.expect_download() as dl:
        page.click("a[href='/download/tariff-ledger-package.zip']")
    path = tmp_path / "pkg.zip"
    dl.value.save_as(path)
    with zipfile.ZipFile(path) as zf:
        assert "datapackage.json" in zf.namelist() and "data/claims.csv" in zf.namelist()
        zf.extractall(tmp_path / "unzipped")
    report = validate(str(tmp_path / "unzipped" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_markup_in_articles_shows_literally_and_never_runs(page, live_url: str) -> None:
    page.goto(f"{live_url}/sources/{XSS}")
    text = page.inner_text(".article-text")
    assert "<script>window.__xss = 1; alert('xss')</script>" in text
    assert "<b>Chinese</b>" in text
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator(".article-text script, .article-text img, .article-text b").count() == 0
    # the outlet name with markup, in the claims explorer and in the chart hover
    page.goto(f"{live_url}/claims?source_id={XSS}")
    _count_is(page, "1 claim ")
    assert "Test <b>Outlet</b>" in page.inner_text("#claims-table")
    page.fill("#claims-search", "<img src=x onerror=alert(5)>")
    page.keyboard.press("Enter")
    _count_is(page, "0 claims")
    page.goto(live_url + "/facts")
    page.wait_for_selector("details.fact")
    assert "<script>alert(4)</script>" in page.inner_text("#facts-list")
    assert page.dialogs == []


@pytest.mark.parametrize(
    "path",
    [
        "/download/..%2f..%2f..%2fetc%2fpasswd",
        "/download/../../etc/passwd",
        "/download//etc/passwd",
        "/sources/..%2f..%2fetc%2fpasswd",
        "/sources/no-such-source",
        "/download/%2e%2e/pyproject.toml",
    ],
)
def test_path_traversal_and_unknown_ids_fail_safely(page, live_url: str, path: str) -> None:
    resp = page.request.get(live_url + path)
    assert resp.status == 404
    assert "root:" not in resp.text()


def test_facts_expand_to_their_claims(page, live_url: str) -> None:
    page.goto(live_url + "/facts")
    page.wait_for_selector("details.fact")
    fact = page.locator("details.fact", has_text="US tariff on India: 50%")
    fact.locator("summary").click()
    body = fact.locator(".fact-body")
    assert "gibn-2026-01-sample gives 55%" in body.inner_text()
    roles = body.locator("tbody tr td:first-child").all_inner_texts()
    assert sorted(roles) == ["disagrees", "states", "states"]


def test_phone_width_has_no_horizontal_scroll(browser, live_url: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    for path in ("/", "/claims", "/facts", "/data"):
        pg.goto(live_url + path)
        pg.wait_for_selector("#page-content > *", timeout=20000)
        pg.wait_for_timeout(500)
        assert pg.evaluate("document.scrollingElement.scrollWidth") <= 391, path
    ctx.close()


def test_keyboard_reaches_skip_link_and_nav(page, live_url: str) -> None:
    page.goto(live_url + "/")
    page.wait_for_selector("#stack-graph")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"


def test_pair_is_kept_in_the_url(page, live_url: str) -> None:
    page.goto(live_url + "/?pair=USA-CHN")
    page.wait_for_function(
        "(document.querySelector('#stack-graph')?.innerText || '').includes('tariffs on China')",
        timeout=20000,
    )
    text = page.locator("#stack-graph").inner_text()
    assert "stated total 10%" in text and "Conditional" in text


@pytest.fixture(scope="module")
def big_url(tmp_path_factory: pytest.TempPathFactory):
    import copy

    from dashboard.sample import sample_rows, scaled_claims, write_sample_package
    from dashboard.server import BackgroundServer, create_app

    rows = copy.deepcopy(sample_rows())
    rows["claims"] = rows["claims"] + scaled_claims(100_000)
    root = write_sample_package(tmp_path_factory.mktemp("big"), rows)
    server = BackgroundServer(create_app(root, validate=False))
    yield server.url
    server.close()


def test_claims_table_stays_fast_with_100k_claims(page, big_url: str) -> None:
    t0 = time.perf_counter()
    page.goto(big_url + "/claims")
    _count_is(page, "100,014 claims")
    timings = {"first page": time.perf_counter() - t0}
    for q in ("russian", "iran"):
        t0 = time.perf_counter()
        page.fill("#claims-search", q)
        page.keyboard.press("Enter")
        page.wait_for_function("q => new URL(location.href).searchParams.get('q') === q", arg=q)
        timings[q] = time.perf_counter() - t0
    t0 = time.perf_counter()
    page.click("th[data-dash-column='published'] .column-header--sort")
    page.wait_for_function("location.search.includes('sort=published')")
    timings["sort"] = time.perf_counter() - t0
    expect(page.locator("#claims-table tbody tr:has(td)")).to_have_count(25)
    assert max(timings.values()) < 3.0, timings


def test_chart_saves_as_png_offline(page, live_url: str, tmp_path: Path) -> None:
    page.goto(live_url + "/")
    _wait_graphs(page)
    page.hover("#stack-graph")
    with page.expect_download(timeout=20000) as dl:
        page.click("#stack-graph .modebar-btn[data-title='Download plot as a PNG']")
    path = tmp_path / "stack.png"
    dl.value.save_as(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 10_000
    assert page.external_requests == []


def test_each_page_has_its_own_title(page, live_url: str) -> None:
    page.goto(live_url + "/claims")
    page.wait_for_function("document.title === 'Claims · tariff-ledger'", timeout=20000)
    page.click("nav >> text=Facts")
    page.wait_for_function("document.title === 'Facts · tariff-ledger'", timeout=20000)
    page.goto(f"{live_url}/sources/{PTI}")
    assert page.title().endswith("· tariff-ledger")


def test_missing_and_invalid_packages_show_a_banner(page, tmp_path: Path) -> None:
    from dashboard.sample import write_sample_package
    from dashboard.server import BackgroundServer, create_app

    missing = BackgroundServer(create_app(tmp_path / "nothing"))
    try:
        page.goto(missing.url + "/")
        banner = page.locator("#banner[role='alert']")
        expect(banner).to_contain_text("could not be loaded")
        expect(banner).to_contain_text("tariffs build")
        assert "Traceback" not in page.inner_text("body")
    finally:
        missing.close()
    root = write_sample_package(tmp_path / "invalid")
    claims = root / "data" / "claims.csv"
    lines = claims.read_text("utf-8").splitlines()
    claims.write_text("\n".join([*lines, lines[1]]) + "\n", "utf-8")  # duplicate key
    app = create_app(root)
    assert app.tariff_data.validation.done.wait(60)
    invalid = BackgroundServer(app)
    try:
        page.goto(invalid.url + "/claims")
        expect(page.locator("#banner")).to_contain_text("failed validation")
        expect(page.locator("#banner")).to_contain_text("tariffs validate")
    finally:
        invalid.close()
