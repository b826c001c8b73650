"""Golden facts of the five seed articles, run through the real pipeline.

Each seed listed in seeds/sources.yml is read with ``extract.api.read_article``, extracted with
``extract.api.extract_text`` (published date from the metadata, as the build does), the curated
corrections are applied as the build applies them, and the claims are reconciled. The expected
facts below were worked out by reading the texts, not by running the code:

* 000 (PTI, 2026-01-29): "slapped whopping 50-per cent tariffs on Indian goods, including a
  25-per cent punitive levy over Russian oil purchases, in August last year"; Jaishankar "on
  Thursday held talks with US Ambassador Sergio Gor" (2026-01-29).
* 001 (ANI, 2026-01-30): the meeting "on Thursday, 29 January 2026"; the Critical Minerals
  Ministerial "on 4 February"; "On 25 January, Jaishankar met a US congressional delegation".
* 002 (The Indian Express, updated 2026-01-30): the meeting "on Thursday"; the ministerial "on
  February 4"; "a conversation between Jaishankar and Rubio on January 13"; "India is facing 50 pc
  tariffs from the US since August last year"; "India has reduced its Russian oil imports since
  September 2025"; "waiver of the 25 per cent tariff penalty".
* 003 (Global India Broadcast News, 2026-01-29 inferred): met "on Thursday"; "visit to the US on
  February 4-5"; "Trump's 50% tariff on Indian exports"; "a 25% reciprocal tariff on Indian goods
  and ... a 25% punitive tariff on Russian oil purchases".
* 004 (unnamed, 2026-01-13): the call "on Tuesday (January 13)"; Gor's "address at the US
  embassy on Monday" (2026-01-12); "a 50 per cent tariff on Indian goods, including a 25 per cent
  levy linked to Russian oil purchases"; "a 25 per cent tariff on countries doing business with
  Iran"; "bilateral trade with Iran is under USD 2 billion"; "Iran does not rank among India's
  top 50 global trading partners".

These tests fail until the extractor (extract.api) exists and reads the seeds well enough.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from datapkg.reconcile import reconcile
from datapkg.schema import field_names, load_schema

ROOT = Path(__file__).resolve().parent.parent
D = dt.date


@pytest.fixture(scope="module")
def seeds() -> dict[str, Any]:
    from datapkg.sources import load_sources

    try:
        from extract.api import extract_text, read_article
    except ImportError as exc:  # the extractor is written in parallel
        pytest.fail(f"extract.api is not available yet ({exc}); these golden tests need it")
    sources = load_sources(ROOT)
    claims: list[dict[str, Any]] = []
    for s in sources:
        article = read_article(ROOT / s.meta["file"])
        claims += extract_text(article.text, source_id=s.source_id, published=s.meta["published"])
    try:
        from datapkg.corrections import apply_corrections
    except ImportError:
        pass
    else:
        claims = apply_corrections(ROOT, claims, {s.source_id: s.text for s in sources})
    claims_df = pd.DataFrame(claims, columns=field_names("claims"))
    sources_df = pd.DataFrame([s.row() for s in sources], columns=field_names("sources"))
    facts, evidence = reconcile(claims_df, sources_df)
    by_seed = {Path(s.meta["file"]).name[:3]: s.source_id for s in sources}
    return {"facts": facts, "evidence": evidence, "claims": claims_df, "sid": by_seed}


# ---------------------------------------------------------------- helpers
def na(x: Any) -> bool:
    return x is None or bool(pd.isna(x))


def parties(row: dict[str, Any]) -> set[str]:
    return {p for p in (row["imposer"], row["target"]) if not na(p)}


def find(seeds: dict[str, Any], measure: str, **where: Any) -> list[dict[str, Any]]:
    """Facts of *measure* whose fields equal *where* (a set value: any of; 'parties': the
    unordered set of imposer and target)."""
    out = []
    for row in seeds["facts"].to_dict("records"):
        if row["measure"] != measure:
            continue
        ok = True
        for key, want in where.items():
            have = parties(row) if key == "parties" else row[key]
            if key != "parties" and isinstance(want, set | frozenset):
                ok = ok and have in want
            else:
                ok = ok and (na(have) if want is None else have == want)
        if ok:
            out.append(row)
    return out


def one(rows: list[dict[str, Any]], what: str) -> dict[str, Any]:
    assert len(rows) == 1, (
        f"expected exactly one fact for {what}, got {[r['fact_id'] for r in rows]}"
    )
    return rows[0]


def stating_sources(seeds: dict[str, Any], fact_id: str) -> set[str]:
    ev = seeds["evidence"]
    ids = set(ev[(ev["fact_id"] == fact_id) & (ev["role"] == "states")]["claim_id"])
    claims = seeds["claims"]
    return set(claims[claims["claim_id"].isin(ids)]["source_id"])


def seeds_stating(seeds: dict[str, Any], fact_id: str) -> set[str]:
    """The seed numbers ('000' ...) whose claims state the fact."""
    by_sid = {sid: n for n, sid in seeds["sid"].items()}
    return {by_sid[s] for s in stating_sources(seeds, fact_id) if s in by_sid}


def day(row: dict[str, Any]) -> tuple[Any, Any]:
    return row["date_from"], row["date_to"]


# ---------------------------------------------------------------- tariffs
def test_us_tariff_on_india_is_50_percent_in_force_since_august_2025(seeds):
    totals = find(seeds, "tariff_total", imposer="USA", target="IND", status="in_force")
    total = one(totals, "the in-force US tariff on India")
    assert total["fact_id"] == "tariff_total.usa.ind.in_force.2025-08"
    assert (total["value"], total["unit"], total["qualifier"]) == (50.0, "percent", "exact")
    assert total["date_from"] == D(2025, 8, 1)
    assert total["date_to"] in (None, D(2025, 8, 31)) or na(total["date_to"])
    assert not total["conflict"], total["conflict_note"]
    assert total["n_sources"] >= 4
    assert seeds_stating(seeds, total["fact_id"]) >= {"000", "002", "003", "004"}
    assert "50%" in total["label"] and "India" in total["label"]


def test_components_reciprocal_and_russian_oil_penalty_add_up_to_the_total(seeds):
    total = one(
        find(seeds, "tariff_total", imposer="USA", target="IND", status="in_force"), "total"
    )
    recip = one(
        find(seeds, "tariff_reciprocal", imposer="USA", target="IND", status="in_force"),
        "the reciprocal layer",
    )
    penalty = one(
        find(seeds, "tariff_penalty_russian_oil", imposer="USA", target="IND", status="in_force"),
        "the Russian-oil penalty in force",
    )
    assert (recip["value"], recip["unit"]) == (25.0, "percent")
    assert (penalty["value"], penalty["unit"]) == (25.0, "percent")
    assert recip["value"] + penalty["value"] == total["value"]
    assert not recip["derived"] and "003" in seeds_stating(seeds, recip["fact_id"])
    assert penalty["date_from"] == D(2025, 8, 1)
    assert penalty["n_sources"] >= 3
    assert seeds_stating(seeds, penalty["fact_id"]) >= {"000", "003", "004"}
    for f in (total, recip, penalty):
        assert not f["conflict"], (f["fact_id"], f["conflict_note"])
    # the stack is complete as stated: nothing to derive for it
    stack = seeds["facts"][
        (seeds["facts"]["imposer"] == "USA")
        & (seeds["facts"]["target"] == "IND")
        & (seeds["facts"]["status"] == "in_force")
    ]
    assert not stack["derived"].any()


def test_proposal_to_waive_the_russian_oil_penalty(seeds):
    # "waiver of the 25 per cent tariff penalty is one that can relieve the relationship stress"
    # The status vocabulary has no "waiver proposed": proposed or waived are both accepted.
    waiver = find(
        seeds,
        "tariff_penalty_russian_oil",
        imposer="USA",
        target="IND",
        status={"proposed", "waived"},
    )
    fact = one(waiver, "the proposed waiver")
    assert (fact["value"], fact["unit"]) == (25.0, "percent")
    assert "002" in seeds_stating(seeds, fact["fact_id"])


def test_us_secondary_tariff_on_countries_doing_business_with_iran(seeds):
    fact = one(
        find(seeds, "tariff_secondary", imposer="USA", target="X-IRN-PARTNERS"),
        "the Iran secondary tariff",
    )
    assert (fact["value"], fact["unit"], fact["status"]) == (25.0, "percent", "announced")
    # announced in January 2026; the sentence itself gives no date, so undated is acceptable
    if not na(fact["date_from"]):
        assert D(2026, 1, 1) <= fact["date_from"] <= D(2026, 1, 31)
    assert "004" in seeds_stating(seeds, fact["fact_id"])


# ---------------------------------------------------------------- India-Iran, Russian oil
def test_india_iran_trade_under_two_billion_dollars(seeds):
    fact = one(find(seeds, "bilateral_trade", parties={"IND", "IRN"}), "India-Iran trade")
    assert fact["fact_type"] == "trade_figure"
    assert (fact["value"], fact["unit"], fact["qualifier"]) == (2e9, "USD", "upper_bound")
    assert "004" in seeds_stating(seeds, fact["fact_id"])


def test_iran_outside_indias_top_50_trading_partners(seeds):
    fact = one(find(seeds, "rank", parties={"IND", "IRN"}), "Iran's rank")
    assert fact["fact_type"] == "rank"
    assert (fact["value"], fact["qualifier"]) == (50.0, "lower_bound")
    assert "004" in seeds_stating(seeds, fact["fact_id"])


def test_india_cut_russian_oil_imports_since_september_2025(seeds):
    # "India has reduced its Russian oil imports since September 2025" (002) gives no figure
    # for the cut, so it is a dated event (open-ended since 2025-09-01), not a number.
    fact = one(
        find(seeds, "event_trade_change", imposer="IND", target="RUS"), "the Russian-oil import cut"
    )
    assert fact["fact_type"] == "event"
    assert fact["date_from"] == D(2025, 9, 1)
    assert na(fact["date_to"])
    assert "002" in seeds_stating(seeds, fact["fact_id"])


# ---------------------------------------------------------------- events
def _event(seeds, measure, start, end=None, **where):
    rows = find(seeds, measure, date_from=start, date_to=end or start, **where)
    return one(rows, f"{measure} on {start}")


def test_gor_address_at_the_embassy_2026_01_12(seeds):
    fact = _event(seeds, "event_address", D(2026, 1, 12), status="in_force")
    assert "USA" in parties(fact)
    assert "004" in seeds_stating(seeds, fact["fact_id"])


def test_jaishankar_rubio_call_2026_01_13(seeds):
    fact = _event(seeds, "event_call", D(2026, 1, 13), status="in_force", parties={"IND", "USA"})
    assert fact["n_sources"] >= 2
    assert seeds_stating(seeds, fact["fact_id"]) >= {"002", "004"}


def test_congressional_delegation_meeting_2026_01_25(seeds):
    fact = _event(seeds, "event_meeting", D(2026, 1, 25), status="in_force", parties={"IND", "USA"})
    assert "001" in seeds_stating(seeds, fact["fact_id"])


def test_jaishankar_gor_meeting_2026_01_29_from_four_sources(seeds):
    fact = _event(seeds, "event_meeting", D(2026, 1, 29), status="in_force", parties={"IND", "USA"})
    assert fact["fact_id"] == "event_meeting.ind.usa.in_force.2026-01-29"
    assert fact["n_sources"] == 4
    assert seeds_stating(seeds, fact["fact_id"]) == {"000", "001", "002", "003"}


def test_critical_minerals_ministerial_2026_02_04(seeds):
    fact = _event(seeds, "event_ministerial", D(2026, 2, 4), status="announced")
    assert fact["n_sources"] >= 2
    assert seeds_stating(seeds, fact["fact_id"]) >= {"001", "002"}


def test_visit_of_4_and_5_february_2026(seeds):
    fact = _event(seeds, "event_visit", D(2026, 2, 4), D(2026, 2, 5), status="announced")
    assert "003" in seeds_stating(seeds, fact["fact_id"])
    assert {"IND", "USA"} >= parties(fact)


# ---------------------------------------------------------------- flags and contract
def test_a_call_scheduled_for_the_day_after_it_took_place_is_flagged(seeds):
    # 004 quotes Gor's Monday address: "the next call on trade will occur tomorrow" (Tuesday
    # 13 January, the day of the call). Read against the publication day (the 13th) it becomes
    # the 14th; if the package holds such a scheduled call it must be flagged, not shown as news.
    for row in find(seeds, "event_call", status="announced", date_from=D(2026, 1, 14)):
        assert row["conflict"] and "event_call" in row["conflict_note"]


def test_a_quoted_today_printed_a_day_later_is_flagged(seeds):
    # 002 (updated 30 January) quotes Jaishankar's post of the 29th: "Pleased to meet ... Sergio
    # Gor today". Read literally it dates the meeting to the 30th, against every other report
    # (29th); if the package holds such a meeting it must be flagged next to the 29th.
    for row in find(seeds, "event_meeting", date_from=D(2026, 1, 30), date_to=D(2026, 1, 30)):
        assert row["conflict"], row["fact_id"]
        assert "event_meeting.ind.usa.in_force.2026-01-29" in row["conflict_note"]


def test_every_flag_has_a_note_naming_sources_or_facts(seeds):
    facts = seeds["facts"]
    names = set(seeds["sid"].values()) | set(facts["fact_id"])
    for row in facts[facts["conflict"]].to_dict("records"):
        note = row["conflict_note"]
        assert not na(note) and any(name in note for name in names), row["fact_id"]


def test_package_contract_on_the_seeds(seeds):
    facts, evidence, claims = seeds["facts"], seeds["evidence"], seeds["claims"]
    assert list(facts.columns) == field_names("facts")
    assert list(evidence.columns) == field_names("evidence")
    assert list(facts["fact_id"]) == sorted(facts["fact_id"]) and facts["fact_id"].is_unique
    pattern = re.compile(load_schema("facts")["fields"][0]["constraints"]["pattern"])
    assert all(pattern.match(fid) for fid in facts["fact_id"])
    assert set(evidence["fact_id"]) == set(facts["fact_id"]), "every fact has evidence"
    assert set(evidence["claim_id"]) <= set(claims["claim_id"])
    states = evidence[evidence["role"] == "states"].groupby("fact_id").size()
    for row in facts.to_dict("records"):
        assert row["n_claims"] == states.get(row["fact_id"], 0)
        if row["derived"]:
            assert not na(row["derivation"])
    again = reconcile(claims, pd.DataFrame(columns=field_names("sources")))
    assert list(again[0]["fact_id"]) == list(facts["fact_id"])  # ids do not hang on the sources
