"""The package committed at the repository root: valid, current, and in registered units."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from datapkg.io import load_package

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ["datapackage.json", "data/sources.csv", "data/claims.csv", "data/facts.csv", "data/evidence.csv"]


def test_frictionless_validates_the_committed_package():
    exe = Path(sys.executable).parent / "frictionless"
    proc = subprocess.run([str(exe), "validate", "datapackage.json"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_tariffs_validate_passes_on_the_committed_package():
    proc = subprocess.run([sys.executable, "-m", "datapkg.cli", "validate", str(ROOT)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_committed_package_is_what_the_build_makes(tmp_path):
    """Nothing in data/ is typed by hand: rebuilding from seeds/ gives the same bytes."""
    for rel in ["seeds", "curation", "data"]:
        shutil.copytree(ROOT / rel, tmp_path / rel)
    shutil.copy(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    from datapkg.build import build

    result = build(tmp_path)
    assert result.changed is False, "run `tariffs build` and commit data/ and datapackage.json"
    for rel in COMMITTED:
        assert (tmp_path / rel).read_bytes() == (ROOT / rel).read_bytes(), rel


def test_every_unit_in_the_package_parses_in_the_registry():
    from datapkg.units import unit_ok

    pkg = load_package(ROOT)
    units = set(pkg["claims"]["unit"].dropna()) | set(pkg["facts"]["unit"].dropna())
    assert units, "the package holds units"
    assert sorted(u for u in units if not unit_ok(u)) == []
    for res in pkg.descriptor["resources"]:
        for f in res["schema"]["fields"]:
            if "unit" in f:
                assert unit_ok(f["unit"]), (res["name"], f["name"], f["unit"])
