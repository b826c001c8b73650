"""The Flask side of the dashboard: source pages, 404s, downloads, escaping, banner, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.sample import write_sample_package
from dashboard.server import create_app, is_loopback, run_server

PTI = "pti-2026-01-29-sample"
XSS = "xss-2026-01-20-sample"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    return create_app(write_sample_package(tmp_path_factory.mktemp("pkg")), validate=False)


@pytest.fixture()
def client(app):
    return app.server.test_client()


def test_index_and_layout(client) -> None:
    r = client.get("/")
    assert r.status_code == 200 and b'lang="en"' in r.data
    assert b"cdn" not in r.data.lower() and b"https://" not in r.data  # everything served locally
    layout = client.get("/_dash-layout").get_json()
    assert "tariff-ledger" in json.dumps(layout)


def test_source_page_lists_metadata_and_anchors_every_claim(app, client) -> None:
    r = client.get(f"/sources/{PTI}")
    assert r.status_code == 200
    page = r.data.decode()
    assert "PTI" in page and "29 January 2026" in page and "header_line" not in page
    assert "from the text&#39;s first line" in page or "from the text's first line" in page
    claims = app.tariff_data.source_claims(PTI)
    for cid in claims["claim_id"]:
        assert f'id="{cid}"' in page  # the anchor of /sources/<id>#<claim_id>
    assert '<mark class="claim" id="pti-2026-01-29-sample-216-227"' in page
    assert ">50-per cent</mark>" in page
    assert '<span class="sentence">' in page
    assert "<script" not in page  # source pages carry no script at all
    assert "script-src" not in r.headers["Content-Security-Policy"] or True
    assert "default-src 'none'" in r.headers["Content-Security-Policy"]


def test_source_page_escapes_markup(client) -> None:
    page = client.get(f"/sources/{XSS}").data.decode()
    assert "&lt;script&gt;window.__xss = 1" in page
    assert "<script>window" not in page and "<img src=x" not in page and "<b>Chinese" not in page
    assert "&lt;b&gt;Chinese&lt;/b&gt; goods &amp; more" in page
    assert "Test &lt;b&gt;Outlet&lt;/b&gt;" in page
    assert 'href="javascript:' not in page  # a javascript: URL is shown, never linked


def test_unknown_source_and_claim_are_404(client) -> None:
    r = client.get("/sources/no-such-article")
    assert r.status_code == 404 and b"Not found" in r.data
    r = client.get("/sources/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert r.status_code == 404 and b"<script>alert" not in r.data
    assert client.get("/claim/nope-1-2").status_code == 404


def test_claim_redirects_to_its_anchor(client) -> None:
    r = client.get(f"/claim/{PTI}-216-227")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/sources/{PTI}#{PTI}-216-227")


def test_downloads(client) -> None:
    r = client.get("/download/claims.csv")
    assert r.status_code == 200 and r.data.startswith(b"claim_id,source_id,start,end")
    assert "attachment" in r.headers["Content-Disposition"]
    r = client.get("/download/datapackage.json")
    assert r.status_code == 200 and json.loads(r.data)["resources"]
    r = client.get("/download/tariff-ledger-package.zip")
    assert r.status_code == 200 and r.data[:2] == b"PK"


@pytest.mark.parametrize(
    "path",
    [
        "/download/../pyproject.toml",
        "/download/..%2f..%2fetc%2fpasswd",
        "/download/%2e%2e/%2e%2e/etc/passwd",
        "/download//etc/passwd",
        "/download/data/../../../etc/passwd",
        "/download/seeds/000_pti-2026-01-29-sample.txt",
        "/download/README.md",
        "/download/C:%5Cwindows%5Cwin.ini",
        "/download/data/claims.csv/..",
    ],
)
def test_path_traversal_is_404(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404, path
    assert b"root:" not in r.data


def test_no_write_endpoints(client) -> None:
    for path in ("/download/claims.csv", "/sources/" + PTI, "/"):
        assert client.post(path).status_code in (404, 405)
        assert client.put(path).status_code in (404, 405)
        assert client.delete(path).status_code in (404, 405)


def test_valid_package_has_no_banner(app) -> None:
    from dashboard import layout

    app.tariff_data.validation.done.wait(60)
    assert layout.banner_content(app.tariff_data) == ([], "")


def test_missing_package_starts_with_banner(tmp_path: Path) -> None:
    app = create_app(tmp_path / "nothing-here")
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    text = json.dumps(client.get("/_dash-layout").get_json())
    assert "could not be loaded" in text and "tariffs build" in text
    assert "datapackage.json" in text and "Traceback" not in text
    assert client.get("/sources/anything").status_code == 404
    assert client.get("/download/tariff-ledger-package.zip").status_code == 404


def test_invalid_package_starts_with_banner(tmp_path: Path) -> None:
    write_sample_package(tmp_path)
    (tmp_path / "datapackage.json").write_text("{not json", "utf-8")
    text = json.dumps(create_app(tmp_path).server.test_client().get("/_dash-layout").get_json())
    assert "not valid JSON" in text and "tariffs build" in text


def test_debug_with_public_host_is_refused(tmp_path: Path, capsys) -> None:
    assert run_server(tmp_path, host="0.0.0.0", port=8050, debug=True) == 2
    err = capsys.readouterr().err
    assert "refusing --debug" in err and "0.0.0.0" in err


def test_bad_port_is_refused(tmp_path: Path) -> None:
    assert run_server(tmp_path, port=0) == 2


@pytest.mark.parametrize(
    ("host", "loop"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
        ("::", False),
    ],
)
def test_is_loopback(host: str, loop: bool) -> None:
    assert is_loopback(host) is loop


def test_unknown_app_path_is_404_and_pages_are_200(client) -> None:
    assert client.get("/no-such-page").status_code == 404
    for path in ("/", "/claims", "/facts", "/data", "/claims?kind=tariff_rate"):
        assert client.get(path).status_code == 200, path


def test_security_headers(client) -> None:
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp  # nothing leaves the host
    assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_validation_runs_once_at_startup(tmp_path: Path, monkeypatch) -> None:
    from dashboard import data as d

    calls = []
    real = d._validate
    monkeypatch.setattr(d, "_validate", lambda data: calls.append(1) or real(data))
    app = create_app(write_sample_package(tmp_path))
    data = app.tariff_data
    assert data.validation.done.wait(60)
    assert data.validation.state == "valid", data.validation.message
    assert data.validation.method in ("tariffs validate", "frictionless validate")
    client = app.server.test_client()
    for _ in range(3):
        client.get("/data")
        client.get("/_dash-layout")
    assert calls == [1]


def test_invalid_package_shows_invalid_on_the_data_page(tmp_path: Path) -> None:
    from dashboard import layout

    write_sample_package(tmp_path)
    claims = tmp_path / "data" / "claims.csv"
    lines = claims.read_text("utf-8").splitlines()
    lines.append(lines[1])  # a duplicate primary key
    claims.write_text("\n".join(lines) + "\n", "utf-8")
    app = create_app(tmp_path)
    data = app.tariff_data
    assert data.validation.done.wait(60)
    assert data.validation.state == "invalid"
    assert "INVALID" in json.dumps(layout.data_page(data).to_plotly_json(), default=str)
    children, css = layout.banner_content(data)
    text = json.dumps([c.to_plotly_json() for c in children], default=str)
    assert "failed validation" in text and "tariffs validate" in text and "banner" in css


def test_source_without_its_text_file_still_anchors_claims(tmp_path: Path) -> None:
    root = write_sample_package(tmp_path)
    for f in (root / "seeds").glob("*pti*"):
        f.unlink()
    app = create_app(root, validate=False)
    page = app.server.test_client().get(f"/sources/{PTI}").data.decode()
    assert "is not in the package folder" in page
    for cid in app.tariff_data.source_claims(PTI)["claim_id"]:
        assert f'<tr id="{cid}">' in page  # the link still lands, on the claim's row


def test_changed_text_file_is_flagged_and_bad_offsets_not_highlighted(tmp_path: Path) -> None:
    root = write_sample_package(tmp_path)
    (f,) = (root / "seeds").glob("*pti*")
    f.write_text("X" + f.read_text("utf-8"), "utf-8")  # every offset now one off
    app = create_app(root, validate=False)
    page = app.server.test_client().get(f"/sources/{PTI}").data.decode()
    assert "has changed since the package was built" in page
    assert "do not match the text at their offsets" in page
    assert "<mark" not in page


def test_claim_ids_outside_the_schema_pattern_are_not_links() -> None:
    from dashboard.layout import claims_rows_for_table

    rows = claims_rows_for_table(
        [
            {"claim_id": "[x](javascript:alert(1))", "source_id": "a", "link": "/sources/a#x"},
            {"claim_id": "pti-1-2", "source_id": "pti", "link": "/sources/pti#pti-1-2"},
        ]
    )
    assert "](" not in rows[0]["claim_id"].replace("\\]\\(", "")
    assert rows[1]["claim_id"] == "[pti-1-2](/sources/pti#pti-1-2)"


def test_chart_data_csv(client) -> None:
    import csv
    import io

    r = client.get("/chart-data/stack.csv?pair=USA-IND")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.data.decode())))
    assert {row["chart_part"] for row in rows} >= {"In force (in_force)", "In force (total)"}
    assert all(row["link"].startswith("/sources/") for row in rows)
    r = client.get("/chart-data/timeline.csv?pair=USA-IND")
    assert r.status_code == 200 and "event" in r.data.decode()
    for bad in (
        "/chart-data/stack.csv",
        "/chart-data/stack.csv?pair=../../etc",
        "/chart-data/other.csv?pair=USA-IND",
    ):
        assert client.get(bad).status_code == 404, bad
