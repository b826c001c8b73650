"""Benchmarks of tariff-ledger (issue 5): `python -m bench.run --help`."""
