"""datapkg.units: the registry file, the strict parser, base units and display.

Expected values are worked out by hand: 1 lakh = 10^5, 1 crore = 10^7, 1 lakh crore = 10^12.
"""

from __future__ import annotations

import re
from decimal import Decimal
from importlib import resources

import pint
import pytest

from datapkg.units import (
    UnitParseError,
    format_value,
    parse_quantity,
    registry,
    to_base,
    unit_dimension,
    unit_ok,
)

# --- the registry file ---------------------------------------------------------------------------


def _units_txt() -> str:
    return resources.files("datapkg").joinpath("units.txt").read_text("utf-8")


def test_every_definition_block_starts_with_a_comment():
    blocks = [b.splitlines() for b in re.split(r"\n\s*\n", _units_txt()) if b.strip()]
    with_definitions = [b for b in blocks if any(not ln.lstrip().startswith("#") for ln in b)]
    assert [b for b in with_definitions if not b[0].startswith("#")] == []
    assert len(with_definitions) >= 8


def test_registry_is_cached_and_does_not_load_pint_defaults():
    reg = registry()
    assert registry() is reg
    for foreign in ("meter", "inch", "kelvin", "pound", "ton", "m", "T"):
        assert not unit_ok(foreign), foreign


PACKAGE_UNITS = [
    "percent",
    "percentage_point",
    "USD",
    "INR",
    "EUR",
    "day",
    "month",
    "year",
    "tonne",
    "count",
    "rank",
]


@pytest.mark.parametrize("unit", PACKAGE_UNITS)
def test_package_units_parse_and_are_their_own_base(unit):
    assert unit_ok(unit)
    assert to_base(3, unit) == (3.0, unit)


@pytest.mark.parametrize("unit", ["", "   ", "zorkmid", "USD)", "2 USD", None])
def test_unit_ok_rejects(unit):
    assert unit_ok(unit) is False


def test_all_currencies_are_separate_base_dimensions():
    codes = ["USD", "INR", "EUR", "GBP", "CNY", "JPY", "CAD", "MXN", "BRL"]
    assert {unit_dimension(c) for c in codes} == {f"[currency_{c}]" for c in codes}
    reg = registry()
    for a in codes:
        for b in codes:
            if a != b:
                with pytest.raises(pint.DimensionalityError):
                    reg.Quantity(1, a).to(b)


def test_dimensions():
    assert unit_dimension("percent") == "dimensionless"
    assert unit_dimension("count") == "dimensionless"
    assert unit_dimension("percentage_point") == "[percentage_point]"
    assert unit_dimension("rank") == "[rank]"
    assert unit_dimension("month") == "[time]"
    assert unit_dimension("tonne") == "[mass]"
    with pytest.raises(UnitParseError, match="zorkmid"):
        unit_dimension("zorkmid")


def test_percentage_point_is_not_percent_and_rank_is_not_count():
    reg = registry()
    with pytest.raises(pint.DimensionalityError):
        reg.Quantity(2.5, "percentage_point").to("percent")
    with pytest.raises(pint.DimensionalityError):
        reg.Quantity(3, "rank").to("count")
    assert reg.Quantity(25, "percent").to("count").magnitude == pytest.approx(0.25)


def test_scale_words_and_units_in_the_registry():
    reg = registry()
    expected = {
        "thousand": 10**3,
        "k": 10**3,
        "million": 10**6,
        "mn": 10**6,
        "billion": 10**9,
        "bn": 10**9,
        "trillion": 10**12,
        "tn": 10**12,
        "lakh": 10**5,
        "crore": 10**7,
    }
    for word, factor in expected.items():
        assert reg.Quantity(1, word).to("count").magnitude == factor, word
    assert reg.Quantity(1, "lakh*tonne").to("kilogram").magnitude == 100_000_000
    assert reg.Quantity(1, "week").to("day").magnitude == 7
    assert reg.Quantity(1, "quarter").to("month").magnitude == pytest.approx(3)
    assert reg.Quantity(1, "year").to("day").magnitude == pytest.approx(365.2425)
    assert reg.Quantity(1, "hour").to("second").magnitude == 3600
    assert reg.Quantity(1, "barrel").to("litre").magnitude == pytest.approx(158.987294928)
    assert reg.Quantity(1, "barrel_per_day").to("barrel/day").magnitude == pytest.approx(1)


# --- parsing -------------------------------------------------------------------------------------

