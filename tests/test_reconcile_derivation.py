"""The tariff stack: components add up to the total; an implied layer is derived."""

from __future__ import annotations

from datapkg.reconcile import reconcile
from datapkg.reconcile.testing import claim_row, claims_frame, sources_frame

ORIGINS = {s: s for s in ("pti", "express", "gibn", "other")}
AUG = {"date_from": "2025-08-01", "date_to": "2025-08-31"}


def run(rows):
    return reconcile(claims_frame(rows), sources_frame(ORIGINS))


def total(source, start=1, value=50.0, **kw):
    return claim_row(source, start, value=value, measure="tariff_total", **kw)


def part(source, start, measure, value=25.0, **kw):
    return claim_row(source, start, value=value, measure=measure, **kw)


def test_total_including_penalty_derives_the_remainder_citing_both_claims():
    # "50-per cent tariffs ..., including a 25-per cent punitive levy over Russian oil"
    facts, evidence = run(
        [total("pti", **AUG), part("pti", 40, "tariff_penalty_russian_oil", **AUG)]
    )
    derived = facts[facts["derived"]]
    assert len(derived) == 1
    d = derived.iloc[0]
    assert d["fact_id"] == "tariff_rate.usa.ind.in_force.2025-08.derived"
    assert (d["fact_type"], d["value"], d["unit"]) == ("tariff_component", 25.0, "percent")
    assert (d["imposer"], d["target"], d["status"]) == ("USA", "IND", "in_force")
    assert (d["n_claims"], d["n_sources"]) == (0, 0)
    assert "tariff_total.usa.ind.in_force.2025-08" in d["derivation"]
    assert "tariff_penalty_russian_oil.usa.ind.in_force.2025-08" in d["derivation"]
    assert "pti-1-6" in d["derivation"] and "pti-40-45" in d["derivation"]
    ev = evidence[evidence["fact_id"] == d["fact_id"]]
    assert dict(zip(ev["claim_id"], ev["role"], strict=True)) == {
        "pti-1-6": "derives",
        "pti-40-45": "derives",
    }
    assert not facts["conflict"].any()
    assert d["label"].endswith("[derived]")


def test_stated_components_that_add_up_give_no_derivation_and_no_conflict():
    facts, _ = run(
        [
            total("pti", **AUG),
            part("gibn", 1, "tariff_reciprocal"),
            part("gibn", 40, "tariff_penalty_russian_oil"),
        ]
    )
    assert not facts["derived"].any()
    assert not facts["conflict"].any()


def test_components_over_the_total_are_flagged_on_total_and_components():
    facts, _ = run(
        [
            total("pti"),
            part("gibn", 1, "tariff_reciprocal", value=30.0),
            part("gibn", 40, "tariff_penalty_russian_oil"),
        ]
    )
    flagged = set(facts[facts["conflict"]]["fact_id"])
    assert flagged == {
        "tariff_total.usa.ind.in_force.undated",
        "tariff_reciprocal.usa.ind.in_force.undated",
        "tariff_penalty_russian_oil.usa.ind.in_force.undated",
    }
    note = facts.set_index("fact_id").loc["tariff_total.usa.ind.in_force.undated", "conflict_note"]
    assert "55%" in note and "50%" in note


def test_complete_stack_under_the_total_is_flagged_not_derived():
    facts, _ = run(
        [
            total("pti"),
            part("gibn", 1, "tariff_reciprocal", value=20.0),
            part("gibn", 40, "tariff_penalty_russian_oil"),
        ]
    )
    assert not facts["derived"].any()
    assert facts.set_index("fact_id").loc["tariff_total.usa.ind.in_force.undated", "conflict"]


def test_unnamed_layer_equal_to_the_remainder_is_consistent():
    # "a reduced tariff on the remaining 25 per cent": a rate whose layer is not named
    facts, _ = run(
        [
            total("express"),
            part("express", 40, "tariff_penalty_russian_oil"),
            part("express", 80, "tariff_rate"),
        ]
    )
    assert not facts["derived"].any()
    assert not facts["conflict"].any()


def test_unnamed_layer_that_fits_nowhere_is_flagged():
    facts, _ = run(
        [
            total("express"),
            part("express", 40, "tariff_penalty_russian_oil"),
            part("express", 80, "tariff_rate", value=10.0),
        ]
    )
    flagged = set(facts[facts["conflict"]]["fact_id"])
    assert "tariff_rate.usa.ind.in_force.undated" in flagged


def test_components_of_other_parties_status_or_period_are_not_summed():
    facts, _ = run(
        [
            total("pti", **AUG),
            part("pti", 40, "tariff_penalty_russian_oil", target="BRA"),
            part("pti", 80, "tariff_penalty_russian_oil", status="proposed"),
            part(
                "pti",
                120,
                "tariff_penalty_russian_oil",
                date_from="2026-03-01",
                date_to="2026-03-31",
            ),
        ]
    )
    assert not facts["derived"].any()
    assert not facts["conflict"].any()


def test_bounds_are_not_checked_or_derived():
    facts, _ = run([total("pti", qualifier="upper_bound"), part("pti", 40, "tariff_penalty")])
    assert not facts["derived"].any() and not facts["conflict"].any()


def test_undated_component_joins_a_dated_total_stack():
    facts, _ = run([total("pti", **AUG), part("gibn", 40, "tariff_penalty_russian_oil")])
    derived = facts[facts["derived"]]
    assert list(derived["fact_id"]) == ["tariff_rate.usa.ind.in_force.2025-08.derived"]
