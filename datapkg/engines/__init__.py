"""Execution engines for the per-article stage of the build.

An engine maps a top-level (picklable) function over a list of items and returns the results
in input order, so every engine writes the same package byte for byte. ``local`` runs in this
process and needs nothing beyond the project's core dependencies; ``dask`` (optional extra
``tariff-ledger[dask]``) partitions the items across a dask.distributed cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")


class Engine(Protocol):
    def map(self, func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Runs the stage in this process, item by item."""

    def __init__(self, progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None):
        self._progress = progress

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        it: Iterable[T] = items
        if self._progress is not None:
            it = self._progress(items, len(items))
        return [func(item) for item in it]

    def close(self) -> None:
        return None


def get_engine(name: str, scheduler: str | None = None, progress: Any = None) -> Engine:
    if name == "local":
        if scheduler:
            raise ValueError("--scheduler goes with --engine dask")
        return LocalEngine(progress)
    if name == "dask":
        try:
            from datapkg.engines.dask_engine import DaskEngine
        except ImportError as exc:  # dask is an optional extra
            raise ValueError("--engine dask needs Dask: pip install 'tariff-ledger[dask]'") from exc
        return DaskEngine(scheduler)
    raise ValueError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}")
