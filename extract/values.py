"""Resolving a numeric mention to figures: value in base units, unit, and the qualifier its own
form implies (the ends of a range, a negated 'top 50'). A mention may give several figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import mentions, numbers, sentences
from extract.mentions import Mention

_NEGATED_RANK = re.compile(
    r"(?i:\b(?:not|never|n't|nor|outside|beyond|no\slonger|fails?\sto|failed\sto)\b[^.;]{0,40}$)"
)
_FROM_BEFORE = re.compile(r"(?i:\bfrom\s(?:a\s|an\s|the\s)?$)")
_PER_UNIT = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour"}
_PER_FACTOR = {"decade": ("year", 10), "fortnight": ("week", 2)}  # 'two decades' is 20 years


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    qualifier: str = ""  # empty: decided by the wording around the mention


def _pct(m: Mention, text: str) -> list[Figure]:
    return [Figure(v, "percent")] if (v := numbers.parse_number(m.g("n1"))) is not None else []


def _pct_range(m: Mention, text: str) -> list[Figure]:
    a, b = numbers.parse_number(m.g("n1")), numbers.parse_number(m.g("n2"))
    if a is None or b is None:
        return []
    if "point" in (m.g("u2") or "").lower():  # '0.3 to 0.5 percentage point'
        return [Figure(a, "percentage_point", "lower_bound"), Figure(b, "percentage_point", "upper_bound")]
    if _FROM_BEFORE.search(text[max(0, m.match_start - 12):m.match_start]) or a > b:
        return [Figure(a, "percent", "exact"), Figure(b, "percent", "exact")]  # 'from 10% to 20%'
    return [Figure(a, "percent", "lower_bound"), Figure(b, "percent", "upper_bound")]


_LIST_SEP = re.compile(r"\s?,\s?(?:and\s|or\s|&\s)?|\s(?:and|or|&)\s")
_UNIT_TAIL = re.compile(r"(?i)[\s-]?(?:%|per[\s-]?cent|percent|pct|pc)\b.*$|\s?%.*$")


def _pct_list(m: Mention, text: str) -> list[Figure]:
    """'10, 15 and 20 per cent', 'Nineteen or 20 per cent': one figure per item."""
    out = []
    for item in _LIST_SEP.split(text[m.start:m.end]):
        item = _UNIT_TAIL.sub("", item).strip()
        v = numbers.parse_number(item) if item else None
        if v is None:
            return []
        out.append(Figure(v, "percent"))
    return out


_RUPEE_SIGNS = frozenset({"\u20b9", "INR"})  # the Indian rupee's own sign and code


def _code(m: Mention, dollar: str, text: str) -> str | None:
    """The currency of a money mention: a bare '$' is the article's dollar, a bare 'Rs' or
    'rupees' the article's rupee (Pakistani and Sri Lankan outlets write their own so)."""
    sign = (m.g("c1") or "").strip()
    if sign == "$":
        return dollar
    code = numbers.currency_code(sign)
    if code == "INR" and sign not in _RUPEE_SIGNS:
        return numbers.rupee_code(text)
    return code


def _money(m: Mention, text: str, dollar: str = "USD") -> list[Figure]:
    code = _code(m, dollar, text)
    n = numbers.parse_number(m.g("n1"))
    if code is None or n is None:
        return []
    return [Figure(numbers.scaled(n, numbers.scale_factor(m.g("s1") or m.g("sc"))), code)]


def _money_range(m: Mention, text: str, dollar: str = "USD") -> list[Figure]:
    code = _code(m, dollar, text)
    a, b = numbers.parse_number(m.g("n1")), numbers.parse_number(m.g("n2"))
    if code is None or a is None or b is None:
        return []
    s2 = numbers.scale_factor(m.g("s2") or m.g("sc"))
    s1 = numbers.scale_factor(m.g("s1")) if m.g("s1") else s2  # '$10-12 billion'
    lo, hi = numbers.scaled(a, s1), numbers.scaled(b, s2)
    if lo > hi:
        return [Figure(lo, code, "exact"), Figure(hi, code, "exact")]
    return [Figure(lo, code, "lower_bound"), Figure(hi, code, "upper_bound")]


def _rank_top(m: Mention, text: str) -> list[Figure]:
    n = numbers.parse_number(m.g("n1"))
    if n is None:
        return []
    before = text[max(0, m.start - 60):m.start]
    negated = bool(_NEGATED_RANK.search(before))
    return [Figure(n, "rank", "lower_bound" if negated else "upper_bound")]


def _rank_ordinal(m: Mention, text: str) -> list[Figure]:
    n = numbers.parse_ordinal(m.g("o") or "") if m.g("o") else numbers.parse_number(m.g("n1"))
    return [Figure(n, "rank", "exact")] if n is not None else []


_FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75}


def _duration(m: Mention, text: str) -> list[Figure]:
    n = numbers.parse_number(m.g("n1")) if m.g("n1") else 1.0
    if n is not None:  # '3 1/2 years', 'three and a half years'
        n += _FRACTIONS.get(m.g("frac") or m.g("frac2") or "", 0.5 if m.g("half") else 0.0)
    per = (m.g("per") or "").lower().rstrip("s")
    if n is not None and per in _PER_FACTOR:
        unit, k = _PER_FACTOR[per]
        return [Figure(n * k, unit)]
    return [Figure(n, _PER_UNIT[per])] if n is not None and per in _PER_UNIT else []


def _duration_range(m: Mention, text: str) -> list[Figure]:
    a, b = numbers.parse_number(m.g("n1")), numbers.parse_number(m.g("n2"))
    per = (m.g("per") or "").lower().rstrip("s")
    if a is None or b is None or per not in _PER_UNIT or a >= b:
        return []
    return [Figure(a, _PER_UNIT[per], "lower_bound"), Figure(b, _PER_UNIT[per], "upper_bound")]


def _count(m: Mention, text: str) -> list[Figure]:
    n = numbers.parse_number(m.g("n1"))
    if n is None:
        return []
    # '7,000-odd containers': about 7,000; '1,200-plus suppliers': at least 1,200
    own = "approx" if m.g("odd") else "lower_bound" if m.g("plus") else ""
    return [Figure(numbers.scaled(n, numbers.scale_factor(m.g("s1"))), "count", own)]


def _count_range(m: Mention, text: str) -> list[Figure]:
    """'15-20 countries': lower and upper bound; 'from 12 to 30 companies': two exact counts."""
    a, b = numbers.parse_number(m.g("n1")), numbers.parse_number(m.g("n2"))
    if a is None or b is None:
        return []
    k = numbers.scale_factor(m.g("s1"))
    a, b = numbers.scaled(a, k), numbers.scaled(b, k)
    if a > b or _FROM_BEFORE.search(text[max(0, m.match_start - 12):m.match_start]):
        return [Figure(a, "count", "exact"), Figure(b, "count", "exact")]
    return [Figure(a, "count", "lower_bound"), Figure(b, "count", "upper_bound")]


def _count_ordinal(m: Mention, text: str) -> list[Figure]:
    """'his eighth trip', 'the 5th visit': the count the ordinal reaches."""
    n = numbers.parse_ordinal(m.g("o") or "") if m.g("o") else numbers.parse_number(m.g("n1"))
    return [Figure(n, "count")] if n else []


def _scale_word(m: Mention, text: str) -> list[Figure]:
    """'half a million jobs' (500,000), 'a million barrels a day', 'a billion dollars'."""
    n = numbers.scaled(0.5 if m.g("h") else 1.0, numbers.scale_factor(m.g("s1")))
    u = (m.g("u") or "").lower()
    if u.startswith("barrel"):
        return [Figure(n, "barrel_per_day" if m.g("pd") else "barrel")]
    if u in ("tonnes", "tons"):
        return [Figure(n, "tonne")]
    code = numbers.currency_code(m.g("u"))
    if code == "INR":  # 'a billion rupees' in a Pakistani outlet's copy
        code = numbers.rupee_code(text)
    return [Figure(n, code or "count")]


def _dozen(m: Mention, text: str) -> list[Figure]:
    n = 0.5 if m.g("h") else numbers.parse_number(m.g("n1")) or 1.0  # 'half a dozen', 'two dozen'
    return [Figure(12.0 * n, "count")]


def _share_ratio(m: Mention, text: str) -> list[Figure]:
    """'one in four' -> 25 (per cent of the group)."""
    a, b = numbers.parse_number(m.g("a")), numbers.parse_number(m.g("b"))
    return [Figure(100.0 * a / b, "percent")] if a is not None and b and a < b else []


def _count_of(m: Mention, text: str) -> list[Figure]:
    """'12 of the 17': the part and the whole, two counts."""
    a, b = numbers.parse_number(m.g("n1")), numbers.parse_number(m.g("n2"))
    if a is None or b is None or a > b:
        return []
    return [Figure(a, "count"), Figure(b, "count")]


