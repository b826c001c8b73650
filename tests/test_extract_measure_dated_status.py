"""A tariff rate that starts after the article's day is announced, not in force.

Convention read from tests/holdout/README.md and the dev sets' annotation: a rate is in force once
it applies; one told with a start still to come ('faces a 35% tariff starting Aug. 1' in copy of
14 July) is announced. Expected values worked out by hand from the dates in each case.
"""

from __future__ import annotations

from datetime import date

from extract.classify import dated_status

PUB = date(2025, 7, 14)


def test_a_rate_starting_after_the_article_is_announced() -> None:
    assert dated_status("in_force", "tariff_rate", date(2025, 8, 1), PUB) == "announced"


def test_a_rate_that_started_on_or_before_the_article_stays_in_force() -> None:
    assert dated_status("in_force", "tariff_rate", date(2025, 7, 14), PUB) == "in_force"
    assert dated_status("in_force", "tariff_rate", date(2025, 4, 5), PUB) == "in_force"


def test_other_standings_of_a_future_rate_stay_as_read() -> None:
    for status in ("threatened", "proposed", "removed", "waived", "hypothetical"):
        assert dated_status(status, "tariff_rate", date(2025, 8, 1), PUB) == status


def test_only_tariff_rates_move() -> None:  # a trade figure's future period is a projection's
    assert dated_status("in_force", "trade_value", date(2026, 1, 1), PUB) == "in_force"


def test_no_start_or_no_article_day_leaves_the_status() -> None:
    assert dated_status("in_force", "tariff_rate", None, PUB) == "in_force"
    assert dated_status("in_force", "tariff_rate", date(2025, 8, 1), None) == "in_force"
