"""Whose date a figure takes: events, clauses and asides (the tenth session's rules in extract/attach.py).

- A span longer than a month ('in 2025', 'this year') is a bare period for the figures beside it,
  even where the sentence's verb makes an event of its days (a minister's press conference, a
  hosted delegation); a day of a meeting still dates no figure.
- A relative clause of a period's own noun ('the season that ran from ...') describes the period: its
  date is taken by no figure for itself.
- A start in the own clause of an old or alternative rate ('down from the 46 per cent rate Washington
  had said would apply from July 9') is that rate's alone; a start written right after an amount
  ('rising to 500 yuan from March 1') is its own whatever event the sentence speaks of.
- A second reported statement ('... and that', ', adding that') is a clause of its own: a date on one side
  does not date a figure on the other (rules/dates.yml dt.boundary).
- A season told with the day it opened ('the 2026/2027 season, which opened on July 1') runs from that month
  (rules/dates.yml fy.told-start, dt.period-end; rules/mentions.yml d.fiscal-year).
- 'the first nine months of the fiscal', 'of this fiscal year': counted from the start of the fiscal year
  holding the article date (rules/mentions.yml d.first-months), and so do a half and a quarter of it
  ('the first half of this fiscal': a period, not a share; d.half, d.quarter).

Every expected value is worked out by hand from the sentence and the article date given.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import by_mention, dates_of, one


@pytest.mark.parametrize("text, pub, figure, period", [
    # the minister's press conference is on Monday; the exports are of calendar 2025
    ("In 2025, Kenya's tea exports earned KSh 180 billion, the agriculture minister told a press "
     "conference in Nairobi on Monday.", date(2026, 3, 10), "KSh 180 billion", ("2025-01-01", "2025-12-31")),
    # 'this year' told on 10 March 2026: 1 January to 10 March 2026
    ("The convention centre hosted 14 trade delegations this year, more than in any year since 2019.",
     date(2026, 3, 10), "14 trade delegations", ("2026-01-01", "2026-03-10")),
])
def test_a_long_span_dates_the_figure_whatever_event_the_verb_names(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


def test_the_day_of_a_meeting_dates_no_rate():
    text = "Officials met on Tuesday to discuss the 25% tariff."
    assert dates_of(one(text, "25%", date(2026, 3, 10))) == ("", "")


def test_a_relative_clause_of_a_period_noun_describes_the_period():
    # 'the season that ran from November 2024 to April 2025': the season is the span; the change
    # told after the saying is of that season too
    text = ("Peru exported 310,000 tonnes of table grapes in the season that ran from November 2024 "
            "to April 2025, the growers' association said on Monday, up 9% from the previous season.")
    assert dates_of(one(text, "9%", date(2025, 9, 10))) == ("2024-11-01", "2025-04-30")
    assert dates_of(one(text, "310,000 tonnes", date(2025, 9, 10))) == ("2024-11-01", "2025-04-30")


def test_a_start_in_an_old_rates_own_clause_is_that_rates():
    # the 46 per cent would have applied from 9 July 2025; the new 20 per cent and the duty-free
    # access for American cars are not told from that day
    text = ("Vietnam agreed to a 20 per cent tariff, down from the 46 per cent rate Washington had "
            "said would apply from July 9, while American cars will enter duty-free.")
    pub = date(2025, 7, 3)
    assert dates_of(one(text, "46 per cent", pub)) == ("2025-07-09", "2025-07-09")
    assert dates_of(one(text, "duty-free", pub)) == ("", "")
    assert dates_of(one(text, "20 per cent", pub)) == ("", "")


def test_a_start_right_after_an_amount_is_its_own_whatever_the_event():
    # 'flying the US flag ... per voyage' makes a voyage of the sentence; the new fee still starts
    # on 1 March 2026 (told in October 2025, 'next year')
    text = "Ships flying the US flag would pay 300 yuan per net tonne per voyage, rising to 500 yuan from March 1 next year."
    assert dates_of(one(text, "500 yuan", date(2025, 10, 15))) == ("2026-03-01", "2026-03-01")


@pytest.mark.parametrize("text, pub, figure", [
    # the shifts were cut since May; the headcount is told of now
    ("The association said the industry employs about 42,000 workers and that six mills had cut "
     "shifts since May.", date(2025, 9, 1), "42,000 workers"),
    # 'next week' is when the bill goes to parliament, not when the support is offered
    ("The minister said the government would offer R2 billion in relief to exporters, and that the "
     "bill would go to parliament next week.", date(2025, 9, 1), "R2 billion"),
    # the fall since March is the first statement's; the lost orders are told apart
    ("\"Our sales to the US have fallen sharply since March,\" the chair told reporters, adding that "
     "exporters had lost 3,000 tonnes of orders.", date(2025, 9, 1), "3,000 tonnes"),
])
def test_a_second_reported_statement_does_not_share_the_firsts_date(text, pub, figure):
    assert dates_of(one(text, figure, pub)) == ("", "")


@pytest.mark.parametrize("text, pub, figure, period", [
    # a season written with two four-digit years and opened on 1 July: 1 July 2026 to 30 June 2027
    ("Kenya expects tea exports of 600,000 tonnes in the 2026/2027 season, which opened on July 1.",
     date(2026, 7, 10), "600,000 tonnes", ("2026-07-01", "2027-06-30")),
    ("Kenya expects tea exports of 600,000 tonnes in the 2026/2027 season, which opened on July 1.",
     date(2026, 7, 10), "2026/2027", ("2026-07-01", "2027-06-30")),
    # 'season' with no 'crop' or 'marketing' before it still takes the start it is told: October
    # (oranges have no marketing year of their own in rules/dates.yml crop_years)
    ("Morocco expects orange exports of 650,000 tonnes in the 2025/26 season, which began on October 1.",
     date(2025, 10, 15), "650,000 tonnes", ("2025-10-01", "2026-09-30")),
])
def test_a_season_told_with_the_day_it_opened_runs_from_that_month(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


@pytest.mark.parametrize("text, pub, figure, period", [
    # told in January 2026, India's current fiscal year runs from 1 April 2025: nine months to
    # 31 December 2025 (no country named: the Indian April start, dates.yml fy.default-dash)
    ("The company shipped handsets worth $4.1 billion in the first nine months of the fiscal.",
     date(2026, 1, 27), "$4.1 billion", ("2025-04-01", "2025-12-31")),
    ("Exports rose 12% in the first three months of the current fiscal year.",
     date(2026, 1, 27), "12%", ("2025-04-01", "2025-06-30")),
    # 'this fiscal year' is a fiscal year, not the calendar year: April to December 2025
    ("Shipments rose 9% in the first nine months of this fiscal year.",
     date(2026, 1, 27), "9%", ("2025-04-01", "2025-12-31")),
    # its first half is April-September 2025, its second quarter July-September 2025
    ("Exports of smartphones rose 40% in the first half of this fiscal to Rs 80,000 crore.",
     date(2026, 1, 27), "Rs 80,000 crore", ("2025-04-01", "2025-09-30")),
    ("Exports rose 12% in the second quarter of the current fiscal year.",
     date(2026, 1, 27), "12%", ("2025-07-01", "2025-09-30")),
])
def test_a_part_of_this_fiscal_counts_from_its_start(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


def test_the_half_of_a_fiscal_is_no_share():
    # 'the first half of this fiscal' is a period: no 50% share claim is read from 'half'
    text = "Exports of smartphones rose 40% in the first half of this fiscal to Rs 80,000 crore."
    assert "half" not in by_mention(text, date(2026, 1, 27))
