"""The `tariffs` command: build, validate, extract, add, eval, serve, docs."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a YYYY-MM-DD date") from exc


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tariffs", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="seeds → claims → facts → package (atomic, deterministic)")
    b.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    b.add_argument("--engine", choices=["local", "dask"], default="local")
    b.add_argument("--scheduler", help="dask scheduler address (with --engine dask)")
    b.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="extract in N worker processes (with --engine local; 0: one per core; "
        "default 1: this process alone)",
    )
    b.add_argument("--force", action="store_true", help="overwrite hand edits to data/")
    b.add_argument(
        "--accept-changed-seeds",
        action="store_true",
        help="record new hashes for seeds whose bytes changed",
    )

    v = sub.add_parser("validate", help="validate a package: Table Schema and provenance checks")
    v.add_argument("dir", nargs="?", type=Path, default=Path("."))

    e = sub.add_parser("extract", help="print the claims found in text files")
    e.add_argument("files", nargs="+", type=Path)
    e.add_argument("--published", type=_date, help="publication date, if no header line")
    e.add_argument("--format", choices=["csv", "json"], default="csv")

    a = sub.add_parser("add", help="add an article to seeds/ with its metadata, then rebuild")
    a.add_argument("file", type=Path)
    a.add_argument("--root", type=Path, default=Path("."))
    a.add_argument("--publisher", required=True)
    a.add_argument("--published", type=_date)
    a.add_argument("--title", default="")
    a.add_argument("--url", default="")
    a.add_argument("--author", default="")
    a.add_argument("--origin", default="", help="wire service the copy comes from, if any")
    a.add_argument("--source-id", default="")
    a.add_argument("--no-build", action="store_true", help="record the article only")

    ev = sub.add_parser("eval", help="score the extractor against a gold file")
    ev.add_argument("gold", nargs="?", type=Path, default=Path("tests/gold"))

    s = sub.add_parser("serve", help="serve the dashboard over the built package")
    s.add_argument("--dir", type=Path, default=Path("."), help="package folder")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8050)
    s.add_argument("--debug", action="store_true")

    d = sub.add_parser("docs", help="regenerate the README's table of columns from the schemas")
    d.add_argument("--check", action="store_true", help="exit 1 if README.md is out of date")
    d.add_argument("--root", type=Path, default=Path("."))
    return p


def _build(args: argparse.Namespace) -> int:
    from datapkg.build import build

    result = build(
        args.root,
        engine=args.engine,
        scheduler=args.scheduler,
        force=args.force,
        accept_changed_seeds=args.accept_changed_seeds,
        jobs=args.jobs,
    )
    counts = ", ".join(f"{n} {k}" for k, n in result.counts.items())
    state = "written" if result.changed else "unchanged"
    print(f"package {state}: {counts} ({result.root / 'datapackage.json'})")
    return 0


def _add(args: argparse.Namespace) -> int:
    from datapkg.add import add_article

    row = add_article(
        args.root,
        args.file,
        publisher=args.publisher,
        published=args.published,
        title=args.title,
        url=args.url,
        author=args.author,
        origin=args.origin,
        source_id=args.source_id,
    )
    print(f"added {row['file']} as {row['source_id']}")
    if args.no_build:
        return 0
    args.engine, args.scheduler, args.force, args.accept_changed_seeds = "local", None, False, False
    args.jobs = 1
    return _build(args)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "build":
        return _build(args)
    if args.command == "add":
        return _add(args)
    if args.command == "validate":
        from datapkg.validate import run_validate

        return run_validate(args.dir, sys.stdout)
    if args.command == "extract":
        from extract.commands import run_extract

        return run_extract(args.files, args.published, args.format, sys.stdout)
    if args.command == "eval":
        from extract.evaluate import run_eval

        return run_eval(args.gold, sys.stdout)
    if args.command == "serve":
        from dashboard.server import run_server

        return run_server(args.dir, host=args.host, port=args.port, debug=args.debug)
    if args.command == "docs":
        from datapkg.docs import run_docs

        return run_docs(args.root, check=args.check)
    raise AssertionError(args.command)


# Errors a user can fix: shown as one clear line, exit 2, never a traceback.
def _user_errors() -> tuple[type[BaseException], ...]:
    from datapkg.build import BuildError
    from datapkg.corrections import CorrectionError
    from datapkg.io import PackageError
    from datapkg.manifest import HandEditError
    from datapkg.sources import SourceError

    return (
        BuildError,
        CorrectionError,
        PackageError,
        HandEditError,
        SourceError,
        ValueError,
        OSError,
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except _user_errors() as exc:
        print(f"tariffs {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
