"""`tariffs extract FILE... [--published YYYY-MM-DD] [--format csv|json]`."""

from __future__ import annotations

import csv
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import IO, Any

from extract.api import ExtractError, extract_text, read_article
from extract.emit import header

FORMATS = ("csv", "json")


def slugify(stem: str) -> str:
    """A source id from a file stem: lower case, [a-z0-9-], starting with a letter or digit."""
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "article"


def _claims(path: Path, published: date | None) -> list[dict[str, Any]]:
    article = read_article(path)
    pub = article.published or published
    if pub is None:
        raise ExtractError(
            f"{path}: no publication date: the file has no ' date YYYY-MM-DD' first line; "
            "pass --published YYYY-MM-DD"
        )
    return extract_text(article.text, source_id=slugify(path.stem), published=pub)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def write(rows: list[dict[str, Any]], fmt: str, out: IO[str]) -> None:
    if fmt == "json":
        json.dump([{k: _plain(v) for k, v in r.items()} for r in rows], out, ensure_ascii=False,
                  indent=1)
        out.write("\n")
        return
    writer = csv.DictWriter(out, fieldnames=list(header()), lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: "" if v is None else _plain(v) for k, v in r.items()})


def run_extract(files: list[Path], published: date | None, fmt: str, out: IO[str]) -> int:
    """Extract claims from each file and write them to out; 0 on success, 1 if any file failed
    (its error goes to stderr, the other files are still extracted), 2 for a bad format."""
    if fmt not in FORMATS:
        print(f"tariffs extract: unknown format {fmt!r}; use one of {', '.join(FORMATS)}",
              file=sys.stderr)
        return 2
    rows: list[dict[str, Any]] = []
    failed = 0
    ids: dict[str, Path] = {}
    for path in files:
        path = Path(path)
        sid = slugify(path.stem)
        if sid in ids and ids[sid] != path:
            print(f"tariffs extract: {path}: source id {sid!r} also used by {ids[sid]}",
                  file=sys.stderr)
            failed += 1
            continue
        ids[sid] = path
        try:
            rows.extend(_claims(path, published))
        except ExtractError as exc:
            print(f"tariffs extract: {exc}", file=sys.stderr)
            failed += 1
    write(rows, fmt, out)
    return 1 if failed else 0
