"""Turning the text of a figure into a number: digits with any grouping, spelled-out numbers,
scale words (billion, crore, lakh crore) and currency names to ISO codes."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache, lru_cache

from extract import rules

_SPACE = re.compile(r"[\s-]+")


@cache
def _words() -> dict[str, float]:
    return {k: float(v) for k, v in rules.merged_values("numbers", "words").items()}


@cache
def _ordinals() -> dict[str, float]:
    return {k: float(v) for k, v in rules.section("numbers", "words")[3]["values"].items()}


@cache
def _fractions() -> dict[str, float]:
    return {_SPACE.sub(" ", k): float(v) for k, v in rules.merged_values("numbers", "words").items()
            if " " in k or "-" in k or k == "half"}


@cache
def _scales() -> dict[str, float]:
    table = {k: float(v) for k, v in rules.merged_values("numbers", "scales").items()}
    return table


@cache
def _currencies() -> dict[str, str]:
    table: dict[str, str] = {}
    # the signs read only before a scaled figure ('R1.2 billion') first: a currency name wins
    for rule in rules.section("numbers", "scaled_signs") + rules.section("numbers", "currencies"):
        for name in rule["names"]:
            table[_SPACE.sub(" ", name.lower()).strip()] = rule["code"]
    return table


def parse_number(text: str | None) -> float | None:
    """'12,34,567' -> 1234567.0, '23 000' -> 23000.0, '3.5' -> 3.5, 'twenty-five' -> 25.0, 'a' -> 1.0; None if unreadable."""
    if not text:
        return None
    raw = text.strip()
    if raw[:1].isdigit():
        try:
            return float(raw.replace(",", "").replace(" ", ""))
        except ValueError:
            return None
    total = 0.0
    for word in _SPACE.split(raw.lower()):
        if word not in _words():
            return None
        total += _words()[word]
    return total


def scaled(n: float, factor: float) -> float:
    """n times a scale, exact in decimal ('4.1' billion is 4100000000, not the float product
    4099999999.9999995)."""
    if factor == 1.0:
        return n
    return float(Decimal(repr(n)) * Decimal(repr(factor)))


def parse_ordinal(text: str) -> float | None:
    return _ordinals().get(text.lower())


def parse_fraction(text: str) -> float | None:
    return _fractions().get(_SPACE.sub(" ", text.lower()).strip())


@cache
def _scale_letters() -> dict[str, float]:
    return {str(k): float(v) for k, v in rules.merged_values_cased("numbers", "scale_letters").items()}


def scale_factor(text: str | None) -> float:
    """'billion' -> 1e9, 'lakh crore' -> 1e12, 'bn' -> 1e9, 'B' -> 1e9, 'T' -> 1e12; 1.0 when absent."""
    if not text:
        return 1.0
    if text in _scale_letters():
        return _scale_letters()[text]
    key = _SPACE.sub(" ", text.strip().lower())
    return _scales().get(key, 1.0)


def currency_code(text: str | None) -> str | None:
    """'US$' -> 'USD', 'Rs.' -> 'INR', '₹' -> 'INR', 'yuan' -> 'CNY'."""
    if not text:
        return None
    key = _SPACE.sub(" ", text.strip().lower())
    code = _currencies().get(key)
    if code is None and key.endswith("."):
        code = _currencies().get(key[:-1])
    return code


@cache
def _dollar_rules() -> list[tuple[str, re.Pattern[str]]]:
    # the skipping forms (rules.skipping) answer whether a pattern occurs the same, faster
    return [(r["code"], rules.skipping(re.compile(r["pattern"])))
            for r in rules.section("numbers", "dollars")]


def dollar_code(text: str, homes: tuple[str, ...] = ()) -> str:
    """What a bare '$' means in this article: USD unless the article marks another dollar, or
    its home country (the first the opening names) has one and the copy is in its house style."""
    for code, rx in _dollar_rules():
        if rx.search(text):
            return code
    return _home_code("dollar", text, homes) or "USD"


@cache
def _home_rules() -> dict[str, tuple[dict[str, str], re.Pattern[str] | None, re.Pattern[str] | None]]:
    return {r["family"]: (r["values"], re.compile(r["pattern"]) if "pattern" in r else None,
                          re.compile(r["unless"]) if "unless" in r else None)
            for r in rules.section("numbers", "home_money")}


def _home_code(family: str, text: str, homes: tuple[str, ...]) -> str | None:
    """The money of a family (numbers.yml home_money) of the first of the countries the opening
    names that has one, if the text allows it."""
    table, needs, unless = _home_rules()[family]
    home = next((c for c in homes if c in table), None)
    if home is None or (needs and not needs.search(text)) or (unless and unless.search(text)):
        return None
    return table[home]


_OPENING_CHARS = 400  # the headline and dateline, where an article names its home country


@lru_cache(maxsize=4)
def home_countries(norm: str) -> tuple[str, ...]:
    """The countries the headline and opening of the text name, in order, the US left out."""
    from extract import places  # places reads numbers' rules: imported late

    return tuple(p.code for p in places.find(norm, 0, min(len(norm), _OPENING_CHARS))
                 if p.code != "USA")


@cache
def _rupee_rules() -> list[tuple[str, re.Pattern[str]]]:
    return [(r["code"], rules.skipping(re.compile(r["pattern"])))
            for r in rules.section("numbers", "rupees")]


@lru_cache(maxsize=4)  # asked once per rupee figure, of the same article text
def rupee_code(text: str) -> str:
    """What 'Rs' or 'rupees' means in this article: INR unless a Pakistani or Sri Lankan outlet's
    marks say otherwise."""
    for code, rx in _rupee_rules():
        if rx.search(text):
            return code
    return _home_code("rupee", text, home_countries(text)) or "INR"


_MULTIPLES = {"tripl": 200.0, "trebl": 200.0, "quadrupl": 300.0, "halv": 50.0}


def multiple_change(word: str | None) -> float | None:
    """'tripled' -> 200 (per cent more), 'halved' -> 50 (per cent less), 'three-fold' -> 200."""
    w = (word or "").lower()
    if w.endswith(("fold", " times")):  # 'three-fold', 'grew 2.5 times': (n - 1) x 100 per cent more
        n = parse_number(w[:-4].rstrip("-") if w.endswith("fold") else w[:-6])
        return 100.0 * (n - 1.0) if n is not None and n > 1 else None
    return next((v for k, v in _MULTIPLES.items() if w.startswith(k)), None)
