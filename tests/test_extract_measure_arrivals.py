"""'Arrivals' counts goods or people that came in (a flow); it is not a visit.

Sentences written for this file in the manner of business and trade copy. Expected values worked
out by reading each one by tests/holdout/README.md ("`date` for a bare period attached to a
figure"; event_visit for a visit or trip): 'sorghum arrivals in March fell 12%' reports imports
over March, so March is that figure's period and dates the fall; 'the minister arrived in
Washington on Monday' is a visit. Article date 2025-10-22, so 'March' is March 2025.
"""

from __future__ import annotations

from extract_helpers import dates_of, one

FLOW = "Customs data released on Tuesday showed sorghum arrivals in March fell 12% from a year earlier."


def test_a_month_of_arrivals_is_the_figures_period() -> None:
    assert one(FLOW, "March")["measure"] == "date"


def test_the_arrivals_change_is_dated_by_that_month() -> None:
    assert dates_of(one(FLOW, "12%")) == ("2025-03-01", "2025-03-31")


def test_tourist_arrivals_are_no_visit() -> None:
    text = "Tourist arrivals from the United States in September rose 8 percent to 91,000."
    assert one(text, "September")["measure"] == "date"


def test_a_minister_who_arrived_still_visits() -> None:
    text = "Trade Minister Piyush Goyal arrived in Washington on Monday."
    assert one(text, "Monday")["measure"] == "event_visit"