PARSED = [
    ("USD 2 billion", 2_000_000_000, "USD"),
    ("US$ 300 mn", 300_000_000, "USD"),
    ("US $300 million", 300_000_000, "USD"),
    ("£2 bln", 2_000_000_000, "GBP"),
    ("2 billion pounds sterling", 2_000_000_000, "GBP"),
    ("$2bn", 2_000_000_000, "USD"),
    ("Rs 45,000 crore", 450_000_000_000, "INR"),  # 45000 * 10^7
    ("₹1.5 lakh crore", 1_500_000_000_000, "INR"),  # 1.5 * 10^5 * 10^7
    ("₹ 45000 crore", 450_000_000_000, "INR"),
    ("Rs. 12,34,567", 1_234_567, "INR"),
    ("INR 500", 500, "INR"),
    ("5 lakh crore rupees", 5 * 10**12, "INR"),
    ("€5 million", 5_000_000, "EUR"),
    ("2 billion US dollars", 2_000_000_000, "USD"),
    ("USD 1,234,567", 1_234_567, "USD"),
    ("$50k", 50_000, "USD"),
    ("25%", 25, "percent"),
    ("25 per cent", 25, "percent"),
    ("50-per cent", 50, "percent"),
    ("2.5 percentage points", Decimal("2.5"), "percentage_point"),
    ("90 days", 90, "day"),
    ("90-day", 90, "day"),
    ("6 months", 6, "month"),
    ("5 lakh tonnes", 500_000, "tonne"),
    ("1.7 million barrels per day", 1_700_000, "barrel_per_day"),
]


@pytest.mark.parametrize(("text", "magnitude", "unit"), PARSED)
def test_parse_quantity(text, magnitude, unit):
    q = parse_quantity(text)
    assert isinstance(q.magnitude, Decimal)
    assert q.magnitude == magnitude
    assert str(q.units) == unit


def test_parse_is_exact():
    q = parse_quantity("₹1.5 lakh crore")
    assert q.magnitude == Decimal("1500000000000")
    assert str(q.magnitude) == "1500000000000"
    assert parse_quantity("Rs 0.1 crore").magnitude == Decimal("1000000")
    assert 4.35 * 1e12 != 4_350_000_000_000  # float arithmetic would be off
    assert parse_quantity("₹4.35 lakh crore").magnitude == 4_350_000_000_000
    assert parse_quantity("Rs 0.07 crore").magnitude == 700_000


def test_default_unit_for_bare_numbers():
    q = parse_quantity("12", default_unit="count")
    assert (q.magnitude, str(q.units)) == (12, "count")
    assert parse_quantity("2 million", default_unit="count").magnitude == 2_000_000
    with pytest.raises(UnitParseError, match="default unit"):
        parse_quantity("12", default_unit="zorkmid")


REJECTED = [
    ("1,5 crore", "digit grouping"),
    ("12,3456", "digit grouping"),
    ("1,23,456,789", "digit grouping"),
    ("0,123", "digit grouping"),
    ("1.234.567 USD", "malformed number"),
    ("¤ 5", "unknown currency symbol '¤'"),
    ("Z$ 5", "unknown currency symbol 'Z$'"),
    ("¥ 5", "ambiguous"),
    ("5 zorkmids", "unknown unit or currency word 'zorkmids'"),
    ("5 XYZ", "unknown currency code 'XYZ'"),
    ("5 tons", "ambiguous"),
    ("2 billion pounds", "ambiguous"),
    ("$5m", "ambiguous"),
    ("5", "bare number"),
    ("5 million", "bare number"),
    ("", "empty input"),
    ("   ", "empty input"),
    ("USD", "no number"),
    ("USD 5 INR", "two currencies (USD and INR)"),
    ("$ Rs 5", "two currencies (USD and INR)"),
    ("₹ 5 dollars", "two currencies (INR and USD)"),
    ("US$ 2 billion dollars", "currency stated twice"),
    ("$5 days", "more than one unit"),
    ("5 days tonnes", "more than one unit"),
    ("2-3 days", "range"),
    ("-5%", "sign"),
    ("crore 5", "expected a number"),
    ("5 tonnes crore", "'crore' after the unit"),
    ("5 6 USD", "second number"),
    ("5 USD/day", "unexpected character '/'"),
]


@pytest.mark.parametrize(("text", "why"), REJECTED)
def test_parse_rejects_with_a_message_quoting_the_input(text, why):
    with pytest.raises(UnitParseError) as info:
        parse_quantity(text)
    message = str(info.value)
    assert message.startswith(f"cannot parse {text!r}: ")
    assert why in message


