# Two entry points for a fresh machine: `make run` and `make test`.
# Both create the virtual environment on first use, so nothing else needs installing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# constraints.txt pins every tool and library the tests use, so CI is reproducible.
	$(BIN)/pip install --quiet -e '.[test,lint]' -c constraints.txt
	# Start-up runs from compiled bytecode even where PYTHONDONTWRITEBYTECODE is set.
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

.PHONY: setup run demo test test-slow lint bench
setup: $(STAMP)

run: $(STAMP)
	$(BIN)/reflect $(ARGS)

demo: $(STAMP)
	$(BIN)/reflect --demo

# The one test command (README, CI): style, formatting, import contracts, types, then the suite.
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	QT_QPA_PLATFORM=offscreen $(BIN)/lint-imports
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run_benchmarks.py
