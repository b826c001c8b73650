"""`tariffs build`: seeds → claims → facts → package, as Load / Process / Save.

Load checks the inputs (metadata, seed bytes, recorded hashes, hand edits to data/); Process
extracts claims per article through an engine, applies curated corrections and reconciles facts;
Save writes every file to a staging folder, validates it there, and only then moves it into
place, so a failed run leaves the last good package untouched. The same inputs give
byte-identical files, whatever the engine or the number of jobs.

Scaling (issue 5): extraction runs in this process by default, or in a pool of ``jobs`` local
processes, or on a Dask cluster. After it nothing goes through DataFrames: each table is
written row by row into the stage as soon as it exists, the claim dicts are dropped once they
are written and turned into compact records for reconciliation, and hashes and the content
digest are read back from the staged files.
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

from datapkg import descriptor as descr
from datapkg.corrections import apply_corrections
from datapkg.csvio import write_csv
from datapkg.engines import check_options, get_engine
from datapkg.manifest import (
    MANIFEST,
    check_untouched,
    content_digest_of_files,
    manifest_bytes,
    read_manifest,
    sha256_file,
)
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
    return share_strings(extract_text(text, source_id=source_id, published=published))


VOCAB_FIELDS = ("kind", "unit", "qualifier", "measure", "imposer", "target", "status", "rule")
TEXT_FIELDS = ("quote", "mention", "date_text")


def share_strings(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with equal strings made one object: vocabulary cells interned, and the quote,
    mention and date text repeated by one article's claims shared. The values are unchanged;
    all claims are held until written, and at 100,000 articles the copies cost ~0.3 GB."""
    seen: dict[str, str] = {}
    for row in rows:
        for name in VOCAB_FIELDS:
            if type(row.get(name)) is str:
                row[name] = sys.intern(row[name])
        for name in TEXT_FIELDS:
            value = row.get(name)
            if type(value) is str:
                row[name] = seen.setdefault(value, value)
    return rows


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


def _progress(items: Iterable[Any], total: int) -> Iterable[Any]:
    from tqdm import tqdm

    return tqdm(items, total=total, desc="extract", unit="article", file=sys.stderr, disable=None)


def extract_claims(
    root: Path, sources: list[Source], engine: str, scheduler: str | None, jobs: int = 1
) -> list[dict[str, Any]]:
    """Every article's claims through the engine, curated corrections applied, sanity-checked;
    in (source_id, start, end, claim_id) order."""
    items = [(s.source_id, s.text, s.meta["published"]) for s in sources]
    progress = _progress if len(items) >= PROGRESS_MIN_SOURCES else None
    eng = get_engine(engine, scheduler, progress=progress, jobs=jobs)
    try:
        per_source = eng.map(extract_source, items)
    finally:
        eng.close()
    texts = {s.source_id: s.text for s in sources}
    claims = apply_corrections(root, [c for rows in per_source for c in rows], texts)
    del per_source
    sanity_check_claims(claims, texts)
    return claims


# ---------------------------------------------------------------- Save
def _previous_descriptor(root: Path) -> dict[str, Any] | None:
    path = root / DESCRIPTOR
    try:
        return json.loads(path.read_text("utf-8")) if path.is_file() else None
    except json.JSONDecodeError:
        return None


def descriptor_bytes(
    root: Path, source_rows: list[dict[str, Any]], digest: str
) -> tuple[bytes, str]:
    """datapackage.json for the new data (whose content digest is *digest*); `created` is kept
    when nothing else changed."""
    desc = descr.make_descriptor(source_rows, "")
    previous = _previous_descriptor(root)
    same_meta = previous is not None and {**previous, "created": ""} == desc
    same_data = (read_manifest(root) or {}).get("content_digest") == digest
    prev_created = previous.get("created") if previous else None
    desc["created"] = descr.created_stamp(prev_created, same_meta and same_data)
    return descr.dump(desc).encode("utf-8"), desc["created"]


def validate_staged(stage: Path) -> list[str]:
    """Problems `tariffs validate` finds in the staged package (empty when valid)."""
    try:
        from datapkg.validate import validate_package
    except ImportError:  # validator not installed in this checkout
        return []
    return [str(p) for p in validate_package(stage)]