def test_unit_parse_error_is_a_value_error():
    assert issubclass(UnitParseError, ValueError)
    with pytest.raises(ValueError):
        parse_quantity("1,5 crore")


def test_pint_alone_would_get_these_wrong():
    """Why the strict parser exists: pint strips commas and drops symbols it does not know."""
    reg = registry()
    assert reg.Quantity("1,5 crore").magnitude == 15
    assert str(reg.Quantity("₹ 45000 crore").units) == "crore"  # the rupee is gone
    assert reg.Quantity("€ 5").dimensionless
    with pytest.raises(UnitParseError, match="digit grouping"):
        parse_quantity("1,5 crore")
    assert str(parse_quantity("₹ 45000 crore").units) == "INR"
    assert str(parse_quantity("€ 5").units) == "EUR"


# --- base units ----------------------------------------------------------------------------------

BASE = [
    (2, "USD*billion", 2e9, "USD"),
    (45000, "crore*INR", 4.5e11, "INR"),
    (1.5, "lakh*crore*INR", 1.5e12, "INR"),
    (5, "lakh*tonne", 5e5, "tonne"),
    (5, "kilogram", 0.005, "tonne"),
    (250, "gram", 0.00025, "tonne"),
    (3, "million", 3e6, "count"),
    (1.1, "billion*USD", 1.1e9, "USD"),
    (2, "rupees", 2.0, "INR"),
    (25, "percent", 25.0, "percent"),
    (90, "days", 90.0, "day"),
]


@pytest.mark.parametrize(("value", "unit", "expected", "base"), BASE)
def test_to_base(value, unit, expected, base):
    assert to_base(value, unit) == (expected, base)


def test_to_base_takes_a_parsed_quantity_exactly():
    q = parse_quantity("Rs 45,000 crore")
    assert to_base(q.magnitude, str(q.units)) == (450_000_000_000.0, "INR")


@pytest.mark.parametrize("unit", ["USD/day", "USD**2", "", "zorkmid"])
def test_to_base_rejects(unit):
    with pytest.raises(UnitParseError):
        to_base(1, unit)


# --- display -------------------------------------------------------------------------------------

FORMATTED = [
    (25, "percent", "exact", "25%"),
    (12.5, "percent", "approx", "~ 12.5%"),
    (2e9, "USD", "exact", "USD 2 billion"),
    (2e9, "USD", "upper_bound", "< USD 2 billion"),
    (3.5e9, "USD", "approx", "~ USD 3.5 billion"),
    (3e8, "USD", "exact", "USD 300 million"),
    (1_234_567, "USD", "exact", "USD 1,234,567"),
    (45_000, "EUR", "exact", "EUR 45,000"),
    (4.5e11, "INR", "exact", "Rs 45,000 crore"),
    (1.5e12, "INR", "exact", "Rs 1.5 lakh crore"),
    (1_234_567, "INR", "exact", "Rs 12,34,567"),
    (1.5e5, "INR", "exact", "Rs 1.5 lakh"),
    (500, "INR", "lower_bound", "> Rs 500"),
    (50, "count", "lower_bound", "> 50"),
    (2e6, "count", "exact", "2 million"),
    (50, "rank", "lower_bound", "rank > 50"),
    (5, "rank", "exact", "rank 5"),
    (90, "day", "exact", "90 days"),
    (1, "day", "exact", "1 day"),
    (6, "month", "approx", "~ 6 months"),
    (2.5, "percentage_point", "exact", "2.5 percentage points"),
    (1, "percentage_point", "exact", "1 percentage point"),
    (5e5, "tonne", "exact", "500,000 tonnes"),
    (5, "lakh*tonne", "exact", "500,000 tonnes"),
    (1.7e6, "barrel_per_day", "exact", "1.7 million barrels per day"),
    (100 / 3, "percent", "exact", "33.3333%"),
    (None, "USD", "exact", ""),
    (float("nan"), "USD", "exact", ""),
]


@pytest.mark.parametrize(("value", "unit", "qualifier", "expected"), FORMATTED)
def test_format_value(value, unit, qualifier, expected):
    assert format_value(value, unit, qualifier) == expected


def test_format_value_rejects_bad_qualifier_and_unit():
    with pytest.raises(ValueError, match="qualifier"):
        format_value(1, "USD", "roughly")
    with pytest.raises(UnitParseError):
        format_value(1, "zorkmid", "exact")
