"""The pattern analyses that let the extractor skip work (extract/firstchars.py) never rule out a
place where the pattern matches: each is checked by hand on small patterns and against the regex
engine itself on every cue rule that uses it, over fixed-seed random ASCII text."""

from __future__ import annotations

import random
import re

import pytest

from extract import cues, rules
from extract.firstchars import (
    KeyIndex,
    ends_at_end,
    fold_ascii,
    prefixes,
    suffixes,
    tail_width,
)


def test_suffixes_of_small_patterns_worked_by_hand():
    assert suffixes(r"ab(?:c|de)$", 2) == {"bc", "de"}
    assert suffixes(r"(?:to|with)\s$", 3) == {"to" + c for c in " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"} | {
        "th" + c for c in " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"}
    # a match shorter than k is kept whole
    assert suffixes(r"x$", 3) == {"x"}


def test_folded_suffixes_are_lower_case_with_plain_spaces():
    assert suffixes(r"(?i:by)\s$", 3, fold=True) == {"by "}
    assert fold_ascii("By\t") == "by "


def test_prefixes_read_later_parts_only_as_far_as_needed():
    # 'a' then a class of 63 characters repeated: 3-character prefixes are 'a' + two of them
    got = prefixes(r"a\w{0,20}z", 3)
    assert got is not None
    assert "abc" in got and "az" in got and "b" not in got


def test_ends_at_end_and_tail_width():
    assert ends_at_end(r"(?:on|at)\s(?:the\s)?$")
    assert tail_width(r"(?:on|at)\s(?:the\s)?$") == 7
    assert not ends_at_end(r"(?:on$|at)")
    assert not ends_at_end(r"(?m)on$")
    assert tail_width(r"\w+\s$") is None  # unbounded


def _end_rules():
    out = []
    for section in rules.load("classify"):
        for rule, rx in cues.cues(section):
            if ends_at_end(rx.pattern):
                out.append(pytest.param(rx, id=rule["id"]))
    return out


_ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHINORSTUVW-.,'\n\t0123456789"


def _texts(rx: re.Pattern[str], n: int = 300) -> list[str]:
    """Random texts, half of them ending with a piece of what the pattern spells out."""
    rnd = random.Random(rx.pattern)
    words = re.findall(r"[a-z]{2,}", re.sub(r"\\[a-zA-Z]", " ", rx.pattern)) or ["x"]
    out = []
    for i in range(n):
        body = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 30)))
        if i % 2:
            sep = rnd.choice([" ", "-"])
            body += " " + sep.join(rnd.choice(words) for _ in range(rnd.randint(1, 3))) + sep
        out.append(body)
    return out


@pytest.mark.parametrize("rx", _end_rules())
def test_a_cue_that_ends_at_the_end_matches_only_where_its_analyses_allow(rx):
    width = tail_width(rx.pattern)
    tails = suffixes(rx.pattern, 4, fold=True)
    found = 0
    for text in _texts(rx):
        for m in [rx.search(text)]:
            if m is None:
                continue
            found += 1
            assert m.end() in (len(text), len(text) - 1)  # '$': the end or before a final newline
            if width is not None:
                assert m.end() - m.start() <= width
            if tails is not None and m.end() == len(text):
                folded = fold_ascii(text[max(0, len(text) - 4):])
                assert any(folded[j:] in tails for j in range(len(folded) + 1))
    assert found >= 3  # the texts do exercise the rule


def test_exists_agrees_with_a_plain_search_on_every_before_cue():
    text = ("The envoy to the US said duties imposed by the United States on imports from China "
            "and tariffs of up to 25% on Indian goods, a remaining 10% and zero-for-zero terms.")
    for section in ("qualifiers", "roles", "tariff_measures"):
        for i, (rule, rx) in enumerate(cues.cues(section)):
            if rule.get("side") != "before":
                continue
            for hi in range(len(text) + 1):
                for lo in (0, max(0, hi - 60)):
                    assert cues.exists(section, i, text, lo, hi) == bool(rx.search(text, lo, hi)), (
                        rule["id"], lo, hi)


def test_key_index_finds_the_entries_a_key_can_begin():
    entries = [
        (frozenset("ab"), frozenset({"abc", "ab"})),
        (frozenset("a"), None),  # prefix set unknown: every key at 'a'
        (frozenset("b"), frozenset({"bxy"})),
    ]
    index = KeyIndex(entries)
    assert index.lookup("abc") == (0, 1)
    assert index.lookup("abd") == (0, 1)  # 'ab', a whole match that short, heads it
    assert index.lookup("axx") == (1,)
    assert index.lookup("bxy") == (2,)
    assert index.lookup("bxz") == ()
    assert index.lookup("a\u00e9") == (0, 1)  # not ASCII: by the first character alone
    assert index.lookup("\u00e9ab") == ()


def test_key_index_agrees_with_testing_every_mention_rule():
    compiled = rules.mention_rules()
    entries = [(fc, pre) for _rule, fc, pre in compiled.first]
    index = KeyIndex(entries)
    rnd = random.Random(5)
    keys = ["".join(rnd.choice("0123456789$abfimnoprstuJMFDA ,.-%") for _ in range(rnd.randint(1, 3)))
            for _ in range(3000)]
    for key in keys:
        heads = [key[:n] for n in range(len(key) + 1)]
        expected = tuple(j for j, (fc, pre) in enumerate(entries)
                         if key[0] in fc and (pre is None or any(h in pre for h in heads)))
        assert index.lookup(key) == expected, key
