"""`tariffs validate`: the Table Schema checks frictionless makes, and the provenance checks a
Table Schema cannot express, fast enough for millions of claims.

One concept per module:

* :mod:`~datapkg.validate.package` - the descriptor's resources and inline schemas;
* :mod:`~datapkg.validate.reader` - CSV in bounded chunks (pyarrow, or the csv module);
* :mod:`~datapkg.validate.cells` - types and constraints, vectorised, frictionless's verdicts;
* :mod:`~datapkg.validate.table` - header labels, missing/extra cells, blank rows;
* :mod:`~datapkg.validate.keys` - unique fields, primary and foreign keys;
* :mod:`~datapkg.validate.provenance` - source files, hashes, mentions at their offsets;
* :mod:`~datapkg.validate.unitkinds` - units parse in the registry and fit the kind;
* :mod:`~datapkg.validate.evidence` - facts agree with the claims that state them;
* :mod:`~datapkg.validate.stack` - tariff components add up to their total;
* :mod:`~datapkg.validate.dates` - date_from is not after date_to;
* :mod:`~datapkg.validate.runner` - the order of the checks, and the command.
"""

from datapkg.validate.problem import Problem
from datapkg.validate.runner import run_validate, validate_package

__all__ = ["Problem", "run_validate", "validate_package"]
