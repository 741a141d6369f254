# tacitus: `make demo` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean docs

$(STAMP): req/requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=23"
	$(BIN)/python -m pip install --quiet --require-hashes -r req/requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f tacitus.duckdb
	$(BIN)/tacitus ingest examples/ --db tacitus.duckdb
	$(BIN)/tacitus summary --db tacitus.duckdb
	@echo
	@echo "Next: .venv/bin/tacitus code examples/009_korea_summit.txt      (events with evidence)"
	@echo "      .venv/bin/tacitus code examples/ --format jsonl > events.jsonl"
	@echo "      .venv/bin/tacitus stages                                  (the pipeline)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

docs: $(STAMP)
	$(BIN)/python tools/gen_cli_docs.py

clean:
	rm -rf $(VENV) tacitus.duckdb .pytest_cache
