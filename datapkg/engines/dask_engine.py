"""A dask.distributed engine for the per-article stage of the build.

``DaskEngine(None)`` starts a local cluster on the loopback interface (two worker processes,
one thread each, no dashboard) and shuts it down on :meth:`close`; ``DaskEngine(address)``
connects to a running scheduler and leaves it running. :meth:`map` cuts the items into batches
(a few per worker, so that scheduling overhead stays small against per-article work), runs
``func`` over each batch on the workers and returns the results in input order, so the
package is byte for byte the one the local engine writes. :meth:`imap` does the same as a
stream: batches are cut from an iterator and only a few per worker are in flight at a time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from datapkg.engines import batched, ordered_window, run_batch

BATCHES_PER_WORKER = 4
MAX_BATCH = 500
IN_FLIGHT_PER_WORKER = 2  # batches submitted ahead per worker by imap


class DaskEngine:
    def __init__(
        self,
        scheduler: str | None = None,
        *,
        n_workers: int = 2,
        progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None,
    ):
        from distributed import Client, LocalCluster

        self._progress = progress
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

    def batch_size(self, total: int) -> int:
        """Items per batch: BATCHES_PER_WORKER batches per worker, none larger than MAX_BATCH."""
        n = max(1, self._workers() * BATCHES_PER_WORKER, math.ceil(total / MAX_BATCH))
        return max(1, math.ceil(total / n))

    def batches(self, items: Sequence[Any]) -> list[list[Any]]:
        """Contiguous batches of :meth:`batch_size` items."""
        if not items:
            return []
        return list(batched(items, self.batch_size(len(items))))

    def map(self, func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        batches = self.batches(items)
        if not batches:
            return []
        futures = self.client.map(run_batch, [func] * len(batches), batches, pure=False)
        results = self.client.gather(futures)
        return [r for batch in results for r in batch]

    def imap(self, func: Callable[[Any], Any], items: Iterable[Any], total: int) -> Iterator[Any]:
        """:meth:`map` as a stream over *items* (*total* of them), a few batches in flight."""
        results: Iterable[Any] = ordered_window(
            lambda batch: self.client.submit(run_batch, func, batch, pure=False),
            lambda future: future.result(),
            batched(items, self.batch_size(total)),
            self._workers() * IN_FLIGHT_PER_WORKER,
        )
        if self._progress is not None:
            results = self._progress(results, total)
        return iter(results)

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
