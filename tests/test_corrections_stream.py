"""Curated corrections applied one article at a time (the build's streaming path), with the
results and errors the whole-corpus apply_corrections gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from datapkg.corrections import CorrectionError, Corrections
from datapkg.reconcile.testing import claim_row

R = "a test of the per-article path"
TEXT_A = "US tariff of 25 per cent on India."  # "25 per cent" at [13, 24)
TEXT_B = "A 50 per cent duty starts today."  # "50 per cent" at [2, 13)


def _root(tmp_path: Path, entries: list[dict[str, Any]]) -> Path:
    (tmp_path / "curation").mkdir()
    (tmp_path / "curation" / "corrections.yml").write_text(
        yaml.safe_dump({"corrections": entries}), "utf-8"
    )
    return tmp_path


def _claims_a() -> list[dict[str, Any]]:
    return [claim_row("a", 13, end=24), claim_row("a", 0, end=2, mention="US", kind="count")]


def _claims_b() -> list[dict[str, Any]]:
    return [claim_row("b", 2, end=13, mention="50 per cent", value=50.0)]


def test_set_drop_and_add_touch_only_their_article_in_file_order(tmp_path: Path) -> None:
    root = _root(
        tmp_path,
        [
            {
                "id": "fix-a",
                "op": "set",
                "claim_id": "a-13-24",
                "set": {"status": "announced"},
                "reason": R,
            },
            {"id": "drop-b", "op": "drop", "claim_id": "b-2-13", "reason": R},
            {
                "id": "add-b",
                "op": "add",
                "reason": R,
                "claim": {
                    "source_id": "b",
                    "start": 19,
                    "end": 24,
                    "kind": "date",
                    "qualifier": "exact",
                    "measure": "event_other",
                    "status": "announced",
                },
            },
            {
                "id": "fix-added",
                "op": "set",
                "claim_id": "b-19-24",
                "set": {"measure": "event_call"},
                "reason": R,
            },
        ],
    )
    fix = Corrections(root, {"a", "b"})
    a = fix.apply("a", _claims_a(), TEXT_A)
    b = fix.apply("b", _claims_b(), TEXT_B)
    fix.finish()
    assert [(c["claim_id"], c["status"], c["rule"]) for c in a] == [
        ("a-0-2", "in_force", "test.rule"),  # sorted by start: [0, 2) before [13, 24)
        ("a-13-24", "announced", "fix-a"),
    ]
    assert [(c["claim_id"], c["mention"], c["measure"], c["rule"]) for c in b] == [
        ("b-19-24", "start", "event_call", "fix-added"),  # TEXT_B[19:24]
    ]


def test_a_correction_whose_claim_is_gone_stops_the_build_at_the_end(tmp_path: Path) -> None:
    root = _root(
        tmp_path,
        [
            {"id": "fix-ok", "op": "drop", "claim_id": "a-13-24", "reason": R},
            {"id": "fix-gone", "op": "drop", "claim_id": "a-99-100", "reason": R},
            {
                "id": "fix-twice",
                "op": "set",
                "claim_id": "a-13-24",
                "set": {"status": "announced"},
                "reason": R,
            },
        ],
    )
    fix = Corrections(root, {"a"})
    fix.apply("a", _claims_a(), TEXT_A)
    # both later entries fail; the first in file order is named, as the whole-corpus apply does
    with pytest.raises(CorrectionError, match=r"'fix-gone': claim 'a-99-100' is not produced"):
        fix.finish()


def test_a_claim_dropped_earlier_cannot_be_set_later(tmp_path: Path) -> None:
    root = _root(
        tmp_path,
        [
            {"id": "drop-a", "op": "drop", "claim_id": "a-13-24", "reason": R},
            {
                "id": "set-a",
                "op": "set",
                "claim_id": "a-13-24",
                "set": {"status": "announced"},
                "reason": R,
            },
        ],
    )
    fix = Corrections(root, {"a"})
    assert [c["claim_id"] for c in fix.apply("a", _claims_a(), TEXT_A)] == ["a-0-2"]
    with pytest.raises(CorrectionError, match=r"'set-a': claim 'a-13-24' is not produced"):
        fix.finish()


def test_an_added_claim_for_an_unknown_article_is_refused(tmp_path: Path) -> None:
    root = _root(
        tmp_path,
        [
            {
                "id": "add-x",
                "op": "add",
                "reason": R,
                "claim": {
                    "source_id": "x",
                    "start": 0,
                    "end": 2,
                    "kind": "count",
                    "qualifier": "exact",
                    "measure": "event_other",
                    "status": "announced",
                },
            }
        ],
    )
    fix = Corrections(root, {"a"})
    fix.apply("a", _claims_a(), TEXT_A)
    with pytest.raises(CorrectionError, match=r"'add-x': unknown source_id 'x'"):
        fix.finish()
