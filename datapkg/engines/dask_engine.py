"""A dask.distributed engine for the per-article stage of the build.

``DaskEngine(None)`` starts a local cluster on the loopback interface (two worker processes,
one thread each, no dashboard) and shuts it down on :meth:`close`; ``DaskEngine(address)``
connects to a running scheduler and leaves it running. :meth:`map` cuts the items into batches
(a few per worker, so that scheduling overhead stays small against per-article work), runs
``func`` over each batch on the workers and returns the results in input order, so the
package is byte for byte the one the local engine writes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

BATCHES_PER_WORKER = 4
MAX_BATCH = 500


def _run_batch(func: Callable[[Any], Any], batch: Sequence[Any]) -> list[Any]:
    """Top-level so that workers can unpickle it."""
    return [func(item) for item in batch]


class DaskEngine:
    def __init__(self, scheduler: str | None = None, *, n_workers: int = 2):
        from distributed import Client, LocalCluster

        self._cluster = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=n_workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            self.client = Client(self._cluster)
        else:
            self.client = Client(scheduler)

    def _workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def batches(self, items: Sequence[Any]) -> list[list[Any]]:
        """Contiguous batches, BATCHES_PER_WORKER per worker, none larger than MAX_BATCH."""
        if not items:
            return []
        n = max(1, self._workers() * BATCHES_PER_WORKER, math.ceil(len(items) / MAX_BATCH))
        size = math.ceil(len(items) / n)
        return [list(items[i : i + size]) for i in range(0, len(items), size)]

    def map(self, func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        batches = self.batches(items)
        if not batches:
            return []
        futures = self.client.map(_run_batch, [func] * len(batches), batches, pure=False)
        results = self.client.gather(futures)
        return [r for batch in results for r in batch]

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()
                self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
