"""Smoke test of the dashboard over the package built at the repository root (skipped when
`tariffs build` has not been run): every claim is anchored on its source page, every chart mark
links to an existing claim, and each pair's figures build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard import data as d
from dashboard import figures
from dashboard.server import create_app

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (ROOT / "datapackage.json").is_file(), reason="no built package (run `tariffs build`)"
)


@pytest.fixture(scope="module")
def app():
    return create_app(ROOT, validate=False)


def test_built_package_loads(app) -> None:
    data = app.tariff_data
    assert data.ok, data.error


def test_every_claim_is_anchored_on_its_source_page(app) -> None:
    data = app.tariff_data
    client = app.server.test_client()
    for sid in data.sources["source_id"]:
        r = client.get(f"/sources/{sid}")
        assert r.status_code == 200
        page = r.data.decode()
        ids = set(re.findall(r'id="([^"]+)"', page))
        claims = set(data.source_claims(sid)["claim_id"])
        assert claims <= ids, sorted(claims - ids)


def test_every_mark_links_to_an_existing_claim(app) -> None:
    data = app.tariff_data
    known = {(s, c) for s, c in zip(data.claims["source_id"], data.claims["claim_id"], strict=True)}
    pairs = d.tariff_pairs(data)
    for imposer, target in pairs:
        st = d.stack_frame(data, imposer, target)
        rates, events = d.timeline_frames(data, imposer, target)
        figs = [figures.stack_figure(st, "t"), figures.timeline_figure(rates, events, "t")]
        for fig in figs:
            for tr in fig.data:
                for row in tr.customdata if tr.customdata is not None else []:
                    if row[0] is None:
                        continue
                    m = re.fullmatch(r"/sources/([^#]+)#(.+)", row[0])
                    assert m and (m.group(1), m.group(2)) in known, row[0]
