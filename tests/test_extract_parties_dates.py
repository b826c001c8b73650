"""Parties of date claims: a bare period that dates a figure names no party; an event's date
carries the event's parties, the first being the party that acted on that day.

Sentences written for this file in the manner of wire, business and broadcast copy; the expected
parties were worked out by reading, by the conventions of tests/holdout/README.md and
tests/holdout2/README.md (event dates carry the parties of the event; a data period such as
'last year' or 'in 2024' dates a figure and belongs to no party). parties.date_parties is called
directly with the sentence's parties, as the pipeline calls it for each date of a sentence.
"""

from __future__ import annotations

import pytest

from extract import parties, places


def date_parties(text: str, mention: str, measure: str) -> tuple[str, str]:
    start = text.index(mention)
    found = places.with_roles(text, places.find(text))
    return parties.date_parties(found, start, start + len(mention), measure, 0, len(text), text)


@pytest.mark.parametrize(
    "text, mention",
    [
        # a data period dates the flow but is a time, not an act: it names no party (four of the
        # six development sets and the gold write it so; the first and third give the flow's)
        ("Mexico shipped $505 billion of goods to the United States last year.", "last year"),
        ("Exports of Thai rice to China rose 14% in the first half, customs data showed.", "first half"),
        ("South Korea ran a $55 billion surplus with the US in 2024, its largest on record.", "2024"),
        ("Australia's beef sales to America hit A$4.5 billion in the 2024-25 season.", "2024-25"),
    ],
)
def test_a_period_dating_a_trade_figure_names_no_party(text, mention):
    assert date_parties(text, mention, "date") == ("", "")


@pytest.mark.parametrize(
    "text, mention, first, second",
    [
        # the speaker of 'said <day>' is the first party even where another country opens the
        # sentence as the subject of the reported clause
        ("Cambodia accepted a 19% rate on its goods, President Donald Trump said Thursday.",
         "Thursday", "USA", "KHM"),
        ("Canada will scrap its digital services tax, Carney said on Sunday.", "Sunday", "CAN", ""),
        ("President Lula on Monday signed a decree allowing Brazil to answer US tariffs in kind.",
         "Monday", "BRA", "USA"),
        # a party after a verb is its object, not the one acting on the day
        ("Sheinbaum will meet Trump on Friday.", "Friday", "MEX", "USA"),
    ],
)
def test_an_event_date_takes_the_party_acting_on_it(text, mention, first, second):
    assert date_parties(text, mention, "event_announcement") == (first, second)


def test_the_day_a_tariff_changes_takes_the_tariffs_parties():
    text = "The 25% US tariff on Canadian steel takes effect on March 12, officials said."
    assert date_parties(text, "March 12", "event_tariff_change") == ("USA", "CAN")


def test_a_pair_acting_on_the_day_gives_both_parties_in_order():
    text = "Tokyo and Washington on Tuesday signed the implementing order for their deal."
    assert date_parties(text, "Tuesday", "event_announcement") == ("JPN", "USA")
    text = "Markets await a meeting between Modi and Trump on September 22."
    assert date_parties(text, "September 22", "event_meeting") == ("IND", "USA")


@pytest.mark.parametrize(
    "text, mention, first, second",
    [
        # the country spoken about is the subject matter, not the one addressed
        ("Trade Minister Dan Farrell said on Friday that Ireland expected Washington to spare its "
         "drugmakers.", "Friday", "IRL", ""),
        ("Beijing said on Monday it would answer any US levy in kind.", "Monday", "CHN", ""),
        # a pair named side by side are both parties of what is said about them
        ("China and the EU are close to a deal on electric cars, officials said on Thursday.",
         "Thursday", "CHN", "X-EU"),
    ],
)
def test_what_a_party_says_names_a_second_party_only_when_addressed_or_paired(
        text, mention, first, second):
    assert date_parties(text, mention, "event_address") == (first, second)


def test_the_party_acting_on_the_day_comes_first_even_when_named_as_a_partner_before():
    text = ("Cambodia reached a deal with the US that sets a 19% tariff on its goods, President "
            "Donald Trump said Tuesday.")
    assert date_parties(text, "Tuesday", "event_announcement") == ("USA", "KHM")


def test_a_pair_named_with_first_names_or_titles_is_still_a_pair():
    text = "Investors await a possible meeting between Xi Jinping and Donald Trump on October 30."
    assert date_parties(text, "October 30", "event_meeting") == ("CHN", "USA")


def test_a_pair_acting_on_the_day_a_tariff_changes_are_the_events_parties():
    # the joint act is told of the day; the tariff in the rest of the sentence does not reorder them
    text = ("Ottawa and Washington on Monday signed an accord under which US duties on Canadian "
            "lumber will fall to 10 percent.")
    assert date_parties(text, "Monday", "event_tariff_change") == ("CAN", "USA")


def test_a_visit_by_an_unnamed_official_takes_the_party_of_the_sentence_before():
    text = ("Kenya secured a 10% rate in its talks with the US. The trade secretary will travel to "
            "Washington next week to sign the agreement.")
    start = text.index("next week")
    found = places.with_roles(text, places.find(text))
    lo = text.index("The trade secretary")
    in_sentence = [p for p in found if p.start >= lo]
    got = parties.date_parties(in_sentence, start, start + len("next week"), "event_visit", lo,
                               len(text), text)
    assert got == ("KEN", "USA")
