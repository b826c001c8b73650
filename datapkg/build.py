"""`tariffs build`: seeds → claims → facts → package, as Load / Process / Save.

Load checks the inputs (metadata, seed bytes, recorded hashes, hand edits to data/); Process
extracts claims per article through an engine, applies curated corrections and reconciles facts;
Save writes every file to a staging folder, validates it there, and only then moves it into
place, so a failed run leaves the last good package untouched. The same inputs give
byte-identical files, whatever the engine or the number of jobs.

Scaling (issue 5): memory does not hold the corpus. Load reads each seed once to check and hash
it and keeps only its sources row. Process streams the articles in source_id order (the order
of claims.csv) through the engine, a bounded number in flight: each article's claims get their
corrections and checks, are written to the staged claims.csv at once and kept only as compact
records for reconciliation, which needs every claim of a measure. Facts and evidence are
written as generated; hashes and the content digest are read back from the staged files.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from datapkg import descriptor as descr
from datapkg.corrections import Corrections
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
from datapkg.reconcile.refs import ClaimIds
from datapkg.reconcile.spill import PartSpill, claims_of_part, spill_claims
from datapkg.schema import RESOURCES, field_names
from datapkg.sources import (
    METADATA,
    Source,
    SourceError,
    checked_metadata,
    read_source,
)

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
        check_seed_hash(recorded, s)


def check_seed_hash(recorded: dict[str, str], s: Source) -> None:
    old = recorded.get(s.source_id)
    if old and old != s.sha256:
        raise SourceError(
            f"{s.meta['file']}: its sha256 is now {s.sha256}, but the package recorded "
            f"{old} for source '{s.source_id}'. Seeds are frozen inputs: restore the "
            "original bytes, or add the new text as a new article with `tariffs add`; "
            "pass --accept-changed-seeds to record the new hash."
        )


def source_rows(
    root: Path, metas: list[dict[str, Any]], accept_changed: bool
) -> list[dict[str, Any]]:
    """The sources rows in metadata order: every seed read, checked and hashed, one at a time
    (its text is dropped at once), against the hash the package recorded unless
    *accept_changed*."""
    recorded = {} if accept_changed else recorded_hashes(root)
    rows = []
    for i, meta in enumerate(metas, start=1):
        src = read_source(root, i, meta)
        check_seed_hash(recorded, src)
        rows.append(src.row())
    return rows


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


def extract_article(item: tuple[str, str, dt.date]) -> tuple[str, list[dict[str, Any]]]:
    """(source_id, claims) of one article (top-level so that process-based engines can pickle
    it)."""
    return item[0], extract_source(item)


def check_article_claims(
    claims: list[dict[str, Any]], source_id: str, text: str, known: set[str], first_row: int
) -> None:
    """The claims of one article as the schema and the text want them: the schema's columns,
    no claim_id twice, the article's source_id, each mention the text at its offsets (rows
    numbered from *first_row* in claims.csv; a claim_id repeated across articles is found by
    :func:`check_unique_ids`)."""
    names = field_names("claims")
    seen: set[str] = set()
    for i, c in enumerate(claims, start=first_row):
        where = f"claims row {i} ({c.get('claim_id')})"
        if list(c) != names and set(c) != set(names):
            raise BuildError(f"{where}: columns {sorted(c)} differ from the schema's")
        if c["claim_id"] in seen:
            raise BuildError(f"{where}: field 'claim_id': duplicate")
        seen.add(c["claim_id"])
        if c["source_id"] not in known:
            raise BuildError(f"{where}: field 'source_id': unknown source {c['source_id']!r}")
        if c["source_id"] != source_id:
            raise BuildError(
                f"{where}: field 'source_id': {c['source_id']!r} is not the article it was "
                f"extracted from ({source_id!r})"
            )
        if text[c["start"] : c["end"]] != c["mention"]:
            raise BuildError(
                f"{where}: field 'mention': {c['mention']!r} is not the source text at "
                f"[{c['start']}, {c['end']})"
            )


def _progress(items: Iterable[Any], total: int) -> Iterable[Any]:
    from tqdm import tqdm

    return tqdm(items, total=total, desc="extract", unit="article", file=sys.stderr, disable=None)


def _articles(
    root: Path, rows: list[dict[str, Any]], texts: dict[str, str]
) -> Iterator[tuple[str, str, dt.date]]:
    """(source_id, text, published) of every article in source_id order, read one at a time
    (and checked against the hash Load recorded in its sources row); each text is also left in
    *texts* until its claims come back."""
    for i in sorted(range(len(rows)), key=lambda k: rows[k]["source_id"]):
        src = read_source(root, i + 1, rows[i])
        if src.sha256 != rows[i]["sha256"]:
            raise SourceError(
                f"{root / METADATA}: row {i + 1}: field 'file': {rows[i]['file']} changed "
                "while the build was reading it"
            )
        texts[src.source_id] = src.text
        yield src.source_id, src.text, rows[i]["published"]


@dataclass
class Extraction:
    """What Process keeps of the claims once they are written: their number, and their
    compact records spilled to disk by (measure, status) for reconciliation, citing claims by
    ref (*ids*)."""

    n_claims: int
    spill: PartSpill
    ids: ClaimIds
    origins: dict[str, str]


def extract_to_stage(
    root: Path,
    stage: Stage,
    rows: list[dict[str, Any]],
    engine: str,
    scheduler: str | None,
    jobs: int = 1,
) -> Extraction:
    """Every article's claims through the engine, one article at a time in source_id order:
    curated corrections applied and checked, written to the staged claims.csv in (source_id,
    start, end, claim_id) order and spilled as compact records (the spill lives in the
    staging folder, so a failed run removes it with the rest)."""
    from datapkg.reconcile.independence import origin_map_rows

    known = {r["source_id"] for r in rows}
    corrections = Corrections(root, known)
    origins = origin_map_rows(rows)
    ids = ClaimIds([r["source_id"] for r in rows])
    spill = PartSpill(stage.dir)
    id_hashes = array("q")
    texts: dict[str, str] = {}
    progress = _progress if len(rows) >= PROGRESS_MIN_SOURCES else None
    eng = get_engine(engine, scheduler, progress=progress, jobs=jobs)

    def claims() -> Iterator[dict[str, Any]]:
        n = 0
        articles = _articles(root, rows, texts)
        for sid, extracted in eng.imap(extract_article, articles, len(rows)):
            text = texts.pop(sid)
            corrected = corrections.apply(sid, extracted, text)
            check_article_claims(corrected, sid, text, known, n + 1)
            n += len(corrected)
            id_hashes.extend(hash(c["claim_id"]) for c in corrected)
            spill_claims(spill, corrected, ids)
            yield from corrected

    try:
        n_claims = stage.write_table("claims", claims())
    except BaseException:
        spill.close()
        raise
    finally:
        eng.close()
    try:
        corrections.finish()
        check_unique_ids(stage, id_hashes)
    except BaseException:
        spill.close()
        raise
    return Extraction(n_claims, spill, ids, origins)


def check_unique_ids(stage: Stage, id_hashes: array[int]) -> None:
    """Raise naming the claims.csv row of a claim_id that two articles both produced (the
    least such claim_id, its last row). Only a hash per claim is held: ids whose hashes
    repeat are then compared exactly, reading claims.csv again."""
    hashes = np.frombuffer(id_hashes, dtype=np.int64)
    ordered = np.sort(hashes)
    repeats = ordered[1:][ordered[1:] == ordered[:-1]]
    if len(repeats) == 0:
        return
    suspects = set(repeats.tolist())
    rows: dict[str, list[int]] = {}
    with (stage.dir / "data" / "claims.csv").open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh), start=1):
            if hash(r["claim_id"]) in suspects:
                rows.setdefault(r["claim_id"], []).append(i)
    repeated = sorted(cid for cid, at in rows.items() if len(at) > 1)
    if repeated:
        cid = repeated[0]
        raise BuildError(f"claims row {rows[cid][-1]} ({cid}): field 'claim_id': duplicate")


# ---------------------------------------------------------------- Save
def _previous_descriptor(root: Path) -> dict[str, Any] | None:
    path = root / DESCRIPTOR
    try:
        return json.loads(path.read_text("utf-8")) if path.is_file() else None
    except json.JSONDecodeError:
        return None


def descriptor_bytes(
    root: Path, source_entries: list[dict[str, Any]], digest: str
) -> tuple[bytes, str]:
    """datapackage.json for the new data (whose content digest is *digest*), its `sources`
    being *source_entries* (:func:`datapkg.descriptor.source_entries`); `created` is kept when
    nothing else changed."""
    desc = descr.make_descriptor([], "")
    desc["sources"] = source_entries  # in place: the key keeps its place
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
    sources: tuple[int, list[dict[str, Any]]],
    extraction: Extraction,
    check: bool,
) -> tuple[dict[str, int], bool, str]:
    """Process (reconcile) and Save, claims.csv being already staged: the spilled claim
    records are reconciled one (measure, status) at a time, the spill removed, facts and
    evidence written as they are generated. Returns the row counts, whether any file changed,
    and the descriptor's `created`. *sources* is the number of sources rows, already staged,
    and the descriptor's entries for them (the rows themselves are not kept)."""
    from datapkg.reconcile import evidence_rows, fact_rows, reconcile_parts

    n_sources, entries = sources
    counts = {"sources": n_sources, "claims": extraction.n_claims}
    ids, origins = extraction.ids, extraction.origins
    with extraction.spill as spill:
        facts = reconcile_parts(
            (claims_of_part(key, items, ids, origins) for key, items in spill.parts()), ids
        )
    counts["facts"] = stage.write_table("facts", fact_rows(facts))
    counts["evidence"] = stage.write_table("evidence", evidence_rows(facts, ids))
    del facts
    tables = [f"data/{name}.csv" for name in RESOURCES]
    digest = content_digest_of_files(stage.dir, tables, exclude=DESCRIPTOR)
    desc, created = descriptor_bytes(root, entries, digest)
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
    rows = source_rows(root, checked_metadata(root), accept_changed_seeds)
    stage = Stage(root)
    try:
        extraction = extract_to_stage(root, stage, rows, engine, scheduler, jobs)
        # the sources rows (a long note and a hash each) are staged and summed up for the
        # descriptor now, and dropped before reconciliation and validation
        sources = (stage.write_table("sources", rows), descr.source_entries(rows))
        del rows
        counts, changed, created = save(root, stage, sources, extraction, check)
    finally:
        stage.close()
    return BuildResult(root, counts, changed, created)
