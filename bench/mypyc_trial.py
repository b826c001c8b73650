"""What compiling the extractor with mypyc would gain (issue 5), measured without installing it.

    python -m bench.mypyc_trial [--modules extract/cues.py,...] [--repeat 3] [--keep DIR]

Copies the committed tree (`git archive HEAD`) to a scratch directory, compiles the extract
modules there with mypyc (it ships with mypy; needs a C compiler and Python's headers), then in
that copy and in this checkout: dumps every text set's claims (`bench.extract_profile dump`),
checks the two dumps are byte-identical, and times both (`bench.extract_profile time`, CPU time
of one process). The project's own install stays pure Python: the compiled copy is imported
only from its scratch directory (it comes first on sys.path).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# every module the extraction of a text runs through; api/commands/evaluate are entry points
SKIP = {"__init__.py", "commands.py", "evaluate.py"}


def default_modules() -> list[str]:
    return [f"extract/{p.name}" for p in sorted((REPO / "extract").glob("*.py"))
            if p.name not in SKIP]


def _run(cwd: Path, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(cwd))
    out = subprocess.run([sys.executable, *args], cwd=cwd, check=True, capture_output=True,
                         text=True, env=env)
    return out.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--modules", help="comma-separated paths (default: every extract module)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="build in this directory and keep it")
    args = ap.parse_args(argv)
    modules = args.modules.split(",") if args.modules else default_modules()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="mypyc-trial-"))
    try:
        scratch.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", "HEAD"], cwd=REPO, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(scratch)], input=archive, check=True)
        mypyc = Path(sys.executable).with_name("mypyc")
        subprocess.run([str(mypyc), *modules], cwd=scratch, check=True, capture_output=True)
        compiled = sorted(p.name for p in (scratch / "extract").glob("*.so"))
        print(f"compiled {len(compiled)} modules in {scratch}")
        dumps = {}
        for name, root in (("pure", REPO), ("mypyc", scratch)):
            dumps[name] = scratch / f"claims-{name}.json"
            _run(root, "-m", "bench.extract_profile", "dump", str(dumps[name]))
        same = filecmp.cmp(dumps["pure"], dumps["mypyc"], shallow=False)
        print("claims byte-identical:", same)
        for name, root in (("pure", REPO), ("mypyc", scratch)):
            print(f"--- {name}")
            print(_run(root, "-m", "bench.extract_profile", "time", "--repeat",
                       str(args.repeat)), end="")
        return 0 if same else 1
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
