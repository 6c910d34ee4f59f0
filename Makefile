# Two entry points for a fresh machine: `make run` and `make test`.
# Both create the virtual environment on first use, so nothing else needs installing by hand.
# `make run` installs only what the app needs; `make test` adds the test tools (separate
# stamps, so a person who only runs the app never downloads them).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed
LINT_STAMP := $(VENV)/.lint-installed
# The one version number lives in src/reflect/__init__.py (hatch reads it from there too).
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' src/reflect/__init__.py)
WHEEL := dist/reflect-$(VERSION)-py3-none-any.whl

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# constraints.txt pins every tool and library the tests use, so CI is reproducible.
$(APP_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -e . -c constraints.txt
	# Start-up runs from compiled bytecode even where PYTHONDONTWRITEBYTECODE is set.
	$(BIN)/python -m compileall -q src
	touch $@

# `make test` also checks style and types, so the linters come with the test tools.
$(TEST_STAMP): $(APP_STAMP)
	$(BIN)/pip install --quiet -e '.[test,lint]' -c constraints.txt
	touch $@

$(LINT_STAMP): $(APP_STAMP)
	$(BIN)/pip install --quiet -e '.[lint]' -c constraints.txt
	touch $@

.PHONY: setup run demo test test-slow lint bench wheel smoke smoke-wheel bundle smoke-bundle \
	icons screenshots clean-build
# Everything a developer needs: the app, the test tools and the linters.
setup: $(TEST_STAMP) $(LINT_STAMP)

run: $(APP_STAMP)
	$(BIN)/reflect $(ARGS)

demo: $(APP_STAMP)
	$(BIN)/reflect --demo

# The one test command (README, CI): style, formatting, import contracts, types, then the suite.
test: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/ruff format --check src tests benchmarks packaging
	QT_QPA_PLATFORM=offscreen $(BIN)/lint-imports
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test-slow: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

lint: $(LINT_STAMP)
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/mypy

# jrnl (the reference for the command-line bars) goes into its own environment, never
# into Reflect's dependencies.
build/jrnl-venv/bin/jrnl:
	$(PYTHON) -m venv build/jrnl-venv
	build/jrnl-venv/bin/pip install --quiet 'jrnl>=4.1'

bench: $(APP_STAMP) build/jrnl-venv/bin/jrnl
	$(BIN)/python benchmarks/run_benchmarks.py --jrnl build/jrnl-venv/bin/jrnl $(ARGS)

# --- packaging (docs/packaging.md) ----------------------------------------------------------

# The wheel carries the code and every asset (templates, instruments, translations, icons,
# desktop entry); hatchling comes from the package index in an isolated build.
wheel: | $(BIN)/python
	rm -f $(WHEEL)
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir dist .

# Install the wheel (not editable) into a brand-new virtual environment and use it from an
# empty folder: proves the wheel alone is enough.
smoke-wheel: wheel
	rm -rf build/wheel-venv
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/pip install --quiet $(WHEEL) -c constraints.txt
	$(PYTHON) packaging/smoke_test.py build/wheel-venv/bin/reflect --expect-version $(VERSION)

# A one-folder stand-alone app in dist/reflect/ (no Python needed on the target), built by
# PyInstaller from the installed wheel in its own virtual environment.
bundle: wheel
	@command -v objdump >/dev/null || [ "$$(uname)" != Linux ] || \
		{ echo "PyInstaller needs objdump on Linux: install binutils"; exit 1; }
	rm -rf build/bundle-venv build/pyinstaller dist/reflect
	$(PYTHON) -m venv build/bundle-venv
	build/bundle-venv/bin/pip install --quiet $(WHEEL) 'pyinstaller>=6.10' -c constraints.txt
	build/bundle-venv/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/reflect.spec

smoke-bundle: bundle
	$(PYTHON) packaging/smoke_test.py dist/reflect/reflect --expect-version $(VERSION)

# What CI runs after `make test`: the wheel in a fresh environment, then the bundle.
smoke: smoke-wheel smoke-bundle

icons: $(APP_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/render_icons.py

screenshots: $(APP_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/take_screenshots.py

clean-build:
	rm -rf build dist
