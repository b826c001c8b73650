"""Forms added in the third session: volumes, counts of any plural noun, 'N of the M', points,
basis points, rates cut 'to zero', comparison bases, fiscal years by country, a weekday with
its day of the month, days of a relative year, and which date an old rate keeps.

Every expected value is worked out by hand from the sentence and the article date.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import by_mention, claims, dates_of, one

# ---- quantities ----

@pytest.mark.parametrize("text, mention, value, unit", [
    ("The deal lets in 2.5bn litres of American ethanol a year.", "2.5bn litres", 2.5e9, "litre"),
    ("Refiners bought 40 million gallons of biodiesel.", "40 million gallons", 4e7, "gallon"),
    ("Canada ships some 300,000 liters of maple syrup south.", "300,000 liters", 3e5, "litre"),
])
def test_volumes(text, mention, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"]) == ("quantity", value, unit)


@pytest.mark.parametrize("text, mention, value", [
    ("Washington blacklisted seven Chinese drone makers on Monday.", "seven Chinese drone makers", 7),
    ("Customs seized 40 counterfeit shipments at the port.", "40 counterfeit shipments", 40),
    ("Nearly 2.1bn packages entered duty-free last year.", "2.1bn packages", 2.1e9),
    ("The ministry added four more minerals to the control list.", "four more minerals", 4),
])
def test_counts_of_any_plural_noun(text, mention, value):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"], r["measure"]) == ("quantity", value, "count", "count")


@pytest.mark.parametrize("text", [
    "The two sides met three times in Geneva.",
    "The two ministers spoke by phone.",
    "Lawyers cited the 1974 trade powers in court.",
    "The bank has two ways to respond.",
])
def test_not_counts(text):
    assert [r for r in claims(text) if r["unit"] == "count"] == []


def test_part_and_whole():
    rows = by_mention("Licences now cover 9 of the 12 metals.")["9 of the 12"]
    assert sorted(r["value"] for r in rows) == [9, 12]
    assert {r["unit"] for r in rows} == {"count"}


@pytest.mark.parametrize("text, mention, qualifier", [
    ("Refund claims may take more than a year to settle.", "a year", "lower_bound"),
    ("The exemption lasted nearly a month.", "a month", "approx"),
])
def test_bounded_one_unit_durations(text, mention, qualifier):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"], r["qualifier"]) == ("quantity", 1, mention.split()[1],
                                                                 qualifier)


def test_a_year_as_per_year_is_no_duration():
    assert [r for r in claims("Exports earn $5bn a year.") if r["unit"] == "year"] == []


def test_within_days_is_a_duration():
    r = one("The bill would force Customs to repay importers within 60 days.", "60 days")
    assert (r["kind"], r["value"], r["unit"]) == ("quantity", 60, "day")


def test_months_of_talks_is_a_duration_not_a_date():
    r = one("Nairobi failed to win a deal in four months of talks.", "four months")
    assert (r["kind"], r["value"], r["unit"]) == ("quantity", 4, "month")


# ---- percentages ----

@pytest.mark.parametrize("text, mention, value", [
    ("Toyota said the 12-point reduction would save it billions.", "12-point", 12),
    ("Brussels will trim the duty by 5 points next year.", "5 points", 5),
])
def test_points_without_percentage(text, mention, value):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"]) == ("change", value, "percentage_point")


def test_basis_points():
    r = one("The central bank raised its rate by 75 basis points.", "75 basis points")
    assert (r["kind"], r["value"], r["unit"]) == ("change", 0.75, "percentage_point")


def test_a_tariff_cut_to_zero_is_a_zero_rate():
    r = one("Jakarta agreed to cut its 10 per cent duty on US wheat to zero.", "zero")
    assert (r["kind"], r["value"], r["unit"]) == ("tariff_rate", 0, "percent")


def test_zero_outside_tariffs_is_no_rate():
    assert [r for r in claims("The plan would bring the budget deficit to zero.")
            if r["mention"] == "zero"] == []


# ---- dates ----

def test_compared_period_is_the_same_period_a_year_back_and_dates_no_figure():
    text = "Shipments of soybeans to China fell 31 per cent in August from a year earlier."
    got = by_mention(text)
    assert dates_of(got["a year earlier"][0]) == ("2024-08-01", "2024-08-31")
    assert dates_of(got["31 per cent"][0]) == ("2025-08-01", "2025-08-31")


def test_previous_year_compared_with_a_named_year():
    text = "Wine exports reached 90,000 tonnes in 2024, up 6 per cent on the previous year."
    got = by_mention(text)
    assert dates_of(got["the previous year"][0]) == ("2023-01-01", "2023-12-31")
    assert dates_of(got["6 per cent"][0]) == ("2024-01-01", "2024-12-31")


def test_comparison_with_no_period_said_resolves_to_nothing():
    r = one("The surplus hit $40 billion, up 3% from a year ago.", "a year ago")
    assert dates_of(r) == ("", "")


def test_february_a_year_back_ends_on_the_leap_day():
    text = "Imports slid 9% in February 2025 compared with a year earlier."
    assert dates_of(one(text, "a year earlier")) == ("2024-02-01", "2024-02-29")


@pytest.mark.parametrize("text, mention, span", [
    # the US federal year starts in October; 'fiscal 2025' ends in September 2025
    ("Tariff revenue reached $195 billion in fiscal 2025.", "fiscal 2025", ("2024-10-01", "2025-09-30")),
    # Pakistan's year runs July to June
    ("Pakistan's textile exports rose in FY25.", "FY25", ("2024-07-01", "2025-06-30")),
    # India's April to March, also when the US is named in the sentence
    ("India's exports to the US rose 6% in 2024-25.", "2024-25", ("2024-04-01", "2025-03-31")),
    # Japan names its fiscal year by the year it starts in
    ("Japan's outbound investment grew in fiscal 2024.", "fiscal 2024", ("2024-04-01", "2025-03-31")),
    # Australia runs July to June
    ("Australia's beef exports hit a record in FY2025.", "FY2025", ("2024-07-01", "2025-06-30")),
])
def test_fiscal_years_by_country(text, mention, span):
    assert dates_of(one(text, mention)) == span


def test_fiscal_year_of_the_article_carries_to_a_sentence_naming_no_country():
    text = "Bangladesh's garment exports rose in FY25. Exports fell again in FY26."
    got = by_mention(text, date(2026, 9, 1))
    assert dates_of(got["FY26"][0]) == ("2025-07-01", "2026-06-30")


def test_period_end_dates_no_figure():
    text = "Customs collected $90 billion in fiscal 2025, which ended Sept. 30."
    assert dates_of(one(text, "$90 billion")) == ("2024-10-01", "2025-09-30")


def test_weekday_with_day_of_month_in_brackets():
    # article of Thursday 2025-08-07: 'Wednesday (6)' is the day before
    r = one("A sobretaxa entrou em vigor on Wednesday (6), officials said.", "Wednesday (6)",
            date(2025, 8, 7))
    assert dates_of(r) == ("2025-08-06", "2025-08-06")


@pytest.mark.parametrize("text, mention, day", [
    ("The 20% duty has applied since August 7 last year.", "August 7 last year", "2024-08-07"),
    ("Port fees rise again on 17 April next year.", "17 April next year", "2026-04-17"),
])
def test_day_of_a_relative_year(text, mention, day):
    assert dates_of(one(text, mention))[0] == day


@pytest.mark.parametrize("text, mention, span", [
    # a forecast for this year is for the whole year
    ("Analysts say the levy could shave 0.3 percentage points off growth this year.", "this year",
     ("2025-01-01", "2025-12-31")),
    # a plan for December told in October of the same year points forward
    ("The ruling party aims to pass the bill in December, an aide said.", "December",
     ("2025-12-01", "2025-12-31")),
    ("Up to 50,000 jobs could go if the duty stays beyond January.", "January",
     ("2026-01-01", "2026-01-31")),
])
def test_future_wording(text, mention, span):
    assert dates_of(one(text, mention)) == span


def test_old_rate_keeps_its_since_date_and_the_new_rate_does_not_take_it():
    text = ("Steel will enter at a tariff of 15 per cent, down from the 50 per cent mills "
            "have paid since June 4.")
    got = by_mention(text)
    assert dates_of(got["50 per cent"][0]) == ("2025-06-04", "")
    assert dates_of(got["15 per cent"][0]) == ("", "")


def test_retroactive_start_is_the_rates_date():
    text = ("Officials on Monday confirmed that duties on Thai rice will fall to 19 percent from "
            "36 percent, retroactive to Oct. 1.")
    assert dates_of(by_mention(text)["19 percent"][0]) == ("2025-10-01", "2025-10-01")


def test_aside_right_after_a_rate_dates_it():
    text = "Vietnam's 20% rate, which took effect on Thursday, is above Malaysia's."
    # the Thursday on or before Wednesday 2025-10-22 is 2025-10-16
    assert dates_of(by_mention(text)["20%"][0]) == ("2025-10-16", "2025-10-16")


def test_in_two_weeks_followed_by_a_purpose_is_still_a_date():
    r = one("Negotiators will return to Geneva in two weeks to finish the text.", "in two weeks")
    assert dates_of(r) == ("2025-11-05", "2025-11-05")


@pytest.mark.parametrize("text, new, old", [
    ("Manila will pay a 17 per cent tariff, lower than the 20 per cent rate Washington had "
     "threatened to impose from Nov. 3, officials said.", "17 per cent", "20 per cent"),
    ("Brasilia secured a 10% levy on beef instead of the 40% due to start on Nov. 3.", "10%", "40%"),
])
def test_a_start_date_after_an_alternative_rate_is_the_alternatives(text, new, old):
    got = by_mention(text)
    assert dates_of(got[old][0]) == ("2025-11-03", "2025-11-03")
    assert dates_of(got[new][0]) == ("", "")


@pytest.mark.parametrize("line", [
    "Nikkei 225 38,210.55 +0.8%",
    "Brent crude $71.05 (-1.2%)",
    "EUR/USD 1.0842",
    "Hang Seng 19,870 \u25bc0.3%",
])
def test_market_tickers_are_not_claims(line):
    assert claims(line) == []


def test_a_market_move_told_in_a_sentence_is_still_a_change():
    r = one("Exporters' shares fell 4% on Tuesday after the announcement.", "4%")
    assert (r["kind"], r["value"]) == ("change", 4)


@pytest.mark.parametrize("text, code", [
    ("NZ Herald\nWELLINGTON - Kiwi exporters shipped $9.1 billion of goods to the US.", "NZD"),
    ("The Straits Times\nSINGAPORE - Firms here sold $3 billion of chips to America.", "SGD"),
    ("WASHINGTON (Reuters) - Importers paid $3 billion in duties.", "USD"),
])
def test_bare_dollar_follows_the_outlets_country(text, code):
    rows = [r for r in claims(text) if r["kind"] == "trade_value"]
    assert [r["unit"] for r in rows] == [code]


def test_a_digit_comma_does_not_close_an_aside():
    text = "Surat makes about 70% of India's diamond exports, which stood at Rs 1,32,000 crore in 2024-25."
    assert dates_of(by_mention(text, date(2025, 9, 6))["Rs 1,32,000 crore"][0]) == (
        "2024-04-01", "2025-03-31")


def test_a_with_clause_shares_the_date_before_it():
    text = "Chile shipped $12 billion of copper to the US last year, with cathodes alone worth $9 billion."
    assert dates_of(by_mention(text)["$9 billion"][0]) == ("2024-01-01", "2024-12-31")


def test_a_date_inside_a_with_clause_does_not_date_the_main_clause():
    text = "Its share fell to 12 per cent, with buyers having cut orders since March."
    assert dates_of(by_mention(text)["12 per cent"][0]) == ("", "")


def test_and_between_two_names_opens_no_conjunct():
    text = ("Germany ran a surplus of EUR 70bn with the US last year, while trade between Germany "
            "and America was worth EUR 250bn.")
    assert dates_of(by_mention(text)["EUR 250bn"][0]) == ("2024-01-01", "2024-12-31")


def test_from_the_same_date_points_to_the_start_given_before():
    text = ("Washington will charge 100% on branded drugs from 1 November. It also set 25% on "
            "heavy trucks and 10% on lumber, all from the same date.")
    got = by_mention(text)
    assert dates_of(got["25%"][0]) == ("2025-11-01", "2025-11-01")
    assert dates_of(got["10%"][0]) == ("2025-11-01", "2025-11-01")
    assert "the same date" not in got  # a pointer, not a claim of its own


@pytest.mark.parametrize("stamp", [
    "Updated on October 21, 2025 at 9:40 AM GMT+8",
    "Published: 6:30pm, 21 Oct 2025",
    "Last update on: Tue Oct 21, 2025 12:41 AM",
    "October 21, 2025 / 11:42 AM IST",
    "21/10/2025 October 21, 2025",
])
def test_page_stamps_with_a_time_are_not_claims(stamp):
    text = stamp + "\nExports to the US fell 4% in September."
    assert [r["mention"] for r in claims(text)] == ["4%", "September"]


def test_a_headline_with_a_time_of_effect_is_read():
    got = by_mention("Tariffs take effect on November 1 at 12:01 a.m. EDT")
    assert dates_of(got["November 1"][0]) == ("2025-11-01", "2025-11-01")


def test_a_list_of_rates_may_open_with_a_number_word():
    rows = by_mention('"Fifteen or 18 per cent we can absorb," an exporter said.')["Fifteen or 18 per cent"]
    assert sorted(r["value"] for r in rows) == [15, 18]


@pytest.mark.parametrize("text, mention, code, value", [
    ("Abu Dhabi pledged Dh1.4 trillion of investment.", "Dh1.4 trillion", "AED", 1.4e12),
    ("Kenya's exports reached KSh 70 billion.", "KSh 70 billion", "KES", 7e10),
    ("Nigeria lost ₦1.2 trillion in oil revenue.", "₦1.2 trillion", "NGN", 1.2e12),
    ("Swiss watch exports fell to SFr 2.1 billion.", "SFr 2.1 billion", "CHF", 2.1e9),
    ("Beef sales hit 500 billion Argentine pesos.", "500 billion Argentine pesos", "ARS", 5e11),
])
def test_more_currencies(text, mention, code, value):
    r = one(text, mention)
    assert (r["kind"], r["unit"], r["value"]) == ("trade_value", code, value)


@pytest.mark.parametrize("text, mention, span", [
    ("Exports fell 8% over the past three months.", "the past three months", ("2025-07-22", "2025-10-22")),
    ("Duties on steel rose between 2018 and 2024.", "2018 and 2024", ("2018-01-01", "2024-12-31")),
    ("Imports grew steadily in 2019-2023.", "2019-2023", ("2019-01-01", "2023-12-31")),
    # a deadline at the end of a year or month is its last day
    ("Negotiators hope to sign by year-end.", "year-end", ("2025-12-31", "2025-12-31")),
    ("The truce should hold until the end of the year.", "the end of the year", ("2025-12-31", "2025-12-31")),
    ("The waiver lapses at the end of the month.", "the end of the month", ("2025-10-31", "2025-10-31")),
    ("Delhi wants a deal by end-2026.", "end-2026", ("2026-12-31", "2026-12-31")),
    # halves and quarters of a fiscal year: India's by default, Pakistan's when it is named
    ("Exports rose 9% in H1FY26.", "H1FY26", ("2025-04-01", "2025-09-30")),
    ("Pakistan's exports rose in Q2 FY26.", "Q2 FY26", ("2025-10-01", "2025-12-31")),
])
def test_spans_counted_from_the_article_date_and_year_ranges(text, mention, span):
    assert dates_of(one(text, mention)) == span


def test_container_units_are_counted():
    r = one("The port handled 1.2 million TEUs last year.", "1.2 million TEUs")
    assert (r["unit"], r["value"]) == ("count", 1.2e6)
