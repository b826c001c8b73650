"""The day of an act on a figure is not the figure's date (rules/dates.yml section `act`).

A rate threatened, announced, agreed or extended on some day, or money announced on some day,
does not take that day as its date: the held-out conventions date a rate by the day it takes
effect and a trade figure by its period. Starts ('from Friday'), periods written right after the
figure ('$5bn in 2024') and dates of other verbs keep dating the figure.

Every expected value is worked out by hand from the sentence and the article date.
"""

from __future__ import annotations

import pytest
from extract_helpers import claims, one
from extract_helpers import dates_of as row_dates


def dates_of(text: str, mention: str) -> tuple[str, str]:
    return row_dates(one(text, mention))


NONE = ("", "")


@pytest.mark.parametrize("text, mention", [
    # the verb before the date, with its object between
    ("Pretoria still hopes to avoid the 30% levy Washington threatened in July.", "30%"),
    ("Brussels announced duties of up to 35.3 per cent on Chinese electric cars in June.", "35.3 per cent"),
    ("The two sides agreed a 19 percent rate for Philippine goods on Tuesday.", "19 percent"),
    ("Ottawa delayed in August the 25 per cent surtax it had planned.", "25 per cent"),
    # the date before the verb
    ("Seoul in September unveiled a 2.4 trillion won support package for carmakers.", "2.4 trillion won"),
    ("Canberra on Monday announced A$1.5 billion in grants for beef exporters.", "A$1.5 billion"),
    ("The White House last Friday signed off on a 15% tariff for Swiss watches.", "15%"),
    # the date opens the sentence and the subject's verb is an act
    ("In March, the president extended by 30 days a 25% tariff on Colombian flowers.", "25%"),
    ("On Thursday, Bogota warned it could impose a 50 per cent duty on US maize.", "50 per cent"),
])
def test_day_of_an_act_dates_no_figure(text, mention):
    assert dates_of(text, mention) == NONE


@pytest.mark.parametrize("text, mention, expected", [
    # a start stays the rate's date, whatever verb announced it
    ("Trump announced a 25% tariff on steel from Friday.", "25%", ("2025-10-24", "2025-10-24")),
    ("Mexico on Monday announced tariffs of up to 50%, effective January 1, 2026.", "50%",
     ("2026-01-01", "2026-01-01")),
    # a period written right after the figure is its own
    ("Exports reached $5.2 billion in 2024, the ministry said on Monday.", "$5.2 billion",
     ("2024-01-01", "2024-12-31")),
    # 'said' dates only what is said on that day, not a forecast in its that-less clause
    ("The council said the industry expects FY27 exports to India to recover to $10 billion.",
     "$10 billion", ("2026-04-01", "2027-03-31")),
    # 'extended' with an object that is no tariff: the day the money was lent
    ("The loan follows a US$20 billion swap line that the Treasury extended to the central bank "
     "in October.", "US$20 billion", ("2025-10-01", "2025-10-31")),
    # a rate that took effect on a day keeps it even when someone said so
    ("The 20% tariff took effect on Monday, officials said.", "20%", ("2025-10-20", "2025-10-20")),
])
def test_other_dates_still_date_the_figure(text, mention, expected):
    assert dates_of(text, mention) == expected


# ---- a future weekday in that weekday's paper ----

@pytest.mark.parametrize("text, mention, expected", [
    # PUB is a Wednesday: 'due on Wednesday' in Wednesday's paper is that day (AP style names
    # the weekday even for today), 'next Wednesday' the one a week on
    ("The 25% duties are due to take effect at 12:01 a.m. on Wednesday.", "Wednesday",
     ("2025-10-22", "2025-10-22")),
    ("Ministers will meet again next Wednesday.", "next Wednesday", ("2025-10-29", "2025-10-29")),
    ("Ministers will meet again on Friday.", "Friday", ("2025-10-24", "2025-10-24")),
])
def test_future_weekday_on_its_own_day(text, mention, expected):
    assert dates_of(text, mention) == expected


# ---- a date in a relative clause of a figure is that figure's ----

def test_a_date_in_a_clause_without_that_is_the_rates_own():
    text = ("Sofa makers rushed orders after tariffs of 25% took effect on Monday, on top of the 19% "
            "duty Philippine goods have faced since Aug. 8.")
    assert dates_of(text, "19%") == ("2025-08-08", "")
    assert dates_of(text, "25%") == ("2025-10-20", "2025-10-20")


