# relgraph — set-up and everyday commands. Every target creates .venv and installs what it needs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
DEMO_STORE ?= sqlite:///demo.db
DEMO_PORT  ?= 8000

.PHONY: demo test lint format bench bench-large clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: load the demo network into the embedded store, print a summary, then serve it at http://127.0.0.1:8000
demo: $(STAMP)
	$(BIN)/relgraph --store $(DEMO_STORE) demo --reset
	$(BIN)/relgraph --store $(DEMO_STORE) summary
	@echo "Serving the demo network at http://127.0.0.1:$(DEMO_PORT) (maps, API docs at /docs); Ctrl-C stops." >&2
	$(BIN)/relgraph --store $(DEMO_STORE) serve --host 127.0.0.1 --port $(DEMO_PORT) --no-auth

## test: the whole suite: SQLite, a throwaway real Neo4j 5.26 (started before, stopped after), headless chromium
test: $(STAMP)
	tools/ensure-chromium.sh
	RELGRAPH_REQUIRE_NEO4J=1 PYTHON=$(PYTHON) tools/neo4j/run-with-neo4j.sh $(BIN)/python -m pytest

## lint: ruff (lint + format check) and mypy
lint: $(STAMP)
	$(BIN)/ruff check src api tests
	$(BIN)/ruff format --check src api tests
	$(BIN)/mypy

## bench: benchmarks at 1,000 and 10,000 people next to their references and targets (a throwaway Neo4j 5.26,
## headless chromium); writes bench/results.json and bench/results.md. About 7 minutes on 2 cores.
## BENCH_ARGS adds options to bench/run.py (e.g. BENCH_ARGS='--repeats 5'; see its --help).
BENCH_ARGS ?=
bench: $(STAMP)
	tools/ensure-chromium.sh
	RELGRAPH_NEO4J_START_ARGS="--heap 2g --pagecache 512m" PYTHON=$(PYTHON) tools/neo4j/run-with-neo4j.sh \
		$(BIN)/python bench/run.py --people 1000 10000 $(BENCH_ARGS) -o bench/results.json --markdown bench/results.md

## bench-large: the same at 1,000, 10,000 and 100,000 people (slow: ~30 minutes more). Neo4j gets a 6 GB heap:
## the import is one transaction, and 910,000 rows do not fit in the 1.4 GB of transaction memory a 2 GB heap allows.
bench-large: $(STAMP)
	tools/ensure-chromium.sh
	RELGRAPH_NEO4J_START_ARGS="--heap 6g --pagecache 1g" PYTHON=$(PYTHON) tools/neo4j/run-with-neo4j.sh \
		$(BIN)/python bench/run.py --people 1000 10000 100000 $(BENCH_ARGS) -o bench/results.json --markdown bench/results.md

format: $(STAMP)
	$(BIN)/ruff format src api tests
	$(BIN)/ruff check --fix src api tests

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache demo.db demo.db-*