def _mass(m: Mention, text: str) -> list[Figure]:
    n = numbers.parse_number(m.g("n1"))
    if n is None:
        return []
    n = numbers.scaled(n, numbers.scale_factor(m.g("s1")))
    unit = (m.g("u") or m.g("u2") or "").lower()
    if unit in ("lb", "lbs", "pounds"):  # '2.7 billion pounds of almonds': avoirdupois pounds
        return [Figure(numbers.scaled(n, _KG_PER_LB), "kilogram")]
    if unit in ("bpd", "b/d") or (unit.startswith("barrel") and m.g("pd")):
        return [Figure(n, "barrel_per_day")]  # a flow: '1.1 million barrels per day', '500,000 bpd'
    if unit.startswith("barrel"):
        return [Figure(n, "barrel")]
    if unit.startswith(("litre", "liter")):
        return [Figure(n, "litre")]
    if unit.startswith("gallon"):
        return [Figure(n, "gallon")]
    if unit in _FLOW_SCALE:  # '1.5 mb/d', '500 kb/d'
        return [Figure(numbers.scaled(n, _FLOW_SCALE[unit]), "barrel_per_day")]
    if unit in _TONNE_SCALE:  # '22 MMT' (million), '25 LMT' (lakh), '5 MTPA'
        return [Figure(numbers.scaled(n, _TONNE_SCALE[unit]), "tonne")]
    if unit.startswith("k"):
        return [Figure(numbers.scaled(n, 0.001), "tonne")]
    return [Figure(n, "tonne")]


_KG_PER_LB = 0.45359237  # the international avoirdupois pound, exact by definition
_FLOW_SCALE = {"mb/d": 1e6, "mbpd": 1e6, "mmbpd": 1e6, "kb/d": 1e3, "kbpd": 1e3}
_TONNE_SCALE = {"mmt": 1e6, "mmtpa": 1e6, "mtpa": 1e6, "lmt": 1e5}


def _mass_range(m: Mention, text: str) -> list[Figure]:
    a, b = numbers.parse_number(m.g("n1")), numbers.parse_number(m.g("n2"))
    if a is None or b is None:
        return []
    unit = "barrel" if (m.g("u") or "").lower().startswith("barrel") else "tonne"
    if unit == "barrel" and m.g("pd"):
        unit = "barrel_per_day"
    k = numbers.scale_factor(m.g("s1"))
    a, b = numbers.scaled(a, k), numbers.scaled(b, k)
    if a > b or _FROM_BEFORE.search(text[max(0, m.match_start - 12):m.match_start]):
        return [Figure(a, unit, "exact"), Figure(b, unit, "exact")]  # 'from 3.2 to 4.1m tonnes'
    return [Figure(a, unit, "lower_bound"), Figure(b, unit, "upper_bound")]


def _share(m: Mention, text: str) -> list[Figure]:
    v = numbers.parse_fraction(m.g("f") or "")
    return [Figure(v, "percent")] if v is not None else []


# ---- a unit carried from a neighbouring figure ('180m tonnes, up from 140m'; 'from 10 to 20%') ----

_CARRY_REACH = 240  # characters searched for the figure whose unit is carried
_RATIO = 50.0  # a scale is carried only between figures of one order ('$5bn, up from 3.2')


def _raw(m: Mention) -> tuple[float | None, float]:
    """The figure as written before its scale and unit, and its scale ('140m' -> 140, 1e6): the
    upper end of a range, the whole of 'N of the M'."""
    n = numbers.parse_number(m.g("n2") or m.g("n1"))
    scale = m.g("s2") or m.g("s1") or m.g("sc")
    return n, numbers.scale_factor(scale)


def _carried(m: Mention, other: Mention, text: str, dollar: str) -> list[Figure]:
    """The bare figure of m in the unit of `other`; its scale too where m has none of its own
    and the two figures are of one order."""
    from_other = figures(other, text, dollar)
    n = numbers.parse_number(m.g("n1"))
    if not from_other or n is None or from_other[-1].unit == "rank":
        return []
    last = from_other[-1]
    other_n, other_scale = _raw(other)
    if not other_n:  # a list ('20% and 25% respectively'): its last figure as it stands
        other_n, other_scale = last.value, 1.0
    if not other_n:
        return []
    # kg counted in tonnes, bps in points (to twelve digits: a ratio of two exact values)
    per_unit = float(f"{last.value / numbers.scaled(other_n, other_scale):.12g}")
    if m.g("s1"):
        scale = numbers.scale_factor(m.g("s1"))
    elif 1.0 / _RATIO <= n / other_n <= _RATIO:
        scale = other_scale
    else:
        scale = 1.0
    unit = last.unit
    if m.g("c1"):  # 'from $3.2 to $4.1 billion': its own currency, the scale of the other
        code = _code(m, dollar, text)
        if code is None:
            return []
        unit, per_unit = code, 1.0
    return [Figure(numbers.scaled(numbers.scaled(n, scale), per_unit), unit)]


