"""The measure of a claim: which tariff layer a rate is, read from the words around it.

Sentences written for these tests in the manner of wire copy, business papers and broadcasters'
sites (not taken from any article of the repository); the expected measure of each was worked out
by reading the sentence against the conventions of tests/holdout/README.md ("Measures").
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.api import extract_text

PUB = date(2026, 3, 12)


def measure_of(text: str, mention: str, n: int = 1) -> str:
    rows = [r for r in extract_text(text, source_id="t", published=PUB) if r["mention"] == mention]
    assert rows, [r["mention"] for r in extract_text(text, source_id="t", published=PUB)]
    assert all(r["kind"] == "tariff_rate" for r in rows), [(r["mention"], r["kind"]) for r in rows]
    return rows[n - 1]["measure"]


@pytest.mark.parametrize(
    "text, mention, n, want",
    [
        # the layer named right after the figure wins over whatever else the sentence names
        ("Hanoi's exporters have paid a 20 percent reciprocal duty since August, on top of "
         "Section 232 levies on their steel.", "20 percent", 1, "tariff_reciprocal"),
        ("The penalty over Russian crude comes on top of the 25% reciprocal tariff already "
         "in force.", "25%", 1, "tariff_reciprocal"),
        ("Singapore, which buys little Russian oil, stays at the 10 per cent baseline.",
         "10 per cent", 1, "tariff_reciprocal"),
        ("Washington set a 10% universal baseline on imports from nearly every partner.",
         "10%", 1, "tariff_reciprocal"),
        ("Seoul's carmakers face a 25 percent sectoral duty, while the country's other goods "
         "pay a lower rate.", "25 percent", 1, "tariff_sectoral"),
        ("Beijing answered with 15% retaliatory levies on American soybeans and pork.",
         "15%", 1, "tariff_retaliatory"),
        ("The administration kept a 20 per cent fentanyl-related tariff on Chinese goods.",
         "20 per cent", 1, "tariff_fentanyl"),
        ("The steel mills asked for a 30% anti-dumping duty on Vietnamese coil.",
         "30%", 1, "tariff_penalty"),
        ("Refiners worry that a 25 percent secondary tariff on Venezuelan crude buyers will "
         "spread to Russian oil.", "25 percent", 1, "tariff_secondary"),
        # the layer named in the noun phrase the figure completes
        ("Brussels prepared counter-tariffs of up to 25% on US bourbon and jeans.",
         "25%", 1, "tariff_retaliatory"),
        ("The draft would add a secondary levy of as much as 200 per cent.",
         "200 per cent", 1, "tariff_secondary"),
        ("Canadian lumber already carries countervailing duties of 14.4 percent.",
         "14.4 percent", 1, "tariff_penalty"),
        # a list continues the layer of its first figure
        ("The White House imposed fentanyl-linked tariffs of 25% on Mexico and 20% on China.",
         "20%", 1, "tariff_fentanyl"),
        # ... but not when the figure has its own noun phrase
        ("Indian shrimp face a countervailing duty of 5.77 per cent and a 50 per cent US "
         "tariff.", "50 per cent", 1, "tariff_rate"),
        ("The 10pc universal duty applies to nearly every trading partner.", "10pc", 1,
         "tariff_reciprocal"),
        # a layer word further back in the figure's own clause
        ("The president doubled the fentanyl levy he had placed on Chinese goods in February, "
         "to 20 per cent.", "20 per cent", 1, "tariff_fentanyl"),
        # a later clause names its own layer, not this figure's
        ("Country rates of up to 41 percent stay in place, and the fentanyl-linked duties of 35 "
         "percent on Canada stay too.", "41 percent", 1, "tariff_rate"),
        # a reference level continues the layer of the rate it is compared with
        ("The deal cuts the reciprocal duty on Thai goods to 19 per cent from 36 per cent.",
         "36 per cent", 1, "tariff_reciprocal"),
        # retaliation named by its verb
        ("Ottawa hit back with 25% tariffs on C$30 billion of American goods.",
         "25%", 1, "tariff_retaliatory"),
        ("New Delhi responded by raising duties on US almonds to 20 per cent.",
         "20 per cent", 1, "tariff_retaliatory"),
        # a secondary tariff in quotation marks
        ("Trump announced a 25 percent tariff on any country 'doing business' with Caracas.",
         "25 percent", 1, "tariff_secondary"),
        # a stacking phrase separates two layers
        ("The steel duties come on top of the 25 per cent tariff on non-USMCA goods.",
         "25 per cent", 1, "tariff_rate"),
        ("A 25% duty on top of the reciprocal tariff now applies to Indian goods.",
         "25%", 1, "tariff_rate"),
        # a layer word in the main clause does not reach a figure in an 'if' clause
        ("Mexico would answer with reciprocal duties if Washington goes ahead with a 30% tariff "
         "on its goods.", "30%", 1, "tariff_rate"),
        # 'to deal with' is a verb, not a trade deal
        ("Section 122 allows temporary duties of up to 15 percent to deal with payment "
         "deficits.", "15 percent", 1, "tariff_rate"),
        ("In return, Jakarta will cut duties on US cars to 10%.", "10%", 1, "tariff_deal"),
        # totals
        ("The move lifts the total duty on most Brazilian coffee and beef to 50 per cent.",
         "50 per cent", 1, "tariff_total"),
        ("The pact brings the effective levy on Indian goods down from 50 per cent.",
         "50 per cent", 1, "tariff_total"),
        ("The combined duty on Brazilian coffee, 50 per cent, has choked shipments.",
         "50 per cent", 1, "tariff_total"),
        ("Exporters said the overall tariff burden on their shipments now stands at 58 percent.",
         "58 percent", 1, "tariff_total"),
        ("The effective US tariff rate rose to 17.9%, according to the budget lab.", "17.9%", 1,
         "tariff_total"),
        ("With the new layer, Indian garments face a 50% combined rate in the US market.",
         "50%", 1, "tariff_total"),
        ("Cars pay 27.5 percent, which combines a 25 percent auto duty and a 2.5 percent "
         "most-favoured-nation rate.", "27.5 percent", 1, "tariff_total"),
        ("Cars pay 27.5 percent, which combines a 25 percent auto duty and a 2.5 percent "
         "most-favoured-nation rate.", "2.5 percent", 1, "tariff_mfn"),
        # deals
        ("Under the framework agreement reached in Kuala Lumpur, Washington will charge a 19 per "
         "cent tariff on most Malaysian goods.", "19 per cent", 1, "tariff_deal"),
        ("Both countries' trade deals cap US duties on their semiconductors at 15%.",
         "15%", 1, "tariff_deal"),
        ("Taipei secured a 20 percent rate after weeks of talks in Washington.",
         "20 percent", 1, "tariff_deal"),
        ("Since the trade deal collapsed, Canadian goods face a 35% tariff.",
         "35%", 1, "tariff_rate"),
        ("Ministers agreed to impose a 25% tariff on steel.", "25%", 1, "tariff_sectoral"),
        ("Without a deal, Swiss watches still face a 39% tariff.",
         "39%", 1, "tariff_rate"),
        # secondary tariffs on buyers of a third country's oil
        ("Senators want tariffs of up to 500% on countries that keep buying Russian crude.",
         "500%", 1, "tariff_secondary"),
        ("The order puts a 25 percent tariff on any nation that imports oil from Venezuela.",
         "25 percent", 1, "tariff_secondary"),
        # the Russian-oil penalty is still read when the target is a country
        ("New Delhi faces an extra 25% penalty tariff over its purchases of Russian oil.",
         "25%", 1, "tariff_penalty_russian_oil"),
        # no layer named: the generic measure
        ("Footwear makers said a 20 per cent tariff is something they can live with.",
         "20 per cent", 1, "tariff_rate"),
    ],
)
def test_tariff_layer(text, mention, n, want):
    assert measure_of(text, mention, n) == want


def fact_of(text: str, mention: str) -> tuple[str, str]:
    rows = [r for r in extract_text(text, source_id="t", published=PUB) if r["mention"] == mention]
    assert rows, [r["mention"] for r in extract_text(text, source_id="t", published=PUB)]
    return rows[0]["kind"], rows[0]["measure"]


@pytest.mark.parametrize(
    "text, mention, want",
    [
        # changes: weakening and discounts are falls, 'add' is a rise; 'up to' is a bound, not
        # a rise, and growth that is reduced falls
        ("The rupee weakened 0.7% against the dollar on Friday.", "0.7%",
         ("change", "change_decrease")),
        ("Importers were offered discounts of 5-8 per cent by Chinese suppliers.", "5-8 per cent",
         ("change", "change_decrease")),
        ("Freight brokers said the levy could add 12 percent to the landed cost of furniture.",
         "12 percent", ("change", "change_increase")),
        ("Brokers estimate the tariffs could shave up to 0.4 percentage point off Canada's growth.",
         "0.4 percentage point", ("change", "change_decrease")),
        ("The duties could reduce Thai economic growth by 0.5 percentage points.",
         "0.5 percentage points", ("change", "change_decrease")),
        # a level a share reaches or leaves is a share, not a change
        ("Mexico's share of US auto imports has climbed to 42 percent from 35 percent in 2019.",
         "42 percent", ("change", "share")),
        ("Mexico's share of US auto imports has climbed to 42 percent from 35 percent in 2019.",
         "35 percent", ("change", "share")),
        ("Brazil's share of US coffee imports fell from a peak of 38 per cent.", "38 per cent",
         ("change", "share")),
        ("Its share of Chinese exports has fallen to below 15 percent from about 19 percent.",
         "15 percent", ("change", "share")),
        ("Its share of Chinese exports has fallen to below 15 percent from about 19 percent.",
         "19 percent", ("change", "share")),
        # verbs whose object is a duty rate make a bare percentage a tariff rate, unless a nearer
        # word makes it a change
        ("Trucks built outside the bloc currently face 32.5 percent.", "32.5 percent",
         ("tariff_rate", "tariff_sectoral")),
        ("Cambodia secured 19 per cent at the last minute.", "19 per cent",
         ("tariff_rate", "tariff_deal")),
        ("Exporters face a 20% drop in orders.", "20%", ("change", "change_decrease")),
        ("Farmers face 20% losses on soybean sales.", "20%", ("change", "change_decrease")),
        # 'adding 25% tariffs' is a duty; only 'add 12 percent to the cost' is a rise
        ("Trump is adding 25% tariffs on Canadian lumber.", "25%",
         ("tariff_rate", "tariff_sectoral")),
        # a figure followed by 'up from' is a level, not a rise
        ("The duty on Chinese electric vehicles now stands at 100%, up from 25% last year.",
         "100%", ("tariff_rate", "tariff_sectoral")),
        ("Washington paused the 25% tariff, cutting it to 10%.", "10%",
         ("tariff_rate", "tariff_rate")),
        # money
        ("A 10% tariff on all imports would raise about $2 trillion over a decade, the CBO "
         "estimated.", "$2 trillion", ("trade_value", "tariff_revenue")),
        ("Canada conducted trade worth US$ 9.4 bn with Mexico last year.", "US$ 9.4 bn",
         ("trade_value", "bilateral_trade")),
        ("Importers paid $48 billion in duties in the first half, Treasury data show.",
         "$48 billion", ("trade_value", "tariff_revenue")),
        ("Ottawa will put counter-tariffs on C$60 billion of American goods.", "C$60 billion",
         ("trade_value", "imports")),
        ("Brussels will suspend the countermeasures worth $93 billion it had prepared.",
         "$93 billion", ("trade_value", "imports")),
        ("Korea will also purchase $100 billion worth of US energy.", "$100 billion",
         ("trade_value", "imports")),
        ("Vietnam ships about $15 billion a year of furniture to the US.", "$15 billion",
         ("trade_value", "exports")),
        ("Leather makers, which ship goods worth $4 billion a year to the US, would be hit "
         "hardest.", "$4 billion", ("trade_value", "exports")),
    ],
)
def test_fact_measure(text, mention, want):
    assert fact_of(text, mention) == want
