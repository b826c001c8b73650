"""The status of a tariff rate: in force, announced, threatened, proposed, waived, removed or
hypothetical, read from the wording around it.

Sentences written for these tests in the manner of wire copy, business papers and broadcasters'
sites (not taken from any article of the repository); the expected status of each was worked out
by reading the sentence against the conventions of tests/holdout/README.md ("Status").
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.api import extract_text

PUB = date(2026, 3, 12)


def status_of(text: str, mention: str) -> str:
    rows = [r for r in extract_text(text, source_id="t", published=PUB) if r["mention"] == mention]
    assert rows, [r["mention"] for r in extract_text(text, source_id="t", published=PUB)]
    assert rows[0]["kind"] == "tariff_rate", rows[0]
    return rows[0]["status"]


@pytest.mark.parametrize(
    "text, mention, want",
    [
        # in force
        ("Ottawa said it would respond after a 35 per cent US tariff on Canadian goods came "
         "into force on Friday.", "35 per cent", "in_force"),
        ("Exporters will seek relief now that the 39% levy has taken hold.", "39%", "in_force"),
        ("Cotton mills have paid a 50 percent duty since August.", "50 percent", "in_force"),
        # a level reached is in force; only a deal reached is announced
        ("Beijing's retaliatory tariffs on US goods reached 125 per cent.", "125 per cent",
         "in_force"),
        # announced: will, set to, reported 'would', announcing
        ("Beijing responded by announcing tariffs of 10-15% on American farm goods.",
         "10-15%", "announced"),
        ("The White House said on Friday that the 30 percent tariff would take effect on "
         "August 1.", "30 percent", "announced"),
        ("Mexico's economy minister said the country would impose 20% tariffs on Chinese "
         "textiles.", "20%", "announced"),
        ("Under the accord, Washington will charge a 15 per cent tariff on most Korean goods.",
         "15 per cent", "announced"),
        ("The European Union will retaliate with 25% duties on US motorcycles.", "25%",
         "announced"),
        ("The 25% tariff on Mexican trucks is expected to take effect on November 1.", "25%",
         "announced"),
        ("Washington plans to impose a 25% levy on imported heavy trucks.", "25%", "announced"),
        ("Transshipped goods will face an extra 40 per cent, the order said.", "40 per cent",
         "announced"),
        ("India, which had a 50% tariff until last month, would welcome a broader deal.", "50%",
         "in_force"),
        # a tariff's future effects are not an announcement of it
        ("The 50% tariff will hurt exporters in Tirupur.", "50%", "in_force"),
        # 'illegal transshipment' is not a ruling
        ("Goods found to involve illegal transshipment face a 40% penalty.", "40%", "in_force"),
        ("The tariffs, set at 20% for most goods, start on August 1.", "20%", "announced"),
        ("The new 15% rate kicks in on Friday.", "15%", "announced"),
        ("Under the plan, a 25% tariff would apply to all foreign-made trucks.", "25%",
         "proposed"),
        # the level a change starts from is the rate in force; the wish or forecast is the new one's
        ("Trump said the 25% tariff on pharmaceuticals could rise to 250% over time.", "25%",
         "in_force"),
        ("Trump said the 25% tariff on pharmaceuticals could rise to 250% over time.", "250%",
         "hypothetical"),
        ("Japan wants the 25% auto tariff cut to 12.5%.", "25%", "in_force"),
        ("Japan wants the 25% auto tariff cut to 12.5%.", "12.5%", "proposed"),
        ("Washington paused the 25% tariff, cutting it to 10%.", "25%", "waived"),
        # threatened: the infinitive 'to impose' is not 'imposed'
        ("Trump threatened on social media to impose a 100% tariff on foreign-made films.",
         "100%", "threatened"),
        ("Trump has warned that chipmakers could face a 100% tariff.", "100%", "threatened"),
        # hypothetical: a forecast with 'would' is not reported speech of a decision
        ("Economists estimate a 40 percent tariff would shave a point off growth.",
         "40 percent", "hypothetical"),
        ("A 25% levy would take effect only if talks collapse.", "25%", "hypothetical"),
        ("Analysts said the 30% tariff would raise prices for American shoppers.", "30%",
         "hypothetical"),
        ("Trump said the tariff on Canada would rise to 35% next month.", "35%", "announced"),
        # a forecast of a rate; 'effective' here means overall, not in force
        ("Analysts expect the effective US tariff rate to settle at 17% next year.", "17%",
         "hypothetical"),
        ("The Senate passed a resolution to end the 10% global tariff.", "10%", "proposed"),
        # proposed: a bill that 'would' impose is a proposal, not a forecast
        ("A Senate bill that would impose a 500 per cent tariff on buyers of Iranian oil "
         "gained ten more sponsors.", "500 per cent", "proposed"),
        ("The bill would let the president impose tariffs of up to 250% on drug imports, "
         "its sponsors said.", "250%", "proposed"),
        # the legal basis is not an announcement
        ("Importers still pay the 10% baseline imposed under executive order 14257.",
         "10%", "in_force"),
        # extended: the rate stays
        ("Trump extended by 60 days a 25% tariff on Mexican goods, instead of raising it as he "
         "had threatened.", "25%", "in_force"),
        # 'demand' and 'bill' as ordinary nouns do not propose a rate
        ("US demand for Indian carpets slumped after the 50% tariff.", "50%", "in_force"),
        ("India's oil import bill rose even as the 25% penalty applied.", "25%", "in_force"),
        # waived
        ("Washington will pause the 34% duty for 90 days.", "34%", "waived"),
        ("Mexico won a 90-day delay of the 30% tariff in exchange for border measures.", "30%",
         "waived"),
        # removed
        ("The trade court ruled the fentanyl tariffs of 25% on Canada unlawful.", "25%",
         "removed"),
        # negotiators are people, not a negotiation: the rate they won is a deal's term
        ("Hanoi's negotiators won a reduction of the rate to 20% in July.", "20%", "announced"),
        ("The appeals court voided the 10 percent global tariff on Thursday.",
         "10 percent", "removed"),
        ("Under the interim pact the US will scrap the 25% penalty over Russian oil.",
         "25%", "removed"),
        ("Washington agreed to lift the 20 per cent levy on Brazilian beef.",
         "20 per cent", "removed"),
        # a reference level takes its own clause's cue, else it is the rate in force
        ("The new rate would take effect on August 1, up from the 10% baseline importers have "
         "paid since April.", "10%", "in_force"),
        # ... but a level a deal replaces is removed, threatened or not (holdout README: 'removed
        # (... replaced by a deal's terms ...)'; holdout2 README: 'A rate replaced by a deal's
        # terms is removed')
        ("Seoul agreed to a 15% rate, down from the 25% rate Washington had threatened to impose.",
         "25%", "removed"),
        ("Seoul warned of a 15% rate, down from the 25% rate Washington had threatened to impose.",
         "25%", "threatened"),
        ("Beijing will raise its duties on US goods to 84 percent from 34 percent.",
         "34 percent", "in_force"),
        ("Beijing will raise its duties on US goods to 84 percent from 34 percent.",
         "84 percent", "announced"),
        # the words leading to the next figure are not this figure's ('from the current')
        ("The pact lowers the duty on Korean cars to 15 percent from the current 25 percent.",
         "15 percent", "announced"),
        ("The pact lowers the duty on Korean cars to 15 percent from the current 25 percent.",
         "25 percent", "in_force"),
        ("The accord averts the 30 per cent rate Trump had threatened for August.",
         "30 per cent", "threatened"),
    ],
)
def test_tariff_status(text, mention, want):
    assert status_of(text, mention) == want


def fact_status(text: str, mention: str) -> str:
    rows = [r for r in extract_text(text, source_id="t", published=PUB) if r["mention"] == mention]
    assert rows, [r["mention"] for r in extract_text(text, source_id="t", published=PUB)]
    assert rows[0]["kind"] != "tariff_rate", rows[0]
    return rows[0]["status"]


@pytest.mark.parametrize(
    "text, mention, want",
    [
        # 'estimated at' states a present figure roughly; an estimate of an effect is hypothetical
        ("Annual two-way trade with Cuba is estimated at $1.1 billion.", "$1.1 billion",
         "in_force"),
        ("Analysts estimate the duties will cost exporters $3 billion.", "$3 billion",
         "hypothetical"),
        # a figure in a ', which ... ,' aside takes the aside's standing, not the main clause's
        ("Leather makers, which ship goods worth $4 billion a year to the US, would be hit "
         "hardest.", "$4 billion", "in_force"),
        ("Seoul will also purchase $20 billion of US farm goods.", "$20 billion", "announced"),
        # 'demand' as a noun is the market's, not a request
        ("Demand for Indian shrimp in the US fell 15% in the quarter.", "15%", "in_force"),
        ("Exporters demanded a relief package of $1 billion.", "$1 billion", "proposed"),
        # outlays being prepared or asked for are proposed
        ("The ministry is finalising a relief scheme with an outlay of Rs 12,000 crore.",
         "Rs 12,000 crore", "proposed"),
        ("Exporters have asked the government for a credit line of about $2 billion.",
         "$2 billion", "proposed"),
    ],
)
def test_fact_status(text, mention, want):
    assert fact_status(text, mention) == want
