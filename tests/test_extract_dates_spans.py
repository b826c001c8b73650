"""Spans of time reporters give a statistic, and 'in N months' told in the past.

- 'the three months to September', 'the 10 days ending Oct. 20' (rule d.n-to): the N units ending
  with the day or month named, one date claim, and the figure's period.
- 'the first 20 days of August' (rule d.first-days): from the month's first day, N days long.
- 'lost 10,000 jobs in six months' (rules/dates.yml dt.in-n-past): told in the past, 'in six
  months' is how long it took, a duration with no date; told in the future it stays a day ahead.

Every expected value is worked out by hand from the sentence and the article date, Wednesday
2025-10-22 (extract_helpers.PUB).
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import by_mention, dates_of, one


@pytest.mark.parametrize("text, figure, span, period", [
    # months: whole calendar months ending with the one named
    ("Imports fell 4% in the three months to September.", "4%",
     "the three months to September", ("2025-07-01", "2025-09-30")),
    ("Shipments rose 11 per cent in the past six months through March 2025.", "11 per cent",
     "past six months through March 2025", ("2024-10-01", "2025-03-31")),
    # two quarters are six months
    ("Car exports dropped 9% in the two quarters to June.", "9%",
     "the two quarters to June", ("2025-01-01", "2025-06-30")),
    # days and weeks: counted back from the day named, that day included
    ("Sales of soybeans rose 15% in the 10 days ending Oct. 20.", "15%",
     "the 10 days ending Oct. 20", ("2025-10-11", "2025-10-20")),
    ("Steel arrivals fell 6% in the six weeks through 14 March.", "6%",
     "the six weeks through 14 March", ("2025-02-01", "2025-03-14")),
])
def test_n_units_to_a_day_or_month(text, figure, span, period):
    found = by_mention(text)
    [date_row] = [r for m, rows in found.items() for r in rows if r["kind"] == "date"]
    assert span.endswith(date_row["mention"]) or date_row["mention"].endswith(span)
    assert dates_of(date_row) == period
    assert dates_of(one(text, figure)) == period


def test_a_year_less_end_is_the_latest_already_begun():
    # told on 2025-10-22, 'to November' is November 2024: the statistic is of a past span
    text = "Wine exports fell 3% in the three months to November."
    assert dates_of(one(text, "3%")) == ("2024-09-01", "2024-11-30")


@pytest.mark.parametrize("text, figure, period", [
    ("Exports fell 12% in the first 20 days of August, customs data showed.", "12%",
     ("2025-08-01", "2025-08-20")),
    ("Exports fell 12% in the first two weeks of October.", "12%", ("2025-10-01", "2025-10-14")),
    ("Orders rose 5% in the first 10 days of March 2024.", "5%", ("2024-03-01", "2024-03-10")),
])
def test_the_first_days_of_a_month(text, figure, period):
    assert dates_of(one(text, figure)) == period
    # one span, not a duration beside a whole month
    assert all(r["measure"] != "duration" for rows in by_mention(text).values() for r in rows)


@pytest.mark.parametrize("text, mention, value, unit", [
    ("Manufacturers lost 10,000 jobs in six months as tariffs bit.", "six months", 6, "month"),
    ("Exports doubled in two years.", "two years", 2, "year"),
    ("Vietnam's shipments of shrimp to the US tumbled in 90 days.", "90 days", 90, "day"),
])
def test_in_n_told_in_the_past_is_a_duration(text, mention, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["measure"], float(r["value"]), r["unit"]) == ("quantity", "duration", value, unit)
    assert dates_of(r) == ("", "")
    assert all(r["kind"] != "date" for rows in by_mention(text).values() for r in rows)


@pytest.mark.parametrize("text, mention, day", [
    ("The tariff will rise to 30% in six months.", "in six months", "2026-04-22"),
    # a past-looking word after the date ('lifted') does not make it past
    ("Ottawa said it would add duties on C$125 billion of goods in 21 days if the levies are not lifted.",
     "in 21 days", "2025-11-12"),
])
def test_in_n_told_in_the_future_stays_a_day(text, mention, day):
    r = one(text, mention)
    assert r["kind"] == "date"
    assert dates_of(r) == (day, day)


@pytest.mark.parametrize("text, figure, period", [
    ("Between January and August, shipments of palm oil fell 8.2%.", "8.2%",
     ("2025-01-01", "2025-08-31")),
    ("Exports rose 4% between April and June 2024.", "4%", ("2024-04-01", "2024-06-30")),
])
def test_months_between_and(text, figure, period):
    assert dates_of(one(text, figure)) == period


def test_a_year_less_span_of_months_follows_the_tense():
    # told in October 2025: talks still to come in March and April are next year's
    r = one("The talks will take place between March and April.", "March and April")
    assert dates_of(r) == ("2026-03-01", "2026-04-30")
    # a statistic of months already past is this year's
    assert dates_of(one("Exports rose 4% in January-September.", "4%")) == ("2025-01-01", "2025-09-30")


@pytest.mark.parametrize("text, new, old, period", [
    ("The United States will raise tariffs on Korean cars to 25% from 15% starting next month.",
     "25%", "15%", ("2025-11-01", "2025-11-30")),
    ("Ottawa cut its surtax to 10 per cent from 25 per cent effective Nov. 1.",
     "10 per cent", "25 per cent", ("2025-11-01", "2025-11-01")),
])
def test_a_start_after_the_old_rate_dates_the_new_one(text, new, old, period):
    # 'to X from Y starting ...': the start is the change's, so the new rate's; the old rate
    # held before it and takes no date
    assert dates_of(one(text, new)) == period
    assert dates_of(one(text, old)) == ("", "")


def test_a_surtax_is_a_tariff():
    # Canadian copy calls its counter-tariffs surtaxes
    r = one("Canada imposed a 25 per cent surtax on US steel.", "25 per cent")
    assert r["kind"] == "tariff_rate"


@pytest.mark.parametrize("text, figure, period", [
    # ICCO cocoa and ICO coffee years start in October, US soybean years in September
    ("Ghana expects 650,000 tonnes of cocoa in the 2025/26 season.", "650,000 tonnes",
     ("2025-10-01", "2026-09-30")),
    ("Vietnam shipped 1.6 million tonnes of coffee in 2024-25.", "1.6 million tonnes",
     ("2024-10-01", "2025-09-30")),
    ("US soybean exports to China fell 40% in 2024/25.", "40%", ("2024-09-01", "2025-08-31")),
    # no crop: the Indian fiscal year the label usually names
    ("India's exports rose 5% in 2024-25.", "5%", ("2024-04-01", "2025-03-31")),
])
def test_a_split_year_beside_a_crop_is_its_marketing_year(text, figure, period):
    assert dates_of(one(text, figure)) == period


def test_a_split_year_is_never_a_calendar_year_countrys():
    # a Korean article's fiscal years are calendar years, which '2024-25' cannot name
    text = "SEOUL -- Korea's exports rose.\nTrade reached $131 billion in 2024-25."
    assert dates_of(one(text, "$131 billion")) == ("2024-04-01", "2025-03-31")
    # while 'FY25' there is Korea's own calendar year
    assert dates_of(one("SEOUL -- Korea's exports rose.\nExports rose 3% in FY25.", "3%")) == (
        "2025-01-01", "2025-12-31")


def test_a_fiscal_year_whose_start_the_text_gives():
    # told in February 2025, 'fiscal 2025, which starts in April' is April 2025 to March 2026
    # (named by the year it starts in, as Japan does); 'at most' is a bound, not 'the most in'
    text = "The tariff could cut its profit by ¥40 billion at most in fiscal 2025, which starts in April."
    assert dates_of(one(text, "¥40 billion", published=date(2025, 2, 14))) == ("2025-04-01", "2026-03-31")


def test_a_told_start_holds_for_the_articles_later_labels():
    # Myanmar's fiscal year as the text gives it (October), not the country table's
    text = ("Myanmar exported 1.2 million tonnes of rice in the first nine months of the 2025-26 "
            "fiscal year, which started on October 1.\n"
            "The federation targets exports of 2.5 million tonnes in the 2026-27 fiscal year.")
    pub = date(2026, 6, 24)
    assert dates_of(one(text, "1.2 million tonnes", pub)) == ("2025-10-01", "2026-06-30")
    assert dates_of(one(text, "2.5 million tonnes", pub)) == ("2026-10-01", "2027-09-30")


@pytest.mark.parametrize("text, figure, period", [
    # four-digit split years; a year that ended on 30 June started in July
    ("Bilateral trade reached EGP 450 billion in fiscal year 2024/2025, which ended on 30 June.",
     "EGP 450 billion", ("2024-07-01", "2025-06-30")),
    # the first months of a fiscal year count from its start (India: April)
    ("India's exports rose 4% in the first six months of FY26.", "4%", ("2025-04-01", "2025-09-30")),
])
def test_fiscal_year_forms(text, figure, period):
    assert dates_of(one(text, figure)) == period


def test_the_same_period_of_a_year_is_the_span_named_last_moved_there():
    text = ("Nigeria's cocoa exports earned N2.1 trillion in the third quarter of 2026, up 23.4 per "
            "cent from N1.7 trillion in the same quarter of 2025.")
    pub = date(2026, 11, 18)
    assert dates_of(one(text, "N2.1 trillion", pub)) == ("2026-07-01", "2026-09-30")
    assert dates_of(one(text, "N1.7 trillion", pub)) == ("2025-07-01", "2025-09-30")
    assert dates_of(one(text, "same quarter of 2025", pub)) == ("2025-07-01", "2025-09-30")


def test_a_comparison_with_the_same_period_dates_no_figure_after_it():
    # the base of 'compared with the same period of 2024' is not the period of '$1.93 billion'
    text = ("Exports to the United States declined by 9 per cent during the January-September period "
            "compared with the same period of 2024, reaching $1.93 billion.")
    assert dates_of(one(text, "$1.93 billion")) == ("2025-01-01", "2025-09-30")
    assert dates_of(one(text, "same period of 2024")) == ("2024-01-01", "2024-09-30")


def test_a_year_earlier_after_in_the_period_counts_from_that_period():
    text = ("Qatar's aluminium exports fell 38 percent in the June-October period.\n"
            "Shipments were worth QR412m in the period, compared with QR665m a year earlier.")
    pub = date(2025, 12, 10)
    assert dates_of(one(text, "QR412m", pub)) == ("2025-06-01", "2025-10-31")
    assert dates_of(one(text, "QR665m", pub)) == ("2024-06-01", "2024-10-31")


def test_over_the_same_nine_months_points_back():
    text = ("Jordan's exports rose 7.4 per cent in January-September.\n"
            "Exports to India rose 22 per cent over the same nine months.")
    assert dates_of(one(text, "22 per cent")) == ("2025-01-01", "2025-09-30")


@pytest.mark.parametrize("second, figure, period", [
    # a share of 'the total', alone in its sentence: the total came just before (dt.of-total)
    ("Chips accounted for about 20.8 percent of the total.", "20.8 percent", ("2024-01-01", "2024-12-31")),
    ("China remained the largest buyer, taking about 28pc of the total.", "28pc", ("2024-01-01", "2024-12-31")),
    # totals in general, or a total named in the same sentence, take no period from before
    ("Swiss goods make up under 2 per cent of total US imports.", "2 per cent", ("", "")),
    ("A tariff would cut tax receipts by €8 billion a year, or a third of the total.", "a third", ("", "")),
    ("About 40% of voters support the deal.", "40%", ("", "")),
])
def test_a_share_of_the_total_takes_the_totals_period(second, figure, period):
    text = "Korea's exports to the US reached $127.8 billion in 2024.\n" + second
    assert dates_of(one(text, figure)) == period


@pytest.mark.parametrize("text, mention, pub, day", [
    # 'until' ends a span still running: the nearest such day, whatever the verb's tense
    ("The pause took effect on Wednesday and runs until July 8.", "July 8", date(2025, 4, 11),
     ("2025-07-08", "2025-07-08")),
    ("Tariffs were suspended until Aug. 12.", "Aug. 12", date(2025, 4, 11), ("2025-08-12", "2025-08-12")),
    ("The quota ran until March.", "March", date(2025, 4, 11), ("2025-03-01", "2025-03-31")),
    # a start with no tense cue: the nearest ('from January' told in September is next January)
    ("Italian pasta makers face 107% US duties from January", "January", date(2025, 9, 5),
     ("2026-01-01", "2026-01-31")),
    # the end of a month is its last day, as 'by year-end' is 31 December
    ("Exporters must comply by the end of June.", "the end of June", date(2025, 5, 22),
     ("2025-06-30", "2025-06-30")),
    ("MITI expects the talks to conclude by end-July.", "end-July", date(2025, 5, 22),
     ("2025-07-31", "2025-07-31")),
])
def test_ends_and_starts_without_a_tense(text, mention, pub, day):
    assert dates_of(one(text, mention, pub)) == day


@pytest.mark.parametrize("text, mention, pub, period", [
    # 'a cut' is a noun, not a past verb: the review still to come is next January's
    ("Tinubu will travel to Washington next week to press for a cut before the January 1 review.",
     "January 1", date(2026, 11, 18), ("2027-01-01", "2027-01-01")),
    # two months in a row
    ("In January and February, shipments rose a further 11.6 percent year-on-year.", "11.6 percent",
     date(2026, 3, 19), ("2026-01-01", "2026-02-28")),
])
def test_more_tense_and_span_forms(text, mention, pub, period):
    assert dates_of(one(text, mention, pub)) == period


@pytest.mark.parametrize("text, mention, period", [
    # after a comma, 'since' is the main clause's again: the new rate's, not the old one's
    ("Chinese glove makers face a 100 per cent US tariff, up from 50 per cent, since January 1.",
     "100 per cent", ("2025-01-01", "")),
    ("Chinese glove makers face a 100 per cent US tariff, up from 50 per cent, since January 1.",
     "50 per cent", ("", "")),
    ("Jordan faces a 15 per cent tariff, up from 10 per cent, despite the agreement in force since 2001.",
     "10 per cent", ("", "")),
    # without a comma the old rate keeps the 'since' that tells how long it held
    ("Carmakers pay 10 per cent, down from the 27.5 per cent they have paid since April 3.",
     "27.5 per cent", ("2025-04-03", "")),
    # the day of a suspension or of an estimate dates no figure
    ("Buyers waited for clarity on the 24 per cent tariff that Washington suspended on April 9.",
     "24 per cent", ("", "")),
    ("Interest could add $6 billion to the bill, Penn Wharton Budget Model estimated last week.",
     "$6 billion", ("", "")),
])
def test_whose_date_it_is(text, mention, period):
    assert dates_of(one(text, mention)) == period


@pytest.mark.parametrize("text, mention, period", [
    # a rate already in place takes no start written for another rate
    ("Trump said a 100% tariff on Chinese goods would start on Nov. 1, on top of the 30% already in place.",
     "30%", ("", "")),
    ("Trump said a 100% tariff on Chinese goods would start on Nov. 1, on top of the 30% already in place.",
     "100%", ("2025-11-01", "2025-11-01")),
    ("The tariff rises to 25% from Friday, replacing the existing 10 per cent duty.", "10 per cent", ("", "")),
    # a start reads the tense of its own verb, not that of a clause after it
    ("The EU will cut its tariff on US lobsters to zero from Dec. 1 as part of the deal signed on Aug. 21.",
     "zero", ("2025-12-01", "2025-12-01")),
])
def test_rates_in_place_and_starts(text, mention, period):
    assert dates_of(one(text, mention)) == period


def test_separate_from_names_no_old_rate():
    # 'separate from the 35 per cent tariff' is no change from 35 per cent: the rate keeps its start
    text = ("The lumber dispute is separate from the 35 per cent tariff U.S. President Donald Trump "
            "has threatened to impose on Canadian goods from Aug. 1.")
    assert dates_of(one(text, "35 per cent", date(2025, 7, 9))) == ("2025-08-01", "2025-08-01")


def test_the_end_of_a_pause_dates_the_rate_that_follows():
    # the pause's end is a tariff change, so it dates the rate that applies after it
    text = ("Exporters fear the reciprocal rate could rise to 26% after the pause expires on July 9 "
            "unless a bilateral trade agreement is signed.")
    pub = date(2025, 6, 18)
    assert one(text, "July 9", pub)["measure"] == "event_tariff_change"
    assert dates_of(one(text, "26%", pub)) == ("2025-07-09", "2025-07-09")
