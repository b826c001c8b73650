"""Execution engines for the per-article stage of the build.

An engine maps a top-level (picklable) function over a list of items and returns the results
in input order, so every engine writes the same package byte for byte. ``local`` runs in this
process (or, with ``jobs`` > 1, in a local process pool) and needs nothing beyond the
project's core dependencies; ``dask`` (optional extra
``tariff-ledger[dask]``) partitions the items across a dask.distributed cluster.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")
CHUNKS_PER_WORKER = 8  # articles go to pool workers in chunks: fewer round trips, even load
MAX_CHUNK = 64


class Engine(Protocol):
    def map(self, func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]: ...

    def close(self) -> None: ...


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
        if self.jobs > 1 and len(items) > 1:
            return self._map_pool(func, items)
        it: Iterable[T] = items
        if self._progress is not None:
            it = self._progress(items, len(items))
        return [func(item) for item in it]

    def _map_pool(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        from concurrent.futures import ProcessPoolExecutor

        workers = min(self.jobs, len(items))
        chunk = max(1, min(MAX_CHUNK, len(items) // (workers * CHUNKS_PER_WORKER)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results: Iterable[R] = pool.map(func, items, chunksize=chunk)
            if self._progress is not None:
                results = self._progress(results, len(items))
            return list(results)

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
        return DaskEngine(scheduler)
    raise ValueError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}")
