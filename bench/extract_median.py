"""Median CPU throughput of the extractor on one text set, several passes in one process.

    python -m bench.extract_median real 5            # the real set, 5 passes
    python -m bench.extract_median synthetic 3 500   # 500 synthetic articles, 3 passes

A warm-up call and one full pass first (rule compilation and the lookup caches are left out);
then each pass's CPU time (time.process_time). On a shared machine compare medians of runs that
alternate between the trees compared, not single figures.
"""

from __future__ import annotations

import statistics
import sys
import time

from bench import extract_profile as ep


def main(argv: list[str]) -> int:
    which, n = argv[0], int(argv[1])
    items = ep.real_set() if which == "real" else ep.synthetic_set(int(argv[2]) if len(argv) > 2 else 2000)
    chars = sum(len(t) for _s, t, _p in items)
    ep._warm()
    ep._run(items)
    runs = []
    for _ in range(n):
        t0 = time.process_time()
        ep._run(items)
        runs.append(time.process_time() - t0)
    print(f"{which} {chars:,d} chars: median {chars / statistics.median(runs):,.0f} chars/s; "
          "passes " + " ".join(f"{chars / r:,.0f}" for r in runs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