def _sentence_before(text: str, start: int) -> tuple[int, str]:
    """The start and text of the sentence up to `start` (at most _CARRY_REACH characters)."""
    lo = max(0, start - _CARRY_REACH)
    spans = sentences.split(text[lo:start])
    return (lo + spans[-1][0], text[lo + spans[-1][0]:start]) if spans else (start, "")


def _carry_back(m: Mention, text: str, dollar: str = "USD") -> list[Figure]:
    """'rose to 180m tonnes, up from 140m': the unit (and scale) of the last figure before."""
    _lo, before = _sentence_before(text, m.match_start)
    found = [x for x in mentions.find(before) if not x.is_date and x.rule.parse not in _NO_UNIT]
    if m.g("s1"):  # '10.6 billion' compares with a scaled amount, never '20 days' or '33.5 percent'
        found = [x for x in found if _scaled(x)]
    return _carried(m, found[-1], before, dollar) if found else []


def _scaled(m: Mention) -> bool:
    """A figure written with a scale word or letter ('$14.2 billion', '180m tonnes')."""
    return bool(m.g("s1") or m.g("s2") or m.g("sc"))


def _carry_forward(m: Mention, text: str, dollar: str = "USD") -> list[Figure]:
    """'from 10 to 20 per cent', 'from 3.2 to 4.1 million tonnes': the unit (and scale) of the
    figure the change goes to."""
    after = text[m.end:m.end + _CARRY_REACH]
    found = [x for x in mentions.find(after) if not x.is_date]
    if not found or found[0].rule.parse in _NO_UNIT:
        return []
    return _carried(m, found[0], after, dollar)


CARRIED = frozenset({"carried_back", "carried_forward"})  # parses whose unit comes from another figure
_NO_UNIT = CARRIED | {"exclude"}


_PARSERS = {
    "pct": _pct,
    "pct_range": _pct_range,
    "pct_list": _pct_list,
    "pct_points": lambda m, t: [Figure(v, "percentage_point")]
    if (v := numbers.parse_number(m.g("n1") or m.g("n2"))) is not None else [],
    "pct_bps": lambda m, t: [Figure(v / 100.0, "percentage_point")]
    if (v := numbers.parse_number(m.g("n1"))) is not None else [],
    "pct_zero": lambda m, t: [Figure(0.0, "percent", "exact")],
    "pct_to_zero": lambda m, t: [Figure(0.0, "percent", "exact")],
    "share": _share,
    "mass_range": _mass_range,
    "pct_half": lambda m, t: [Figure(0.5, "percentage_point" if "point" in (m.g("u1") or "") else "percent")],
    "double": lambda m, t: [Figure(100.0, "percent", "exact")],
    "multiple": lambda m, t: [Figure(v, "percent", "exact")]
    if (v := numbers.multiple_change(m.g("x"))) is not None else [],
    "money": _money,
    "money_range": _money_range,
    "rank_top": _rank_top,
    "rank_ordinal": _rank_ordinal,
    "duration": _duration,
    "duration_one": _duration,
    "duration_range": _duration_range,
    "count": _count,
    "count_of": _count_of,
    "count_ordinal": _count_ordinal,
    "count_range": _count_range,
    "dozen": _dozen,
    "scale_word": _scale_word,
    "share_ratio": _share_ratio,
    "mass": _mass,
    "carried_back": _carry_back,  # figures() passes these the article's dollar
    "carried_forward": _carry_forward,
}


_MEASURE_OF_UNIT = {"count": "count", "tonne": "mass", "day": "duration", "week": "duration",
                    "month": "duration", "year": "duration", "hour": "duration"}


def is_money(unit: str) -> bool:
    """A currency code of the registry ('USD', 'INR'), as every money figure's unit is."""
    return len(unit) == 3 and unit.isupper()


def measure_of(m: Mention, unit: str) -> str:
    """The measure a non-percentage, non-money figure takes: its rule's, or for a figure whose
    unit was carried from another, the one that unit implies."""
    if m.rule.parse in _NO_UNIT or m.rule.parse == "scale_word":
        return _MEASURE_OF_UNIT.get(unit, "quantity")
    return m.rule.measure or "quantity"


def figures(m: Mention, text: str, dollar: str = "USD") -> list[Figure]:
    """The figures a numeric mention gives (empty when it cannot be read); `dollar` is the
    currency a bare '$' stands for in this article."""
    if m.rule.parse in ("money", "money_range"):
        return _money(m, text, dollar) if m.rule.parse == "money" else _money_range(m, text, dollar)
    if m.rule.parse == "carried_back":
        return _carry_back(m, text, dollar)
    if m.rule.parse == "carried_forward":
        return _carry_forward(m, text, dollar)
    parser = _PARSERS.get(m.rule.parse)
    return parser(m, text) if parser else []
