"""The faster forms the extractor searches with answer exactly as the plain patterns would
(issue 5: a speed-up must not change a claim). Each case is worked out by hand from Python's
regex rules: \\d and \\s match beyond ASCII, case folding maps 'ſ' to 's', and \\s matches the
separators \\x1c-\\x1f."""

from __future__ import annotations

import re

import pytest

from extract import cues, rules

# (pattern, text, whether the pattern occurs in the text), each worked out by hand
_CASES = [
    (r"\d+\sbn\Z", "exports of \u0663\u0660 bn", True),  # Arabic-Indic digits are \d
    (r"\d+\sbn\Z", "exports of 30 bn", True),
    (r"\d+\sbn\Z", "exports of thirty bn", False),
    (r"(?i:\bsaid\s)", "officials \u017faid today", True),  # long s folds to s
    (r"(?i:\bsaid\s)", "officials sa id today", False),
    (r"\s+tariff", "x\x1ctariff", True),  # \x1c is a \s character
    (r"\s(?:the\s)?tariff", "a\ntariff", True),  # a match that begins at a newline
    (r"\s(?:the\s)?tariff", "atariff", False),
    (r"\bdeal\b", "an ideal outcome", False),
    (r"\bdeal\b", "a trade deal", True),
]


@pytest.mark.parametrize(("pattern", "text", "found"), _CASES)
def test_exact_skipping_form_finds_what_the_pattern_finds(pattern, text, found):
    rx = re.compile(pattern)
    assert (rx.search(text) is not None) is found  # the hand-worked answer holds for the pattern
    assert (rules.skipping_exact(rx).search(text) is not None) is found


def test_plain_skipping_form_finds_a_non_ascii_digit_but_misses_a_match_at_a_newline():
    # first_chars() reads \d as the engine does (every Unicode digit), so both forms find '٣٠ bn'
    rx = re.compile(r"\d+\sbn\Z")
    assert rules.skipping(rx).search("exports of \u0663\u0660 bn") is not None
    assert rules.skipping_exact(rx).search("exports of \u0663\u0660 bn") is not None
    # the plain form's look-behind '.' does not read a newline: why the exact one exists
    rx = re.compile(r"\s(?:the\s)?tariff")
    assert rules.skipping(rx).search("a\ntariff") is None
    assert rules.skipping_exact(rx).search("a\ntariff").start() == 1


def test_exact_skipping_form_searches_the_same_window():
    rx = re.compile(r"(?i:\bon\s)")
    fast = rules.skipping_exact(rx)
    text = "tariffs on China and on Mexico"
    # 'on ' stands at 8 and 21: a window [9, 20) holds neither, [9, 30) the second
    assert fast.search(text, 9, 20) is None
    assert fast.search(text, 9, 30).start() == 21


def test_cue_hits_are_the_chained_matches_and_follow_the_text():
    rx = re.compile(r"\bwill\b")
    fast = rules.skipping(rx)
    text = "It will rise. It will fall."
    assert [m.span() for m in cues.hits(rx, fast, text, 0, 13)] == [(3, 7)]
    assert [m.span() for m in cues.hits(rx, fast, text, 0, 27)] == [(3, 7), (17, 21)]
    assert [m.span() for m in cues.hits(rx, fast, text, 0, 13)] == [(3, 7)]  # read again
    other = "They will go."
    assert [m.span() for m in cues.hits(rx, fast, other, 0, 13)] == [(5, 9)]
    assert [m.span() for m in cues.hits(rx, fast, text, 14, 27)] == [(17, 21)]


@pytest.mark.parametrize(("pattern", "indexed"), [
    (r"(?i:\bdeal)", True),
    (r"(?i:(?<!\bno\s)(?<!\bwithout\s)\bdeals?)", True),  # look-behinds read only before
    (r"(?<=\s)\bdeal", True),
    (r"(?=d)\bdeal", False),  # a look-ahead is not read past
    (r"deal", False),  # no \b: it may begin inside a word ('ideal')
    (r"\b~deal", False),  # '~' is no word character
])
def test_which_cue_patterns_can_match_only_at_a_word_start(pattern, indexed):
    from extract.firstchars import first_chars

    assert cues._at_word_start(pattern, first_chars(pattern)) is indexed
