"""Loading the YAML rule files of extract/rules/ and compiling them once per process.

Macros ({NAME}) are expanded here; the number words, scales and currencies of numbers.yml become
the macros NUMW, SCALE, CURP and CURS. Nothing is compiled per mention: every consumer takes the
compiled objects from :func:`mention_rules` / :func:`load` (both cached).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from extract.firstchars import KeyIndex, charset, first_chars, prefixes
from extract.trie import trie_regex

PREFIX = 3  # characters of text read to choose the mention rules tried at a position (by_pair)
RULE_FILES = ("numbers", "mentions", "text", "places", "classify", "dates")
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_NAMED = re.compile(r"\(\?P<\w+>")


@cache
def load(name: str) -> dict[str, list[dict[str, Any]]]:
    """The parsed YAML of extract/rules/<name>.yml."""
    text = resources.files("extract").joinpath("rules", f"{name}.yml").read_text("utf-8")
    # libyaml's loader where installed: same result, ten times faster at start-up
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def section(name: str, key: str) -> list[dict[str, Any]]:
    return list(load(name).get(key, []))


def merged_values(name: str, key: str) -> dict[str, Any]:
    """All `values` maps of a section merged into one lookup (keys lower-cased)."""
    out: dict[str, Any] = {}
    for rule in section(name, key):
        out.update({str(k).lower(): v for k, v in rule["values"].items()})
    return out


def alternation(words: list[str], *, flags: str = "") -> str:
    """A regex alternation of literal words, longest first (so no shorter prefix wins)."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _number_macros() -> dict[str, str]:
    units = {k: v for k, v in merged_values("numbers", "words").items()}
    small = [w for w in units if w not in ("a", "an", "single")]
    unit_words = [w for w in small if w in _UNIT_WORDS]
    tens = list(section("numbers", "words")[1]["values"])
    numw = (
        rf"(?:{alternation(tens, flags='i')}(?:[\s-]{alternation(unit_words[1:10], flags='i')})?"
        rf"|{alternation([w for w in unit_words if w != 'zero'], flags='i')}"
        rf"|(?i:hundred))(?![\w])"
    )
    scales = list(merged_values("numbers", "scales"))
    long_scales = [s for s in scales if len(s) > 1]
    short = [s for s in scales if len(s) == 1]
    scale = rf"(?:{alternation(long_scales, flags='i')}|{alternation(short)})(?![A-Za-z])"
    names = [n for rule in section("numbers", "currencies") for n in rule["names"]]
    # symbols, codes and the abbreviations written before a figure (Rs 500, Rp 5 trillion, Tk 40,
    # Dh1.4 trillion, KSh 70 billion, SFr 5 billion)
    prefix = [n for n in names if not n.replace(" ", "").isalpha() or n.isupper()
              or n.rstrip(".") in ("Rs", "Rp", "Tk", "Dh", "Dhs", "KSh", "Ksh", "Sfr", "SFr", "LE")]
    suffix = [n for n in names if n.replace(" ", "").replace(".", "").isalpha()]
    return {
        "NUMW": numw,
        "SCALE": scale,
        "CURP": rf"(?<![A-Za-z])(?:{alternation(prefix)})",
        "CURS": rf"{alternation(suffix)}(?![A-Za-z])",
    }


_UNIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()