class Stage:
    """The staging folder (root/.build-tmp/*): every output is written there, row by row, checked
    there, and only then moved into place; :meth:`close` removes whatever is left, so a failed
    run leaves the last good package untouched."""

    def __init__(self, root: Path):
        self.root = root
        self.parent = root / ".build-tmp"
        self.parent.mkdir(exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(dir=self.parent))
        (self.dir / "data").mkdir()
        (self.dir / "seeds").symlink_to((root / "seeds").resolve(), target_is_directory=True)

    def write_table(self, name: str, rows: Iterable[dict[str, Any]]) -> int:
        """data/{name}.csv, streamed; the number of rows."""
        with (self.dir / "data" / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            return write_csv(name, rows, fh)

    def write_bytes(self, rel: str, data: bytes) -> None:
        (self.dir / rel).write_bytes(data)

    def hashes(self, rels: list[str]) -> dict[str, str]:
        return {rel: sha256_file(self.dir / rel) for rel in rels}

    def check(self) -> None:
        problems = validate_staged(self.dir)
        if problems:
            shown = "\n  ".join(problems[:20])
            more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
            raise BuildError(f"the new package is not valid; nothing was changed:\n  {shown}{more}")

    def commit(self, rels: list[str]) -> None:
        (self.root / "data").mkdir(exist_ok=True)
        for rel in rels:
            os.replace(self.dir / rel, self.root / rel)

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        try:
            self.parent.rmdir()
        except OSError:
            pass


def _differs(root: Path, rel: str, sha256: str) -> bool:
    path = root / rel
    return not path.is_file() or sha256_file(path) != sha256


def save(
    root: Path,
    stage: Stage,
    source_rows: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    check: bool,
) -> tuple[dict[str, int], bool, str]:
    """Process (reconcile) and Save, streaming: the claims rows are written to the stage and
    turned into compact records, then dropped (the caller passes its only reference) before
    facts are reconciled; facts and evidence are written as soon as they exist. Returns the
    row counts, whether any file changed, and the descriptor's `created`."""
    from datapkg.reconcile import reconcile_records, records_from_rows

    counts = {"sources": stage.write_table("sources", source_rows)}
    counts["claims"] = stage.write_table("claims", claims)
    records = records_from_rows(claims, source_rows)
    claims.clear()
    facts, evidence = reconcile_records(records)
    del records
    counts["facts"] = stage.write_table("facts", facts)
    counts["evidence"] = stage.write_table("evidence", evidence)
    del facts, evidence
    tables = [f"data/{name}.csv" for name in RESOURCES]
    digest = content_digest_of_files(stage.dir, tables, exclude=DESCRIPTOR)
    desc, created = descriptor_bytes(root, source_rows, digest)
    stage.write_bytes(DESCRIPTOR, desc)
    hashes = stage.hashes(OUTPUTS)
    changed = any(_differs(root, rel, h) for rel, h in hashes.items())
    if check:
        stage.check()
    stage.write_bytes(str(MANIFEST), manifest_bytes(hashes, digest))
    stage.commit([*OUTPUTS, str(MANIFEST)])
    return counts, changed, created


def build(
    root: str | Path = ".",
    *,
    engine: str = "local",
    scheduler: str | None = None,
    force: bool = False,
    accept_changed_seeds: bool = False,
    check: bool = True,
    jobs: int = 1,
) -> BuildResult:
    """Build the package under *root*; raise (changing nothing) on any problem."""
    root = Path(root)
    check_options(engine, scheduler, jobs)
    if not force:
        check_untouched(root, OUTPUTS)
    sources = load_sources(root)
    if not accept_changed_seeds:
        check_seed_hashes(root, sources)
    claims = extract_claims(root, sources, engine, scheduler, jobs)
    source_rows = [s.row() for s in sources]
    del sources  # the texts are not needed any more
    stage = Stage(root)
    try:
        counts, changed, created = save(root, stage, source_rows, claims, check)
    finally:
        stage.close()
    return BuildResult(root, counts, changed, created)
