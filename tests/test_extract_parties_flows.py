"""Whose flow a trade figure or share is, and lists whose countries follow their figures.

Sentences written for this file in the manner of wire, business and broadcast copy; expected
values worked out by reading, by the conventions of tests/holdout/README.md: for a trade flow or
balance the first party is the one whose flow or balance it is, the second its partner; for a
share the first party is the one whose flow is divided; in a list each figure takes the country
at its own place.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.api import extract_text

PUB = date(2025, 9, 10)


def rows(text: str, mention: str) -> list[dict]:
    got = [r for r in extract_text(text, source_id="t", published=PUB) if r["mention"] == mention]
    assert got, [r["mention"] for r in extract_text(text, source_id="t", published=PUB)]
    return got


def first(text: str, mention: str) -> tuple[str, str]:
    r = rows(text, mention)[0]
    return r["imposer"], r["target"]


@pytest.mark.parametrize(
    "text, mention, imposer, target",
    [
        # the party running the balance is its first party, even when named before as a partner
        ("Mexico sold $506 billion of goods to the US last year, and the US ran a trade deficit "
         "of $172 billion with Mexico.", "$172 billion", "USA", "MEX"),
        ("Japan's exports to America rose, while the United States posted a $68 billion deficit "
         "with Japan.", "$68 billion", "USA", "JPN"),
        # 'X is Y's biggest single export market, taking N of them': Y's exports are divided
        ("The US is Germany's biggest single export market for cars, taking 13% of them.",
         "13%", "DEU", "USA"),
        # a share of goods imported by a party divides that party's imports
        ("Canada, which supplied 40 per cent of the aluminium imported by the US last year, "
         "was hit hardest.", "40 per cent", "USA", "CAN"),
        ("Brazil provided about a third of the soybeans bought by China in 2024.",
         "a third", "CHN", "BRA"),
    ],
)
def test_whose_flow_or_balance(text, mention, imposer, target):
    assert first(text, mention) == (imposer, target)


@pytest.mark.parametrize(
    "text, mention, expected",
    [
        ("Washington set rates of 10, 15 and 20 per cent on Laos, Myanmar and Cambodia "
         "respectively.", "10, 15 and 20 per cent",
         [(10.0, "LAO"), (15.0, "MMR"), (20.0, "KHM")]),
        ("Duties of 30 and 35 percent will fall on South Africa and Canada, respectively, "
         "from August 1.", "30 and 35 percent", [(30.0, "ZAF"), (35.0, "CAN")]),
        # the countries before the figures, as before
        ("Thailand and Cambodia were set at 36 and 49 per cent respectively.",
         "36 and 49 per cent", [(36.0, "THA"), (49.0, "KHM")]),
    ],
)
def test_a_list_of_figures_pairs_with_the_countries_after_it(text, mention, expected):
    assert [(r["value"], r["target"]) for r in rows(text, mention)] == expected


@pytest.mark.parametrize(
    "text, mention, imposer, target",
    [
        # the part is no party: the share has no second party, though another country is named
        ("Rice makes up about 30% of Thailand's farm exports, most of it shipped to China.",
         "30%", "THA", ""),
        ("The tariffs could shave 0.4 percentage point off Mexico's growth, the US central bank "
         "said.", "0.4 percentage point", "MEX", ""),
        # the part named before the share is its second party, also through a pronoun subject
        ("Chile exports copper worth $7 billion. It supplies 65% of U.S. refined copper imports.",
         "65%", "USA", "CHL"),
        # a partner inside the whole
        ("Electronics account for 45 per cent of Vietnam's exports to the US.",
         "45 per cent", "VNM", "USA"),
    ],
)
def test_the_second_party_of_a_share_is_its_part_or_a_partner_in_the_whole(text, mention, imposer,
                                                                              target):
    assert first(text, mention) == (imposer, target)


# --- a commodity named by its origin ('Russian crude') ---------------------------------------------

@pytest.mark.parametrize(
    "text, mention, imposer, target",
    [
        # the origin of the commodity is the second party of the buyer's flow
        ("Turkey's purchases of Russian crude rose to 300,000 barrels per day in May.",
         "300,000 barrels per day", "TUR", "RUS"),
        ("China's imports of Iranian oil fell 12% in October.", "12%", "CHN", "IRN"),
        # ... but never the side a penalty for buying it falls on
        ("Washington put a 25% penalty on Indian goods for buying Russian oil.", "25%", "USA", "IND"),
    ],
)
def test_a_commodity_by_origin_is_a_flows_second_party_not_a_tariffs_target(text, mention,
                                                                            imposer, target):
    assert first(text, mention) == (imposer, target)


def test_a_commodity_in_another_clause_owns_no_flow():
    text = ('"We will stop buying Venezuelan oil rather than risk a levy on $40 billion of exports '
            'to the US," a Spanish refiner said.')
    assert first(text, "$40 billion")[0] != "VEN"


@pytest.mark.parametrize(
    "text, mention, imposer, target",
    [
        # the country ranked above ('after China') is no party of the figure
        ("Peru's exports to the US reached $9 billion last year, making the US the country's "
         "second-largest export market after China.", "second-largest", "PER", "USA"),
        ("Colombia sold $14 billion of goods to the US last year, while the US ran a surplus of "
         "about $2 billion with the country, its tenth-largest after Japan.",
         "tenth-largest", "USA", "COL"),
    ],
)
def test_a_party_ranked_above_is_no_party_of_the_figure(text, mention, imposer, target):
    assert first(text, mention) == (imposer, target)
