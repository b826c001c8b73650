"""The set of characters a regex match can begin with, worked out from the parsed pattern.

Used to put a cheap one-character test in front of every mention rule, so the combined pattern
rejects most positions without entering any rule. When a pattern can begin with anything (or the
analysis meets a construct it does not model) the answer is None: no test, never a wrong one.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]


def _every_char() -> str:
    """Every code point once (4 MB, dropped once the tables below are read from it)."""
    return "".join(map(chr, range(sys.maxunicode + 1)))


@cache
def _tables() -> tuple[frozenset[str], frozenset[str], str]:
    """Asked of the regex engine itself: the characters \\d and \\s match in a str pattern
    (every Unicode decimal digit and space: Arabic-Indic, Devanagari, fullwidth ...), and those
    that match some ASCII letter case-insensitively (KELVIN SIGN for 'k', LONG S for 's')."""
    every = _every_char()
    return (frozenset(re.findall(r"\d", every)), frozenset(re.findall(r"\s", every)),
            "".join(re.findall(r"(?i)[A-Za-z]", every)))


def _category(op) -> frozenset[str]:
    digits, spaces, _folds = _tables()
    return digits if op is C.CATEGORY_DIGIT else spaces


@cache
def _icase(c: str) -> frozenset[str]:
    """The characters that match c under IGNORECASE, as the regex engine folds case. A digit or
    a space has no case; an ASCII character can match only itself or one of _tables()[2]."""
    if c.isdecimal() or c.isspace():
        return frozenset(c)
    pool = _tables()[2] if c.isascii() else _every_char()
    return frozenset(re.findall("(?i)" + re.escape(c), pool)) | {c}


_CATEGORIES = (C.CATEGORY_DIGIT, C.CATEGORY_SPACE)


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
            out.update(_category(av))
        else:
            raise _Any
    return _case(out, icase)


def _case(chars: set[str], icase: bool) -> set[str]:
    if not icase:
        return chars
    out = set(chars)
    for c in chars:
        out |= _icase(c)
    return out


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


def _global_icase(parsed) -> bool:
    """Whether a leading '(?i)' makes the whole pattern case-insensitive (the parser keeps such
    flags on its state, not on the parts)."""
    return bool(parsed.state.flags & re.IGNORECASE)


def first_chars(pattern: str) -> frozenset[str] | None:
    """Characters a match of pattern can start with; None if it could start with anything."""
    try:
        parsed = P.parse(pattern)
        chars, nullable = _first(parsed, _global_icase(parsed))
    except _Any:
        return None
    return None if nullable or not chars else frozenset(chars)


def charset(chars: frozenset[str]) -> str:
    """A regex character class matching exactly chars. Every Unicode digit or space in it is
    written \\d or \\s: listed one by one, those beyond U+FFFF leave the engine a list of
    ranges to walk at every character (no bitmap), which made the skipping searches slower."""
    digits, spaces, _folds = _tables()
    rest, cats = set(chars), ""
    for cat, members in ((r"\d", digits), (r"\s", spaces)):
        if members <= rest:
            rest -= members
            cats += cat
    return "[" + "".join(re.escape(c) for c in sorted(rest)) + cats + "]"


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
    out: list[str] = []
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


# A prefix set is kept as (full, short): the strings already k long, and the shorter ones (whole
# matches so far) that the next part of the pattern extends.
_Pre = tuple[set[str], set[str]]


def _concat(a: _Pre, b: _Pre, k: int) -> _Pre:
    """{(x + y)[:k]}: a string of a already k long stays; a shorter one needs only the first
    k - len(x) characters of each y."""
    full, short = set(a[0]), set[str]()
    b_all = b[0] | b[1]
    heads: dict[int, set[str]] = {}
    for x in a[1]:
        n = len(x)
        ys = heads.get(n)
        if ys is None:
            ys = heads[n] = {y[:k - n] for y in b_all}
        for y in ys:
            xy = x + y
            (full if len(xy) == k else short).add(xy)
        if len(full) + len(short) > _LIMIT:
            raise _Any
    return full, short


def _leaf(chars: frozenset[str], k: int, fold: bool = False) -> _Pre:
    if fold:
        chars = frozenset(fold_ascii(c) for c in chars)
    return (set(chars), set()) if k == 1 else (set(), set(chars))


_FOLD = str.maketrans({c: " " for c in map(chr, range(128)) if re.match(r"\s", c)})


def fold_ascii(text: str) -> str:
    """ASCII text lower-cased, with every whitespace character as a space: the alphabet of the
    folded suffix sets (fewer strings; a necessary test still, never a wrong one)."""
    return text.lower().translate(_FOLD)


def _pre_seq(seq, icase: bool, k: int, rev: bool = False, fold: bool = False) -> _Pre:
    """Prefixes of seq; with rev, its suffixes written backwards (the parts taken last first)."""
    acc: _Pre = (set(), {""})
    for op, av in (reversed(seq) if rev else seq):
        # the next part is read only as far as the shortest string so far needs: its first
        # k - len(x) characters (fewer prefixes to build; the same result)
        need = k - min(len(x) for x in acc[1])
        acc = _concat(acc, _pre_op(op, av, icase, need, rev, fold), k)
        if not acc[1]:
            break
    return acc


def _pre_op(op, av, icase: bool, k: int, rev: bool = False, fold: bool = False) -> _Pre:
    if op is C.LITERAL:
        return _leaf(_ascii_class(re.escape(chr(av)), icase), k, fold)
    if op is C.NOT_LITERAL:
        return _leaf(_ascii_class("^" + re.escape(chr(av)), icase), k, fold)
    if op is C.IN:
        return _leaf(_ascii_class(_class_body(av), icase), k, fold)
    if op is C.ANY:
        return _leaf(frozenset(_ASCII), k, fold)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), {""}
    if op is C.SUBPATTERN:
        _group, add, _del, sub = av
        return _pre_seq(sub, icase or bool(add & re.IGNORECASE), k, rev, fold)
    if op is C.ATOMIC_GROUP:
        return _pre_seq(av, icase, k, rev, fold)
    if op is C.BRANCH:
        full: set[str] = set()
        short: set[str] = set()
        for alt in av[1]:
            f, sh = _pre_seq(alt, icase, k, rev, fold)
            full |= f
            short |= sh
        return full, short
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        one = _pre_seq(sub, icase, k, rev, fold)
        acc: _Pre = (set(), {""})
        out: _Pre = (set(), set())
        for j in range(0, min(hi, lo + k + 1) + 1):
            if j >= lo:
                out[0].update(acc[0])
                out[1].update(acc[1])
                if not acc[1]:
                    break  # further copies change no prefix
            acc = _concat(acc, one, k)
        return out
    raise _Any


def prefixes(pattern: str, k: int) -> frozenset[str] | None:
    """ASCII strings of length k (or shorter: a whole match that short) one of which every match
    of pattern in ASCII text begins with; None when unknown."""
    try:
        parsed = P.parse(pattern)
        full, short = _pre_seq(parsed, _global_icase(parsed), k)
        return frozenset(full | short)
    except _Any:
        return None


def suffixes(pattern: str, k: int, *, fold: bool = False) -> frozenset[str] | None:
    """ASCII strings of length k (or shorter: a whole match that short) one of which every match
    of pattern in ASCII text ends with; None when unknown. With fold, the strings are folded
    (fold_ascii) and so is what a caller compares with them."""
    try:
        parsed = P.parse(pattern)
        full, short = _pre_seq(parsed, _global_icase(parsed), k, rev=True, fold=fold)
        return frozenset(x[::-1] for x in full | short)
    except _Any:
        return None


# --- matches that end at the end --------------------------------------------------------------
# A cue read 'before' a mention ends with '$': it can match only where it ends at the end of the
# window searched (or just before a final newline). With a bound on its width, no match can
# begin further back than that width from the end, so a search may start there.

_BIG = 1 << 30


def _ends_at_end(seq) -> bool:
    if not seq:
        return False
    op, av = seq[-1]
    if op is C.AT:
        return av is C.AT_END
    if op is C.SUBPATTERN:
        _group, add, _del, sub = av
        return not add & re.MULTILINE and _ends_at_end(sub)
    if op is C.BRANCH:
        return all(_ends_at_end(alt) for alt in av[1])
    return False


@cache
def ends_at_end(pattern: str) -> bool:
    """Whether every match of pattern must end at '$' (the end of the string, or just before a
    newline that ends it); False too when MULTILINE makes '$' match at any line end."""
    if re.compile(pattern).flags & re.MULTILINE:
        return False
    return _ends_at_end(list(P.parse(pattern)))


@cache
def tail_width(pattern: str) -> int | None:
    """The greatest width of a match of pattern when every match must end at '$'; None when some
    match need not, or when the width is unbounded."""
    if not ends_at_end(pattern):
        return None
    width = P.parse(pattern).getwidth()[1]
    return None if width >= _BIG else width


class KeyIndex:
    """For entries (first characters, prefix set or None), which can begin where the text begins
    with `key` (its next few characters): entry j when key[0] is one of its first characters and
    its prefix set (if known) holds one of the heads key[:0], key[:1], ... of key. The prefix sets
    speak only of ASCII text: for a key that is not ASCII, every entry with key[0] as a first
    character. Looked up through an index of the heads rather than by testing every entry."""

    def __init__(self, entries: list[tuple[frozenset[str], frozenset[str] | None]]):
        self.entries = entries
        self.by_head: dict[str, list[int]] = {}
        self.open: dict[str, list[int]] = {}  # entries without a prefix set, by first character
        self.by_char: dict[str, tuple[int, ...]] = {}
        for j, (first, pre) in enumerate(entries):
            if pre is None:
                for c in first:
                    self.open.setdefault(c, []).append(j)
            else:
                for h in pre:
                    self.by_head.setdefault(h, []).append(j)

    def lookup(self, key: str) -> tuple[int, ...]:
        c = key[0]
        if not key.isascii():
            got = self.by_char.get(c)
            if got is None:
                got = self.by_char[c] = tuple(
                    j for j, (first, _pre) in enumerate(self.entries) if c in first)
            return got
        found = set(self.open.get(c, ()))
        by_head = self.by_head
        for n in range(len(key) + 1):
            found.update(by_head.get(key[:n], ()))
        entries = self.entries
        return tuple(sorted(j for j in found if c in entries[j][0]))
