"""Measures, statuses and qualifiers of figures other than plain tariff rates: money that is a fee,
a fine or a loss rather than a trade flow; a percentage that is a projected change; a period that
dates a figure rather than an event; a tariff that 'goes up to' a new level.

Sentences written for these tests in the manner of wire copy, business papers and regional
dailies (not taken from any article of the repository); the expected values were worked out by
reading each sentence against tests/holdout/README.md ("Measures", "Status", "Qualifiers") and
the vocabulary in datapkg/vocab/measures.yml.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.api import extract_text

PUB = date(2026, 3, 12)


def row_of(text: str, mention: str) -> dict:
    rows = extract_text(text, source_id="t", published=PUB)
    hit = [r for r in rows if r["mention"] == mention]
    assert hit, [r["mention"] for r in rows]
    return hit[0]


@pytest.mark.parametrize(
    "text, mention, measure, status",
    [
        # fees, fines and charges are money, not the exports or ships named beside them
        ("China's port fees on US-owned ships are 400 yuan per net ton.", "400 yuan", "money",
         "in_force"),
        ("Shipping lines will pay a fee of $50 per net ton on each US port call.", "$50",
         "money", "announced"),
        ("Seoul will levy a penalty of 2 billion won on the exporter.", "2 billion won", "money",
         "announced"),
        ("Beijing said on Tuesday it would charge US-owned vessels a port fee of 400 yuan a "
         "ton.", "400 yuan", "money", "announced"),
        # what something costs someone is a loss, whoever the someone is
        ("The tariffs could cost Canadian exporters C$20 billion a year, the think tank "
         "estimated.", "C$20 billion", "economic_loss", "hypothetical"),
        ("The shutdown has cost automakers as much as $1.5 billion in lost output, the union "
         "said.", "$1.5 billion", "economic_loss", "in_force"),
        # a sum announced is announced; one planned is proposed
        ("The government unveiled a 20 billion baht relief package for exporters on Monday.",
         "20 billion baht", "money", "announced"),
        ("Toyota plans to buy $2 billion of American soybeans, a person familiar said.",
         "$2 billion", "imports", "proposed"),
        # flows stay flows
        ("Vietnam shipped $142 billion of goods to the US last year.", "$142 billion",
         "exports", "in_force"),
        ("India bought $52 billion of Russian crude in 2024.", "$52 billion", "imports",
         "in_force"),
    ],
)
def test_money_measure(text, mention, measure, status):
    row = row_of(text, mention)
    assert row["kind"] == "trade_value"
    assert (row["measure"], row["status"]) == (measure, status)


@pytest.mark.parametrize(
    "text, mention, status",
    [
        # a forecast change is hypothetical
        ("Economists expect 3-5% growth in shipments this year.", "3-5%", "hypothetical"),
        ("The ministry anticipates a 7% rise in farm exports.", "7%", "hypothetical"),
        ("The industry body expects shipments to Europe to grow 6-8% next year.", "6-8%",
         "hypothetical"),
        # a reported change is a fact, also when someone announces it
        ("Exports to the US grew 4-6% in the first half.", "4-6%", "in_force"),
        ("The ministry announced that exports rose 12% in May.", "12%", "in_force"),
    ],
)
def test_change_status(text, mention, status):
    row = row_of(text, mention)
    assert row["kind"] == "change"
    assert row["status"] == status


@pytest.mark.parametrize(
    "text, mention, measure",
    [
        # the period of a flow or tally, with words between the figure and the period
        ("Britain exported £6.6bn of medicines to the US last year, official data show.",
         "last year", "date"),
        ("German mills shipped about 1 million tonnes of steel to America in 2024.", "2024",
         "date"),
        ("Textile makers had lost orders worth $500 million since April, the association said.",
         "April", "date"),
        ("Pakistan's exports to the US were $5.4bn in FY25, which ended on June 30.", "June 30",
         "date"),
        # a tariff step, a cut in a flow, a meeting: those dates are events
        ("Trump slapped a 25% penalty over Russian oil purchases in August last year.",
         "August last year", "event_tariff_change"),
        ("India has reduced its Russian oil imports since September 2025.", "September 2025",
         "event_trade_change"),
        ("Exporters met Commerce Ministry officials on Monday to discuss shipments.", "Monday",
         "event_meeting"),
        # a ship's port call is not a phone call; a fee applies from its date
        ("Vessels will pay a fee of $50 a ton on each port call from October 14.", "October 14",
         "event_tariff_change"),
        ("Modi and Trump spoke by phone on Tuesday.", "Tuesday", "event_call"),
        # the event a date is tied to, whatever speech verb stands nearer
        ("After a video call with Japan's prime minister on Tuesday, Trump said the deal was "
         "close.", "Tuesday", "event_call"),
        ("Sefcovic will speak with Lutnick on Friday.", "Friday", "event_call"),
        ("Canadian customs data released on Friday showed lumber shipments fell 12% in May.",
         "Friday", "event_other"),
        ("Chile's exports to China reached $40 billion in 2024, customs data show.", "2024",
         "date"),
        ("The fact sheet released on Thursday lists the products covered.", "Thursday",
         "event_announcement"),
        ("Colombian negotiators made three trips to Washington since February.", "February",
         "event_visit"),
        ("The preference scheme, which expires on 30 June, lets most goods enter duty-free.",
         "30 June", "event_other"),
        ("A group of senators introduced a bill on Wednesday that would cap tariffs at 10%.",
         "Wednesday", "event_other"),
        # when a rate applies
        ("Brazil faces 50pc from August 6, while Chile has been spared.", "August 6",
         "event_tariff_change"),
        ("Duties on pickup trucks rise to 35 per cent on March 1.", "March 1",
         "event_tariff_change"),
        ("The 15% duty on Swiss watches is retroactive to Nov. 14, the notice said.", "Nov. 14",
         "event_tariff_change"),
        ("The levy on EU cars takes full effect in January 2027.", "January 2027",
         "event_tariff_change"),
        ("The 25 percent penalty on Indian goods will be scrapped with effect from December 1.",
         "December 1", "event_tariff_change"),
        # ... not when the percentage is a change in a flow
        ("Exports rose 5% on Monday, the data showed.", "Monday", "event_other"),
    ],
)
def test_date_measure(text, mention, measure):
    row = row_of(text, mention)
    assert row["kind"] == "date"
    assert row["measure"] == measure


@pytest.mark.parametrize(
    "text, mention, qualifier",
    [
        # 'go up to' names the new level, not a cap on it
        ("Duties on Brazilian beef will go up to 76.4 per cent next month.", "76.4 per cent",
         "exact"),
        ("Tariffs on Chinese goods went up to 145% in April.", "145%", "exact"),
        # ... while 'by up to' and a bare 'up to' cap it
        ("The levy may rise by up to 10% next year.", "10%", "upper_bound"),
        ("Brussels proposed duties of up to 50% on US whiskey.", "50%", "upper_bound"),
        # a comparison with 'the' names another rate, not a bound on this one
        ("Taiwan's 20% rate is higher than the 15% secured by Japan.", "15%", "exact"),
        ("Exporters pay more than 25% on most goods.", "25%", "lower_bound"),
    ],
)
def test_level_qualifier(text, mention, qualifier):
    assert row_of(text, mention)["qualifier"] == qualifier
