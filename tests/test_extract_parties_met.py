"""The party met or visited on a dated event is its second party, not the one acting on the date.

Sentences written for this file in the manner of wire and business copy. Expected parties worked
out by reading each one, by tests/holdout/README.md (an event date carries the parties of the
event) and tests/holdout2/README.md ("Event dates carry the parties of the event in
imposer/target where the text names them"): the side that meets, visits or travels is the first
party, the side met or visited the second. A spoken date (an address) keeps the speaker first and
names no second party for a country met later in the words said.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import one

PUB = date(2025, 9, 10)  # a Wednesday


def event(text: str, mention: str) -> tuple[str, str, str]:
    """(measure, imposer, target) of the mention's one claim."""
    r = one(text, mention, PUB)
    return r["measure"], r["imposer"], r["target"]


@pytest.mark.parametrize(
    "text, mention, imposer, target",
    [
        # the visitor is named only in the sentence before: it is carried, the place visited is second
        ("Nepal's garment exports fell 12% last year. A team led by Commerce Secretary Ram Thapa "
         "will visit Washington in October.", "October", "NPL", "USA"),
        # 'met a US trade delegation in Doha': Doha's country met the US side
        ("Qatar's trade minister met a US trade delegation in Doha on Monday.", "Monday", "QAT", "USA"),
        # 'meets Trump': the head of government who meets is first
        ("Kenya hopes for a deal. President William Ruto meets Trump at the White House on "
         "September 18.", "September 18", "KEN", "USA"),
        # a head of state met, with title and names between verb and party
        ("Japan's exports to the US fell 5% in July. The prime minister met President Donald "
         "Trump on Sept. 3.", "Sept. 3", "JPN", "USA"),
    ],
)
def test_party_met_or_visited_is_second(text: str, mention: str, imposer: str, target: str) -> None:
    _measure, got_imposer, got_target = event(text, mention)
    assert (got_imposer, got_target) == (imposer, target)


def test_officials_visiting_a_country_come_first() -> None:
    # 'when US officials visit the UAE in October': the US side visits, the UAE is visited
    text = ("Abu Dhabi has asked Washington for a larger quota, a request to be discussed when US "
            "officials visit the UAE in October.")
    assert event(text, "October")[1:] == ("USA", "ARE")


def test_speaker_who_will_meet_a_party_is_first_of_the_address() -> None:
    # the address: Brazil's minister spoke on Tuesday; the US is what he spoke of, not the other
    # side of his address; the meeting next week is Brazil's with the US
    text = ("Brazil's Finance Minister Fernando Haddad said on Tuesday that he would meet US "
            "Treasury Secretary Scott Bessent next week.")
    assert event(text, "Tuesday")[1:] == ("BRA", "")
    assert event(text, "next week")[1:] == ("BRA", "USA")
