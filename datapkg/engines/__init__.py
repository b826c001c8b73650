"""Execution engines for the per-article stage of the build.

An engine maps a top-level (picklable) function over items and returns the results in input
order, so every engine writes the same package byte for byte. :meth:`Engine.imap` streams:
it takes the items from an iterator and yields each result as soon as it and every earlier one
are done, with a bounded number of items in flight, so neither the inputs (article texts) nor
the results (claims) of the whole corpus are ever held at once. ``local`` runs in this process
(or, with ``jobs`` > 1, in a local process pool) and needs nothing beyond the project's core
dependencies; ``dask`` (optional extra ``tariff-ledger[dask]``) sends batches of items to a
dask.distributed cluster.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")
CHUNKS_PER_WORKER = 8  # articles go to pool workers in chunks: fewer round trips, even load
MAX_CHUNK = 64
IN_FLIGHT_PER_WORKER = 3  # chunks submitted ahead per worker: busy workers, bounded memory


class Engine(Protocol):
    def map(self, func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]: ...

    def imap(
        self, func: Callable[[Any], Any], items: Iterable[Any], total: int
    ) -> Iterator[Any]: ...

    def close(self) -> None: ...


def run_batch(func: Callable[[Any], Any], batch: Sequence[Any]) -> list[Any]:
    """*func* over a batch of items (top-level so that worker processes can unpickle it)."""
    return [func(item) for item in batch]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of *size* items (the last may be shorter), taken lazily."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def ordered_window(
    submit: Callable[[list[Any]], Any],
    result: Callable[[Any], list[Any]],
    batches: Iterable[list[Any]],
    window: int,
) -> Iterator[Any]:
    """Results of every batch, in order, with at most *window* batches submitted and not yet
    consumed: *submit* starts a batch and returns a handle, *result* waits for its results."""
    pending: deque[Any] = deque()
    it = iter(batches)
    for batch in itertools.islice(it, window):
        pending.append(submit(batch))
    while pending:
        done = result(pending.popleft())
        nxt = next(it, None)
        if nxt is not None:
            pending.append(submit(nxt))
        yield from done


class LocalEngine:
    """Runs the stage on this machine: item by item in this process (``jobs=1``, the default),
    or in a pool of ``jobs`` worker processes (results still in input order)."""

    def __init__(
        self,
        progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None,
        jobs: int = 1,
    ):
        self._progress = progress
        self.jobs = jobs

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return list(self.imap(func, items, len(items)))

    def imap(self, func: Callable[[T], R], items: Iterable[T], total: int) -> Iterator[R]:
        results: Iterable[R]
        if self.jobs > 1 and total > 1:
            results = self._imap_pool(func, items, total)
        else:
            results = (func(item) for item in items)
        if self._progress is not None:
            results = self._progress(results, total)
        return iter(results)

    def _imap_pool(self, func: Callable[[T], R], items: Iterable[T], total: int) -> Iterator[R]:
        from concurrent.futures import ProcessPoolExecutor

        workers = min(self.jobs, total)
        chunk = max(1, min(MAX_CHUNK, total // (workers * CHUNKS_PER_WORKER)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from ordered_window(
                lambda batch: pool.submit(run_batch, func, batch),
                lambda future: future.result(),
                batched(items, chunk),
                workers * IN_FLIGHT_PER_WORKER,
            )

    def close(self) -> None:
        return None


def resolve_jobs(jobs: int) -> int:
    """--jobs N: N worker processes; 0 means one per CPU core; 1 is this process alone."""
    if jobs < 0:
        raise ValueError(f"--jobs must be 0 (one per core) or more, not {jobs}")
    return jobs or os.cpu_count() or 1


def check_options(name: str, scheduler: str | None = None, jobs: int = 1) -> None:
    """Raise ValueError for options that do not go together (before any work is done)."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}")
    if name == "local" and scheduler:
        raise ValueError("--scheduler goes with --engine dask")
    if name != "local" and jobs != 1:
        raise ValueError("--jobs goes with --engine local (a Dask cluster has its own workers)")
    resolve_jobs(jobs)


def get_engine(
    name: str, scheduler: str | None = None, progress: Any = None, jobs: int = 1
) -> Engine:
    check_options(name, scheduler, jobs)
    if name == "local":
        return LocalEngine(progress, resolve_jobs(jobs))
    if name == "dask":
        try:
            from datapkg.engines.dask_engine import DaskEngine
        except ImportError as exc:  # dask is an optional extra
            raise ValueError("--engine dask needs Dask: pip install 'tariff-ledger[dask]'") from exc
        return DaskEngine(scheduler, progress=progress)
    raise ValueError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}")
