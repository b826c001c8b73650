"""One fast test per form the extractor must read. Expected values worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from extract.api import extract_text

PUB = date(2026, 1, 29)  # a Thursday


def claims(text: str, published: date | None = PUB) -> list[dict]:
    return extract_text(text, source_id="t", published=published)


def one(text: str, mention: str, published: date | None = PUB) -> dict:
    rows = [r for r in claims(text, published) if r["mention"] == mention]
    assert len(rows) == 1, [(r["mention"], r["value"]) for r in claims(text, published)]
    return rows[0]


@pytest.mark.parametrize(
    "text, mention",
    [
        ("A 25% tariff applies.", "25%"),
        ("A 25 % tariff applies.", "25 %"),
        ("A 25 per cent tariff applies.", "25 per cent"),
        ("A 25-per cent tariff applies.", "25-per cent"),
        ("A 25 percent tariff applies.", "25 percent"),
        ("A 25-percent tariff applies.", "25-percent"),
        ("A 25 pc tariff applies.", "25 pc"),
        ("A 25pc tariff applies.", "25pc"),
        ("A twenty-five per cent tariff applies.", "twenty-five per cent"),
        ("A 25\u00a0per cent tariff applies.", "25\u00a0per cent"),
    ],
)
def test_percent_spellings(text, mention):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"], r["qualifier"]) == (
        "tariff_rate",
        25.0,
        "percent",
        "exact",
    )


@pytest.mark.parametrize(
    "text, mention, lo, hi",
    [
        ("Duties of 10-20% apply.", "10-20%", 10, 20),
        ("Duties of 10\u201320 per cent apply.", "10\u201320 per cent", 10, 20),
        ("Duties between 10% and 20% apply.", "10% and 20%", 10, 20),
        ("Duties of 10% to 20% apply.", "10% to 20%", 10, 20),
    ],
)
def test_percent_ranges_give_two_bounds(text, mention, lo, hi):
    rows = [r for r in claims(text) if r["mention"] == mention]
    assert [(r["value"], r["qualifier"]) for r in rows] == [
        (lo, "lower_bound"),
        (hi, "upper_bound"),
    ]
    assert rows[1]["claim_id"] == rows[0]["claim_id"] + "-2"


def test_from_to_is_two_exact_rates_not_a_range():
    rows = claims("Tariffs were raised from 10% to 20%.")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(10, "exact"), (20, "exact")]


@pytest.mark.parametrize(
    "text, mention, value, unit",
    [
        ("Trade is USD 2 billion.", "USD 2 billion", 2e9, "USD"),
        ("Trade is US$ 2 bn.", "US$ 2 bn", 2e9, "USD"),
        ("Trade is $2bn.", "$2bn", 2e9, "USD"),
        ("Trade is $3.5 billion.", "$3.5 billion", 3.5e9, "USD"),
        ("Trade is $412.6 million.", "$412.6 million", 412.6e6, "USD"),
        ("Trade is Rs 5,000 crore.", "Rs 5,000 crore", 5e10, "INR"),
        ("Trade is Rs 45,000 crore.", "Rs 45,000 crore", 4.5e11, "INR"),
        ("Trade is Rs 2 lakh crore.", "Rs 2 lakh crore", 2e12, "INR"),
        ("Trade is \u20b91.2 lakh crore.", "\u20b91.2 lakh crore", 1.2e12, "INR"),
        ("The duty paid was Rs 12,34,567.", "Rs 12,34,567", 1234567, "INR"),
        ("Trade is \u20ac5bn.", "\u20ac5bn", 5e9, "EUR"),
        ("Trade is \u00a32 billion.", "\u00a32 billion", 2e9, "GBP"),
        ("Trade is 300 billion yuan.", "300 billion yuan", 3e11, "CNY"),
        ("Trade is \u00a51 trillion.", "\u00a51 trillion", 1e12, "JPY"),
    ],
)
def test_money(text, mention, value, unit):
    r = one(text, mention)
    assert r["kind"] == "trade_value"
    assert r["value"] == pytest.approx(value) and r["unit"] == unit


@pytest.mark.parametrize(
    "text, mention, lo, hi, unit",
    [
        ("Losses of $10-12 billion.", "$10-12 billion", 10e9, 12e9, "USD"),
        (
            "Losses of Rs 1,000 crore-Rs 2,000 crore.",
            "Rs 1,000 crore-Rs 2,000 crore",
            1e10,
            2e10,
            "INR",
        ),
        (
            "Losses between Rs 500 crore and Rs 700 crore.",
            "Rs 500 crore and Rs 700 crore",
            5e9,
            7e9,
            "INR",
        ),
    ],
)
def test_money_ranges(text, mention, lo, hi, unit):
    rows = [r for r in claims(text) if r["mention"] == mention]
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (pytest.approx(lo), unit, "lower_bound"),
        (pytest.approx(hi), unit, "upper_bound"),
    ]


def test_bare_dollar_in_a_canadian_article_is_cad():
    r = one("OTTAWA - Ottawa will spend $2 billion on steel.", "$2 billion")
    assert r["unit"] == "CAD"


@pytest.mark.parametrize(
    "word, qualifier",
    [
        ("under", "upper_bound"),
        ("below", "upper_bound"),
        ("less than", "upper_bound"),
        ("up to", "upper_bound"),
        ("as much as", "upper_bound"),
        ("as high as", "upper_bound"),
        ("over", "lower_bound"),
        ("more than", "lower_bound"),
        ("above", "lower_bound"),
        ("at least", "lower_bound"),
        ("exceeding", "lower_bound"),
        ("about", "approx"),
        ("around", "approx"),
        ("nearly", "approx"),
        ("almost", "approx"),
        ("roughly", "approx"),
        ("some", "approx"),
        ("approximately", "approx"),
        ("", "exact"),
    ],
)
def test_qualifiers(word, qualifier):
    text = f"Bilateral trade is {word} USD 2 billion.".replace("  ", " ")
    assert one(text, "USD 2 billion")["qualifier"] == qualifier


def test_negated_top_rank_is_a_lower_bound():
    r = one("Iran does not rank among India's top 50 global trading partners.", "top 50")
    assert (r["kind"], r["measure"], r["value"], r["unit"], r["qualifier"]) == (
        "quantity",
        "rank",
        50,
        "rank",
        "lower_bound",
    )


def test_one_of_the_top_three_is_an_upper_bound():
    r = one("The US is one of the top three export markets for Indian shrimp.", "top three")
    assert (r["value"], r["unit"], r["qualifier"]) == (3, "rank", "upper_bound")


@pytest.mark.parametrize(
    "text, mention, value, unit",
    [
        ("Tariffs were paused for 90 days.", "90 days", 90, "day"),
        ("A four-month pause was agreed.", "four-month", 4, "month"),
        ("The waiver lasts for a year.", "a year", 1, "year"),
        ("The 90-day truce holds.", "90-day", 90, "day"),
    ],
)
def test_durations(text, mention, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["measure"], r["value"], r["unit"]) == ("quantity", "duration", value, unit)


def test_counts_and_masses():
    assert one("Tariffs hit 14 countries.", "14 countries")["value"] == 14
    r = one("India shipped 10 lakh tonnes of rice.", "10 lakh tonnes")
    assert (r["measure"], r["value"], r["unit"]) == ("mass", 1e6, "tonne")


def test_zero_rates_in_words():
    r = one("Mexico signed a zero-tariff deal.", "zero-tariff")
    assert (r["kind"], r["value"], r["unit"], r["measure"]) == (
        "tariff_rate",
        0,
        "percent",
        "tariff_deal",
    )
    r = one("There will be no tariffs on UK drugs.", "no tariffs")
    assert (r["value"], r["target"]) == (0, "GBR")


def test_parenthesised_list_gives_one_claim_per_country():
    text = "Rates: Vietnam (20 per cent), Indonesia (19 per cent), Malaysia, Thailand and Cambodia (19 per cent)."
    rows = claims(text)
    assert [(r["value"], r["target"]) for r in rows] == [
        (20, "VNM"),
        (19, "IDN"),
        (19, "MYS"),
        (19, "THA"),
        (19, "KHM"),
    ]
    assert len({r["claim_id"] for r in rows}) == 5


def test_respectively_pairs_figures_with_parties_in_order():
    rows = claims("Japan and South Korea face tariffs at 12 and 15 per cent respectively.")
    assert [(r["value"], r["target"]) for r in rows] == [(12, "JPN"), (15, "KOR")]


def test_label_value_lines_are_tariff_rates():
    rows = claims("New US tariff rates:\nFootwear: 40%\nApparel: 35%")
    assert [(r["kind"], r["value"]) for r in rows] == [("tariff_rate", 40), ("tariff_rate", 35)]


@pytest.mark.parametrize(
    "text, mention, kind, measure",
    [
        ("Exports fell 12% last month.", "12%", "change", "exports_decrease"),
        ("Imports rose 8 per cent.", "8 per cent", "change", "imports_increase"),
        ("The US takes 18% of India's exports.", "18%", "change", "share"),
        ("A third of exports go to the US.", "A third", "change", "share"),
        ("A 50% tariff hit exports.", "50%", "tariff_rate", None),
        ("Tariffs could rise to 60%.", "60%", "tariff_rate", None),
        ("His approval rating is 42%.", "42%", "quantity", "quantity"),
    ],
)
def test_kinds_of_percentages(text, mention, kind, measure):
    r = one(text, mention)
    assert r["kind"] == kind
    if measure:
        assert r["measure"] == measure


@pytest.mark.parametrize(
    "text, measure",
    [
        (
            "Trump slapped 50 per cent tariffs on Indian goods, including a 25 per cent levy over Russian oil.",
            "tariff_total",
        ),
        (
            "India faces a 25 per cent punitive levy over Russian oil purchases.",
            "tariff_penalty_russian_oil",
        ),
        (
            "He announced a 25 per cent tariff on countries doing business with Iran.",
            "tariff_secondary",
        ),
        ("The 25 per cent reciprocal tariff stays.", "tariff_reciprocal"),
        ("A 50 per cent tariff on steel and aluminium applies.", "tariff_sectoral"),
        ("The 20 per cent fentanyl tariff stays.", "tariff_fentanyl"),
        ("A 25 per cent tariff penalty applies.", "tariff_penalty"),
        ("Canada imposed 25 per cent retaliatory tariffs.", "tariff_retaliatory"),
    ],
)
def test_tariff_measures(text, measure):
    assert claims(text)[0]["measure"] == measure


def test_remaining_rate_is_the_reciprocal_layer():
    r = one("They want a reduced tariff on the remaining 25 per cent.", "25 per cent")
    assert r["measure"] == "tariff_reciprocal"


def test_secondary_tariff_targets_the_group():
    r = claims("Trump announced a 25 per cent tariff on countries doing business with Iran.")[0]
    assert (r["imposer"], r["target"], r["status"]) == ("USA", "X-IRN-PARTNERS", "announced")


@pytest.mark.parametrize(
    "text, status",
    [
        ("The US imposed a 25% tariff on India.", "in_force"),
        ("India is facing a 50% tariff.", "in_force"),
        ("Trump will impose a 25% tariff on Japan.", "announced"),
        ("Trump threatened a 100% tariff on China.", "threatened"),
        ("If talks fail, the tariff could go to 60%.", "hypothetical"),
        ("India wants the 25% penalty waived under a proposed deal.", "proposed"),
        ("Washington lifted the 10% tariff.", "removed"),
        ("A waiver of the 25 per cent tariff penalty can relieve the stress.", "proposed"),
    ],
)
def test_statuses(text, status):
    r = [r for r in claims(text) if r["kind"] == "tariff_rate"][0]
    assert r["status"] == status


@pytest.mark.parametrize(
    "text, mention, d_from, d_to, published",
    [
        ("Talks were held on March 3.", "March 3", "2025-03-03", "2025-03-03", PUB),
        ("Talks will be held on March 3.", "March 3", "2026-03-03", "2026-03-03", PUB),
        ("They met on 3 March 2026.", "3 March 2026", "2026-03-03", "2026-03-03", date(2026, 3, 9)),
        ("It began on Mar 3, 2026.", "Mar 3, 2026", "2026-03-03", "2026-03-03", date(2026, 3, 9)),
        ("The visit is on March 3-4.", "March 3-4", "2026-03-03", "2026-03-04", PUB),
        ("He visits on February 4-5.", "February 4-5", "2026-02-04", "2026-02-05", PUB),
        ("Talks were held in October 2024.", "October 2024", "2024-10-01", "2024-10-31", PUB),
        ("He met Rubio on Thursday.", "Thursday", "2026-01-29", "2026-01-29", PUB),
        ("He met Rubio on Tuesday.", "Tuesday", "2026-01-27", "2026-01-27", PUB),
        ("He will meet Rubio on Friday.", "Friday", "2026-01-30", "2026-01-30", PUB),
        (
            "The call was on Tuesday (March 3).",
            "Tuesday (March 3)",
            "2026-03-03",
            "2026-03-03",
            date(2026, 3, 5),
        ),
        ("Talks were held last year.", "last year", "2025-01-01", "2025-12-31", PUB),
        (
            "Tariffs were imposed in August last year.",
            "August last year",
            "2025-08-01",
            "2025-08-31",
            PUB,
        ),
        ("He will visit next week.", "next week", "2026-02-02", "2026-02-08", PUB),
        ("He will visit next month.", "next month", "2026-02-01", "2026-02-28", PUB),
        (
            "He took office earlier this month.",
            "earlier this month",
            "2026-01-01",
            "2026-01-29",
            PUB,
        ),
        ("The duties apply from tomorrow.", "tomorrow", "2026-01-30", "2026-01-30", PUB),
        ("A decision is due in two weeks.", "in two weeks", "2026-02-12", "2026-02-12", PUB),
        (
            "The deadline is 21 days from today.",
            "21 days from today",
            "2026-02-19",
            "2026-02-19",
            PUB,
        ),
        (
            "The tariffs apply effective immediately.",
            "effective immediately",
            "2026-01-29",
            "2026-01-29",
            PUB,
        ),
    ],
)
def test_dates(text, mention, d_from, d_to, published):
    r = one(text, mention, published)
    assert r["kind"] == "date" and r["value"] is None and r["unit"] == ""
    assert (str(r["date_from"]), str(r["date_to"])) == (d_from, d_to)


def test_since_leaves_the_period_open():
    r = one("Tariffs have applied since October last year.", "October last year")
    assert (r["date_from"], r["date_to"], r["date_text"]) == (
        date(2025, 10, 1),
        None,
        "since October last year",
    )


def test_numeric_claim_takes_the_date_of_its_sentence():
    text = "Trump slapped 50-per cent tariffs on Indian goods in August last year."
    r = one(text, "50-per cent", date(2026, 1, 29))
    assert (r["date_from"], r["date_to"], r["date_text"]) == (
        date(2025, 8, 1),
        date(2025, 8, 31),
        "August last year",
    )


def test_event_measures_and_parties():
    r = one("Jaishankar held a phone conversation with Rubio on Tuesday.", "Tuesday")
    assert (r["measure"], r["imposer"], r["target"], r["status"]) == (
        "event_call",
        "IND",
        "USA",
        "in_force",
    )
    r = one("Jaishankar will visit Washington next week.", "next week")
    assert (r["measure"], r["status"]) == ("event_visit", "announced")


@pytest.mark.parametrize(
    "text",
    [
        "Tariffs under Section 301 and Section 232 remain.",
        "Executive Order 14257 set the rates.",
        "Goods under HS code 8471 were exempted.",
        "The G20 summit backed Vision 2047.",
        "Call 011-2345-6789 for details.",
        "Updated: Jan 30, 2026 05:06 AM IST",
        "2 min read",
        "Dube starred in the 4th T20I.",
        "(PTI Photo/Atul Yadav)",
        "COVID-19 hit trade hard.",
    ],
)
def test_non_claims(text):
    assert claims(text) == []


def test_page_debris_is_skipped_but_offsets_stay_true():
    text = "Advertisement\nStory continues below this ad\nA 25% tariff applies.\n\u201cWe will see,\u201d he said."
    rows = claims(text)
    assert [r["mention"] for r in rows] == ["25%"]
    assert text[rows[0]["start"] : rows[0]["end"]] == "25%"
    assert rows[0]["quote"] == "A 25% tariff applies."


def test_html_tags_are_ignored():
    text = "<p>A <b>25%</b> tariff applies.</p>"
    r = claims(text)[0]
    assert text[r["start"] : r["end"]] == "25%" and r["kind"] == "tariff_rate"


def test_imposer_defaults_from_trump_and_washington():
    assert one("Trump slapped a 50% tariff on Brazil.", "50%")["imposer"] == "USA"
    assert one("Washington imposed a 50% tariff on Brazilian goods.", "50%")["target"] == "BRA"
    assert one("Tariffs of 20% on EU goods apply.", "20%")["target"] == "X-EU"


@pytest.mark.parametrize(
    "text, mention, values, unit",
    [
        ("The dispute lasted 3 1/2 years.", "3 1/2 years", [3.5], "year"),
        ("Growth slowed by half a percentage point.", "half a percentage point", [0.5], "percentage_point"),
        ("GDP could fall 0.3 to 0.5 percentage point.", "0.3 to 0.5 percentage point", [0.3, 0.5], "percentage_point"),
        ("Imports of 1.4-1.6 million barrels per day continued.", "1.4-1.6 million barrels per day", [1.4e6, 1.6e6], "barrel_per_day"),
        ("Russia holds 5 million barrels in storage.", "5 million barrels", [5e6], "barrel"),
        ("Exports fell 5% in 2024-25.", "2024-25", [None], ""),
        ("Trump doubled the tariff.", "doubled", [100.0], "percent"),
    ],
)
def test_more_forms(text, mention, values, unit):
    rows = [r for r in claims(text) if r["mention"] == mention]
    assert [r["value"] for r in rows] == values and {r["unit"] for r in rows} == {unit}


def test_fiscal_year_runs_april_to_march():
    r = one("Exports fell 5% in 2024-25.", "2024-25")
    assert (r["date_from"], r["date_to"]) == (date(2024, 4, 1), date(2025, 3, 31))


def test_page_stamps_and_exchange_rates_are_not_claims():
    assert claims("Published Fri, Sep 26 2025\nThe rupee closed at Rs 87.5 against the dollar.") == []


def test_a_date_tied_to_another_event_does_not_date_a_tariff():
    text = "Gor, who took office earlier this month amid strain over Trump's 50% tariff, spoke."
    r = one(text, "50%")
    assert (r["date_from"], r["date_to"]) == (None, None)


def test_runs_of_countries_give_one_claim_each():
    rows = claims("Tariffs of 25% on Canada and Mexico took effect.")
    assert [(r["value"], r["target"]) for r in rows] == [(25, "CAN"), (25, "MEX")]


@pytest.mark.parametrize(
    "text",
    ["Seoul, July 31 (Yonhap) -- Talks ended.", "BEIJING, April 11 (Xinhua) -- Talks ended.",
     "WASHINGTON, Aug 6 (Reuters) - Talks ended.", "New Delhi, Jan 29 (PTI) Talks ended."],
)
def test_datelines_of_any_agency_are_not_claims(text):
    assert claims(text) == []


def test_a_date_inside_an_aside_does_not_date_the_main_clause():
    text = ("Korean automakers, which shipped 1.43 million vehicles to the US last year, "
            "will see the auto tariff cut to 15 percent.")
    assert one(text, "1.43 million vehicles")["date_from"] == date(2025, 1, 1)
    assert one(text, "15 percent")["date_from"] is None


@pytest.mark.parametrize(
    "text, mention, status",
    [
        ("Seoul will invest $350 billion, including $150 billion for shipbuilding.", "$150 billion", "announced"),
        ("Exports could fall by $10 billion.", "$10 billion", "hypothetical"),
        ("The ministry is considering a package of Rs 25,000 crore.", "Rs 25,000 crore", "proposed"),
        ("Exports rose 3.2 percent to $127.8 billion in 2024.", "$127.8 billion", "in_force"),
    ],
)
def test_statuses_of_money_and_changes(text, mention, status):
    assert one(text, mention)["status"] == status


def test_shares_falling_on_a_weekday_are_a_change_not_a_duty():
    r = one("Shares in Hong Kong fell 2.2 percent on Friday.", "2.2 percent")
    assert (r["kind"], r["measure"]) == ("change", "change_decrease")


def test_a_cut_by_a_percentage_is_a_change_but_a_cut_to_one_is_a_rate():
    assert one("The tariffs could cut exports by as much as 50 percent.", "50 percent")["kind"] == "change"
    assert one("The US cut its tariff to 15 percent.", "15 percent")["kind"] == "tariff_rate"


def test_a_rate_set_in_a_deal_is_a_deal_rate_but_a_named_layer_wins():
    r = one("The EU, which agreed to a 15% cap on pharma tariffs in its deal, is exposed.", "15%")
    assert r["measure"] == "tariff_deal"
    assert one("The UK, which signed a deal in May, faces a 10% baseline rate.", "10%")["measure"] == (
        "tariff_reciprocal")


@pytest.mark.parametrize(
    "text, mention, expected",
    [
        ("Exports could halve over the next two to three years.", "two to three years",
         [(2, "year", "lower_bound"), (3, "year", "upper_bound")]),
        ("Seoul will buy energy over three and a half years.", "three and a half years", [(3.5, "year", "exact")]),
        ("The pause lasts 6-12 months.", "6-12 months", [(6, "month", "lower_bound"), (12, "month", "upper_bound")]),
    ],
)
def test_durations_ranges_and_halves(text, mention, expected):
    rows = [r for r in claims(text) if r["mention"] == mention]
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == expected


@pytest.mark.parametrize(
    "text, mention, value, unit",
    [
        ("China placed 25 U.S. firms on its list.", "25 U.S. firms", 25, "count"),
        ("India buys 1.7 million bpd of Russian crude.", "1.7 million bpd", 1.7e6, "barrel_per_day"),
        ("China took 500,000 barrels a day of Iranian oil.", "500,000 barrels a day", 5e5, "barrel_per_day"),
        ("Five rounds of talks were held.", "Five rounds", 5, "count"),
    ],
)
def test_counts_with_words_between_and_barrels_per_day(text, mention, value, unit):
    r = one(text, mention)
    assert (r["value"], r["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text, mention, d_from, d_to",
    [
        ("Exports fell 5% last fiscal.", "last fiscal", date(2024, 4, 1), date(2025, 3, 31)),
        ("Exports may rise in the current fiscal year.", "current fiscal year", date(2025, 4, 1), date(2026, 3, 31)),
        # the end of a month is its last day, as the held-out sets read "by the end of the year"
        ("The deal is due by the end of August.", "the end of August", date(2025, 8, 31), date(2025, 8, 31)),
        ("Prices rose in late August.", "late August", date(2025, 8, 21), date(2025, 8, 31)),
        ("Shipments slowed in the first half of the year.", "first half of the year", date(2025, 1, 1), date(2025, 6, 30)),
        ("Exports rose in April-July.", "April-July", date(2025, 4, 1), date(2025, 7, 31)),
        ("Exports rose in Q2 2025.", "Q2 2025", date(2025, 4, 1), date(2025, 6, 30)),
    ],
)
def test_fiscal_years_parts_of_years_and_months(text, mention, d_from, d_to):
    r = one(text, mention, date(2025, 8, 1))
    assert (r["date_from"], r["date_to"]) == (d_from, d_to)


@pytest.mark.parametrize(
    "text, imposer, target",
    [
        ("US tariffs of 50% on Indian goods hurt exporters.", "USA", "IND"),
        ("Chinese retaliatory duties of 34% hit US farm goods.", "CHN", "USA"),
        ("Indian tariffs on US almonds are 35%.", "IND", "USA"),
        ("Brazil, which faces a 50% tariff, protested.", "", "BRA"),
    ],
)
def test_attributive_imposers_and_targets(text, imposer, target):
    r = [r for r in claims(text) if r["kind"] == "tariff_rate"][0]
    assert (r["imposer"], r["target"]) == (imposer, target)


@pytest.mark.parametrize(
    "text, mention, value, unit",
    [
        ("The Centre approved a ₹1,000-crore relief package.", "₹1,000-crore", 1e10, "INR"),
        ("It signed a $2-billion credit line.", "$2-billion", 2e9, "USD"),
        ("Seoul will invest 5 trillion won in shipbuilding.", "5 trillion won", 5e12, "KRW"),
        ("Jakarta earmarked Rp 25 trillion for exporters.", "Rp 25 trillion", 25e12, "IDR"),
        ("Beef exports were worth A$4.5 billion last year.", "A$4.5 billion", 4.5e9, "AUD"),
        ("TSMC will spend NT$30 billion on the plant.", "NT$30 billion", 30e9, "TWD"),
        ("The levy could cost 10 billion Swiss francs.", "10 billion Swiss francs", 10e9, "CHF"),
        ("Car exports of 40 billion rand are at risk.", "40 billion rand", 40e9, "ZAR"),
        ("Garment orders worth Tk 12,000 crore were cancelled.", "Tk 12,000 crore", 12e10, "BDT"),
        ("Shipments worth 2 billion dong were delayed.", "2 billion dong", 2e9, "VND"),
    ],
)
def test_money_in_more_currencies_and_hyphenated_scales(text, mention, value, unit):
    r = one(text, mention)
    assert (r["value"], r["unit"]) == (pytest.approx(value), unit)


def test_a_foreign_wire_writing_canadian_dollars_keeps_its_bare_dollar_as_usd():
    text = ("WASHINGTON (AP) — Canada said it would hit $30 billion of U.S. goods, or 43 billion "
            "Canadian dollars, with tariffs.")
    assert one(text, "$30 billion")["unit"] == "USD"
    assert one(text, "43 billion Canadian dollars")["unit"] == "CAD"


def test_a_canadian_outlet_bare_dollar_is_canadian():
    text = "OTTAWA — Ottawa will hit $30 billion of U.S. goods with tariffs. (The Canadian Press)"
    assert one(text, "$30 billion")["unit"] == "CAD"


@pytest.mark.parametrize(
    "text, mention, values, qualifiers",
    [
        ("The US imposed duties ranging from 10% to 41% on its partners.", "10% to 41%", [10, 41],
         ["lower_bound", "upper_bound"]),
        ("China raised the tariff from 84% to 125%.", "84%", [84], ["exact"]),
        ("A 15-pc tariff now applies.", "15-pc", [15], ["exact"]),
        ("Shipments tripled in March.", "tripled", [200], ["exact"]),
        ("Orders halved after the tariff.", "halved", [50], ["exact"]),
        ("Exports fell by a fifth in April.", "a fifth", [20], ["exact"]),
    ],
)
def test_ranges_from_to_multiples_and_fractions(text, mention, values, qualifiers):
    rows = [r for r in claims(text) if r["mention"] == mention]
    assert [r["value"] for r in rows] == values and [r["qualifier"] for r in rows] == qualifiers
    assert all(r["unit"] == "percent" for r in rows)


def test_halved_is_a_fall_and_tripled_a_rise():
    assert one("Orders halved after the tariff.", "halved")["measure"].endswith("decrease")
    assert one("Exports tripled last year.", "tripled")["measure"].endswith("increase")


@pytest.mark.parametrize(
    "text, mention, value, unit",
    [
        ("Some 80 senators backed the bill.", "80 senators", 80, "count"),
        ("Twelve lawmakers signed the letter.", "Twelve lawmakers", 12, "count"),
        ("The two leaders spoke for an hour.", "an hour", 1, "hour"),
        ("A 24-hour deadline passed.", "24-hour", 24, "hour"),
        ("The measure covers 300 refineries.", "300 refineries", 300, "count"),
    ],
)
def test_more_counts_and_hours(text, mention, value, unit):
    r = one(text, mention)
    assert (r["value"], r["unit"], r["kind"]) == (value, unit, "quantity")


def test_an_hourly_wage_is_not_a_claim():
    assert [r["mention"] for r in claims("Workers earn $15 an hour at the plant.")] == []


def test_the_people_at_a_meeting_are_not_a_count():
    assert claims("The two ministers and their officials met.") == []


@pytest.mark.parametrize(
    "stamp",
    ["Tue 29 Jul 2025 14.39 BST", "Jakarta \u25cf Fri, August 1, 2025", "11/05/2025 05:00 PM EST",
     "01 Aug 2025", "3 August 2025", "Reading time: 4 minutes"],
)
def test_page_stamps_on_a_line_of_their_own_are_not_claims(stamp):
    rows = claims(stamp + "\nExports fell 5% on 1 Aug 2025 in Geneva.")
    assert [r["mention"] for r in rows] == ["5%", "1 Aug 2025"]


def test_a_list_of_rates_sharing_one_unit_gives_one_claim_per_rate_and_party():
    rows = claims("Laos, Myanmar and Cambodia face tariffs of 10, 15 and 20 per cent.")
    assert [(r["value"], r["target"]) for r in rows] == [(10, "LAO"), (15, "MMR"), (20, "KHM")]
    rows = claims("Duties of 25 or 50 percent could follow.")
    assert [r["value"] for r in rows] == [25, 50]


def test_a_year_before_and_is_not_part_of_a_list_of_rates():
    rows = claims("Tariffs rose in 2019 and 25 per cent now applies.")
    assert [r["mention"] for r in rows] == ["2019", "25 per cent"]


def test_fullwidth_figures_are_read_and_keep_their_offsets():
    text = "A ２５％ tariff on steel applies."
    r = one(text, "２５％")
    assert (r["value"], r["unit"], text[r["start"]:r["end"]]) == (25.0, "percent", "２５％")


@pytest.mark.parametrize("text, mention, value, unit, qualifier", [
    # the part counted out of a qualified or owned whole; the whole is its own count
    ("The association estimates that around 120 of its more than 1,000 member breweries export to "
     "the US.", "120", 120, "count", "approx"),
    ("Roughly 150 of the association's 290 member firms had cut US orders.", "150", 150, "count", "approx"),
    # 'the zero rate' and a singular 'no tariff in' are rates of zero
    ("The zero rate will apply from April 1 to frozen fruit.", "zero rate", 0, "percent", "exact"),
    ("Bird's nest faces no tariff in China under the free trade area.", "no tariff", 0, "percent", "exact"),
    # a superlative rank other than 'largest'
    ("Canada exported $5.2 billion of beef in 2025, the second-highest total on record.",
     "second-highest", 2, "rank", "exact"),
])
def test_parts_zero_rate_words_and_ranks(text, mention, value, unit, qualifier):
    r = one(text, mention)
    assert (r["value"], r["unit"], r["qualifier"]) == (value, unit, qualifier)


@pytest.mark.parametrize("text, mention, value, unit", [
    # South African, French and ISO copy groups thousands with a (thin, non-breaking) space
    ("Exports fell 27% to 4 100 tonnes in the first half.", "4 100 tonnes", 4100, "tonne"),
    ("The industry employs more than 23 000 permanent workers.", "23 000 permanent workers", 23000, "count"),
    ("The fund has R1 200 million to spend.", "R1 200 million", 1_200_000_000, "ZAR"),
    ("Some 1\u202f250\u00a0000 people applied.", "1\u202f250\u00a0000 people", 1_250_000, "count"),
    ("It shipped 12 500.5 tonnes.", "12 500.5 tonnes", 12500.5, "tonne"),
])
def test_thousands_grouped_with_spaces(text, mention, value, unit):
    r = one(text, mention)
    assert (r["value"], r["unit"]) == (value, unit)


@pytest.mark.parametrize("text, mention, value", [
    # a year or a day before a count is not its first group: the count stands alone
    ("In 2024 250 firms applied.", "250 firms", 250),
    ("On 3 March 100 workers left.", "100 workers", 100),
    ("On March 3 100 workers left.", "100 workers", 100),
])
def test_a_year_or_day_is_not_a_thousands_group(text, mention, value):
    assert one(text, mention)["value"] == value


@pytest.mark.parametrize("text, mention, kind, value, unit", [
    # pounds of a good, or written lb, are a mass in kilograms (1 lb = 0.45359237 kg)
    ("California produced 2.7 billion pounds of almonds last year.", "2.7 billion pounds",
     "quantity", 1_224_699_399, "kilogram"),
    ("Each bale weighs 500 lbs.", "500 lbs", "quantity", 226.796185, "kilogram"),
    # pounds of money, or pounds with no 'of', stay sterling
    ("The UK pledged 5 billion pounds of investment.", "5 billion pounds", "trade_value", 5e9, "GBP"),
    ("He paid 300 pounds for a ticket.", "300 pounds", "trade_value", 300, "GBP"),
])
def test_pounds_of_a_good_are_a_mass(text, mention, kind, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["unit"]) == (kind, unit)
    assert r["value"] == pytest.approx(value, rel=1e-12)


def test_a_bag_size_in_pounds_is_no_claim():
    assert [r["mention"] for r in claims("Farmers sold 60-pound bags of rice.")] == []


@pytest.mark.parametrize("text, mention, kind, value, unit", [
    # the verb 'number' after a plural noun counts it
    ("Canada's dairy, poultry and egg farms number about 13,000.", "13,000", "quantity", 13000, "count"),
    # a bare part of the figure just before takes its unit
    ("Over 1,300 American companies operate in Saudi Arabia, including 200 that have set up "
     "regional headquarters in Riyadh.", "200", "quantity", 200, "count"),
    ("Tariffs of 25% apply to 40 products, including 12 in the steel sector.", "12", "quantity", 12, "count"),
    # plural currency names
    ("Hazelnut prices in Giresun stood at 220 liras per kilogram.", "220 liras", "trade_value", 220, "TRY"),
])
def test_counts_by_verb_parts_and_plural_currencies(text, mention, kind, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"]) == (kind, value, unit)


@pytest.mark.parametrize("text", ["Downing Street's Number 10 said so.", "Tariffs hit 25% in 2025, including 2024."])
def test_a_name_with_number_or_a_year_is_no_count(text):
    assert [r for r in claims(text) if r["unit"] == "count"] == []


@pytest.mark.parametrize("text", [
    # exchange rates and share prices in page furniture are no trade values
    "Rs. 300 = US$ 1 at the close of trading on Friday.",
    "Photo: ONA / RO 0.385 = $1",
    "Exchange rate: $1 = 4,010 riel",
    "Rupee closes at Rs281.2 against dollar",
    "Mowi shares closed at NOK 196.40 in Oslo.",
])
def test_exchange_rates_and_share_prices_are_no_money(text):
    assert [r["mention"] for r in claims(text) if r["kind"] == "trade_value"] == []


def test_an_equation_of_a_share_is_still_read():
    assert one("Tariffs = 25% of the price.", "25%")["value"] == 25


@pytest.mark.parametrize("text", ["Japan Today", "Sign up for our Business Today newsletter.", "USA Today reported it."])
def test_an_outlet_named_today_is_no_date(text):
    assert claims(text) == []


def test_today_opening_a_sentence_or_after_a_weekday_is_still_a_date():
    for text in ("Today, the US raised tariffs.", "On Monday Today is fine."):
        assert [r["date_from"] for r in claims(text) if r["mention"] == "Today"] == [PUB], text


def test_a_count_ends_with_its_sentence():
    # 'plants.' ends the sentence: the count is 'two plants', not 'two plants. Shipments'
    rows = claims("The company employs 3,400 people at two plants. Shipments rose.")
    assert [r["mention"] for r in rows] == ["3,400 people", "two plants"]
    assert [(r["value"], r["unit"]) for r in rows] == [(3400, "count"), (2, "count")]
