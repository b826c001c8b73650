"""The dask engine writes the same package as the local one, byte for byte."""

from __future__ import annotations

import operator
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package

from datapkg.engines.dask_engine import DaskEngine  # noqa: E402

pytestmark = pytest.mark.dask
REPO = Path(__file__).resolve().parents[1]
OUTPUTS = [
    "datapackage.json",
    "data/sources.csv",
    "data/claims.csv",
    "data/facts.csv",
    "data/evidence.csv",
]


def _square(x: int) -> int:
    return x * x


@pytest.fixture(scope="module")
def engine():
    eng = DaskEngine(None)
    yield eng
    eng.close()


def test_map_preserves_order_across_batches(engine: DaskEngine) -> None:
    items = list(range(1003))
    assert len(engine.batches(items)) > 1
    assert engine.map(_square, items) == [x * x for x in items]
    assert engine.map(_square, []) == []


def test_connects_to_a_running_scheduler(engine: DaskEngine) -> None:
    address = engine.client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    other = DaskEngine(address)
    try:
        assert other.map(operator.neg, [1, 2, 3]) == [-1, -2, -3]
    finally:
        other.close()
    assert engine.map(_square, [3]) == [9]  # closing a client leaves the cluster running


def _project(root: Path, n_synthetic: int) -> Path:
    from bench.corpus import write_project

    root.mkdir(parents=True)
    if (REPO / "curation").is_dir():
        shutil.copytree(REPO / "curation", root / "curation")
    return write_project(root, n_synthetic, seed=7, with_real_seeds=True)


def test_dask_build_matches_local_build_byte_for_byte(tmp_path: Path, monkeypatch) -> None:
    build = pytest.importorskip("datapkg.build").build
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    local = _project(tmp_path / "local", 30)
    dask = _project(tmp_path / "dask", 30)
    build(local, engine="local")
    build(dask, engine="dask")
    for rel in OUTPUTS:
        assert (dask / rel).read_bytes() == (local / rel).read_bytes(), rel
    assert (local / "data" / "claims.csv").read_text("utf-8").count("\n") > 30