def test_a_date_in_a_that_clause_is_not_copied_to_a_later_rate():
    text = ("Omani goods face the 10 per cent tariff that Washington has applied to most partners "
            "since April 5, while aluminium faces 50 per cent.")
    assert dates_of(text, "10 per cent") == ("2025-04-05", "")
    assert dates_of(text, "50 per cent") == NONE


def test_most_right_before_since_is_still_a_comparison():
    text = "Steel imports fell 14% in September, the most since 2020."
    assert dates_of(text, "14%") == ("2025-09-01", "2025-09-30")


# ---- the base of a change dates nothing ----

@pytest.mark.parametrize("text, mention, expected", [
    ("Seoul shipped $31.2 billion of cars to the US in 2024, up 12 percent from 2023.", "12 percent",
     ("2024-01-01", "2024-12-31")),
    ("Palm oil output reached 19.3 million tonnes in 2025, up 2% from last year.", "2%",
     ("2025-01-01", "2025-12-31")),
])
def test_the_base_of_a_change_is_not_its_period(text, mention, expected):
    assert dates_of(text, mention) == expected


# ---- a fiscal year no sentence ties to a country is the home country's ----

def test_a_dhaka_paper_reads_fiscal_years_from_july():
    text = ("DHAKA, Aug 3 (Tribune Desk) -- Bangladesh garment makers welcomed the new rate.\n"
            "In the 2024-25 fiscal year, export earnings rose 8.6% to $48.3 billion.")
    assert dates_of(text, "$48.3 billion") == ("2024-07-01", "2025-06-30")


def test_a_tokyo_paper_reads_fiscal_2025_from_april():
    text = ("Japan to import more American corn under trade deal\nTOKYO -- \n"
            "Feed imports totalled 11.2 million tons in fiscal 2025.")
    assert dates_of(text, "11.2 million tons") == ("2025-04-01", "2026-03-31")


def test_a_washington_story_keeps_the_us_federal_year():
    text = ("WASHINGTON (AP) -- Customs receipts hit a record.\n"
            "Customs duties brought in $195 billion in fiscal 2025.")
    assert dates_of(text, "$195 billion") == ("2024-10-01", "2025-09-30")


# ---- periods written as quarters, and 'in N years' after a record ----

@pytest.mark.parametrize("text, mention, expected", [
    ("In the first three quarters of this year, exports fell 17.3 percent.", "17.3 percent",
     ("2025-01-01", "2025-09-30")),
    ("Shipments grew 4% in the first two quarters of 2024.", "4%", ("2024-01-01", "2024-06-30")),
])
def test_the_first_n_quarters_are_a_period(text, mention, expected):
    assert dates_of(text, mention) == expected


@pytest.mark.parametrize("text, mention, value", [
    ("The plant is the first new smelter built in 45 years.", "45 years", 45),
    ("The rupee fell to its lowest level in 16 months on Tuesday.", "16 months", 16),
])
def test_in_n_years_after_a_record_is_a_duration(text, mention, value):
    r = one(text, mention)
    assert (r["kind"], r["measure"], r["value"]) == ("quantity", "duration", value)


# ---- more period forms: quarters, halves, slash fiscal years, seasons, weekends ----

def period_of(text: str) -> list[tuple[str, str, str]]:
    return [(r["mention"], str(r["date_from"]), str(r["date_to"] or ""))
            for r in claims(text) if r["kind"] == "date"]


