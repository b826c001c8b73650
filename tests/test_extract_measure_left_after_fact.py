"""A rate the sentence moved away from is left (removed) also where a verb of fact stands before
it: 'have faced 15%, up from 10%', 'was raised from 25%'. Only a cue of something still to come
or only supposed ('will', 'would', 'threatened') keeps the old level standing.

Sentences written for this file in the manner of trade copy. Expected statuses worked out by
reading each one, by tests/holdout/README.md (a rate no longer applying is removed; the rate
applying now is in_force): the rate faced now is in force, the one it rose from no longer applies.
"""

from __future__ import annotations

import pytest
from extract_helpers import one


@pytest.mark.parametrize(
    "text, mention, status",
    [
        ("Moroccan goods have faced a 15 per cent US tariff since August 7, up from 10 per cent.",
         "10 per cent", "removed"),
        ("Moroccan goods have faced a 15 per cent US tariff since August 7, up from 10 per cent.",
         "15 per cent", "in_force"),
        ("Peruvian exporters face a 20% US tariff, up from 10%.", "10%", "removed"),
        ("The levy was raised from 25 percent in June.", "25 percent", "removed"),
        # still to come: the old level stands until then
        ("Washington will raise the tariff to 25% from 10% next month.", "10%", "in_force"),
    ],
)
def test_level_left_after_a_fact(text: str, mention: str, status: str) -> None:
    r = one(text, mention)
    assert (r["kind"], r["status"]) == ("tariff_rate", status)
