"""The event a date is tied to (claims.measure of kind date), read from the sentence.

Sentences written for these tests in the manner of wire copy and business papers (not taken
from any article of the repository); the expected event of each was worked out by reading the
sentence against the conventions of tests/holdout/README.md ("Dates: the event measure").
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.api import extract_text

PUB = date(2026, 3, 12)  # a Thursday


def event_of(text: str, mention: str) -> str:
    rows = [r for r in extract_text(text, source_id="t", published=PUB) if r["mention"] == mention]
    assert rows, [r["mention"] for r in extract_text(text, source_id="t", published=PUB)]
    assert rows[0]["kind"] == "date", rows[0]
    return rows[0]["measure"]


@pytest.mark.parametrize(
    "text, mention, want",
    [
        # a statement that announces a tariff decision is an announcement, not just an address
        ("The commerce ministry said on Monday that the new duties would take effect within a "
         "week.", "Monday", "event_announcement"),
        ("Officials said on Tuesday that talks had made good progress.", "Tuesday",
         "event_address"),
        ("Economists said on Monday that the tariffs would raise prices.", "Monday",
         "event_address"),
        # the day a tariff applies from, even with a speech verb beside it
        ("Beijing to lift duties on US soybeans to 30% from Sunday, says commerce ministry",
         "Sunday", "event_tariff_change"),
        ("Furniture makers have paid that rate since October, the association said.", "October",
         "event_tariff_change"),
        ("Seoul avoided the 25 percent rate U.S. President Donald Trump had threatened to apply "
         "from Aug. 1.", "Aug. 1", "event_tariff_change"),
        ("Japan's auto tariff was cut to 15% from 27.5% on September 16.", "September 16",
         "event_tariff_change"),
        # a date right after a speech verb dates the statement, not the talks it reports
        ("The EU's trade chief told reporters on Thursday that talks were at a critical stage.",
         "Thursday", "event_address"),
        ("Trump posted on Truth Social on Saturday that the tariff on Canada would rise to 35%.",
         "Saturday", "event_announcement"),
        ("The White House announced on April 2 a baseline tariff on all imports.", "April 2",
         "event_announcement"),
        # travelling 'for talks' is a visit
        ("Commerce Secretary Lutnick will travel to New Delhi next week for talks.", "next week",
         "event_visit"),
        ("Ministers from the 27 member states will meet in Luxembourg on Monday.", "Monday",
         "event_ministerial"),
        ("The Supreme Court will hear arguments on November 5.", "November 5", "event_other"),
        # the day of a market move is an event
        ("The yen weakened 0.8% against the dollar on Friday.", "Friday", "event_other"),
        ("Brent rose 1.1 per cent to $73.00 a barrel on Tuesday.", "Tuesday", "event_other"),
        # talks on the sidelines of a conference are a meeting
        ("Goyal will hold talks with Greer in Geneva on March 9 on the sidelines of the WTO "
         "conference.", "March 9", "event_meeting"),
        # a region's name is not a ministerial
        ("Asean economies could grow more slowly next year.", "next year", "date"),
        # naming a date is not a phone call; 'will unveil ... on' and 'would announce X on' date
        # an announcement
        ("Trump said he will unveil the tariffs on April 2, a date he has called "
         "\"Liberation Day\".", "April 2", "event_announcement"),
        ("Sheinbaum said she would announce her country's response on Sunday.", "Sunday",
         "event_announcement"),
        ("The White House announced tariffs that take effect on Monday.", "Monday",
         "event_tariff_change"),
        ("The next call on trade will take place on Friday.", "Friday", "event_call"),
        # a period right after a trade figure dates the figure
        ("Seafood shipments fell to US$ 2.1 bn last year, officials said.", "last year", "date"),
        ("Exports to the US rose 12 per cent in February, the ministry said.",
         "February", "date"),
        # 'called off' is not a phone call
        ("A trade delegation due in Ottawa on Wednesday called off the trip.", "Wednesday",
         "event_visit"),
        # a proposal dated is an announcement of it
        ("Jakarta proposed on Friday a cut in duties on US wheat.", "Friday",
         "event_announcement"),
        # ministers meeting together is a ministerial
        ("G20 trade ministers gather in Durban in April.", "April", "event_ministerial"),
        # court hearings and votes are other events
        ("The appeals court heard arguments on March 2.", "March 2",
         "event_other"),
        ("Lawmakers are expected to vote on the bill in May.", "May", "event_other"),
    ],
)
def test_event_measure(text, mention, want):
    assert event_of(text, mention) == want
