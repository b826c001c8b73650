"""Units: every unit parses in the project's pint registry and fits the kind of figure.

tariff_rate and change -> percent or percentage_point; trade_value -> a currency;
date -> no unit and no value; quantity -> anything but a currency. Facts are checked through
their fact_type. Distinct (kind, unit) pairs are judged once, then mapped back to the rows.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from datapkg.validate.problem import Problem
from datapkg.validate.table import ChunkView

KIND_OF_FACT_TYPE = {
    "tariff_total": "tariff_rate",
    "tariff_component": "tariff_rate",
    "trade_figure": "trade_value",
    "change": "change",
    "event": "date",
    "rank": "quantity",
    "quantity": "quantity",
}
RATE_UNITS = ("percent", "percentage_point")


@cache
def judge(kind: str, unit: str) -> tuple[str, str] | None:
    """(code, message) when *unit* does not parse or does not fit *kind*; None when fine."""
    from datapkg import units

    if kind == "date":
        if unit:
            return "unit-kind", f"a date has no unit; got {unit!r}"
        return None
    if not unit:
        return "unit-kind", f"a {kind} figure needs a unit"
    if not units.unit_ok(unit):
        return "unit-unknown", f"{unit!r} is not a unit of the project's registry (units.txt)"
    dimension = units.unit_dimension(unit)
    currency = dimension.startswith("[currency")
    if kind in ("tariff_rate", "change"):
        name = str(units.registry().parse_units(unit))
        if name not in RATE_UNITS:
            return "unit-kind", f"a {kind} is in percent or percentage_point; got {unit!r}"
    elif kind == "trade_value" and not currency:
        return "unit-kind", f"a trade_value is in a currency; got {unit!r} ({dimension})"
    elif kind == "quantity" and currency:
        return "unit-kind", f"a quantity is not money; got the currency {unit!r}"
    return None


def check_units(view: ChunkView, kind_field: str = "kind") -> list[Problem]:
    """Units and kinds of one chunk of claims (kind_field='kind') or facts ('fact_type')."""
    v = view.values
    if kind_field not in v or "unit" not in v:
        return []
    kind = v[kind_field]
    if kind_field == "fact_type":
        mapping = pa.array(list(KIND_OF_FACT_TYPE.values()))
        where = pc.index_in(kind, pa.array(list(KIND_OF_FACT_TYPE)))
        kind = pc.take(mapping, where)
    unit = pc.fill_null(v["unit"], "")
    pairs = pc.dictionary_encode(pc.binary_join_element_wise(kind, unit, "\x1f"))
    verdicts = []
    for pair in pairs.dictionary.to_pylist():
        k, u = pair.split("\x1f", 1)
        verdicts.append(judge(k, u))
    if not any(verdicts):
        bad_idx = np.zeros(0, dtype=np.int64)
    else:
        codes = np.asarray(pc.fill_null(pairs.indices, -1).to_numpy(zero_copy_only=False))
        bad = np.array([x is not None for x in verdicts] + [False])
        bad_idx = np.flatnonzero(bad[codes])
    problems = []
    for i in bad_idx.tolist():
        code, message = verdicts[int(codes[i])]  # type: ignore[misc]
        problems.append(Problem(view.resource, int(view.rows[i]), "unit", code, message))
    if "value" in v:
        dated = np.asarray(
            pc.fill_null(pc.equal(kind, "date"), False).to_numpy(zero_copy_only=False), dtype=bool
        )
        valued = np.asarray(pc.is_valid(v["value"]).to_numpy(zero_copy_only=False), dtype=bool)
        for i in np.flatnonzero(dated & valued).tolist():
            problems.append(
                Problem(
                    view.resource,
                    int(view.rows[i]),
                    "value",
                    "unit-kind",
                    f"a date has no value; got {v['value'][i].as_py()}",
                )
            )
    return problems
