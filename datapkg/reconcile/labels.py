"""Labels: short readable statements of facts, made from their fields only.

e.g. "US tariff on India: 50% (in force since Aug 2025)", "India-Iran bilateral trade: under
USD 2 billion", "Meeting, India-US: 29 Jan 2026".
"""

from __future__ import annotations

from functools import cache

import pycountry

from datapkg.reconcile import periods
from datapkg.reconcile.periods import Period
from datapkg.reconcile.vocab import groups

SHORT_NAMES = {
    "USA": "US",
    "GBR": "UK",
    "ARE": "UAE",
    "RUS": "Russia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "VNM": "Vietnam",
    "TWN": "Taiwan",
    "SYR": "Syria",
    "VEN": "Venezuela",
}
TARIFF_NAMES = {
    "tariff_total": "tariff",
    "tariff_reciprocal": "reciprocal tariff",
    "tariff_penalty_russian_oil": "Russian-oil penalty tariff",
    "tariff_penalty": "penalty tariff",
    "tariff_secondary": "secondary tariff",
    "tariff_fentanyl": "fentanyl tariff",
    "tariff_sectoral": "sectoral tariff",
    "tariff_retaliatory": "retaliatory tariff",
    "tariff_mfn": "MFN tariff",
    "tariff_deal": "deal tariff",
    "tariff_rate": "tariff (layer unnamed)",
}
STATUS_WORDS = {
    "in_force": "in force",
    "announced": "announced",
    "threatened": "threatened",
    "proposed": "proposed",
    "waived": "waived",
    "removed": "removed",
    "hypothetical": "hypothetical",
    "unknown": "",
}
EVENT_NOUNS = {
    "event_negotiation": "Negotiations",
    "event_office": "Took or left office",
    "event_other": "Event",
}
EVENT_STATUS = {"in_force": "", "announced": "scheduled"}
QUALIFIER_WORDS = {
    "exact": "",
    "approx": "about ",
    "lower_bound": "more than ",
    "upper_bound": "under ",
}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@cache
def party_name(code: str | None) -> str:
    """Short English name of an ISO alpha-3 or group code ('US', 'India', 'countries doing
    business with Iran'); the code itself when unknown; 'unspecified' when empty."""
    if not code:
        return "unspecified"
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    if code.startswith("X-"):
        name = groups().get(code, code)
        return name[0].lower() + name[1:] if name.split()[0] in ("Countries", "All") else name
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def number(v: float) -> str:
    s = f"{v:,.6f}".rstrip("0").rstrip(".")
    return s


def format_value(value: float | None, unit: str | None, qualifier: str = "exact") -> str:
    """'50%', 'under USD 2 billion', 'about 3 pp', 'more than 50'."""
    if value is None:
        return ""
    q = QUALIFIER_WORDS.get(qualifier, "")
    if unit == "percent":
        return f"{q}{number(value)}%"
    if unit == "percentage_point":
        return f"{q}{number(value)} pp"
    if unit in ("USD", "INR", "EUR", "CNY", "GBP", "JPY"):
        for scale, word in _SCALES:
            if value >= scale:
                return f"{q}{unit} {number(value / scale)} {word}"
        return f"{q}{unit} {number(value)}"
    if unit in (None, "count", "rank", "dimensionless"):
        return f"{q}{number(value)}"
    plural = unit if value == 1 or unit.endswith("s") else f"{unit}s"
    return f"{q}{number(value)} {plural}"


def _when(status: str, period: Period, tariff: bool) -> str:
    """'in force since Aug 2025', 'announced, Jan 2026', 'Aug 2025', 'proposed'."""
    words = STATUS_WORDS.get(status, status) if tariff or status != "in_force" else ""
    if period.undated:
        return words
    if tariff and status == "in_force":
        return f"in force since {periods.start_phrase(period) or periods.phrase(period)}"
    when = periods.phrase(period)
    return f"{words}, {when}" if words else when


def _tariff(measure: str, imposer: str | None, target: str | None) -> str:
    name = TARIFF_NAMES.get(measure, measure.replace("_", " "))
    head = f"{party_name(imposer)} {name}" if imposer else name[0].upper() + name[1:]
    return f"{head} on {party_name(target)}" if target else head


def _subject(measure: str, imposer: str | None, target: str | None) -> str:
    a, b = party_name(imposer), party_name(target)
    words = measure.replace("_", " ")
    if measure == "bilateral_trade":
        return f"{a}-{b} bilateral trade" if imposer and target else "Bilateral trade"
    if measure in ("exports", "imports"):
        prep = "to" if measure == "exports" else "from"
        return f"{_possessive(a)} {measure} {prep} {b}" if target else f"{_possessive(a)} {measure}"
    if measure.endswith("_decrease") or measure.endswith("_increase"):
        base, direction = measure.rsplit("_", 1)
        noun = "Fall" if direction == "decrease" else "Rise"
        prep = "to" if base == "exports" else "from" if base == "imports" else "with"
        what = base if base != "change" else "figure"
        if imposer and target:
            return f"{noun} in {_possessive(a)} {what} {prep} {b}"
        return f"{noun} in {_possessive(a)} {what}" if imposer else f"{noun} in {what}"
    if measure == "rank" and imposer and target:
        return f"Rank of {b} among {_possessive(a)} partners"
    if measure in ("trade_deficit", "trade_surplus") and imposer:
        return f"{_possessive(a)} {words} with {b}" if target else f"{_possessive(a)} {words}"
    parties = "-".join(party_name(p) for p in (imposer, target) if p)
    head = words[0].upper() + words[1:]
    return f"{head} ({parties})" if parties else head


def _rank_value(value: float | None, qualifier: str) -> str:
    if value is None:
        return ""
    if qualifier == "lower_bound":
        return f"outside the top {number(value)}"
    if qualifier == "upper_bound":
        return f"within the top {number(value)}"
    return format_value(value, "rank", qualifier)


def label(
    *,
    fact_type: str,
    measure: str,
    imposer: str | None,
    target: str | None,
    status: str,
    value: float | None,
    unit: str | None,
    qualifier: str,
    period: Period,
    derived: bool = False,
    conflict: bool = False,
) -> str:
    """A one-line readable statement of a fact."""
    if fact_type == "event":
        noun = EVENT_NOUNS.get(measure) or measure.removeprefix("event_").replace("_", " ")
        noun = noun[0].upper() + noun[1:]
        parties = "-".join(party_name(p) for p in (imposer, target) if p)
        head = f"{noun}, {parties}" if parties else noun
        when = periods.phrase(period) or "undated"
        status_word = EVENT_STATUS.get(status, STATUS_WORDS.get(status, status))
        text = f"{head}: {when}" + (f" ({status_word})" if status_word else "")
    else:
        tariff = fact_type in ("tariff_total", "tariff_component")
        head = _tariff(measure, imposer, target) if tariff else _subject(measure, imposer, target)
        shown = (
            _rank_value(value, qualifier)
            if measure == "rank"
            else format_value(value, unit, qualifier)
        )
        when = _when(status, period, tariff)
        text = f"{head}: {shown}" if shown else head
        if when:
            text += f" ({when})"
    if derived:
        text += " [derived]"
    if conflict:
        text += " [conflict]"
    return text