def expand(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    """Replace {NAME} by its macro, recursively (macros may use macros)."""
    if depth > 8:
        raise ValueError(f"macro recursion too deep in {pattern!r}")
    out = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
    return expand(out, macros, depth + 1) if _MACRO.search(out) else out


@cache
def macros() -> dict[str, str]:
    table = _number_macros()
    for rule in section("mentions", "macros"):
        table[rule["name"]] = rule["pattern"]
    return {name: expand(p, table) for name, p in table.items()}


@dataclass(frozen=True)
class MentionRule:
    id: str
    parse: str
    kind: str
    measure: str
    rx: re.Pattern[str]
    group: str  # the name of this rule's group in the combined pattern


@dataclass(frozen=True)
class MentionRules:
    scanner: re.Pattern[str]
    by_group: dict[str, MentionRule]
    by_char: dict[str, re.Pattern[str]]
    anchors: re.Pattern[str]
    # per rule in file order: (rule, its first characters, its ASCII prefixes of PREFIX
    # characters or None when unknown), for `by_pair`
    first: tuple[tuple[MentionRule, frozenset[str], frozenset[str] | None], ...] = ()
    pairs: dict[str, tuple[MentionRule, ...]] = field(default_factory=dict)
    # the prefix sets of `first` indexed by head (they speak only of ASCII text: for other keys
    # every rule of by_char[c]); a field built once, not a cached_property, which mypyc
    # compiles into a plain property rebuilt on every read
    keys: KeyIndex = field(default_factory=lambda: KeyIndex([]))
    # `anchors` with every decimal digit (Arabic-Indic, Devanagari ...) also an anchor, for the
    # texts holding such digits (slower: the alternation then opens with a class); and the test
    # for them
    anchors_any_digit: re.Pattern[str] = re.compile("(?!)")
    other_digit: re.Pattern[str] = re.compile(r"\d(?<![0-9])")

    def by_pair(self, key: str) -> tuple[MentionRule, ...]:
        """The rules, in file order, that can match where the text begins with `key` (its next
        PREFIX characters; fewer at the end of the text): a subset of those of by_char[key[0]]
        that leaves out only rules that cannot match there."""
        got = self.pairs.get(key)
        if got is None:
            first = self.first
            got = self.pairs[key] = tuple(first[j][0] for j in self.keys.lookup(key))
        return got


class _Alternations(dict):
    """by_char, each character's alternation compiled on first use: the mention pass needs it
    only where by_pair does not decide (non-ASCII text), and compiling all of them took most of
    the start-up time."""

    def __init__(self, chars: frozenset[str], entries: list[tuple[str, str, frozenset[str]]]):
        super().__init__()
        self._chars, self._entries = chars, entries

    def __missing__(self, c: str) -> re.Pattern[str]:
        if c not in self._chars:
            raise KeyError(c)
        rx = self[c] = re.compile(
            "|".join(f"(?P<{g}>{p})" for g, p, fc in self._entries if c in fc))
        return rx


@cache
def mention_rules() -> MentionRules:
    """The mention rules compiled for one pass.

    - `anchors`: where figures can be (digits, currency signs, calendar and number words);
    - `scanner`: candidate positions, word starts at a character some rule can begin with;
    - `by_char`: for each such character, one alternation of exactly the rules that can begin
      with it, in file order (so at any position the first listed rule that matches wins).
    """
    table = macros()
    entries: list[tuple[str, str, frozenset[str]]] = []
    by_group: dict[str, MentionRule] = {}
    first_table = []
    for i, rule in enumerate(section("mentions", "rules")):
        pattern = expand(rule["pattern"], table)
        first = first_chars(pattern)
        if first is None:
            raise ValueError(f"rule {rule['id']}: cannot tell which characters it begins with")
        group = f"r{i}"
        entries.append((group, _NAMED.sub("(?:", pattern), first))
        by_group[group] = MentionRule(
            id=rule["id"], parse=rule["parse"], kind=rule.get("kind", ""),
            measure=rule.get("measure", ""), rx=re.compile(pattern), group=group,
        )
        first_table.append((by_group[group], first, prefixes(pattern, PREFIX)))
    chars = frozenset().union(*[fc for _, _, fc in entries])
    by_char = _Alternations(chars, entries)
    words = [w for r in section("mentions", "anchors") for w in r["names"]]
    words += [w.capitalize() for w in words if w.islower()]
    # a class or a branch of literals first lets the regex engine skip ahead in C
    scanner = re.compile(charset(chars) + r"(?<!\w.)")
    anchors = trie_regex(words)
    # a digit anchors a figure whatever its script, as the rules' \d reads every decimal digit
    any_digit = r"\d|" + anchors if any(w.isdecimal() for w in words) else anchors
    return MentionRules(scanner, by_group, by_char, re.compile(anchors),
                        tuple(first_table),
                        keys=KeyIndex([(fc, pre) for _rule, fc, pre in first_table]),
                        anchors_any_digit=re.compile(any_digit))


def skipping(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern finding where rx matches but led by the set of characters rx can begin with, so
    the regex engine skips other positions in C: '[F](?<=(?=P).)'. Its matches are one character
    long (re-match rx there for the span); rx itself if its first characters are unknown."""
    first = first_chars(rx.pattern)
    if first is None:
        return rx
    return re.compile(charset(first) + "(?<=(?=" + rx.pattern + ").)", rx.flags & ~re.UNICODE)


def skipping_exact(rx: re.Pattern[str]) -> re.Pattern[str]:
    """skipping() for a caller that must find exactly where rx matches, whatever the text: the
    class in front also takes the characters first_chars() does not model (every non-ASCII
    character, since \\d, \\s and case folding reach beyond ASCII, and the separators
    \\x1c-\\x1f that \\s matches), and the look-behind reads a newline too. On ASCII text it skips
    as fast as skipping()."""
    first = first_chars(rx.pattern)
    if first is None:
        return rx
    body = "".join(re.escape(c) for c in sorted(c for c in first if c.isascii()))
    return re.compile("[" + body + "\\x1c-\\x1f\\x80-\\U0010ffff](?<=(?=" + rx.pattern + ")(?s:.))",
                      rx.flags & ~re.UNICODE)


def compile_cues(name: str, key: str) -> list[tuple[dict[str, Any], re.Pattern[str]]]:
    """Each rule of a section with its pattern compiled (macros expanded)."""
    table = macros()
    return [(r, re.compile(expand(r["pattern"], table))) for r in section(name, key)]


def merged_values_cased(name: str, key: str) -> dict[str, Any]:
    """All `values` maps of a section merged, keys kept as written."""
    out: dict[str, Any] = {}
    for rule in section(name, key):
        out.update({str(k): v for k, v in rule["values"].items()})
    return out
