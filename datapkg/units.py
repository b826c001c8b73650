"""Units: the project's pint registry, a strict quantity parser in front of it, and display.

pint on its own is too forgiving for figures read from news copy: it strips commas ("1,5 crore"
becomes 15 crore) and drops symbols it does not know ("₹ 45000 crore" loses its currency). So
:func:`parse_quantity` tokenises the text itself, checks digit grouping, currency symbols and the
order number, scale words, unit; it asks the registry only to resolve names. Arithmetic is done
in :class:`decimal.Decimal`, so "1.5 lakh crore" is exactly 1500000000000.

Nothing is loaded at import time; :func:`registry` reads ``units.txt`` on first call.

Public API::

    registry() -> pint.UnitRegistry
    parse_quantity(text, *, default_unit=None) -> pint.Quantity   # Decimal magnitude
    to_base(value, unit) -> (float, str)
    unit_ok(unit) -> bool
    unit_dimension(unit) -> str
    format_value(value, unit, qualifier) -> str
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, localcontext
from functools import cache
from importlib import resources
from typing import Any

import pint

__all__ = [
    "UnitParseError",
    "registry",
    "parse_quantity",
    "to_base",
    "unit_ok",
    "unit_dimension",
    "format_value",
]

#: Symbols (pint cannot define these as unit names). "$" alone is USD, by news convention.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "₹": "INR",
    "€": "EUR",
    "£": "GBP",
    "C$": "CAD",
    "CA$": "CAD",
    "MX$": "MXN",
    "R$": "BRL",
    "CN¥": "CNY",
    "JP¥": "JPY",
    "A$": "AUD",
    "AU$": "AUD",
    "S$": "SGD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "NT$": "TWD",
    "₩": "KRW",
    "₫": "VND",
    "฿": "THB",
    "₱": "PHP",
    "₺": "TRY",
    "₽": "RUB",
}

#: Words and symbols left out of the registry on purpose, with the reason given to the user.
AMBIGUOUS: dict[str, str] = {
    "¥": "'¥' is ambiguous (JPY or CNY); write JPY or CNY",
    "ton": "'ton' is ambiguous (short, long or metric ton); write tonnes",
    "pound": "'pound' is ambiguous (mass or sterling); write GBP or kilograms",
    "peso": "'peso' is ambiguous (which country?); write MXN",
    "m": "'m' is ambiguous (metre, minute or million); write mn or million",
    "b": "'b' is ambiguous; write bn or billion",
}

#: Words that may carry an abbreviation dot ("Rs. 500").
_DOTTED = frozenset({"rs"})
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
_GROUPED = re.compile(
    r"(?:[1-9]\d{0,2}(?:,\d{3})+"  # Western: 1,234,567
    r"|[1-9]\d?(?:,\d\d)*,\d{3})"  # Indian: 12,34,567
    r"(?:\.\d+)?"
)
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_NUMBER_RUN = re.compile(r"\d(?:[\d.,]*\d)?")
_WORD_RUN = re.compile(r"[^\W\d_]+")
_MAX_PHRASE = 3
_QUALIFIERS = {"exact": "", "": "", "approx": "~ ", "lower_bound": "> ", "upper_bound": "< "}
_CANONICAL_BY_DIMENSION = {"[mass]": "tonne"}
_WESTERN_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_INDIAN_SCALES = ((10**12, "lakh crore"), (10**7, "crore"), (10**5, "lakh"))
_NAMES = {"barrel_per_day": ("barrel per day", "barrels per day")}
_SCALED_UNITS = frozenset({"count", "tonne", "barrel", "barrel_per_day"})


class UnitParseError(ValueError):
    """A quantity or unit could not be read; the message quotes the input and says why."""


@cache
def registry() -> pint.UnitRegistry:
    """The project's registry, built from ``datapkg/units.txt`` alone (cached)."""
    source = resources.files("datapkg").joinpath("units.txt")
    with resources.as_file(source) as path:
        return pint.UnitRegistry(str(path), on_redefinition="raise", cache_folder=None)


# --- registry look-ups ---------------------------------------------------------------------------


@cache
def _group(name: str) -> frozenset[str]:
    return frozenset(registry().get_group(name).members)


def _factor(name: str) -> Decimal:
    """Exact factor of a unit to its root units, read back from the definition's decimal literal."""
    factor, _ = registry().get_root_units(name)
    return Decimal(repr(factor))


