"""`tariffs build`: seeds → claims → facts → package, as Load / Process / Save.

Load checks the inputs (metadata, seed bytes, recorded hashes, hand edits to data/); Process
extracts claims per article through an engine, applies curated corrections and reconciles facts;
Save writes every file to a staging folder, validates it there, and only then moves it into
place, so a failed run leaves the last good package untouched. The same inputs give
byte-identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from datapkg import descriptor as descr
from datapkg.corrections import apply_corrections
from datapkg.csvio import to_csv
from datapkg.engines import get_engine
from datapkg.manifest import MANIFEST, check_untouched, content_digest, make_manifest, read_manifest
from datapkg.schema import RESOURCES, field_names
from datapkg.sources import Source, SourceError, load_sources

DESCRIPTOR = "datapackage.json"
OUTPUTS = [f"data/{name}.csv" for name in RESOURCES] + [DESCRIPTOR]
PROGRESS_MIN_SOURCES = 20


class BuildError(RuntimeError):
    """The build stopped; nothing in the package was changed."""


@dataclass
class BuildResult:
    root: Path
    counts: dict[str, int] = field(default_factory=dict)
    changed: bool = False
    created: str = ""


# ---------------------------------------------------------------- Load
def recorded_hashes(root: Path) -> dict[str, str]:
    """sha256 per source_id as the last build recorded it in data/sources.csv."""
    path = root / "data" / "sources.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["source_id"]: r["sha256"] for r in csv.DictReader(fh) if r.get("sha256")}


def check_seed_hashes(root: Path, sources: list[Source]) -> None:
    recorded = recorded_hashes(root)
    for s in sources:
        old = recorded.get(s.source_id)
        if old and old != s.sha256:
            raise SourceError(
                f"{s.meta['file']}: its sha256 is now {s.sha256}, but the package recorded "
                f"{old} for source '{s.source_id}'. Seeds are frozen inputs: restore the "
                "original bytes, or add the new text as a new article with `tariffs add`; "
                "pass --accept-changed-seeds to record the new hash."
            )


# ---------------------------------------------------------------- Process
def extract_source(item: tuple[str, str, dt.date]) -> list[dict[str, Any]]:
    """Claims of one article (top-level so that process-based engines can pickle it)."""
    from extract.api import extract_text

    source_id, text, published = item
    return extract_text(text, source_id=source_id, published=published)


def sanity_check_claims(claims: list[dict[str, Any]], texts: dict[str, str]) -> None:
    names = field_names("claims")
    seen: set[str] = set()
    for i, c in enumerate(claims, start=1):
        where = f"claims row {i} ({c.get('claim_id')})"
        if list(c) != names and set(c) != set(names):
            raise BuildError(f"{where}: columns {sorted(c)} differ from the schema's")
        if c["claim_id"] in seen:
            raise BuildError(f"{where}: field 'claim_id': duplicate")
        seen.add(c["claim_id"])
        text = texts.get(c["source_id"])
        if text is None:
            raise BuildError(f"{where}: field 'source_id': unknown source {c['source_id']!r}")
        if text[c["start"] : c["end"]] != c["mention"]:
            raise BuildError(
                f"{where}: field 'mention': {c['mention']!r} is not the source text at "
                f"[{c['start']}, {c['end']})"
            )


def reconcile_frames(
    claims: list[dict[str, Any]], source_rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from datapkg.reconcile import reconcile

    facts, evidence = reconcile(
        pd.DataFrame(claims, columns=field_names("claims")),
        pd.DataFrame(source_rows, columns=field_names("sources")),
    )
    return (
        [{str(k): v for k, v in r.items()} for r in facts.to_dict("records")],
        [{str(k): v for k, v in r.items()} for r in evidence.to_dict("records")],
    )


def _progress(items: Iterable[Any], total: int) -> Iterable[Any]:
    from tqdm import tqdm

    return tqdm(items, total=total, desc="extract", unit="article", file=sys.stderr, disable=None)


def process(
    root: Path, sources: list[Source], engine: str, scheduler: str | None
) -> dict[str, list[dict[str, Any]]]:
    items = [(s.source_id, s.text, s.meta["published"]) for s in sources]
    progress = _progress if len(items) >= PROGRESS_MIN_SOURCES else None
    eng = get_engine(engine, scheduler, progress=progress)
    try:
        per_source = eng.map(extract_source, items)
    finally:
        eng.close()
    texts = {s.source_id: s.text for s in sources}
    claims = apply_corrections(root, [c for rows in per_source for c in rows], texts)
    sanity_check_claims(claims, texts)
    source_rows = [s.row() for s in sources]
    facts, evidence = reconcile_frames(claims, source_rows)
    return {"sources": source_rows, "claims": claims, "facts": facts, "evidence": evidence}


# ---------------------------------------------------------------- Save
def _previous_descriptor(root: Path) -> dict[str, Any] | None:
    path = root / DESCRIPTOR
    try:
        return json.loads(path.read_text("utf-8")) if path.is_file() else None
    except json.JSONDecodeError:
        return None


def render(root: Path, tables: dict[str, list[dict[str, Any]]]) -> tuple[dict[str, bytes], str]:
    """Every output file's bytes; `created` is kept when nothing else changed."""
    files = {f"data/{name}.csv": to_csv(name, tables[name]).encode("utf-8") for name in RESOURCES}
    digest = content_digest(files, exclude=DESCRIPTOR)
    desc = descr.make_descriptor(tables["sources"], "")
    previous = _previous_descriptor(root)
    same_meta = previous is not None and {**previous, "created": ""} == desc
    same_data = (read_manifest(root) or {}).get("content_digest") == digest
    prev_created = previous.get("created") if previous else None
    desc["created"] = descr.created_stamp(prev_created, same_meta and same_data)
    files[DESCRIPTOR] = descr.dump(desc).encode("utf-8")
    return files, desc["created"]


