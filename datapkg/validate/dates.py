"""Periods run forwards: date_from is not after date_to (claims and facts)."""

from __future__ import annotations

import numpy as np
import pyarrow.compute as pc

from datapkg.validate.problem import Problem
from datapkg.validate.table import ChunkView


def check_period(view: ChunkView, start: str = "date_from", end: str = "date_to") -> list[Problem]:
    v = view.values
    if start not in v or end not in v:
        return []
    after = pc.fill_null(pc.greater(v[start], v[end]), False)
    problems = []
    for i in np.flatnonzero(np.asarray(after.to_numpy(zero_copy_only=False), dtype=bool)):
        problems.append(
            Problem(
                view.resource,
                int(view.rows[i]),
                end,
                "date-order",
                f"expected {end} on or after {start} "
                f"{v[start][int(i)].as_py()}; got {v[end][int(i)].as_py()}",
            )
        )
    return problems