def _resolve(word: str) -> str | None:
    """Canonical registry name of a word (or '_'-joined phrase), or None. Case is relaxed to
    lower then upper for words of two letters or more; single letters must match exactly."""
    reg = registry()
    candidates = [word] if len(word) < 2 else [word, word.lower(), word.upper()]
    for cand in candidates:
        try:
            return str(reg.get_name(cand))
        except (pint.errors.PintError, ValueError, AttributeError):
            continue
    return None


def _kind(name: str) -> str:
    if name in _group("scale"):
        return "scale"
    return "currency" if name in _group("currency") else "unit"


def _units(unit: str) -> dict[str, Any]:
    if not isinstance(unit, str) or not unit.strip():
        raise UnitParseError(f"unit {unit!r}: empty or not a string")
    try:
        container = registry().parse_units(unit)._units
        return {str(name): container[name] for name in container}
    except Exception as exc:  # pint raises assorted errors for bad expressions
        raise UnitParseError(f"unit {unit!r} does not parse in the registry: {exc}") from exc


def unit_ok(unit: str) -> bool:
    """True when *unit* is a non-empty unit expression of the registry."""
    try:
        _units(unit)
    except UnitParseError:
        return False
    return True


def unit_dimension(unit: str) -> str:
    """Dimensionality of *unit* as pint writes it: '[currency_USD]', '[time]', 'dimensionless'."""
    _units(unit)
    return str(registry().get_dimensionality(unit))


# --- parsing -------------------------------------------------------------------------------------


def _fail(text: str, why: str) -> UnitParseError:
    return UnitParseError(f"cannot parse {text!r}: {why}")


def _scan(text: str) -> list[tuple[str, str]]:
    """Split *text* into (kind, surface) tokens: num, word, sym, hyphen."""
    tokens: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in _HYPHENS:
            tokens.append(("hyphen", c))
            i += 1
        elif c in "0123456789":
            m = _NUMBER_RUN.match(text, i)
            assert m is not None
            tokens.append(("num", m.group()))
            i = m.end()
        elif c == "%":
            tokens.append(("word", "%"))
            i += 1
        elif unicodedata.category(c) == "Sc":
            tokens.append(("sym", c))
            i += 1
        elif _WORD_RUN.match(text, i):
            m = _WORD_RUN.match(text, i)
            assert m is not None
            word, i = m.group(), m.end()
            after = i + len(text[i:]) - len(text[i:].lstrip())
            if after < n and word + text[after] in CURRENCY_SYMBOLS:  # "US $"
                i = after
            if i < n and unicodedata.category(text[i]) == "Sc":  # US$, C$, R$, CN¥
                tokens.append(("sym", word + text[i]))
                i += 1
                continue
            if i < n and text[i] == "." and word.lower() in _DOTTED:  # Rs.
                i += 1
            tokens.append(("word", word))
        else:
            raise _fail(text, f"unexpected character {c!r}")
    return tokens


def _number(text: str, raw: str) -> Decimal:
    if _PLAIN.fullmatch(raw) or _GROUPED.fullmatch(raw):
        return Decimal(raw.replace(",", ""))
    if "," in raw:
        why = f"misplaced digit grouping in {raw!r} (write 1,234,567 or 12,34,567)"
    else:
        why = f"malformed number {raw!r}"
    raise _fail(text, why)


def _symbol(text: str, sym: str) -> str:
    if sym in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[sym]
    if sym in AMBIGUOUS:
        raise _fail(text, AMBIGUOUS[sym])
    raise _fail(text, f"unknown currency symbol {sym!r}")


def _unknown_word(text: str, word: str) -> UnitParseError:
    key = word.lower()
    for cand in (key, key[:-1] if key.endswith("s") else key):
        if cand in AMBIGUOUS:
            return _fail(text, AMBIGUOUS[cand])
    if re.fullmatch(r"[A-Z]{3}", word):
        return _fail(text, f"unknown currency code {word!r}")
    return _fail(text, f"unknown unit or currency word {word!r}")