def validate_staged(stage: Path) -> list[str]:
    """Problems `tariffs validate` finds in the staged package (empty when valid)."""
    try:
        from datapkg.validate import validate_package
    except ImportError:  # validator not installed in this checkout
        return []
    return [str(p) for p in validate_package(stage)]


def stage_and_commit(root: Path, files: dict[str, bytes], check: bool) -> None:
    staging_parent = root / ".build-tmp"
    staging_parent.mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=staging_parent))
    try:
        (stage / "data").mkdir()
        for rel, data in files.items():
            (stage / rel).write_bytes(data)
        (stage / "seeds").symlink_to((root / "seeds").resolve(), target_is_directory=True)
        problems = validate_staged(stage) if check else []
        if problems:
            shown = "\n  ".join(problems[:20])
            more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
            raise BuildError(f"the new package is not valid; nothing was changed:\n  {shown}{more}")
        digest = content_digest(files, exclude=DESCRIPTOR)
        (stage / MANIFEST).write_bytes(make_manifest(files, digest))
        (root / "data").mkdir(exist_ok=True)
        for rel in [*files, str(MANIFEST)]:
            os.replace(stage / rel, root / rel)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        try:
            staging_parent.rmdir()
        except OSError:
            pass


def build(
    root: str | Path = ".",
    *,
    engine: str = "local",
    scheduler: str | None = None,
    force: bool = False,
    accept_changed_seeds: bool = False,
    check: bool = True,
) -> BuildResult:
    """Build the package under *root*; raise (changing nothing) on any problem."""
    root = Path(root)
    if not force:
        check_untouched(root, OUTPUTS)
    sources = load_sources(root)
    if not accept_changed_seeds:
        check_seed_hashes(root, sources)
    tables = process(root, sources, engine, scheduler)
    files, created = render(root, tables)
    changed = any(
        not (root / rel).is_file() or (root / rel).read_bytes() != data
        for rel, data in files.items()
    )
    stage_and_commit(root, files, check)
    return BuildResult(root, {k: len(v) for k, v in tables.items()}, changed, created)
