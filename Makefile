# Two commands on a fresh machine: `make run` and `make test`. Both build .venv from python3 + pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-chat lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# uv resolves this dependency set in seconds where pip backtracks for minutes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/datalinx serve --demo --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check datalinx tests $(wildcard bench evals)
	$(BIN)/python -m pytest -q

# The chat in a real browser (Debian's chromium; skipped when /usr/bin/chromium is missing); screenshots of each
# step land in test-output/chat/. `make test` runs these too.
test-chat: $(STAMP)
	$(BIN)/python -m pytest -q tests/chat_ui

lint: $(STAMP)
	$(BIN)/ruff check datalinx tests $(wildcard bench evals)
	$(BIN)/ruff format --check datalinx tests $(wildcard bench evals)

clean:
	rm -rf $(VENV) .datalinx
