"""The descriptor's `sources` after a build: made from the sources rows before they are
dropped (ahead of reconciliation), in metadata order, in its place among the keys."""

from __future__ import annotations

import json
from pathlib import Path

from datapkg.build import build

SOURCES_YML = """sources:
  - source_id: zeta-2026-02-01
    file: seeds/a.txt
    publisher: Zeta Daily
    origin: zeta
    author: ""
    title: Steel duties rise
    published: 2026-02-01
    date_basis: header_line
    date_note: ""
    url: https://example.org/steel
  - source_id: alpha-2026-02-02
    file: seeds/b.txt
    publisher: ""
    origin: alpha
    author: ""
    title: ""
    published: 2026-02-02
    date_basis: header_line
    date_note: ""
    url: ""
"""


def test_descriptor_sources_are_the_metadata_rows_in_order(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(" date 2026-02-01\nNo figures here.\n", "utf-8")
    (tmp_path / "seeds" / "b.txt").write_text(" date 2026-02-02\nNothing either.\n", "utf-8")
    (tmp_path / "seeds" / "sources.yml").write_text(SOURCES_YML, "utf-8")
    (tmp_path / "curation").mkdir()
    (tmp_path / "curation" / "corrections.yml").write_text("corrections: []\n", "utf-8")
    result = build(tmp_path)
    desc = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    # worked out from SOURCES_YML by hand: "publisher: title, published", the url as path,
    # an unnamed outlet and an untitled article said so
    assert desc["sources"] == [
        {"title": "Zeta Daily: Steel duties rise, 2026-02-01", "path": "https://example.org/steel"},
        {"title": "unnamed outlet: untitled article (alpha-2026-02-02), 2026-02-02"},
    ]
    keys = list(desc)
    assert keys.index("contributors") + 1 == keys.index("sources") == keys.index("resources") - 1
    assert result.counts["sources"] == 2
    rows = (tmp_path / "data" / "sources.csv").read_text("utf-8").splitlines()
    assert [r.split(",")[0] for r in rows[1:]] == ["zeta-2026-02-01", "alpha-2026-02-02"]
