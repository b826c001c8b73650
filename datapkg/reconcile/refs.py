"""Claim refs: a claim named by one int instead of its claim_id string.

Facts keep their evidence as refs (a ref and a role packed in one int, see
:func:`datapkg.reconcile.model.link`), so a reconciled corpus holds no claim_id string, and no
claim record, once its facts are made. A claim whose id is the usual
``{source_id}-{start}-{end}`` (or with ``-{n}``) packs into its ref: source number, start,
length and n; any other id is listed apart (an odd-numbered ref). :class:`ClaimIds` turns a ref
back into its claim_id and source_id.
"""

from __future__ import annotations

from typing import Any

_START_BITS = 32
_LENGTH_BITS = 20
_N_BITS = 8


def _int(x: Any) -> int | None:
    if type(x) is int:
        return x
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return int(f) if f == f and f.is_integer() else None


class ClaimIds:
    """Refs of claims and their claim_id and source_id back (source numbers are given in the
    order sources are first seen)."""

    def __init__(self, source_ids: list[str] | None = None) -> None:
        self.source_ids: list[str] = []
        self._index: dict[str, int] = {}
        self._other: list[tuple[str, str]] = []  # (claim_id, source_id) of unpacked ids
        for sid in source_ids or []:
            self._source(sid)

    def _source(self, source_id: str) -> int:
        i = self._index.get(source_id)
        if i is None:
            i = self._index[source_id] = len(self.source_ids)
            self.source_ids.append(source_id)
        return i

    def ref(self, claim_id: str, source_id: str, start: Any, end: Any) -> int:
        """The ref of a claim; the same claim_id and source_id come back from it."""
        n = _suffix(claim_id, source_id, _int(start), _int(end))
        if n is not None:
            s, e = _int(start), _int(end)
            assert s is not None and e is not None
            packed = (self._source(source_id) << _START_BITS) | s
            packed = (packed << _LENGTH_BITS) | (e - s)
            return ((packed << _N_BITS) | n) << 1
        self._other.append((claim_id, source_id))
        return ((len(self._other) - 1) << 1) | 1

    def claim_id(self, ref: int) -> str:
        if ref & 1:
            return self._other[ref >> 1][0]
        packed = ref >> 1
        n = packed & ((1 << _N_BITS) - 1)
        packed >>= _N_BITS
        length = packed & ((1 << _LENGTH_BITS) - 1)
        packed >>= _LENGTH_BITS
        start = packed & ((1 << _START_BITS) - 1)
        sid = self.source_ids[packed >> _START_BITS]
        base = f"{sid}-{start}-{start + length}"
        return f"{base}-{n}" if n else base

    def source_id(self, ref: int) -> str:
        if ref & 1:
            return self._other[ref >> 1][1]
        return self.source_ids[ref >> (1 + _N_BITS + _LENGTH_BITS + _START_BITS)]


def _suffix(claim_id: str, source_id: str, start: int | None, end: int | None) -> int | None:
    """n when *claim_id* is exactly ``{source_id}-{start}-{end}`` (0) or that plus ``-{n}``
    (1 <= n < 256) and the numbers fit a ref; None otherwise."""
    if start is None or end is None or not (0 <= start < 1 << _START_BITS):
        return None
    if not (0 <= end - start < 1 << _LENGTH_BITS):
        return None
    base = f"{source_id}-{start}-{end}"
    if claim_id == base:
        return 0
    if not claim_id.startswith(base + "-"):
        return None
    tail = claim_id[len(base) + 1 :]
    if not tail.isascii() or not tail.isdigit() or str(int(tail)) != tail:
        return None
    n = int(tail)
    return n if 1 <= n < 1 << _N_BITS else None
