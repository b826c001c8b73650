"""Pure helpers: periods, fact types, labels."""

from __future__ import annotations

import datetime as dt

import pytest

from datapkg.reconcile import periods
from datapkg.reconcile.labels import format_value, label, party_name
from datapkg.reconcile.periods import Period
from datapkg.reconcile.vocab import fact_type, measures

D = dt.date
AUG = Period(D(2025, 8, 1), D(2025, 8, 31))
SINCE_AUG = Period(D(2025, 8, 1), None)
DAY = Period(D(2026, 1, 29), D(2026, 1, 29))


def test_overlap_rules():
    assert periods.overlaps(AUG, SINCE_AUG)
    assert periods.overlaps(SINCE_AUG, DAY)
    assert not periods.overlaps(AUG, DAY)
    assert not periods.overlaps(periods.UNDATED, AUG)
    assert periods.overlaps(Period(None, D(2025, 8, 3)), AUG)


def test_intersection_is_the_most_precise_agreement():
    assert periods.intersection(AUG, SINCE_AUG) == AUG
    week = Period(D(2026, 2, 2), D(2026, 2, 8))
    visit = Period(D(2026, 2, 4), D(2026, 2, 5))
    assert periods.intersection(week, visit) == visit
    assert periods.intersection(periods.UNDATED, AUG) == AUG


def test_make_swaps_reversed_dates():
    assert periods.make(D(2025, 8, 31), D(2025, 8, 1)) == AUG


@pytest.mark.parametrize(
    "period, slug, phrase",
    [
        (DAY, "2026-01-29", "29 Jan 2026"),
        (AUG, "2025-08", "Aug 2025"),
        (Period(D(2025, 1, 1), D(2025, 12, 31)), "2025", "2025"),
        (Period(D(2026, 2, 4), D(2026, 2, 5)), "2026-02-04_2026-02-05", "4-5 Feb 2026"),
        (SINCE_AUG, "from-2025-08-01", "since Aug 2025"),
        (Period(D(2025, 8, 7), None), "from-2025-08-07", "since 7 Aug 2025"),
        (Period(None, D(2025, 8, 7)), "until-2025-08-07", "until 7 Aug 2025"),
        (periods.UNDATED, "undated", ""),
    ],
)
def test_slugs_and_phrases(period, slug, phrase):
    assert periods.slug(period) == slug
    assert periods.phrase(period) == phrase


def test_every_vocabulary_measure_has_a_fact_type_except_bare_date():
    types = {m: fact_type(m) for m in measures()}
    assert types["date"] is None
    assert types["tariff_total"] == "tariff_total"
    assert types["tariff_reciprocal"] == "tariff_component"
    assert types["tariff_deal"] == "tariff_component"
    assert types["bilateral_trade"] == "trade_figure"
    assert types["imports_decrease"] == "change"
    assert types["rank"] == "rank"
    assert types["mass"] == "quantity"
    assert types["event_ministerial"] == "event"
    assert all(t is not None for m, t in types.items() if m != "date")


def test_unknown_measure_falls_back_on_the_claim_kind():
    assert fact_type("tariff_new_layer", "tariff_rate") == "tariff_component"
    assert fact_type("remittances", "trade_value") == "trade_figure"
    assert fact_type("whatever", "date") is None


def test_party_names_and_values():
    assert party_name("USA") == "US"
    assert party_name("IND") == "India"
    assert party_name("X-IRN-PARTNERS") == "countries doing business with Iran"
    assert party_name("X-EU") == "European Union"
    assert party_name(None) == "unspecified"
    assert format_value(50.0, "percent") == "50%"
    assert format_value(2e9, "USD", "upper_bound") == "under USD 2 billion"
    assert format_value(4.5e11, "INR", "approx") == "about INR 450 billion"
    assert format_value(90.0, "day") == "90 days"


def test_the_issue_example_label():
    text = label(
        fact_type="tariff_total",
        measure="tariff_total",
        imposer="USA",
        target="IND",
        status="in_force",
        value=50.0,
        unit="percent",
        qualifier="exact",
        period=AUG,
    )
    assert text == "US tariff on India: 50% (in force since Aug 2025)"