@pytest.mark.parametrize("text, expected", [
    # PUB is 2025-10-22, in the fourth quarter
    ("Imports fell 5% last quarter.", [("last quarter", "2025-07-01", "2025-09-30")]),
    ("Imports will recover next quarter.", [("next quarter", "2026-01-01", "2026-03-31")]),
    ("Revenue rose 3% in 4Q24.", [("4Q24", "2024-10-01", "2024-12-31")]),
    ("Imports fell 5% in Q3.", [("Q3", "2025-07-01", "2025-09-30")]),
    ("Growth slowed in 2H24.", [("2H24", "2024-07-01", "2024-12-31")]),
    ("Margins improved in H1.", [("H1", "2025-01-01", "2025-06-30")]),
    ("The H-1B and H1N1 rules changed.", []),
    # a split year with no crop and no country is the Indian fiscal year (fy.default-dash)
    ("Output fell in 2024/25.", [("2024/25", "2024-04-01", "2025-03-31")]),
    # beside a crop, its marketing year (fy.crop-years): the ICCO cocoa year starts in October
    ("Cocoa output fell in the 2024/25 season.", [("2024/25", "2024-10-01", "2025-09-30")]),
    ("Prices climbed this spring.", [("this spring", "2025-03-01", "2025-05-31")]),
    ("Sales rose last winter.", [("last winter", "2024-12-01", "2025-02-28")]),
    ("Talks will resume next summer.", [("next summer", "2026-06-01", "2026-08-31")]),
    ("The fall in exports hurt growers.", []),
    ("Shipments jumped over the weekend.", [("over the weekend", "2025-10-18", "2025-10-19")]),
    ("Ministers will meet this weekend.", [("this weekend", "2025-10-25", "2025-10-26")]),
])
def test_more_period_forms(text, expected):
    assert period_of(text) == expected


# ---- 'in the period' points back to the reporting period ----

def test_in_the_period_takes_the_period_named_before():
    text = ("Shipments in the first nine months of 2025 rose 12%. "
            "Furniture alone was worth $7.8 billion in the period.")
    assert dates_of(text, "$7.8 billion") == ("2025-01-01", "2025-09-30")


def test_in_the_period_takes_the_latest_ending_period_not_a_background_year():
    text = ("Exporters cut shipments by 40 per cent in the first half of 2025. "
            "The country was the second-largest supplier in 2024. "
            "Total sales rose 3 per cent in the period to 1.2 million tonnes.")
    assert dates_of(text, "3 per cent") == ("2025-01-01", "2025-06-30")
    assert "the period" not in [r["mention"] for r in claims(text)]


def test_in_the_period_with_nothing_named_before_dates_nothing():
    assert dates_of("Sales rose 3 per cent in the period.", "3 per cent") == NONE


def test_the_year_to_march_is_not_a_pointer():
    assert dates_of("Exports rose 5% in the year to March 2025.", "5%") == ("2024-04-01", "2025-03-31")


# ---- tense: 'this year' so far, a quarter to come, 'was to', reporting verbs ----

@pytest.mark.parametrize("text, mention, expected", [
    # PUB 2025-10-22: a present or past 'this year' runs to the article date
    ("Shares of the carmaker are up 38% this year.", "38%", ("2025-01-01", "2025-10-22")),
    ("The studio hosted four US productions this year.", "this year", ("2025-01-01", "2025-10-22")),
    ("Exports will grow 6% this year, the ministry forecast.", "6%", ("2025-01-01", "2025-12-31")),
    # a quarter still to come in the future tense; one just gone in the past tense
    ("Any tariff would take effect in the third quarter.", "third quarter", ("2026-07-01", "2026-09-30")),
    ("Imports fell 5% in the third quarter.", "third quarter", ("2025-07-01", "2025-09-30")),
    # 'was to travel' points forward; a reporting verb before the date points back
    ("The minister was to fly to Doha on Thursday.", "Thursday", ("2025-10-23", "2025-10-23")),
    ("The minister disclosed this in Abuja on Tuesday, adding that a team would travel soon.",
     "Tuesday", ("2025-10-21", "2025-10-21")),
    # a relative clause after the date does not set its tense
    ("Senators had introduced a bill in March that would cap drug tariffs at 10 percent.",
     "March", ("2025-03-01", "2025-03-31")),
])
def test_tense_of_periods(text, mention, expected):
    rows = [r for r in claims(text) if r["mention"] == mention]
    assert [(str(r["date_from"]), str(r["date_to"] or "")) for r in rows] == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Rice sold for 4,268 yen a bag in the week through Oct. 12.", "4,268 yen", ("2025-10-06", "2025-10-12")),
    ("Jobless claims fell in the week ending Oct. 11.", "week ending Oct. 11", ("2025-10-05", "2025-10-11")),
    ("In the week to 4 October, exports rose 2%.", "2%", ("2025-09-28", "2025-10-04")),
])
def test_the_week_through_a_day_is_seven_days(text, mention, expected):
    rows = [r for r in claims(text) if r["mention"] == mention]
    assert [(str(r["date_from"]), str(r["date_to"] or "")) for r in rows] == [expected]