def _items(text: str, tokens: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Resolve tokens into (kind, value, surface): num, hyphen, scale, unit, currency.
    Runs of words are matched greedily as '_'-joined phrases ("per cent", "US dollars")."""
    out: list[tuple[str, str, str]] = []
    i = 0
    while i < len(tokens):
        kind, surface = tokens[i]
        if kind == "num":
            out.append(("num", surface, surface))
        elif kind == "hyphen":
            out.append(("hyphen", surface, surface))
        elif kind == "sym":
            out.append(("currency", _symbol(text, surface), surface))
        else:
            run = 1
            while i + run < len(tokens) and tokens[i + run][0] == "word" and run < _MAX_PHRASE:
                run += 1
            for size in range(run, 0, -1):
                words = [w for _, w in tokens[i : i + size]]
                name = _resolve("_".join(words))
                if name is not None:
                    out.append((_kind(name), name, " ".join(words)))
                    i += size
                    break
            else:
                raise _unknown_word(text, surface)
            continue
        i += 1
    return out


def _one_currency(text: str, currencies: list[tuple[str, str]]) -> None:
    if len(currencies) > 1:
        names = list(dict.fromkeys(name for name, _ in currencies))
        why = (
            f"two currencies ({' and '.join(names)})"
            if len(names) > 1
            else f"currency stated twice ({', '.join(s for _, s in currencies)})"
        )
        raise _fail(text, why)


def parse_quantity(text: str, *, default_unit: str | None = None) -> pint.Quantity:
    """Read one figure such as 'USD 2 billion', 'Rs 45,000 crore', '25 per cent', '90 days'.

    Grammar: ``[currency] number [-] [scale words] [unit | currency]``. Scale words (lakh, crore,
    million, bn, ...) are folded into the magnitude, which is an exact :class:`Decimal`; the unit
    is the registry's canonical name (USD, INR, percent, percentage_point, day, tonne, ...).
    A number with no unit is rejected unless *default_unit* (e.g. 'count') is given.
    Raises :class:`UnitParseError` naming the input and the problem.

    Like any Decimal, the magnitude does not mix with floats (``q * 1.5`` raises TypeError);
    take ``to_base(q.magnitude, str(q.units))`` or ``float(q.magnitude)`` for float work.
    """
    if not isinstance(text, str):
        raise UnitParseError(f"cannot parse {text!r}: expected a string")
    if not text.strip():
        raise _fail(text, "empty input")
    items = _items(text, _scan(text))
    pos, prefix = 0, []
    while pos < len(items) and items[pos][0] == "currency":
        prefix.append((items[pos][1], items[pos][2]))
        pos += 1
    _one_currency(text, prefix)
    if pos == len(items):
        raise _fail(text, "no number")
    kind, value, surface = items[pos]
    if kind == "hyphen":
        raise _fail(text, "a leading sign or dash; values are magnitudes")
    if kind != "num":
        raise _fail(text, f"expected a number, found {surface!r}")
    number = _number(text, value)
    pos += 1
    if pos < len(items) and items[pos][0] == "hyphen":
        pos += 1
        if pos == len(items) or items[pos][0] == "num":
            raise _fail(text, "a range or dangling dash, not one quantity")
    scale = Decimal(1)
    while pos < len(items) and items[pos][0] == "scale":
        scale *= _factor(items[pos][1])
        pos += 1
    suffix = items[pos:]
    for kind, _, surface in suffix:
        if kind == "num":
            raise _fail(text, f"a second number {surface!r}; one quantity has one number")
        if kind in ("hyphen", "scale"):
            raise _fail(text, f"unexpected {surface!r} after the unit")
    currencies = prefix + [(v, s) for k, v, s in suffix if k == "currency"]
    _one_currency(text, currencies)
    units = [(v, s) for k, v, s in suffix if k == "unit"]
    if len(units) > 1 or (units and currencies):
        named = [s for _, s in currencies + units]
        raise _fail(text, f"more than one unit ({' and '.join(repr(s) for s in named)})")
    if currencies or units:
        unit = (currencies or units)[0][0]
    elif default_unit is None:
        raise _fail(text, "a bare number; a unit or currency is required")
    else:
        unit = _default_unit(default_unit)
    with localcontext() as ctx:
        ctx.prec = 60
        magnitude = _exact(number * scale)
    return registry().Quantity(magnitude, unit)


def _default_unit(unit: str) -> str:
    name = _resolve(unit)
    if name is None or _kind(name) == "scale":
        raise UnitParseError(f"default unit {unit!r} is not a unit of the registry")
    return name


def _exact(d: Decimal) -> Decimal:
    """Drop a meaningless fractional exponent: 1500000000000.0 -> 1500000000000."""
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


# --- conversion ----------------------------------------------------------------------------------


def _decimal(value: float | int | Decimal) -> Decimal:
    if isinstance(value, bool):
        raise TypeError(f"value {value!r}: expected a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def _base(value: float | int | Decimal, unit: str) -> tuple[Decimal, str]:
    """Exact core of :func:`to_base`."""
    scale, rest = Decimal(1), []
    for name, exp in _units(unit).items():
        if name in _group("scale") and exp == int(exp) and exp > 0:
            scale *= _factor(name) ** int(exp)
        else:
            rest.append((name, exp))
    if not rest:
        name, canon = "count", "count"
    elif len(rest) == 1 and rest[0][1] == 1:
        name = rest[0][0]
        canon = _CANONICAL_BY_DIMENSION.get(str(registry().get_dimensionality(name)), name)
    else:
        raise UnitParseError(f"unit {unit!r} is not one unit with scale words")
    with localcontext() as ctx:
        ctx.prec = 60
        factor = scale * _factor(name) / _factor(canon)
        return _decimal(value) * factor, canon


def to_base(value: float | int | Decimal, unit: str) -> tuple[float, str]:
    """*value* in *unit*, rewritten in the package's base unit for that kind of figure.

    Scale words are folded in (2, 'USD*billion' -> 2e9 USD; 5, 'lakh*tonne' -> 500000 tonne);
    currencies stay themselves; masses go to tonne; percent, percentage_point, count, rank and
    time units are kept as named (a month is not a fixed number of days). Raises
    :class:`UnitParseError` for a unit outside the registry or a compound unit.
    """
    result, canon = _base(value, unit)
    return float(result), canon


# --- display -------------------------------------------------------------------------------------


def _group_digits(digits: str, indian: bool) -> str:
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    size = 2 if indian else 3
    parts: list[str] = []
    while head:
        parts.insert(0, head[-size:])
        head = head[:-size]
    return ",".join(parts + [tail])


def _number_text(d: Decimal, indian: bool = False) -> str:
    """Grouped digits, no exponent, no trailing zeros; a fraction is rounded (half even) to six
    significant digits, the integer part never is: 33.333333 -> 33.3333, 1234567 -> 1,234,567."""
    if d != d.to_integral_value():
        places = max(0, 5 - d.adjusted())
        d = d.quantize(Decimal(1).scaleb(-places))
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    return sign + _group_digits(whole, indian) + ("." + frac if frac else "")


def _scaled(d: Decimal, scales: tuple[tuple[int, str], ...], indian: bool = False) -> str:
    """Largest scale word that leaves at most three decimals: 2e9 -> '2 billion'."""
    for factor, word in scales:
        mantissa = d / factor
        if abs(mantissa) >= 1 and mantissa == mantissa.quantize(Decimal("0.001")):
            return f"{_number_text(mantissa, indian)} {word}"
    return _number_text(d, indian)


def _unit_words(canon: str, d: Decimal) -> str:
    singular, plural = _NAMES.get(canon, (canon.replace("_", " "), canon.replace("_", " ") + "s"))
    return singular if d == 1 else plural


def format_value(value: float | int | Decimal | None, unit: str | None, qualifier: str) -> str:
    """A figure for display: '25%', 'USD 2 billion', '< USD 2 billion', '~ USD 3.5 billion',
    'Rs 45,000 crore', '90 days', '> 50', 'rank > 50'. Empty for a missing value (None or NaN).
    Independent of locale; raises ValueError for an unknown qualifier or unit."""
    if qualifier not in _QUALIFIERS:
        raise ValueError(
            f"qualifier {qualifier!r}: expected one of exact, approx, lower/upper_bound"
        )
    if value is None or math.isnan(float(value)):
        return ""
    mark = _QUALIFIERS[qualifier]
    with localcontext() as ctx:
        ctx.prec = 60
        if not unit:
            return mark + _scaled(_decimal(value), _WESTERN_SCALES)
        d, canon = _base(value, unit)
        if canon == "INR":
            return f"{mark}Rs {_scaled(d, _INDIAN_SCALES, indian=True)}"
        if _kind(canon) == "currency":
            return f"{mark}{canon} {_scaled(d, _WESTERN_SCALES)}"
        if canon == "percent":
            return f"{mark}{_number_text(d)}%"
        if canon == "rank":
            return f"rank {mark}{_number_text(d)}"
        if canon == "count":
            return mark + _scaled(d, _WESTERN_SCALES)
        number = _scaled(d, _WESTERN_SCALES) if canon in _SCALED_UNITS else _number_text(d)
        return f"{mark}{number} {_unit_words(canon, d)}"
