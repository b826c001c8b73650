"""Choosing imposer and target for a figure from the parties in its sentence and their roles."""

from __future__ import annotations

from collections.abc import Sequence

from extract.places import Place

_TARIFF_KINDS = ("tariff_rate",)


def _nearest(places: Sequence[Place], start: int, end: int) -> Place | None:
    def dist(p: Place) -> int:
        return start - p.end if p.end <= start else (p.start - end if p.start >= end else 0)

    return min(places, key=dist, default=None)


def choose(places: Sequence[Place], start: int, end: int, kind: str) -> tuple[str, str]:
    """(imposer, target) codes for the figure at [start, end); '' where the text does not say."""
    tariff = kind in _TARIFF_KINDS
    tgt = _nearest([p for p in places if p.role == "target" or (p.role == "goods" and tariff)
                    or (p.role == "second" and not tariff)], start, end)
    imp = _nearest([p for p in places if (p.role == "imposer" or (p.role == "goods" and not tariff))
                    and (tgt is None or p.code != tgt.code)], start, end)
    if tgt is None and tariff:  # 'no tariffs on drugs from the UK', 'a 15% tariff on EU goods'
        tgt = _nearest([p for p in places if p.role == "second" and p.start >= end
                        and (imp is None or p.code != imp.code)], start, end)
    imposer, target = (imp.code if imp else ""), (tgt.code if tgt else "")
    rest = [p for p in places if p.code not in (imposer, target) and not p.code.startswith("X-ALL")]
    if not imposer and rest:
        usa = [p for p in rest if p.code == "USA"] if tariff else []
        pick = usa[0] if usa else (_nearest(rest, start, end) if tariff else rest[0])
        imposer = pick.code
        rest = [p for p in rest if p.code != imposer]
    if not target and rest:
        target = (_nearest(rest, start, end) or rest[0]).code
    return imposer, target


def event_parties(places: Sequence[Place], start: int, end: int) -> tuple[str, str]:
    """(first, second) party of a dated event. The party met, called or visited ('with X',
    'to X') is second and the nearest other party first; otherwise the two nearest parties in
    the order the text names them."""
    usable = [p for p in places if not p.code.startswith("X-ALL")]
    second = _nearest([p for p in usable if p.role == "second"], start, end)
    first = _nearest([p for p in usable if second is None or p.code != second.code], start, end)
    if second is None and first is not None:
        second = _nearest([p for p in usable if p.code != first.code], start, end)
        if second is not None and second.start < first.start:
            first, second = second, first
    return (first.code if first else ""), (second.code if second else "")
