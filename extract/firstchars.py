"""The set of characters a regex match can begin with, worked out from the parsed pattern.

Used to put a cheap one-character test in front of every mention rule, so the combined pattern
rejects most positions without entering any rule. When a pattern can begin with anything (or the
analysis meets a construct it does not model) the answer is None: no test, never a wrong one.
"""

from __future__ import annotations

import re
from functools import cache
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


# --- prefixes of k characters --------------------------------------------------------------------
# A finer test than first_chars for the mention pass: the set of ASCII strings of length k a
# match can begin with (or shorter, for a match that short). It over-approximates,
# so a rule left out for a pair of characters can never match there; it speaks only of ASCII text
# (a caller must not use it where either character is not ASCII). None: no test.

_ASCII = [chr(i) for i in range(128)]
_LIMIT = 20000  # beyond this many prefixes the test is not worth it: give up (None)
_CLASS_ITEMS = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}


@cache
def _ascii_class(body: str, icase: bool) -> frozenset[str]:
    """The ASCII characters the regex character class [body] matches (tested, not modelled)."""
    rx = re.compile("[" + body + "]", re.IGNORECASE if icase else 0)
    return frozenset(c for c in _ASCII if rx.fullmatch(c))


def _class_body(items) -> str:
    out = []
    for op, av in items:
        if op is C.NEGATE:
            out.insert(0, "^")
        elif op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.RANGE:
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY and av in _CLASS_ITEMS:
            out.append(_CLASS_ITEMS[av])
        else:
            raise _Any
    return "".join(out)


def _concat(a: set[str], b: set[str], k: int) -> set[str]:
    out = {x for x in a if len(x) >= k}
    short = [x for x in a if len(x) < k]
    for x in short:
        for y in b:
            out.add((x + y)[:k])
    if len(out) > _LIMIT:
        raise _Any
    return out


def _pre_seq(seq, icase: bool, k: int) -> set[str]:
    acc = {""}
    for op, av in seq:
        acc = _concat(acc, _pre_op(op, av, icase, k), k)
        if all(len(x) >= k for x in acc):
            break
    return acc


def _pre_op(op, av, icase: bool, k: int) -> set[str]:
    if op is C.LITERAL:
        return _ascii_class(re.escape(chr(av)), icase)
    if op is C.NOT_LITERAL:
        return _ascii_class("^" + re.escape(chr(av)), icase)
    if op is C.IN:
        return _ascii_class(_class_body(av), icase)
    if op is C.ANY:
        return set(_ASCII)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}
    if op is C.SUBPATTERN:
        _group, add, _del, sub = av
        return _pre_seq(sub, icase or bool(add & re.IGNORECASE), k)
    if op is C.ATOMIC_GROUP:
        return _pre_seq(av, icase, k)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            out |= _pre_seq(alt, icase, k)
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        one = _pre_seq(sub, icase, k)
        acc, out = {""}, set()
        for j in range(0, min(hi, lo + k + 1) + 1):
            if j >= lo:
                out |= acc
            acc = _concat(acc, one, k)
        return out
    raise _Any


def prefixes(pattern: str, k: int) -> frozenset[str] | None:
    """ASCII strings of length k (or shorter: a whole match that short) one of which every match
    of pattern in ASCII text begins with; None when unknown."""
    try:
        return frozenset(_pre_seq(P.parse(pattern), False, k))
    except _Any:
        return None
