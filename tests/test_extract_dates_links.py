"""Which date a figure takes when several stand near it, and how tense reads a weekday or deadline.

- An amount of goods and its value are one statement: 'X tonnes of shrimp worth Rs Y crore in
  2024-25' dates both figures, while a figure merely further on keeps a date for itself.
- 'the April-October period of FY27': the fiscal year frames the months; the figure's period is
  the narrower span.
- 'last Tuesday' in a Tuesday paper is a week back; a weekday right after a past verb ('confirmed on
  Wednesday') is past even when the sentence opens in the future.
- A deadline told with a present-tense duration verb ('runs to December 31', 'expires on') is ahead.

Every expected value is worked out by hand from the sentence and the article date given.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import dates_of, one


def test_goods_and_their_value_share_the_period_after_both():
    text = ("India exported 7.16 lakh tonnes of frozen shrimp worth Rs 40,013 crore (US$ 4.88 bn) "
            "in 2024-25, of which the US accounted for 2.97 lakh tonnes.")
    pub = date(2025, 9, 15)  # India's fiscal 2024-25: 1 April 2024 to 31 March 2025
    for figure in ("7.16 lakh tonnes", "Rs 40,013 crore", "US$ 4.88 bn"):
        assert dates_of(one(text, figure, pub)) == ("2024-04-01", "2025-03-31"), figure


def test_a_figure_in_another_statement_keeps_no_date_of_a_later_one():
    # 'to buy $750 billion of US energy over three years and to invest $600 billion ... by 2028':
    # the deadline is the investment's; no 'worth' links the two amounts
    text = ("In exchange, the EU has agreed to buy $750 billion of US energy over three years and "
            "to invest $600 billion in the US by 2028.")
    assert dates_of(one(text, "$750 billion", date(2025, 7, 28))) == ("", "")


@pytest.mark.parametrize("text, pub, figure, period", [
    ("In the April-October period of FY27, exports to the US fell 11 percent as the higher duties bit.",
     date(2026, 11, 18), "11 percent", ("2026-04-01", "2026-10-31")),
    ("Shipments of steel rose 6% in January of this year, customs data showed.",
     date(2026, 5, 4), "6%", ("2026-01-01", "2026-01-31")),
])
def test_a_span_of_a_larger_period_dates_the_figure(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


@pytest.mark.parametrize("text, pub, mention, period", [
    # 2026-02-10 is a Tuesday: 'last Tuesday' is 3 February
    ("Trump last Tuesday signed a one-year extension of the programme.", date(2026, 2, 10),
     "last Tuesday", ("2026-02-03", "2026-02-03")),
    # 2025-11-20 is a Thursday; 'confirmed on Wednesday' is the day before, though the sentence
    # opens with 'will raise'
    ("The United States will raise the quota for Argentine beef to 80,000 tonnes a year, US "
     "officials confirmed on Wednesday.", date(2025, 11, 20), "Wednesday", ("2025-11-19", "2025-11-19")),
    # an extension that 'runs to December 31', told in February, ends this coming December
    ("The extension, which runs to December 31, restores duty-free access for 1,800 products.",
     date(2026, 2, 10), "December 31", ("2026-12-31", "2026-12-31")),
    # 'due by June' is a deadline ahead: told in March 2026, June 2026
    ("Sector braces for Section 232 review due by June", date(2026, 3, 18), "June",
     ("2026-06-01", "2026-06-30")),
    ("The exemption expires on March 31 unless Congress renews it.", date(2026, 6, 15),
     "March 31", ("2027-03-31", "2027-03-31")),
])
def test_tense_of_weekdays_and_deadlines(text, pub, mention, period):
    assert dates_of(one(text, mention, pub)) == period


@pytest.mark.parametrize("text, pub, figure, period", [
    # 'of them' / 'of it' points back to the amount just told, so the share takes its period
    ("The country's surgical exports rose 9.4 percent to $462 million in July-May of FY25. "
     "The United States bought 42 percent of them.", date(2025, 6, 17), "42 percent",
     ("2024-07-01", "2025-05-31")),  # Pakistan's fiscal 2025 began in July 2024
    ("Australia exported $5.1bn of lithium in 2025-26, down 48pc from $9.8bn the previous year. "
     "China took about 90pc of it.", date(2026, 11, 4), "90pc", ("2025-07-01", "2026-06-30")),
    ("Sri Lanka's overall exports to the US were US$ 3 billion last year. Apparel makes up nearly "
     "70% of them.", date(2025, 7, 20), "70%", ("2024-01-01", "2024-12-31")),
    # with no pointer back, a share in a later sentence takes no date
    ("Sri Lanka's overall exports to the US were US$ 3 billion last year. Apparel makes up nearly "
     "70% of garment shipments.", date(2025, 7, 20), "70%", ("", "")),
])
def test_a_share_of_them_takes_the_period_of_the_amount_before(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


def test_the_previous_year_after_a_fiscal_year_is_the_fiscal_year_before():
    # Australia's 2025-26 runs July to June, so the year before it is July 2024 to June 2025
    text = "Australia exported $5.1bn of lithium in 2025-26, down 48pc from $9.8bn the previous year."
    assert dates_of(one(text, "$9.8bn", date(2026, 11, 4))) == ("2024-07-01", "2025-06-30")
    # and after a calendar year, the calendar year before it (not the year before the article's)
    text = "In 2023, exports of steel reached $4bn, up from $3.2bn the previous year."
    assert dates_of(one(text, "$3.2bn", date(2026, 11, 4))) == ("2022-01-01", "2022-12-31")


@pytest.mark.parametrize("text, pub, figure, period", [
    # the date written after the level a change reaches is the change's too
    ("The minister said containers would ship next month and the country aims to double exports "
     "to China to Sh8 billion by 2027.", date(2025, 11, 18), "double", ("2027-01-01", "2027-12-31")),
    ("Exports fell 38 percent in the June-October period, after Washington doubled its tariff on "
     "the metal to 50 percent from June 4.", date(2025, 11, 30), "doubled", ("2025-06-04", "2025-06-04")),
    # but not for the old value of a rise ('from 10% to 15% since November')
    ("The 10-point rise from 10% to 15% since November has hurt us, exporters said.",
     date(2026, 2, 1), "10%", ("", "")),
])
def test_a_change_takes_the_date_of_the_level_it_reaches(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


@pytest.mark.parametrize("text, pub, figure, period", [
    # a rate told in force 'since' a day written after it started that day
    ("China's extra tariffs of 10% on American sorghum and 15% on chicken, announced on March 4, "
     "have applied since March 10.", date(2025, 3, 19), "10%", ("2025-03-10", "")),
    # a 'since' before the rate, in another clause, is not its start
    ("India has reduced its Russian oil imports since September 2025, signalling that the US should "
     "take off the 25 per cent punitive tariffs.", date(2026, 1, 29), "25 per cent", ("", "")),
    # the base of a comparison after 'on' dates no figure: the figure keeps its own period
    ("Exports reached $214 million in the first half of 2025, up 6.3 per cent on the same period "
     "last year.", date(2025, 8, 12), "6.3 per cent", ("2025-01-01", "2025-06-30")),
    # a figure after 'despite' is another fact: the period of the first clause is not its
    ("Irish infant formula exports to the US rose 14% last year despite the EU-US deal's 15% tariff.",
     date(2026, 1, 21), "15%", ("", "")),
    # 'compared with 16% in 2023': 2023 is the old value's
    ("The US now takes about 22% of the sector's exports, compared with 16% in 2023.",
     date(2026, 1, 21), "22%", ("", "")),
    # 'for 2026' is a year
    ("Trek estimates its tariff bill at $90 million for 2026.", date(2026, 5, 20), "$90 million",
     ("2026-01-01", "2026-12-31")),
    # the day data were released dates no figure of them
    ("Shipments rose 17pc to $1.4bn, the Resources and Energy Quarterly released on Monday showed.",
     date(2026, 11, 4), "$1.4bn", ("", "")),
])
def test_whose_date_it_is(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


@pytest.mark.parametrize("text, pub, mention, period", [
    # a span of months with a year on each end
    ("Egypt exported 2.1 million tonnes of oranges in the season that ran from October 2024 to "
     "September 2025, the council said.", date(2025, 10, 15), "October 2024 to September 2025",
     ("2024-10-01", "2025-09-30")),
    ("Egypt exported 2.1 million tonnes of oranges in the season that ran from October 2024 to "
     "September 2025, the council said.", date(2025, 10, 15), "2.1 million tonnes",
     ("2024-10-01", "2025-09-30")),
    # a quarter named by the month it ends in: told in November 2026, the last one ended
    ("In the September quarter, exports rose 17pc to $1.4bn.", date(2026, 11, 4), "17pc",
     ("2026-07-01", "2026-09-30")),
    ("Sales fell in the December quarter, the bureau said.", date(2026, 11, 4), "December quarter",
     ("2025-10-01", "2025-12-31")),
    ("Exports will rise in the March quarter of 2027.", date(2026, 11, 4), "March quarter of 2027",
     ("2027-01-01", "2027-03-31")),
])
def test_spans_of_months_and_month_named_quarters(text, pub, mention, period):
    assert dates_of(one(text, mention, pub)) == period


def test_a_share_of_total_exports_takes_the_period_before():
    text = ("Cocoa exports rose to N1.2 trillion in the third quarter of 2026. The Netherlands remained "
            "the top buyer, taking 31.2 per cent of total exports.")
    assert dates_of(one(text, "31.2 per cent", date(2026, 11, 18))) == ("2026-07-01", "2026-09-30")


def test_the_day_a_report_was_issued_dates_none_of_its_figures():
    text = "The report, issued on Tuesday, showed that apparel accounted for nearly 73 per cent of exports."
    assert dates_of(one(text, "73 per cent", date(2025, 11, 27))) == ("", "")


def test_a_day_then_when_a_tariff_returns_is_the_tariffs_day():
    text = ("Exporters have asked the government to secure a deal with Washington before July 9, when "
            "the 29 percent reciprocal tariff on Pakistani goods is due to return.")
    pub = date(2025, 6, 17)
    assert one(text, "July 9", pub)["measure"] == "event_tariff_change"
    assert dates_of(one(text, "29 percent", pub)) == ("2025-07-09", "2025-07-09")


@pytest.mark.parametrize("text, pub, figure, period", [
    # a rank within a named year: 'the largest ... in 2025' ranks in 2025, it is no base
    ("The US was Malta's fourth-largest export market in 2025.", date(2026, 3, 18),
     "fourth-largest", ("2025-01-01", "2025-12-31")),
    ("America was the largest market for Scotch in 2024, taking £971m, or 18 per cent of the total.",
     date(2025, 12, 10), "£971m", ("2024-01-01", "2024-12-31")),
    # 'that year' and 'that month' point back to the last year or month named
    ("Bilateral trade totalled $2.9 billion in 2024, and the US ranked as Oman's sixth-largest "
     "trading partner that year.", date(2025, 8, 12), "sixth-largest", ("2024-01-01", "2024-12-31")),
    ("Washington raised the duty to 25% in April 2025, and that month exports fell 5%.",
     date(2025, 8, 12), "5%", ("2025-04-01", "2025-04-30")),
    # the tense of a year-less month is its own clause's: 'got ... in May', not the 'will' after ';'
    ('"We got the 10 per cent deal in May; we will get zero for whisky," he said.',
     date(2025, 12, 10), "May", ("2025-05-01", "2025-05-31")),
])
def test_named_years_pointers_and_clause_tense(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


def test_a_superlative_since_a_year_stays_a_base():
    text = "Exports hit $4 billion, the highest since 2019."
    assert dates_of(one(text, "$4 billion", date(2025, 12, 10))) == ("", "")


@pytest.mark.parametrize("sentence, period", [
    # a Tokyo story: the US named as the rice's origin does not make 'fiscal 2025' the US year
    ("U.S. rice made up about 345,000 tons, or 45 percent, of the total in fiscal 2025.",
     ("2025-04-01", "2026-03-31")),  # Japan's fiscal 2025: April 2025 to March 2026
    # written as the US government's year, it is (October 2024 to September 2025)
    ("The U.S. fiscal 2025 deficit reached $1.8 trillion.", ("2024-10-01", "2025-09-30")),
])
def test_a_home_fiscal_year_is_not_taken_over_by_the_us_named_as_a_partner(sentence, period):
    text = ("TOKYO -- Japan will buy more rice from the United States, the agriculture ministry said.\n\n"
            + sentence)
    figure = "345,000 tons" if "rice" in sentence else "$1.8 trillion"
    assert dates_of(one(text, figure, date(2026, 11, 18))) == period


def test_since_a_day_without_a_year_is_the_one_past_even_when_the_next_is_nearer():
    # a December paper: 'since Jan. 1' is 1 January of the same year, not the coming one
    text = "Steel has faced the 50% duty since Jan. 1."
    assert dates_of(one(text, "50%", date(2025, 12, 10))) == ("2025-01-01", "")


def test_an_old_rate_told_in_place_since_a_day_takes_that_start():
    text = "The duty was raised from 25 percent, in place since March 12."
    assert dates_of(one(text, "25 percent", date(2025, 12, 10))) == ("2025-03-12", "")


@pytest.mark.parametrize("text, pub, figure, period", [
    # a share of a total told in a relative clause shares the total's period
    ("Tiruppur accounts for nearly 55% of India's knitwear exports, which stood at ₹44,747 crore "
     "in 2024-25.", date(2025, 9, 2), "55%", ("2024-04-01", "2025-03-31")),
    ("Pharmaceuticals account for about 60% of Swiss exports to the US, which were worth 63bn "
     "francs (£59bn) last year.", date(2025, 9, 26), "60%", ("2024-01-01", "2024-12-31")),
    # a share 'of them' right after a relative aside goes on with it
    ("The US is the largest market for Israel's med-tech sector, which exported devices worth some "
     "$2.9 billion in 2025, about 45% of them to American customers.", date(2026, 4, 21), "45%",
     ("2025-01-01", "2025-12-31")),
])
def test_a_share_takes_the_period_of_the_total_it_is_of(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


def test_from_the_same_date_points_to_the_last_start_not_the_day_of_the_post():
    text = ("Trump said pharmaceutical imports will face a 100% tariff from October 1. In a post late "
            "on Thursday, Trump also announced 25% tariffs on heavy trucks, all from the same date.")
    assert dates_of(one(text, "25%", date(2025, 9, 26))) == ("2025-10-01", "2025-10-01")


@pytest.mark.parametrize("text, figure, period", [
    # the new level written first: the day after the old value is the change's
    ("Trump raised tariffs on Chinese goods to 145% from 125% on Thursday.", "145%",
     ("2025-05-29", "2025-05-29")),  # the paper is a Thursday: the day itself
    ("Trump raised tariffs on Chinese goods to 145% from 125% on Thursday.", "125%", ("", "")),
    ("China cut its import duty on avocados to zero from 7 percent on January 1.", "zero",
     ("2025-01-01", "2025-01-01")),
    # the old value first: a year right after it is its own
    ("The duty rose from 19 percent in 2018 to 25 percent.", "19 percent", ("2018-01-01", "2018-12-31")),
])
def test_a_day_after_new_then_old_rate_dates_the_new_rate(text, figure, period):
    assert dates_of(one(text, figure, date(2025, 5, 29))) == period


@pytest.mark.parametrize("text, pub, figure, period", [
    # a marketing year told with its last day, month first (US order), no 'on'
    ("Shipments to China were worth about $460 million in the 2023-24 marketing year, which ended "
     "July 31, according to the Almond Board of California.", date(2025, 3, 6), "$460 million",
     ("2023-08-01", "2024-07-31")),
    # a year that ends early in a month starts again in that month (month precision: July)
    ("Leather exports earned 88.4 million USD in the 2024/25 fiscal year, which ended on July 7.",
     date(2025, 12, 9), "88.4 million USD", ("2024-07-01", "2025-06-30")),
    # 'the previous fiscal year' after a fiscal year is the one before it
    ("Leather exports earned 88.4 million USD in the 2024/25 fiscal year, which ended on June 30, "
     "down 11 percent from the previous fiscal year.", date(2025, 12, 9), "previous fiscal year",
     ("2023-07-01", "2024-06-30")),
])
def test_fiscal_years_told_by_their_end_and_the_one_before(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


def test_a_destination_named_in_the_sentence_does_not_own_the_home_fiscal_year():
    # a Lahore story: Pakistan's fiscal year runs July-June; Germany (calendar year) is the market
    text = ("LAHORE: Pakistan's surgical instruments exports rose 7.4pc to $512 million in FY25.\n\n"
            "Meanwhile, shipments to Germany, the second-largest market, grew 14pc in FY25 to $71 million.")
    assert dates_of(one(text, "$71 million", date(2025, 10, 2))) == ("2024-07-01", "2025-06-30")


@pytest.mark.parametrize("text, pub, figure, period", [
    # a wish, an expectation or a projection points ahead; 'this year' of a forecast is all of it
    ("Industry group Dairy Industry Ireland wants dairy moved to a zero rate before the end of June.",
     date(2026, 1, 21), "the end of June", ("2026-06-30", "2026-06-30")),
    ("Tau said South Africa had tabled a revised offer, and that a decision was expected in September.",
     date(2026, 8, 4), "September", ("2026-09-01", "2026-09-30")),
    ("The AFA projects exports to rise to 150,000 tonnes this year.", date(2025, 5, 29),
     "150,000 tonnes", ("2025-01-01", "2025-12-31")),
    ("The incentive scheme, which ends in March, has paid out ₹10,900 crore.", date(2026, 1, 27),
     "March", ("2026-03-01", "2026-03-31")),
])
def test_wishes_expectations_and_projections_point_ahead(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


@pytest.mark.parametrize("text, period", [
    # 'N years ago' and 'N months ago' are as precise as the text: a calendar year, a month
    ("Exports were $2 billion two years ago.", ("2023-01-01", "2023-12-31")),
    ("Exports were $2 billion three months ago.", ("2025-02-01", "2025-02-28")),
    ("Exports were $2 billion 10 days ago.", ("2025-05-19", "2025-05-19")),
])
def test_ago_keeps_the_precision_of_its_unit(text, period):
    assert dates_of(one(text, "$2 billion", date(2025, 5, 29))) == period


@pytest.mark.parametrize("text, figure, period", [
    # 'since it started in 2021': open from the start of 2021
    ("The scheme has paid out ₹10,900 crore in incentives since it started in 2021, the ministry said.",
     "₹10,900 crore", ("2021-01-01", "")),
    ("Exports have fallen 20% since the tariff took effect in April.", "20%", ("2025-04-01", "")),
])
def test_since_a_start_told_with_its_verb_is_open_ended(text, figure, period):
    assert dates_of(one(text, figure, date(2026, 1, 27))) == period


@pytest.mark.parametrize("text, pub, figure, value, period", [
    # a bare figure that 'the number of' something reaches is a count; the period after the old
    # value of 'up from' is the old value's alone
    ("It also expects the number of exporting firms to reach 12,000, up from 10,800 last year.",
     date(2025, 6, 5), "12,000", 12000, ("", "")),
    ("It also expects the number of exporting firms to reach 12,000, up from 10,800 last year.",
     date(2025, 6, 5), "10,800", 10800, ("2024-01-01", "2024-12-31")),
    ("We have more than 80 registered exporters now, up from 12 two years ago.",
     date(2025, 6, 5), "12", 12, ("2023-01-01", "2023-12-31")),
    ("We have more than 80 registered exporters now, up from 12 two years ago.",
     date(2025, 6, 5), "80 registered exporters", 80, ("", "")),
    ("The number of vessels calling at the port fell to 1,200 in 2025 from 1,450 a year earlier.",
     date(2026, 2, 1), "1,200", 1200, ("2025-01-01", "2025-12-31")),
    ("The number of vessels calling at the port fell to 1,200 in 2025 from 1,450 a year earlier.",
     date(2026, 2, 1), "1,450", 1450, ("2024-01-01", "2024-12-31")),
])
def test_counts_told_by_the_number_of_and_their_old_values(text, pub, figure, value, period):
    r = one(text, figure, pub)
    assert (r["kind"], r["unit"], r["value"]) == ("quantity", "count", value)
    assert dates_of(r) == period


@pytest.mark.parametrize("text, figure, unit", [
    ("The number of shipments rose to 45,000 tonnes.", "45,000 tonnes", "tonne"),
    ("The number of firms rose by 12 percent.", "12 percent", "percent"),
])
def test_the_number_of_leaves_a_figure_with_its_own_unit_alone(text, figure, unit):
    assert one(text, figure, date(2025, 6, 5))["unit"] == unit


@pytest.mark.parametrize("text, figure, period", [
    # a period after the old value of a change still to come dates the change (the new level)
    ("Japan will cut its tariff on US beef to 10% from 25% next year.", "10%", ("2026-01-01", "2026-12-31")),
    ("Japan will cut its tariff on US beef to 10% from 25% next year.", "25%", ("", "")),
    # a past period after the old value is the old value's own
    ("Tariffs rose to 25% in 2025 from 19% in 2018.", "19%", ("2018-01-01", "2018-12-31")),
    ("Tariffs rose to 25% in 2025 from 19% in 2018.", "25%", ("2025-01-01", "2025-12-31")),
])
def test_a_period_after_the_old_value_of_a_coming_change_is_the_changes(text, figure, period):
    assert dates_of(one(text, figure, date(2025, 6, 5))) == period


@pytest.mark.parametrize("text, pub, figure, period", [
    # the tariff is why the exports fell; it is no figure of January
    ("Garment exports to the US fell 9% in January as the 20% tariff bit.", date(2026, 2, 10),
     "20%", ("", "")),
    ("Exports to the United States fell 41 percent in the second quarter, after Washington kept "
     "a 15 percent tariff on Zambian goods.", date(2026, 9, 30), "15 percent", ("", "")),
    ("Avocado exports to China jumped 63 per cent in the nine months to September, amid "
     "Beijing's zero-duty offer to African countries.", date(2025, 11, 18), "zero-duty", ("", "")),
    # the fall itself keeps its period: January 2026
    ("Garment exports to the US fell 9% in January as the 20% tariff bit.", date(2026, 2, 10),
     "9%", ("2026-01-01", "2026-01-31")),
    # another figure in the as-clause shares the period: May 2026
    ("Exports rose 5% in May as shipments to China fell 12%.", date(2026, 6, 20), "12%",
     ("2026-05-01", "2026-05-31")),
    # 'as much as' opens no clause: the 25% rate was imposed in March 2025
    ("Ottawa imposed in March tariffs of as much as 25% on US steel.", date(2025, 4, 20), "25%",
     ("2025-03-01", "2025-03-31")),
])
def test_a_tariff_told_as_the_cause_takes_no_period_of_the_change(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


@pytest.mark.parametrize("text, pub, figure, period", [
    # the since-date follows the 10 percent tariff's own noun: it is that rate's alone
    ("Shipments above the quota face 26.4 percent, plus the 10 percent baseline tariff in force "
     "since April 5.", date(2025, 11, 20), "26.4 percent", ("", "")),
    ("Shipments above the quota face 26.4 percent, plus the 10 percent baseline tariff in force "
     "since April 5.", date(2025, 11, 20), "10 percent", ("2025-04-05", "")),
    ("Exporters want a relief package of about ₹1,000 crore to tide over the impact of the 50 per "
     "cent US tariff that came into force on August 27.", date(2025, 9, 15), "₹1,000 crore", ("", "")),
    ("Exporters want a relief package of about ₹1,000 crore to tide over the impact of the 50 per "
     "cent US tariff that came into force on August 27.", date(2025, 9, 15), "50 per cent",
     ("2025-08-27", "2025-08-27")),
    # a figure after it, in another clause, does not take it either
    ("Egyptian goods have faced a 10 percent US tariff since April, the lowest rate Washington "
     "applies, while Bangladesh faces 20 percent.", date(2025, 10, 16), "20 percent", ("", "")),
    # conjuncts with no verb between share the start written after the last (12 March 2025)
    ("Canada put a 25% tariff on steel and a 10% tariff on aluminium from March 12.",
     date(2025, 3, 1), "25%", ("2025-03-12", "2025-03-12")),
    # so does a part of the rate ('including'): 27 August 2025
    ("The US imposed a 50% tariff on Indian goods from August 27 last year, including a 25% "
     "penalty over Russian oil purchases.", date(2026, 1, 28), "25%", ("2025-08-27", "2025-08-27")),
])
def test_a_date_after_a_rates_own_noun_is_that_rates_alone(text, pub, figure, period):
    assert dates_of(one(text, figure, pub)) == period


def test_imported_before_a_noun_tells_no_past():
    # 'would impose ... on imported tools from Apr 1', told on 12 February 2026: the coming 1 April
    text = "Washington said it would impose a 25 per cent tariff on imported tools from Apr 1."
    assert dates_of(one(text, "Apr 1", date(2026, 2, 12))) == ("2026-04-01", "2026-04-01")
    assert dates_of(one(text, "25 per cent", date(2026, 2, 12))) == ("2026-04-01", "2026-04-01")


@pytest.mark.parametrize("text, pub, mention", [
    # a state that began on a past day and holds now, whatever verb comes after
    ("The 10 percent baseline tariff in effect since Saturday would still hurt exporters.",
     date(2025, 4, 10), "Saturday"),
    ("The tariff would end an exemption that has shielded the sector since April 2025.",
     date(2026, 2, 12), "April 2025"),
])
def test_a_since_date_is_in_force(text, pub, mention):
    assert one(text, mention, pub)["status"] == "in_force"


@pytest.mark.parametrize("text, pub, mention, period", [
    # the participle's date is past though a modal follows it: 7 August 2025, not 2026
    ("Manufacturers warn that the 19pc tariff imposed by the United States on August 7 could wipe "
     "out the gains.", date(2025, 10, 2), "August 7", ("2025-08-07", "2025-08-07")),
    # 2025-08-08 is a Friday; 'announced ... on Wednesday will apply' is the Wednesday before
    ("Chipmakers are scrambling to understand how a 100% tariff announced by U.S. President Donald "
     "Trump on Wednesday will apply.", date(2025, 8, 8), "Wednesday", ("2025-08-06", "2025-08-06")),
])
def test_a_verb_right_before_its_date_gives_the_tense(text, pub, mention, period):
    assert dates_of(one(text, mention, pub)) == period


def test_of_that_year_takes_the_year_named_last():
    # told in April 2026: 'April 5 of that year' is 5 April 2025, the year of 'August 7, 2025'
    text = ("The 17% rate has applied to most Israeli exports since August 7, 2025, replacing the "
            "10% baseline duty that had been in force since April 5 of that year.")
    assert dates_of(one(text, "April 5", date(2026, 4, 21))) == ("2025-04-05", "")
    assert dates_of(one(text, "10%", date(2026, 4, 21))) == ("2025-04-05", "")


def test_a_year_earlier_does_not_count_from_the_base_of_a_superlative():
    # 'a year earlier' than October 2026 (the figure's month) is October 2025; November 2023 is
    # only the base of 'the lowest since'
    text = ("India's imports of Russian crude fell to about 9.8 lakh barrels per day in October, the "
            "lowest since November 2023, down 38 per cent from 15.8 lakh bpd a year earlier.")
    assert dates_of(one(text, "a year earlier", date(2026, 11, 12))) == ("2025-10-01", "2025-10-31")
    assert dates_of(one(text, "15.8 lakh bpd", date(2026, 11, 12))) == ("2025-10-01", "2025-10-31")
