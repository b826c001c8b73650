# One command runner for tariff-ledger. `make start` and `make test` are the README's quick start.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: start setup system-deps build validate serve test test-fast lint types bench docs clean

start: build validate serve ## set up, build the package, validate it, serve the dashboard

setup: $(VENV)/.installed ## virtual environment with the project and its test tools

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -U pip
	$(PY) -m pip install -q -e '.[test,dask]'
	touch $@

system-deps: ## Debian packages the browser tests need (Chromium, headless)
	bash scripts/install-system-deps.sh

build: setup ## seeds → claims → facts → datapackage.json + data/*.csv
	$(BIN)/tariffs build

validate: setup ## tariffs validate and frictionless validate on the package
	$(BIN)/tariffs validate .
	$(BIN)/frictionless validate datapackage.json

serve: setup ## the dashboard on http://$(HOST):$(PORT)
	$(BIN)/tariffs serve --host $(HOST) --port $(PORT)

test: setup system-deps ## every test, browser tests included
	$(BIN)/pytest

test-fast: setup ## the tests that need no browser
	$(BIN)/pytest -m "not browser"

lint: setup
	$(BIN)/ruff check .

types: setup
	$(BIN)/mypy extract datapkg dashboard

bench: setup ## benchmarks: writes bench/results/report.json and prints a table
	$(PY) -m bench.run

docs: setup ## regenerate the README's column tables from the schemas
	$(BIN)/tariffs docs

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench/results
