"""Figures that are not tariff rates, in the forms business copy writes them (issue 3): units
carried from a neighbouring figure ('180m tonnes, up from 140m', 'from 10 to 20 per cent'),
ordinal counts ('his eighth trip'), durations after a superlative ('smallest in 74 years'),
parts of a whole ('35,000 of them', 'nine of the world's top 10'), bullet label-value lines,
capital scale letters ('$175B'), shares in words ('about half', 'one in four'), multiples
('three-fold'), approximate counts ('7,000-odd', 'a dozen'), tonnage abbreviations ('MMT',
'LMT'), and page furniture whose figures are not claims (ticker strips, 'Related:' links).

Ordinal counts follow tests/holdout/README.md ("Counts are claims when they count ... rounds,
trips"; its article 04 gives "his eighth trip" as count 8): an ordinal from 'second' up that
numbers a trip, a visit or a round of talks is a count; 'first' (an initial round, a first
trip) is not read as a count, and an ordinal numbering anything else ('a second package') is
not a claim.

Every expected value is worked out by hand from the sentence and the article date.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import PUB, by_mention, claims, one


def figures(text: str, published: date = PUB) -> list[tuple[str, float | None, str]]:
    return [(r["mention"], r["value"], r["unit"]) for r in claims(text, published)
            if r["kind"] != "date"]


def close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


# ---- a unit carried back from the figure before ('up from 140m') ----

@pytest.mark.parametrize("text, mention, kind, value, unit, qualifier", [
    # Guardian / FT: the unit and scale of the new figure serve the old one
    ("Britain's steel imports fell to 4.1m tonnes last year, down from 5.6m in 2023.",
     "5.6m", "quantity", 5.6e6, "tonne", "exact"),
    # Business Standard: lakh carried with its own scale word, tonnes from the figure before
    ("Basmati shipments rose to 22.5 lakh tonnes in April-June from 18.2 lakh a year earlier.",
     "18.2 lakh", "quantity", 1.82e6, "tonne", "exact"),
    # Bloomberg: a bare '9.8' after '$12.4bn' is 9.8 billion dollars
    ("Vietnam's shipments to the US reached $12.4bn in the quarter, up from 9.8 a year ago.",
     "9.8", "trade_value", 9.8e9, "USD", "exact"),
    # Yonhap: a count carried, with its own qualifier
    ("Hyundai plans to raise output at the Georgia plant to 500,000 vehicles a year from about "
     "300,000.", "300,000", "quantity", 3e5, "count", "approx"),
    # The EastAfrican: shillings with their own scale word
    ("Kenya's apparel exports to the US rose to KSh 70 billion last year from 58 billion in 2023.",
     "58 billion", "trade_value", 5.8e10, "KES", "exact"),
    # Mexico News Daily: 'against' compares as 'from' does
    ("Mexico's steel imports from China dropped to 1.1 million tonnes, against 1.9 million in 2024.",
     "1.9 million", "quantity", 1.9e6, "tonne", "exact"),
    # Yonhap: a number word carried ('from just one')
    ("Hanwha plans to lift the yard's output to 20 vessels a year from just one.",
     "one", "quantity", 1.0, "count", "exact"),
])
def test_unit_carried_back(text, mention, kind, value, unit, qualifier):
    r = one(text, mention)
    assert (r["kind"], r["unit"], r["qualifier"]) == (kind, unit, qualifier)
    assert close(r["value"], value), r["value"]


@pytest.mark.parametrize("text", [
    "Exports reached $5bn in 2024. Imports were up from 12 in the spring survey.",  # another sentence
    "Shipments rose to 2 million tonnes from one port alone.",  # 'one port' is no figure
    "Exports reached $5bn in 2024, up from 2019 levels.",  # a year, not an amount
    "India's exports reached $5bn in 2024, up from the level of 2019.",
])
def test_no_unit_carried(text):
    assert [f for f in figures(text) if f[1] not in (5e9, 2e6)] == []


# ---- a unit carried forward ('from 10 to 20 per cent') ----

@pytest.mark.parametrize("text, mention, value, unit", [
    ("Washington will raise the duty from 10 to 25 percent on March 4.", "10", 10.0, "percent"),
    ("Duties on Chinese EVs went up from 25 to 100 per cent last year.", "25", 25.0, "percent"),
    ("Two-way trade grew from $3.2 to $4.1 billion, the ministry said.", "$3.2", 3.2e9, "USD"),
    ("Exports rose from Rs 3,200 to Rs 4,100 crore in FY25.", "Rs 3,200", 3.2e10, "INR"),
])
def test_unit_carried_forward(text, mention, value, unit):
    r = one(text, mention)
    assert r["unit"] == unit and close(r["value"], value), (r["value"], r["unit"])
    assert r["qualifier"] == "exact"  # a change from one figure to another, not a range


# ---- ordinal counts ----

@pytest.mark.parametrize("text, mention, value", [
    ("Akazawa, who made his seventh trip to Washington for the talks, briefed lawmakers.",
     "seventh", 7),
    ("The third round of talks ended in New Delhi on Friday.", "third", 3),
    ("The two sides will hold the sixth round of negotiations for the trade pact next week.",
     "sixth", 6),
    ("It was Wang's 5th visit to Brussels this year.", "5th", 5),
    ("Ministers met for a second round of trade talks in Geneva.", "second", 2),
])
def test_ordinal_counts(text, mention, value):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"], r["measure"]) == ("quantity", value, "count", "count")


@pytest.mark.parametrize("text", [
    "A second package covering bourbon will follow.",
    "The first round of tariffs hit steel.",
    "It is the 2nd largest economy.",  # a rank, read elsewhere
])
def test_ordinals_that_are_not_counts(text):
    assert [r for r in claims(text) if r["unit"] == "count"] == []


# ---- durations after a superlative ----

@pytest.mark.parametrize("text, mention, value, unit", [
    ("The US cattle herd is at its smallest in 74 years.", "74 years", 74, "year"),
    ("India's exports to China hit their highest level in five years in March.", "five years", 5, "year"),
    ("The yen fell to its weakest in 34 years against the dollar.", "34 years", 34, "year"),
    ("For the first time in two decades, Japan ran a deficit with Vietnam.", "two decades", 20, "year"),
    ("Soybean sales to China were the lowest in 18 months.", "18 months", 18, "month"),
])
def test_duration_after_superlative(text, mention, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"], r["measure"]) == ("quantity", value, unit, "duration")


def test_in_n_years_without_superlative_stays_a_date():
    r = one("The cuts will take effect in two years.", "in two years")
    assert r["kind"] == "date" and str(r["date_from"]) == "2027-10-22"


# ---- parts of a whole ----

@pytest.mark.parametrize("text, mention, value, qualifier", [
    ("The zones employ 66,000 workers, and up to 35,000 of them could lose their jobs.",
     "35,000", 35000, "upper_bound"),
    ("Some 1,200 of those were small firms, the ministry said.", "1,200", 1200, "approx"),
    ("The deal lets the UAE import up to 500,000 of Nvidia's most advanced chips a year.",
     "500,000", 500000, "upper_bound"),
])
def test_part_of_them(text, mention, value, qualifier):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"], r["qualifier"]) == ("quantity", value, "count", qualifier)


def test_part_of_a_named_whole():
    got = by_mention("So far 25 of India's 28 states have set up export desks.")
    assert [(r["value"], r["unit"]) for r in got["25"]] == [(25, "count")]
    assert [(r["value"], r["unit"]) for r in got["28 states"]] == [(28, "count")]


@pytest.mark.parametrize("text, count_mention, count, rank_mention, rank", [
    ("Nine of the world's top 10 pharma companies have plants in Ireland.", "Nine", 9, "top 10", 10),
    ("Seven of the country's top 10 export markets now face higher duties.", "Seven", 7, "top 10", 10),
    ("Four of the top 20 carmakers build vehicles in Mexico.", "Four", 4, "top 20", 20),
])
def test_count_among_the_top(text, count_mention, count, rank_mention, rank):
    c = one(text, count_mention)
    assert (c["value"], c["unit"]) == (count, "count")
    r = one(text, rank_mention)
    assert (r["value"], r["unit"], r["qualifier"]) == (rank, "rank", "upper_bound")


def test_one_of_them_is_no_count():
    assert [r for r in claims("One of them said the talks went well.") if r["unit"] == "count"] == []


# ---- bullet label-value lines ----

def test_bullet_count_lines():
    text = ("By the numbers:\n"
            "• $175.6 billion: IEEPA duties collected as of Jan. 31.\n"
            "• 1,800: lawsuits filed by importers seeking refunds.\n"
            "• 12: countries with framework deals.\n")
    got = by_mention(text)
    assert [(r["value"], r["unit"]) for r in got["1,800"]] == [(1800, "count")]
    assert [(r["value"], r["unit"]) for r in got["12"]] == [(12, "count")]


# ---- money ----

@pytest.mark.parametrize("text, mention, value, unit", [
    ("The ruling opens the door to $175B in refunds.", "$175B", 1.75e11, "USD"),
    ("Chipmakers eye a $1.2T market by 2030.", "$1.2T", 1.2e12, "USD"),
    ("The company will build a $500M plant in Ohio.", "$500M", 5e8, "USD"),
    ("Chinese EVs priced below $35,000, the minister said, would be allowed in.", "$35,000", 35000, "USD"),
    ("Exporters want ₹25,000, the council said.", "₹25,000", 25000, "INR"),
    ("The Centre cleared a ₹1.5 lakh-crore package for exporters.", "₹1.5 lakh-crore", 1.5e12, "INR"),
])
def test_money_forms(text, mention, value, unit):
    r = one(text, mention)
    assert r["kind"] == "trade_value" and r["unit"] == unit and close(r["value"], value)


def test_scaled_values_are_exact():
    # 4.1 x 10^9 is 4100000000 exactly, not the nearest product of two floats
    assert one("Exports rose to $4.1 billion.", "$4.1 billion")["value"] == 4100000000.0
    assert one("Imports hit 9.8 lakh tonnes.", "9.8 lakh tonnes")["value"] == 980000.0


def test_globe_and_mail_dollars_are_canadian():
    text = ("Open this photo in gallery: Prime Minister Mark Carney in Beijing.\n\n"
            "Canola exports to China were worth $4.9-billion in 2024.\n")
    r = one(text, "$4.9-billion")
    assert (r["unit"], r["value"]) == ("CAD", 4.9e9)


# ---- shares and multiples in words ----

@pytest.mark.parametrize("text, mention, value, qualifier", [
    ("A survey of 300 exporters found about half planned to pass the tariff on.", "half", 50, "approx"),
    ("Nearly half said they would cut jobs.", "half", 50, "approx"),
    ("More than half are small firms.", "half", 50, "lower_bound"),
    ("One in four exporters said they would cut jobs.", "One in four", 25, "exact"),
    ("One in five jobs in the state depends on exports to the US.", "One in five", 20, "exact"),
])
def test_shares_in_words(text, mention, value, qualifier):
    r = one(text, mention)
    assert (r["kind"], r["unit"], r["qualifier"], r["measure"]) == ("change", "percent", qualifier, "share")
    assert close(r["value"], value)


@pytest.mark.parametrize("text", [
    "Revenue fell in the first half of 2025.",
    "The half-year results were weak.",
    "Duties were cut by half a percentage point.",
])
def test_half_that_is_no_share(text):
    assert [r for r in claims(text) if r["measure"] == "share"] == []


@pytest.mark.parametrize("text, mention, value", [
    ("Imports of Chinese solar panels rose three-fold last year.", "three-fold", 200),
    ("Exports to the US jumped fivefold in a decade.", "fivefold", 400),
    ("Shipments saw a two-fold rise.", "two-fold", 100),
])
def test_multiples(text, mention, value):
    r = one(text, mention)
    assert (r["kind"], r["unit"], r["value"]) == ("change", "percent", value)


# ---- approximate and spelled counts ----

@pytest.mark.parametrize("text, mention, value, qualifier", [
    ("India shipped 7,000-odd containers to the US last year.", "7,000-odd containers", 7000, "approx"),
    ("A dozen countries have signed frameworks with Washington.", "A dozen countries", 12, "exact"),
    ("About a dozen firms applied for exclusions.", "a dozen firms", 12, "approx"),
    ("Half a dozen Chinese ports were named.", "Half a dozen Chinese ports", 6, "exact"),
])
def test_spelled_counts(text, mention, value, qualifier):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"], r["qualifier"]) == ("quantity", value, "count", qualifier)


@pytest.mark.parametrize("text", [
    "Hundreds of firms have applied for refunds.",
    "Thousands of workers marched in Tiruppur.",
    "Dozens of countries face the levy.",
])
def test_vague_counts_are_not_claims(text):
    assert figures(text) == []


# ---- tonnage and flows ----

@pytest.mark.parametrize("text, mention, value, unit", [
    ("India's rice exports hit 22 MMT in 2024.", "22 MMT", 2.2e7, "tonne"),
    ("Wheat stocks stood at 25 LMT on October 1.", "25 LMT", 2.5e6, "tonne"),
    ("The plant will make 5 MTPA of steel.", "5 MTPA", 5e6, "tonne"),
    ("The port handled 30,000 TEU a month.", "30,000 TEU", 30000, "count"),
    ("Demand will grow by 1.5 mb/d next year.", "1.5 mb/d", 1.5e6, "barrel_per_day"),
    ("Russian seaborne exports fell by 500 kb/d in May.", "500 kb/d", 5e5, "barrel_per_day"),
])
def test_tonnage_and_flows(text, mention, value, unit):
    r = one(text, mention)
    assert r["kind"] == "quantity" and r["unit"] == unit and close(r["value"], value)


# ---- percentage points after a qualifier ----

def test_points_after_a_qualifier():
    text = ("Economists estimate the tariff could cut GDP by 0.3 to 0.6 percentage points, and by up "
            "to 1 point if pharmaceuticals are hit.")
    r = one(text, "1 point")
    assert (r["kind"], r["value"], r["unit"], r["qualifier"]) == (
        "change", 1.0, "percentage_point", "upper_bound")
    assert [x for x in claims(text) if x["unit"] == "count"] == []


@pytest.mark.parametrize("text", [
    "It could rise 1 point if exporters pay more.",
    "Only 2 firms when duties rise.",
])
def test_count_does_not_jump_over_function_words(text):
    assert [r for r in claims(text) if r["unit"] == "count" and r["mention"].count(" ") >= 2] == []


# ---- page furniture ----

@pytest.mark.parametrize("line", [
    "USD/JPY 147.85 | 10-yr JGB 1.58%",
    "KES 129.2/USD | NSE 20 Share Index 2,885.4",
    "Dólar blue: ARS 1,445 | Merval 2,866,112",
    "PCAR 98.71 +3.4% | CNBC PRO: 5 chip stocks to buy now",
    "Related news: Vietnam's rice exports hit 7 million tonnes",
    "Related: Fonterra lifts milk price forecast to $10 per kg",
    "Naira closes at N1,465/$ at official window | Brent $67.02",
    "WATCH NOW VIDEO 03:12",
])
def test_page_furniture_lines_give_no_claims(line):
    text = f"Exports to the US fell 12% in September.\n{line}\nThe levy stays at 25 per cent.\n"
    assert sorted(r["mention"] for r in claims(text)) == ["12%", "25 per cent", "September"]


def test_a_table_row_with_bars_is_not_a_ticker_strip():
    text = "New reciprocal rates:\nVietnam 20% | Indonesia 19% | India 50%\n"
    assert sorted(r["value"] for r in claims(text)) == [19, 20, 50]


# ---- currencies of other outlets ----

@pytest.mark.parametrize("text, mention, value, unit", [
    # Dawn: 'Rs' in a Pakistani outlet's copy is the Pakistani rupee
    ("ISLAMABAD: Exports to the US rose to Rs1.2 trillion last year.\n\nPublished in Dawn, August 1st, 2025",
     "Rs1.2 trillion", 1.2e12, "PKR"),
    # an Indian outlet's 'Rs' stays the Indian rupee
    ("NEW DELHI: Exports to the US rose to Rs 1.2 lakh crore last year.", "Rs 1.2 lakh crore", 1.2e12, "INR"),
    ("The Sri Lankan rupee fell; apparel exports were LKR 900 billion.", "LKR 900 billion", 9e11, "LKR"),
    # Business Day (South Africa): rand as 'R' with a scale
    ("Citrus exports to the US are worth R1.2 billion a year, and R500m more is at risk.",
     "R1.2 billion", 1.2e9, "ZAR"),
    ("Citrus exports to the US are worth R1.2 billion a year, and R500m more is at risk.",
     "R500m", 5e8, "ZAR"),
    ("Israel's exports to the US reached NIS 80 billion.", "NIS 80 billion", 8e10, "ILS"),
    ("Sweden's exports of SEK 120 billion face the levy.", "SEK 120 billion", 1.2e11, "SEK"),
])
def test_currencies(text, mention, value, unit):
    r = one(text, mention)
    assert r["kind"] == "trade_value" and r["unit"] == unit and close(r["value"], value)


def test_rand_exchange_level_is_no_money():
    assert [r for r in claims("The rand weakened to R18.50 against the dollar.") if r["unit"] == "ZAR"] == []


# ---- more count, mass and money forms ----

@pytest.mark.parametrize("text, mention, value, unit, qualifier", [
    ("The company has 1,200-plus suppliers in China.", "1,200-plus suppliers", 1200, "count", "lower_bound"),
    ("The rule affects 12 lakh MSMEs across India.", "12 lakh MSMEs", 1.2e6, "count", "exact"),
    ("Brazil exported 2.3 million 60-kg bags of coffee to the US.", "2.3 million 60-kg bags", 2.3e6,
     "count", "exact"),
    ("Kenya shipped 600,000 kilos of tea to Pakistan.", "600,000 kilos", 600, "tonne", "exact"),
    ("Half a million jobs are at risk, the union said.", "Half a million jobs", 5e5, "count", "exact"),
    ("A million barrels a day flow through the strait.", "A million barrels a day", 1e6,
     "barrel_per_day", "exact"),
    ("The levy could cost the state a billion dollars.", "a billion dollars", 1e9, "USD", "exact"),
    ("Vietnam's exports to the US rose to US$119.5bil last year.", "US$119.5bil", 1.195e11, "USD", "exact"),
    ("Malaysia's trade surplus narrowed to RM12.4bil.", "RM12.4bil", 1.24e10, "MYR", "exact"),
])
def test_more_forms(text, mention, value, unit, qualifier):
    r = one(text, mention)
    assert (r["unit"], r["qualifier"]) == (unit, qualifier) and close(r["value"], value)


@pytest.mark.parametrize("text", [
    "Tens of thousands of workers marched.",
    "A million thanks to the readers.",
    "Brazil's 60-kg bags are the trade's standard.",
])
def test_scale_words_and_sizes_that_are_no_claims(text):
    assert figures(text) == []


# ---- points, ranks, fractions, flows and signs ----

@pytest.mark.parametrize("text, mention, kind, value, unit", [
    ("The US share of India's exports rose 2.3 pp last year.", "2.3 pp", "change", 2.3, "percentage_point"),
    ("Exporters' margins fell 1.5ppt after the levy.", "1.5ppt", "change", 1.5, "percentage_point"),
    ("China is the No. 2 trading partner of the US.", "2", "quantity", 2, "rank"),
    ("Mexico is now the number one source of US imports.", "one", "quantity", 1, "rank"),
    ("India ranked 5th among suppliers of shrimp to the US.", "5th", "quantity", 5, "rank"),
    ("One-fourth of India's exports go to the US.", "One-fourth", "change", 25, "percent"),
    ("Three-fourths of the units in Tiruppur are small.", "Three-fourths", "change", 75, "percent"),
    ("Two-fifths of Swiss watch exports go to America.", "Two-fifths", "change", 40, "percent"),
    ("Garment orders fell by two-fifths.", "two-fifths", "change", 40, "percent"),
    ("Russia shipped 1.2 million barrels of oil a day to India.", "1.2 million barrels of oil a day",
     "quantity", 1.2e6, "barrel_per_day"),
    ("The Philippines exported P5 billion of bananas to the US.", "P5 billion", "trade_value", 5e9, "PHP"),
    ("Nigeria's non-oil exports reached N1.2 trillion.", "N1.2 trillion", "trade_value", 1.2e12, "NGN"),
])
def test_points_ranks_fractions_flows_signs(text, mention, kind, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["unit"]) == (kind, unit) and close(r["value"], value)


@pytest.mark.parametrize("text", [
    "See pp 12-15 of the report.",
    "The naira closed at N1,465 to the dollar.",
    "Proclamation No. 10896 covers steel.",
])
def test_no_figure_in_page_numbers_quotes_and_names(text):
    assert figures(text) == []


@pytest.mark.parametrize("text", [
    "Air India ordered Boeing 737 Max jets.",
    "Tesla's Model 3 cars face the levy.",
    "The iPhone 16 models are made in India.",
    "Leaders of the Group of 20 economies met in Johannesburg.",
    "Class 8 trucks were left out.",
])
def test_model_and_route_numbers_are_not_counts(text):
    assert [r for r in claims(text) if r["unit"] == "count"] == []


def test_a_labelled_class_keeps_its_rate():
    r = one("Class 8 trucks face a 25% tariff.", "25%")
    assert (r["kind"], r["value"]) == ("tariff_rate", 25)


@pytest.mark.parametrize("text, mention, kind, value, unit, qualifier", [
    ("China's exports to Africa grew by nearly a third.", "a third", "change", 33.33, "percent", "approx"),
    ("Tokyo passed a 2-trillion-yen relief package for exporters.", "2-trillion-yen", "trade_value",
     2e12, "JPY", "exact"),
])
def test_qualified_fractions_and_hyphenated_amounts(text, mention, kind, value, unit, qualifier):
    r = one(text, mention)
    assert (r["kind"], r["unit"], r["qualifier"]) == (kind, unit, qualifier)
    assert abs(r["value"] - value) < 0.01 * max(1.0, value)


@pytest.mark.parametrize("text, mention, kind, value, unit", [
    # Nikkei: after a list with 'respectively' the bare old rate is a rate too
    ("Vietnam and Indonesia face duties of 20% and 19% respectively, up from 10 in April.", "10",
     "tariff_rate", 10, "percent"),
    # Business Standard: points carried are points, a change
    ("Exporters want an interest subvention of 3 percentage points, up from 2.", "2",
     "change", 2, "percentage_point"),
])
def test_unit_carried_from_lists_and_points(text, mention, kind, value, unit):
    rows = by_mention(text)[mention]  # one row per country the old rate applied to
    assert {(r["kind"], r["value"], r["unit"]) for r in rows} == {(kind, value, unit)}


@pytest.mark.parametrize("text, mention, kind, value, unit", [
    # Yonhap: the scaled old amount compares with the scaled amount, not with '20 days'
    ("Chip exports jumped 33.5 percent to US$14.2 billion in the first 20 days of August, compared "
     "with 10.6 billion a year earlier.", "10.6 billion", "trade_value", 1.06e10, "USD"),
    ("Hyundai aims to raise US output to 1.2 million vehicles a year from about 700,000 now.",
     "700,000", "quantity", 7e5, "count"),
])
def test_unit_carried_from_the_right_figure(text, mention, kind, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["unit"]) == (kind, unit) and close(r["value"], value)


def test_unit_carried_before_a_participle():
    text = "The bloc's steel quota will cover 18 million tonnes, against 26 million shipped last year."
    r = one(text, "26 million")
    assert (r["unit"], r["value"]) == ("tonne", 2.6e7)


# ---- ranges of counts and masses ----

@pytest.mark.parametrize("text, mention, lo, hi, unit", [
    ("Some 10,000-12,000 jobs in Tiruppur are at risk.", "10,000-12,000 jobs", 10000, 12000, "count"),
    ("Exports to 20-25 countries rose.", "20-25 countries", 20, 25, "count"),
    ("Between 10,000 and 12,000 workers could be laid off.", "10,000 and 12,000 workers", 10000, 12000, "count"),
    ("Output will be between 3 and 4 million tonnes this year.", "3 and 4 million tonnes", 3e6, 4e6, "tonne"),
])
def test_ranges_of_counts_and_masses(text, mention, lo, hi, unit):
    rows = by_mention(text)[mention]
    got = sorted((r["value"], r["unit"], r["qualifier"]) for r in rows)
    assert got == [(lo, unit, "lower_bound"), (hi, unit, "upper_bound")]


@pytest.mark.parametrize("text", ["The court ruled 6-3 in the case.", "The bill passed 52-48 in the Senate."])
def test_votes_are_not_ranges(text):
    assert figures(text) == []


@pytest.mark.parametrize("text, mention, value", [
    ("Imports of Chinese EVs increased 1.5-fold last year.", "1.5-fold", 50),
    ("India's electronics exports to the US rose 2.5 times in FY25.", "2.5 times", 150),
])
def test_multiples_with_decimals_and_times(text, mention, value):
    r = one(text, mention)
    assert (r["kind"], r["unit"]) == ("change", "percent") and close(r["value"], value)


@pytest.mark.parametrize("text", [
    "The two sides met three times in Geneva.",
    "Exports grew three times faster than imports.",
])
def test_times_that_are_no_multiple(text):
    assert [r for r in claims(text) if r["kind"] == "change"] == []


@pytest.mark.parametrize("text, mention, value, unit", [
    ("Talks on the pact stalled for a fortnight.", "a fortnight", 2, "week"),
    ("Kolkata port was shut for two fortnights.", "two fortnights", 4, "week"),
])
def test_fortnights(text, mention, value, unit):
    r = one(text, mention)
    assert (r["kind"], r["value"], r["unit"], r["measure"]) == ("quantity", value, unit, "duration")


def test_dozens_counted():
    r = one("Nearly two dozen countries face the higher levy.", "two dozen countries")
    assert (r["value"], r["unit"], r["qualifier"]) == (24, "count", "approx")


@pytest.mark.parametrize("text, mention, value, unit", [
    ("Mexico takes roughly one in every four tonnes of US steel shipped abroad.", "one in every four", 25, "percent"),
    ("Argentina sold 300,000 head of cattle to China in the first half.", "300,000 head", 3e5, "count"),
])
def test_every_and_head_of_cattle(text, mention, value, unit):
    r = one(text, mention)
    assert r["unit"] == unit and close(r["value"], value)
    assert [x for x in claims(text) if x["unit"] == "tonne"] == []
