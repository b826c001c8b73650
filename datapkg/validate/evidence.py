"""Facts agree with their evidence.

For each fact: ``n_claims`` is the number of evidence rows with role ``states``; ``n_sources``
the number of distinct ``sources.origin`` among those claims; each stating claim has the fact's
measure and status, parties that fit the fact's (a missing party fits any; symmetric measures
such as two-way trade ignore the order), and, unless the fact is derived, the fact's value and
unit (a claim with no value fits any). Compared column-wise on the joined tables; only the
mismatching rows are visited one by one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from datapkg.validate.problem import Problem

VALUE_DIGITS = 9
_CLAIM_COLS = ("source_id", "value", "unit", "measure", "imposer", "target", "status")


def _symmetric(measure: str) -> bool:
    try:
        from datapkg.reconcile.keys import is_symmetric
    except ImportError:  # reconcile not installed: accept either order
        return True
    return bool(is_symmetric(measure))


def _s(series: pd.Series) -> pd.Series:
    """Text column with '' for missing."""
    return series.astype("object").where(series.notna(), "").astype(str)


def check_evidence(
    facts: pd.DataFrame,
    evidence: pd.DataFrame,
    claims: pd.DataFrame,
    origins: dict[str, str],
    resource: str = "facts",
) -> list[Problem]:
    """facts: typed columns plus _row; evidence: fact_id, claim_id, role; claims: the stating
    claims (claim_id, source_id, value, unit, measure, imposer, target, status)."""
    problems: list[Problem] = []
    if facts.empty or "fact_id" not in facts:
        return problems
    facts = facts[facts["fact_id"].notna()].drop_duplicates("fact_id")
    st = evidence[evidence["role"] == "states"][["fact_id", "claim_id"]]
    claims = claims.reindex(columns=["claim_id", *_CLAIM_COLS])
    st = st.merge(claims, on="claim_id", how="left")
    st["origin"] = st["source_id"].map(origins)
    n = st.groupby("fact_id")["claim_id"].size()
    o = st.groupby("fact_id")["origin"].nunique()
    for col, got, what in (
        ("n_claims", n, "evidence rows with role states"),
        ("n_sources", o, "distinct sources.origin of the stating claims"),
    ):
        if col not in facts:
            continue
        want = facts["fact_id"].map(got).fillna(0).astype(int).to_numpy()
        have = facts[col]
        bad = have.notna().to_numpy() & (have.fillna(-1).astype(int).to_numpy() != want)
        for i in np.flatnonzero(bad):
            f = facts.iloc[i]
            problems.append(
                Problem(
                    resource,
                    int(f["_row"]),
                    col,
                    "fact-evidence",
                    f"expected {want[i]} ({what} of {f['fact_id']}); got {f[col]}",
                )
            )
    fcols = [
        c
        for c in (
            "fact_id",
            "_row",
            "measure",
            "imposer",
            "target",
            "status",
            "value",
            "unit",
            "derived",
        )
        if c in facts
    ]
    j = st[st["measure"].notna()].merge(
        facts[fcols], on="fact_id", how="inner", suffixes=("_c", "_f")
    )
    if j.empty:
        return problems
    mc, mf = _s(j["measure_c"]), _s(j["measure_f"])
    sc, sf = _s(j["status_c"]), _s(j["status_f"])
    ic, tc, if_, tf = (_s(j[k]) for k in ("imposer_c", "target_c", "imposer_f", "target_f"))
    straight = ((ic == "") | (ic == if_)) & ((tc == "") | (tc == tf))
    sym = mf.map(lambda m: _symmetric(m) if m else False).astype(bool)
    crossed = sym & ((ic == "") | (ic == tf)) & ((tc == "") | (tc == if_))
    vc = pd.to_numeric(j["value_c"], errors="coerce").astype(float).round(VALUE_DIGITS)
    vf = pd.to_numeric(j["value_f"], errors="coerce").astype(float).round(VALUE_DIGITS)
    uc, uf = _s(j["unit_c"]), _s(j["unit_f"])
    derived = j["derived"].fillna(False).astype(bool) if "derived" in j else False
    value_bad = ~derived & vc.notna() & ~((vc == vf) & (uc == uf))
    checks = [
        ("measure", (mf != "") & (mc != mf)),
        ("status", (sf != "") & (sc != "") & (sc != sf)),
        ("imposer", ~(straight | crossed)),
        ("value", value_bad),
    ]
    for field, mask in checks:
        for i in np.flatnonzero(mask.to_numpy()):
            r = j.iloc[i]
            cid, row = r["claim_id"], int(r["_row"])
            if field == "measure":
                msg = f"stating claim {cid} has measure {mc.iloc[i]!r}, the fact {mf.iloc[i]!r}"
            elif field == "status":
                msg = f"stating claim {cid} has status {sc.iloc[i]!r}, the fact {sf.iloc[i]!r}"
            elif field == "imposer":
                if ic.iloc[i] in ("", if_.iloc[i]):
                    field = "target"
                msg = (
                    f"stating claim {cid} is about {ic.iloc[i] or '?'} -> {tc.iloc[i] or '?'}"
                    f", the fact about {if_.iloc[i] or '?'} -> {tf.iloc[i] or '?'}"
                )
            else:
                fv = "nothing" if pd.isna(vf.iloc[i]) else format(vf.iloc[i], "g")
                msg = (
                    f"stating claim {cid} gives {vc.iloc[i]:g} {uc.iloc[i]}, the fact "
                    f"{fv} {uf.iloc[i]}"
                ).rstrip()
            problems.append(Problem(resource, row, field, "fact-evidence", msg))
    return problems
