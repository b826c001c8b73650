"""Dates: how a date mention resolves, and which figure of a sentence it dates.

Sentences written for this file in the manner of wire and business copy; every expected date was
worked out by hand from the article date given beside it (weekdays checked against a calendar).
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.api import extract_text


def claims(text: str, published: date) -> list[dict]:
    return extract_text(text, source_id="t", published=published)


def one(text: str, mention: str, published: date) -> dict:
    rows = [r for r in claims(text, published) if r["mention"] == mention]
    assert len(rows) == 1, [(r["mention"], r["value"]) for r in claims(text, published)]
    return rows[0]


def period(r: dict) -> tuple[str | None, str | None]:
    return (r["date_from"] and str(r["date_from"]), r["date_to"] and str(r["date_to"]))


# ---- resolution ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, mention, published, expected",
    [
        # 'since' opens a period that began in the past, whatever the rest of the sentence says
        ("Brazil has faced a 10% duty since April, but the new rate would take effect on August 1.",
         "April", date(2025, 7, 10), ("2025-04-01", None)),
        # 'had proposed' is a past perfect, not a proposal still to come
        ("Bern had proposed a zero-tariff deal in May.", "May", date(2025, 8, 10),
         ("2025-05-01", "2025-05-31")),
        ("Mexico's government proposed on Tuesday raising tariffs on cars.", "Tuesday",
         date(2025, 9, 10), ("2025-09-09", "2025-09-09")),
        # 'would' in reported speech points forward
        ("Sheinbaum said she would announce her response on Sunday.", "Sunday", date(2025, 3, 5),
         ("2025-03-09", "2025-03-09")),
        # 'this week' / 'this month' of a past event run from the first day to the article date
        ("Countries that received letters this week include Japan.", "this week", date(2025, 7, 10),
         ("2025-07-07", "2025-07-10")),
        ("A deal struck this month cut the rate.", "this month", date(2026, 2, 20),
         ("2026-02-01", "2026-02-20")),
        # ... and of a coming one from the article date to the last day
        ("The ministers will meet this week.", "this week", date(2026, 1, 29),
         ("2026-01-29", "2026-02-01")),
        # halves of a month
        ("Trade ministers meet in the first half of September.", "first half of September",
         date(2025, 7, 27), ("2025-09-01", "2025-09-15")),
        ("Talks resume in the second half of March.", "second half of March", date(2026, 1, 29),
         ("2026-03-16", "2026-03-31")),
        # the first N months of a year
        ("Trade shrank in the first eleven months of 2025.", "first eleven months of 2025",
         date(2026, 1, 20), ("2025-01-01", "2025-11-30")),
        ("Exports grew in the first nine months of the year.", "first nine months of the year",
         date(2025, 10, 20), ("2025-01-01", "2025-09-30")),
        # a quarter named without its year is the latest one begun by the article date
        ("In the first quarter, shipments rose.", "first quarter", date(2025, 4, 14),
         ("2025-01-01", "2025-03-31")),
        ("Sales slowed in the fourth quarter.", "fourth quarter", date(2026, 1, 29),
         ("2025-10-01", "2025-12-31")),
        # 'from Friday' is the day a measure starts: forward unless the start is told as past
        ("The EU averted the 30 percent rate Trump had threatened to impose from Friday.", "Friday",
         date(2025, 7, 27), ("2025-08-01", "2025-08-01")),
        ("The new duties took effect from Friday.", "Friday", date(2025, 7, 27),
         ("2025-07-25", "2025-07-25")),
    ],
)
def test_resolution(text, mention, published, expected):
    r = one(text, mention, published)
    assert r["kind"] == "date"
    assert period(r) == expected


def test_a_year_earlier_is_the_same_period_a_year_back():
    text = ("Turkey's trade with Iran was US$5.7 billion in the first eleven months of 2025, down "
            "11 percent on a year earlier.")
    r = one(text, "a year earlier", date(2026, 1, 20))
    assert period(r) == ("2024-01-01", "2024-11-30")


def test_a_decade_earlier_counts_back_from_the_year_compared():
    text = "Imports reached $233 billion in 2024, more than double the value a decade earlier."
    r = one(text, "a decade earlier", date(2025, 9, 26))
    assert period(r) == ("2014-01-01", "2014-12-31")


def test_effective_immediately_is_the_day_it_was_declared():
    text = ("Trump said on Monday that the levy would apply effective immediately, though officials "
            "said on Tuesday that they were still drafting the rules.")
    assert period(one(text, "effective immediately", date(2026, 1, 14))) == ("2026-01-12", "2026-01-12")


def test_effective_immediately_with_no_other_date_is_the_article_date():
    text = "The ministry said the duty applies effective immediately."
    assert period(one(text, "effective immediately", date(2026, 1, 14))) == ("2026-01-14", "2026-01-14")


# ---- which figure a date belongs to -------------------------------------------------------------

def test_a_trade_figure_takes_its_year_even_beside_a_source_attribution():
    text = ("The United States posted a goods trade surplus of $6.8 billion with Brazil in 2024, "
            "according to U.S. data.")
    assert period(one(text, "$6.8 billion", date(2025, 7, 10))) == ("2024-01-01", "2024-12-31")


def test_an_announcement_date_is_not_the_date_of_the_rate():
    text = ("The US will cut the reciprocal tariff on Indian goods to 18 pc from 25 pc under an "
            "interim agreement announced on Wednesday.")
    assert period(one(text, "18 pc", date(2026, 2, 12))) == (None, None)


def test_the_start_date_of_a_rate_wins_over_the_announcement_date():
    text = ("Trump on Monday (March 24) announced a 25 percent tariff on goods from any country that "
            "buys Venezuelan oil, starting April 2.")
    assert period(one(text, "25 percent", date(2025, 3, 25))) == ("2025-04-02", "2025-04-02")


def test_the_old_rate_of_a_rise_does_not_take_the_new_rate_start():
    text = "China will raise tariffs on US goods from 84 percent to 125 percent, effective from April 12."
    pub = date(2025, 4, 11)
    assert period(one(text, "125 percent", pub)) == ("2025-04-12", "2025-04-12")
    assert period(one(text, "84 percent", pub)) == (None, None)


def test_since_dates_a_loss_with_an_open_period():
    text = "Apparel exporters lost orders worth Rs 3,000 crore since August last year."
    assert period(one(text, "Rs 3,000 crore", date(2026, 2, 12))) == ("2025-08-01", None)


def test_a_date_written_right_after_a_figure_is_that_figure_s():
    text = ("The US share of Chinese exports has fallen to below 15 percent from about 19 percent "
            "in 2018.")
    pub = date(2025, 4, 14)
    assert period(one(text, "19 percent", pub)) == ("2018-01-01", "2018-12-31")
    assert period(one(text, "15 percent", pub)) == (None, None)


def test_a_date_opening_the_sentence_dates_every_figure_in_it():
    text = ("In the first quarter, China's exports rose 5.8 percent year-on-year, and trade with "
            "Belt and Road countries accounted for more than half of the total.")
    pub = date(2025, 4, 14)
    assert period(one(text, "5.8 percent", pub)) == ("2025-01-01", "2025-03-31")
    assert period(one(text, "half", pub)) == ("2025-01-01", "2025-03-31")


def test_a_date_does_not_cross_into_a_contrasting_clause():
    text = ("The real weakened 2.4% against the dollar on Thursday, while shares of Embraer, which "
            "sells more than 60% of its jets in North America, fell 8.9%.")
    pub = date(2025, 7, 10)
    assert period(one(text, "2.4%", pub)) == ("2025-07-10", "2025-07-10")
    assert period(one(text, "60%", pub)) == (None, None)


def test_a_rate_imposed_on_a_date_takes_it_but_a_rate_listed_beside_it_does_not():
    text = ("The levy combines a 25 percent sectoral duty imposed in April and the existing 2.5 "
            "percent most-favoured-nation rate.")
    pub = date(2025, 7, 23)
    assert period(one(text, "25 percent", pub)) == ("2025-04-01", "2025-04-30")
    assert period(one(text, "2.5 percent", pub)) == (None, None)


def test_a_rate_a_country_was_hit_with_takes_that_month():
    text = "India, which had been hit with a combined rate of 50 percent last August, said it would seek clarity."
    assert period(one(text, "50 percent", date(2026, 2, 20))) == ("2025-08-01", "2025-08-31")


def test_a_forecast_takes_the_period_it_is_for():
    text = "Economists estimate the new rates will shave 0.3 to 0.5 percentage point off growth next year."
    rows = [r for r in claims(text, date(2025, 8, 1)) if r["kind"] == "change"]
    assert [period(r) for r in rows] == [("2026-01-01", "2026-12-31")] * 2


def test_a_share_in_apposition_shares_the_date_of_its_figure():
    text = ("The US bought US$119.5 billion of Vietnamese goods in 2024, nearly 30 per cent of its "
            "total exports.")
    assert period(one(text, "30 per cent", date(2025, 7, 3))) == ("2024-01-01", "2024-12-31")


def test_the_two_halves_of_a_while_sentence_share_the_year():
    text = ("Mexico imported goods worth $130 billion from China last year, while it exported less "
            "than $10 billion there.")
    assert period(one(text, "$10 billion", date(2025, 9, 10))) == ("2024-01-01", "2024-12-31")


def test_a_relative_clause_after_a_rate_dates_that_rate():
    text = ("The new rate replaces the 10 per cent baseline that had applied since April, and is far "
            "above the 31 per cent first announced.")
    pub = date(2025, 8, 8)
    assert period(one(text, "10 per cent", pub)) == ("2025-04-01", None)
    assert period(one(text, "31 per cent", pub)) == (None, None)


def test_a_date_written_with_a_later_figure_is_not_an_earlier_figure_s():
    text = ("India is not among the top 10 trading partners for US farm exports, an official said, "
            "adding that the pact aims to raise bilateral trade to $500 billion by 2030.")
    pub = date(2026, 2, 12)
    assert period(one(text, "$500 billion", pub)) == ("2030-01-01", "2030-12-31")
    assert period(one(text, "top 10", pub)) == (None, None)


def test_a_change_and_the_level_it_reached_share_the_year():
    text = "Exports rose 3.2 percent to $127.8 billion in 2024."
    pub = date(2025, 3, 1)
    assert period(one(text, "3.2 percent", pub)) == ("2024-01-01", "2024-12-31")
    assert period(one(text, "$127.8 billion", pub)) == ("2024-01-01", "2024-12-31")


def test_a_rate_that_would_take_effect_on_a_bare_weekday_takes_it():
    text = "Washington had warned that a 25 percent rate would take effect Friday."
    assert period(one(text, "25 percent", date(2025, 7, 31))) == ("2025-08-01", "2025-08-01")


def test_a_weekday_between_said_and_would_is_the_day_it_was_said():
    text = "The Swiss government said on Friday it would present a better offer."
    assert period(one(text, "Friday", date(2025, 8, 9))) == ("2025-08-08", "2025-08-08")


def test_the_peak_a_share_fell_from_is_an_old_value():
    text = ("Russia's share of India's oil imports has shrunk to around 22 per cent from a peak of at "
            "least 40 per cent, with refiners having cut purchases since October last year.")
    pub = date(2026, 2, 12)
    assert period(one(text, "40 per cent", pub)) == (None, None)
    assert period(one(text, "22 per cent", pub)) == (None, None)


def test_the_day_a_rate_was_announced_right_after_it_is_still_not_its_date():
    text = "Washington set a 15 percent tariff announced on Wednesday."
    assert period(one(text, "15 percent", date(2025, 7, 24))) == (None, None)


@pytest.mark.parametrize(
    "text, mention, published, expected",
    [
        ("Talks resumed on Sept. 5 (Friday).", "Sept. 5 (Friday)", date(2025, 9, 8), ("2025-09-05", "2025-09-05")),
        # the end of a year is a deadline: its last day
        ("A deal is expected by end-2026.", "end-2026", date(2025, 11, 20), ("2026-12-31", "2026-12-31")),
        ("A deal is expected by the end of 2026.", "the end of 2026", date(2025, 11, 20),
         ("2026-12-31", "2026-12-31")),
        ("Output should recover by mid-2026.", "mid-2026", date(2025, 11, 20), ("2026-05-01", "2026-08-31")),
        ("Imports were down in the first nine months.", "first nine months", date(2025, 11, 20),
         ("2025-01-01", "2025-09-30")),
    ],
)
def test_more_date_forms(text, mention, published, expected):
    r = one(text, mention, published)
    assert r["kind"] == "date" and period(r) == expected


def test_the_base_of_a_superlative_dates_no_figure():
    text = "The average effective US tariff rate hit 17.4%, the highest since 1935."
    assert period(one(text, "17.4%", date(2025, 11, 20))) == (None, None)


def test_the_old_rate_does_not_take_the_date_of_a_meeting():
    text = "Tariffs on Chinese goods were cut to 47% from 57% after the meeting in Busan on October 30."
    assert period(one(text, "57%", date(2025, 11, 20))) == (None, None)


@pytest.mark.parametrize(
    "text, mention, expected",
    [
        ("Exports rose 12% so far this year.", "so far this year", ("2025-01-01", "2025-11-20")),
        ("Imports are down year-to-date.", "year-to-date", ("2025-01-01", "2025-11-20")),
        ("Exports rose 5% in the year to March.", "the year to March", ("2024-04-01", "2025-03-31")),
        ("Sales in the 12 months through June 2025 hit $4 billion.", "the 12 months through June 2025",
         ("2024-07-01", "2025-06-30")),
        ("Trade hit $1 trillion in calendar 2024.", "2024", ("2024-01-01", "2024-12-31")),
        ("Tariffs were last this high in the 1930s.", "1930s", ("1930-01-01", "1939-12-31")),
    ],
)
def test_periods_to_date_and_to_a_month(text, mention, expected):
    r = one(text, mention, date(2025, 11, 20))
    assert r["kind"] == "date" and period(r) == expected


def test_a_date_after_a_semicolon_is_not_the_figure_s_before_it():
    text = "Sales in the 12 months through June 2025 hit $4 billion; year-to-date imports fell."
    assert period(one(text, "$4 billion", date(2025, 11, 20))) == ("2024-07-01", "2025-06-30")


def test_a_duration_takes_only_a_date_written_right_after_it():
    pub = date(2025, 3, 5)
    text = "The tariffs had been delayed by 30 days in early February."
    assert period(one(text, "30 days", pub)) == ("2025-02-01", "2025-02-10")
    text = "The 90-day truce expires next week."
    assert period(one(text, "90-day", pub)) == (None, None)


def test_a_sector_rate_with_no_party_in_its_sentence_takes_the_article_s_target():
    # context pass (extract/context.py): steel duties apply to the article's target country too
    text = ("The US raised tariffs on Indian goods to 50 per cent on Wednesday. "
            "Exporters in Tiruppur said orders had dried up. Talks have stalled for weeks. "
            "Officials declined to comment. A 50 per cent duty on steel and aluminium also applies.")
    rows = [r for r in claims(text, date(2025, 8, 28)) if r["kind"] == "tariff_rate"]
    assert {r["target"] for r in rows} == {"IND"}


@pytest.mark.parametrize(
    "text, mention, status",
    [
        ("The visit planned for Friday was called off.", "Friday", "removed"),
        ("Talks scheduled for March 3 were postponed.", "March 3", "removed"),
        ("They met on Monday.", "Monday", "in_force"),
        ("They will meet on Friday.", "Friday", "announced"),
    ],
)
def test_event_status(text, mention, status):
    assert one(text, mention, date(2025, 8, 28))["status"] == status
