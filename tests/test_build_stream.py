"""Engines stream: results come back in input order while the inputs are still being read, so
the build never holds every article at once."""

from __future__ import annotations

from collections.abc import Iterator

from datapkg.engines import LocalEngine, batched


def _square(x: int) -> int:
    return x * x


def _counted(n: int, taken: list[int]) -> Iterator[int]:
    for i in range(n):
        taken.append(i)
        yield i


def test_one_process_reads_one_item_per_result() -> None:
    taken: list[int] = []
    results = LocalEngine().imap(_square, _counted(100, taken), 100)
    assert next(results) == 0 and len(taken) == 1
    assert list(results) == [x * x for x in range(1, 100)] and len(taken) == 100


def test_a_pool_keeps_a_bounded_number_of_items_in_flight() -> None:
    taken: list[int] = []
    results = LocalEngine(jobs=2).imap(_square, _counted(1000, taken), 1000)
    first = next(results)
    # 2 workers: chunks of min(64, 1000 // 16) = 62 items, 3 chunks in flight per worker,
    # and the next chunk goes out as the first comes back: 7 chunks read of the 17
    assert first == 0 and len(taken) == 7 * 62
    assert [first, *results] == [x * x for x in range(1000)]
    assert len(taken) == 1000


def test_batched_cuts_consecutive_lists() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
