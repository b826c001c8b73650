"""Figures written in other scripts' digits, or after a space the normaliser does not map, are
found like their ASCII forms: the rules' \\d and \\s read every Unicode digit and space, so the
skipping tests in front of them (extract/firstchars.py, the anchors of the mention pass) must too.
Expected claims are worked out by hand from the sentences."""

from __future__ import annotations

import re
from datetime import date

from extract_helpers import claims

from extract import mentions
from extract.firstchars import charset, first_chars
from extract.normalise import normalise

ARABIC_25 = "\u0662\u0665"  # ARABIC-INDIC DIGIT TWO, FIVE
DEVANAGARI_12 = "\u0967\u0968"  # DEVANAGARI DIGIT ONE, TWO


def test_first_chars_of_digit_space_and_case_reach_beyond_ascii():
    assert {"\u0662", "\u0968", "\uff15", "7"} <= first_chars(r"\d")
    assert {"\u2005", "\u3000", "\x1c", " "} <= first_chars(r"\s")
    # the regex engine folds KELVIN SIGN to k and LONG S to s
    assert first_chars(r"(?i:k)") == {"k", "K", "\u212a"}
    assert first_chars(r"(?i)s") == {"s", "S", "\u017f"}
    assert first_chars(r"a") == {"a"}


def test_tariff_in_arabic_indic_digits():
    text = f"The US imposed a {ARABIC_25} per cent tariff on Indian goods."
    [r] = claims(text)
    # 'The US imposed a ' is 17 characters; '٢٥ per cent' 11
    assert (r["start"], r["end"], r["mention"]) == (17, 28, f"{ARABIC_25} per cent")
    assert (r["kind"], r["value"], r["unit"], r["measure"]) == ("tariff_rate", 25.0, "percent",
                                                                "tariff_rate")
    assert (r["imposer"], r["target"]) == ("USA", "IND")


def test_fall_in_devanagari_digits():
    text = f"Exports fell by {DEVANAGARI_12} per cent."
    [r] = claims(text)
    assert (r["start"], r["end"]) == (16, 27)
    assert (r["kind"], r["value"], r["unit"], r["measure"]) == ("change", 12.0, "percent",
                                                                "exports_decrease")


def test_figure_after_a_four_per_em_space():
    # U+2005 is no space the normaliser maps; the figure after it is read all the same
    text = "The US imposed a\u200525 per cent tariff on Indian goods."
    [r] = claims(text)
    assert (r["start"], r["end"], r["value"], r["target"]) == (17, 28, 25.0, "IND")


def test_anchored_pass_loses_no_mention_in_other_scripts():
    text = normalise(f"Tariffs of {ARABIC_25}% and a fall of {DEVANAGARI_12} per cent in exports.")
    anchored = [(m.start, m.end, m.rule.id) for m in mentions.find(text)]
    assert anchored == [(m.start, m.end, m.rule.id) for m in mentions.find(text, anchored=False)]
    assert [(s, e) for s, e, _r in anchored] == [(11, 14), (29, 40)]


def test_charset_of_unicode_digits_and_spaces_matches_exactly_them():
    rx = re.compile(charset(first_chars(r"[x\s]|\d")))
    # MATHEMATICAL BOLD DIGIT ZERO lies beyond U+FFFF; IDEOGRAPHIC SPACE is a space
    for c in ("x", "7", "\u0662", "\U0001d7ce", "\u3000", "\n"):
        assert rx.fullmatch(c), repr(c)
    for c in ("y", "X", "%", "\u00bd"):  # VULGAR FRACTION ONE HALF is numeric, not a digit
        assert not rx.fullmatch(c), repr(c)


def test_year_in_devanagari_digits_is_a_date():
    # '२०२५' is 2025 in Devanagari digits: the normaliser maps it to ASCII, so the year pattern reads it
    text = "Exports to the US fell sharply in \u0968\u0966\u0968\u096b."
    dates = [r for r in claims(text, published=date(2026, 3, 1)) if r["kind"] == "date"]
    assert [(r["mention"], r["date_from"], r["date_to"]) for r in dates] == [
        ("\u0968\u0966\u0968\u096b", date(2025, 1, 1), date(2025, 12, 31))]


def test_normalised_digits_keep_offsets_and_original_text():
    text = "A \u0967\u0966 per cent duty took effect on \u0967 August \u0968\u0966\u0968\u096b."
    assert normalise(text) == "A 10 per cent duty took effect on 1 August 2025."
    [rate] = [r for r in claims(text, published=date(2025, 9, 1)) if r["kind"] == "tariff_rate"]
    assert (rate["mention"], rate["value"]) == ("\u0967\u0966 per cent", 10.0)
    assert (rate["date_from"], rate["date_to"]) == (date(2025, 8, 1), date(2025, 8, 1))
