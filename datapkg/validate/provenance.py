"""Provenance: the source files behind the package, and claims that quote them exactly.

* each ``sources`` row's file exists (relative to the package root), its sha256 is the one
  recorded, and ``chars`` is its length in code points (UTF-8);
* each claim's ``mention`` is the source text at ``[start, end)`` (code points, header line
  included).

Texts are read once per source and cached up to a bounded number of characters.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from datapkg.validate.problem import Problem
from datapkg.validate.table import ChunkView

CACHE_CHARS = 16_000_000


@dataclass
class SourceFiles:
    root: Path
    files: dict[str, str] = field(default_factory=dict)  # source_id -> file (readable ones)
    _cache: dict[str, str] = field(default_factory=dict)
    _cached_chars: int = 0

    def text(self, source_id: str) -> str | None:
        text = self._cache.get(source_id)
        if text is not None:
            return text
        rel = self.files.get(source_id)
        if rel is None:
            return None
        text = (self.root / rel).read_bytes().decode("utf-8")
        self._remember(source_id, text)
        return text

    def _remember(self, source_id: str, text: str) -> None:
        if self._cached_chars + len(text) > CACHE_CHARS:
            self._cache.clear()
            self._cached_chars = 0
        self._cache[source_id] = text
        self._cached_chars += len(text)

    # ---------------------------------------------------------------- sources rows
    def check_sources(self, view: ChunkView) -> list[Problem]:
        v = view.values
        if "source_id" not in v or "file" not in v:
            return []
        ids = v["source_id"].to_pylist()
        files = v["file"].to_pylist()
        hashes = v["sha256"].to_pylist() if "sha256" in v else [None] * len(ids)
        chars = v["chars"].to_pylist() if "chars" in v else [None] * len(ids)
        problems = []
        for row, sid, rel, sha, n in zip(
            view.rows.tolist(), ids, files, hashes, chars, strict=True
        ):
            if sid is None or rel is None:
                continue
            try:
                with open(os.path.join(self.root, rel), "rb") as fh:
                    data = fh.read()
            except OSError:
                problems.append(
                    Problem(
                        view.resource,
                        row,
                        "file",
                        "source-file",
                        f"{rel} does not exist under {self.root}",
                    )
                )
                continue
            digest = hashlib.sha256(data).hexdigest()
            if sha is not None and digest != sha:
                problems.append(
                    Problem(
                        view.resource,
                        row,
                        "sha256",
                        "sha256-mismatch",
                        f"{rel} now has sha256 {digest}, but {sha} is recorded; "
                        "the source changed after the build",
                    )
                )
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(
                    Problem(
                        view.resource,
                        row,
                        "file",
                        "source-file",
                        f"{rel} is not valid UTF-8 at byte {exc.start}",
                    )
                )
                continue
            if n is not None and n != len(text):
                problems.append(
                    Problem(
                        view.resource,
                        row,
                        "chars",
                        "chars-mismatch",
                        f"{rel} has {len(text)} characters, {n} are recorded",
                    )
                )
            if sid not in self.files:
                self.files[sid] = rel
                self._remember(sid, text)
        return problems

    # ---------------------------------------------------------------- claims rows
    def _mismatches(
        self, sids: pa.Array, starts: pa.Array, ends: pa.Array, mentions: pa.Array
    ) -> list[int]:
        """Indices of claims whose mention is not text[start:end] of their source (claims with
        no readable source are skipped). Vectorised: the chunk's source texts and mentions as
        UTF-32 code points, compared cell by cell with numpy."""
        n = len(sids)
        if n == 0:
            return []
        enc = pc.dictionary_encode(sids)
        ids = enc.dictionary.to_pylist()
        code = np.asarray(enc.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        texts = [self.text(sid) for sid in ids]
        known = np.array([t is not None for t in texts], dtype=bool)
        lengths = np.array([len(t) if t is not None else 0 for t in texts], dtype=np.int64)
        base = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        blob = np.frombuffer(
            "".join(t for t in texts if t is not None).encode("utf-32-le"), dtype=np.uint32
        )
        start = np.asarray(starts.to_numpy(zero_copy_only=False), dtype=np.int64)
        end = np.asarray(ends.to_numpy(zero_copy_only=False), dtype=np.int64)
        mlen = np.asarray(pc.utf8_length(mentions).to_numpy(zero_copy_only=False), dtype=np.int64)
        has_text = known[code]
        inside = (start >= 0) & (end >= start) & (end <= lengths[code])
        candidate = has_text & inside & (end - start == mlen) & (mlen > 0)
        wrong = has_text & ~candidate
        rows = np.flatnonzero(candidate)
        if len(rows):
            mtext = "".join(pc.take(mentions, pa.array(rows)).to_pylist())
            mcodes = np.frombuffer(mtext.encode("utf-32-le"), dtype=np.uint32)
            sizes = mlen[rows]
            offsets = np.repeat(base[code[rows]] + start[rows] - np.cumsum(sizes) + sizes, sizes)
            where = offsets + np.arange(len(mcodes), dtype=np.int64)
            differ = blob[where] != mcodes
            if differ.any():
                owner = np.repeat(np.arange(len(rows)), sizes)
                wrong[rows[np.unique(owner[differ])]] = True
        return np.flatnonzero(wrong).tolist()

    def check_mentions(self, view: ChunkView) -> list[Problem]:
        v = view.values
        if not {"source_id", "start", "end", "mention"} <= set(v):
            return []
        problems = []
        complete = pc.and_(
            pc.and_(pc.is_valid(v["source_id"]), pc.is_valid(v["mention"])),
            pc.and_(pc.is_valid(v["start"]), pc.is_valid(v["end"])),
        )
        if not pc.all(complete).as_py():
            keep = complete
            rows = view.rows[np.asarray(complete.to_numpy(zero_copy_only=False), dtype=bool)]
            sids, starts, ends, mentions = (
                v[k].filter(keep) for k in ("source_id", "start", "end", "mention")
            )
        else:
            rows = view.rows
            sids, starts, ends, mentions = (v[k] for k in ("source_id", "start", "end", "mention"))
        bad = self._mismatches(sids, starts, ends, mentions)
        sid_list = sids.to_pylist() if bad else []
        mention_list = mentions.to_pylist() if bad else []
        start_list = starts.to_pylist() if bad else []
        end_list = ends.to_pylist() if bad else []
        for k in bad:
            sid, start, end, mention = sid_list[k], start_list[k], end_list[k], mention_list[k]
            row = int(rows[k])
            text = self.text(sid) or ""
            if start >= end:
                problems.append(
                    Problem(
                        view.resource,
                        row,
                        "end",
                        "offset-error",
                        f"end {end} is not after start {start}",
                    )
                )
            elif end > len(text):
                problems.append(
                    Problem(
                        view.resource,
                        row,
                        "end",
                        "offset-error",
                        f"end {end} is beyond the {len(text)} characters of {self.files[sid]}",
                    )
                )
            else:
                problems.append(
                    Problem(
                        view.resource,
                        row,
                        "mention",
                        "mention-mismatch",
                        f"expected the source text at [{start}, {end}) of "
                        f"{self.files[sid]}, {text[start:end]!r}; "
                        f"got {mention!r}",
                    )
                )
        return problems
