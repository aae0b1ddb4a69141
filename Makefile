# Set-up, serve and test. Python 3.11+ is the only prerequisite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: setup serve test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,build]'
	rm -f $(VENV)/.installed-*; touch $(STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/fhir-ai models build
	$(BIN)/fhir-ai terminology defaults
	$(BIN)/fhir-ai serve

test: setup
	bash scripts/ensure-postgres.sh
	FHIR_AI_REQUIRE_PG=$${FHIR_AI_REQUIRE_PG:-0} $(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: setup
	bash scripts/ensure-postgres.sh
	$(BIN)/python benchmarks/crud.py

clean:
	rm -rf $(VENV) data .cache
