"""The set of characters a regex match can begin with, worked out from the parsed pattern.

Used to put a cheap one-character test in front of every mention rule, so the combined pattern
rejects most positions without entering any rule. When a pattern can begin with anything (or the
analysis meets a construct it does not model) the answer is None: no test, never a wrong one.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

_CATEGORIES = {
    C.CATEGORY_DIGIT: "0123456789",
    C.CATEGORY_SPACE: " \t\n\r\f\v",
}


class _Any(Exception):
    pass


def _chars_of_in(items, icase: bool) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is C.NEGATE:
            raise _Any
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            if av[1] - av[0] > 400:
                raise _Any
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.update(_CATEGORIES[av])
        else:
            raise _Any
    return _case(out, icase)


def _case(chars: set[str], icase: bool) -> set[str]:
    return chars | {c.swapcase() for c in chars} if icase else chars


def _first(seq, icase: bool) -> tuple[set[str], bool]:
    """(first chars, nullable) of a parsed sequence."""
    out: set[str] = set()
    for op, av in seq:
        chars, nullable = _first_op(op, av, icase)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_op(op, av, icase: bool) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return _case({chr(av)}, icase), False
    if op is C.IN:
        return _chars_of_in(av, icase), False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True
    if op is C.SUBPATTERN:
        _group, add, _del, sub = av
        return _first(sub, icase or bool(add & re.IGNORECASE))
    if op is C.BRANCH:
        out: set[str] = set()
        nullable = False
        for alt in av[1]:
            chars, n = _first(alt, icase)
            out |= chars
            nullable |= n
        return out, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        chars, n = _first(sub, icase)
        return chars, n or lo == 0
    raise _Any


def first_chars(pattern: str) -> frozenset[str] | None:
    """Characters a match of pattern can start with; None if it could start with anything."""
    try:
        chars, nullable = _first(P.parse(pattern), False)
    except _Any:
        return None
    return None if nullable or not chars else frozenset(chars)


def charset(chars: frozenset[str]) -> str:
    """A regex character class matching exactly chars."""
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
