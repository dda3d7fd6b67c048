# CHC Desktop: two commands on a fresh machine.
#   make run   set everything up, then open the app on a demo profile
#   make test  set everything up, then ruff, mypy and the whole pytest suite (headless)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_HOME ?= .demo-home

.PHONY: setup system-deps run test lint fmt typecheck pytest ui docs bench soak lock clean

setup: system-deps $(STAMP)

system-deps:
	@bash tools/system_deps.sh

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

run: setup
	$(BIN)/chc-desktop --home $(DEMO_HOME) demo

test: setup lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

ui: $(STAMP)
	$(BIN)/python tools/build_ui.py

docs: $(STAMP)
	$(BIN)/python tools/qa_rules_doc.py

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

# The fault tests with many more kill -9 rounds than `make test` runs.
soak: setup
	CHC_KILL_ROUNDS=1000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s tests/faults

# Re-resolve the newest allowed versions into requirements.lock.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	echo "# Pinned versions of every Python dependency (runtime + dev). Regenerate with: make lock" > requirements.lock
	.lock-venv/bin/pip freeze --exclude-editable | grep -vi '^chc.desktop' >> requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
