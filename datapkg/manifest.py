"""What the build wrote: hashes of every output file, to tell a hand edit from a build.

The manifest lives in data/.build-manifest.json. A file whose bytes no longer match what the
build recorded was edited by someone else, and the build refuses to overwrite it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = Path("data") / ".build-manifest.json"
CURATION_HINT = (
    "curated changes to claims belong in curation/corrections.yml (one entry per change, with "
    "a reason), new articles in seeds/ via `tariffs add`; then run `tariffs build`. "
    "Pass --force to discard the edit."
)


class HandEditError(RuntimeError):
    """An output file was changed by hand since the last build."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(root: Path) -> dict | None:
    path = root / MANIFEST
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise HandEditError(f"{path}: not valid JSON ({exc}); {CURATION_HINT}") from exc


def content_digest(files: dict[str, bytes], exclude: str) -> str:
    """One hash over every output file except *exclude* (the descriptor, whose stamp varies)."""
    h = hashlib.sha256()
    for name in sorted(files):
        if name != exclude:
            h.update(name.encode() + b"\0" + files[name] + b"\0")
    return h.hexdigest()


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes, read in chunks (a 100,000-article claims.csv is ~400 MB)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def content_digest_of_files(
    root: Path, names: list[str], exclude: str, chunk: int = 1 << 20
) -> str:
    """:func:`content_digest` of the files *names* under *root*, read in chunks."""
    h = hashlib.sha256()
    for name in sorted(names):
        if name != exclude:
            h.update(name.encode() + b"\0")
            with (root / name).open("rb") as fh:
                while block := fh.read(chunk):
                    h.update(block)
            h.update(b"\0")
    return h.hexdigest()


def check_untouched(root: Path, outputs: list[str]) -> None:
    """Raise HandEditError if any existing output differs from what the last build wrote."""
    manifest = read_manifest(root)
    recorded = (manifest or {}).get("files", {})
    edited = []
    for rel in outputs:
        path = root / rel
        if not path.exists():
            continue
        if rel not in recorded:
            edited.append(f"{rel} (not written by a previous build)")
        elif sha256_file(path) != recorded[rel]:
            edited.append(f"{rel} (changed since the last build)")
    if edited:
        raise HandEditError(
            "refusing to overwrite files edited outside the build: "
            + "; ".join(edited)
            + ". "
            + CURATION_HINT
        )


def make_manifest(files: dict[str, bytes], digest: str) -> bytes:
    return manifest_bytes({name: sha256_bytes(data) for name, data in files.items()}, digest)


def manifest_bytes(hashes: dict[str, str], digest: str) -> bytes:
    """The manifest from each file's sha256 and the content digest."""
    doc = {
        "note": "Written by `tariffs build`; do not edit. Hashes of the files the build wrote.",
        "content_digest": digest,
        "files": dict(sorted(hashes.items())),
    }
    return (json.dumps(doc, indent=2) + "\n").encode()
