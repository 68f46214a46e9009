# The two commands a new user needs: `make lab` and `make test`.
# Both create the virtual environment in .venv on first use, with only python3 and make on the machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: lab test lint install validate bench-hours bench-grade bench-interactive e2e postgresql sandbox clean-venv help

help:
	@echo "make lab          copy the notebooks into workspace/ and start JupyterLab there (sets up .venv if missing)"
	@echo "make test         lint and type-check the package, then run every test (sets up .venv if missing)"
	@echo "make lint         only the lint (ruff) and type (mypy) checks"
	@echo "make validate     check the case library, keys and cross-references"
	@echo "make e2e          install Chromium, Playwright and axe-core for the browser tests (make test runs them)"
	@echo "make postgresql   install PostgreSQL's server programs, so make test also tests on PostgreSQL"
	@echo "make sandbox      install bubblewrap, the sandbox for casekit course grade --execute (make test uses it)"
	@echo "make bench-hours  time the hours log on a synthetic 1,000,000-entry log"
	@echo "make bench-grade  time parallel against sequential nbgrader autograde"
	@echo "make bench-interactive  time --help, cases list, Check my plan, opening a case, hours progress against their goals"

# Re-install when the dependency list changes; the stamp file records the last good install.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[distributed,e2e,postgresql]"
	@touch $(STAMP)

install: $(STAMP)

# Containers often run as root, where JupyterLab refuses to start without --allow-root.
LAB_ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

# Learners work in workspace/ (ignored by git): copies of notebooks/ made on first use and never
# overwritten, so `git pull` updates the kit without conflicts and nobody's work is lost. The kit's
# own notebooks open read-only (casekit.kitcontents), so autosave never rewrites a tracked file.
LAB_CONTENTS := --ServerApp.contents_manager_class=casekit.kitcontents.KitContentsManager

lab: $(STAMP)
	$(BIN)/casekit notebooks copy
	$(BIN)/jupyter lab $(LAB_ROOT_FLAG) --ServerApp.root_dir=. $(LAB_CONTENTS) workspace/00_start_here.ipynb

# Lint and type-check the package first (ruff, then mypy as configured in pyproject.toml), then every
# test, spread over one pytest-xdist worker per core; tests/conftest.py keeps a notebook's cells, each
# test file and the browser journeys each on one worker. TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= auto

test: $(STAMP) lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check casekit benchmarks
	$(BIN)/mypy

# $(call system_package,CHECK,PACKAGE): when the shell test CHECK fails, install the Debian PACKAGE
# (as root), or say how and stop.
define system_package
	@if ! { $(1); }; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(2); \
	  else \
	    echo "$(2) is missing; install it, then run make $@ again:"; \
	    echo "  sudo apt-get update && sudo apt-get install -y $(2)"; \
	    exit 1; \
	  fi; \
	fi
endef

# The browser tests drive the system's Chromium (Debian package chromium); no browser is downloaded.
# Their accessibility check injects axe-core, from the npm registry at the version
# tests/e2e/axe/package-lock.json pins.
e2e: $(STAMP)
	$(call system_package,[ -x /usr/bin/chromium ],chromium)
	$(call system_package,command -v npm >/dev/null,npm)
	$(BIN)/python -m pip install --quiet -e ".[distributed,e2e,postgresql]"
	npm ci --prefix tests/e2e/axe --no-audit --no-fund --loglevel=error

# The PostgreSQL tests start a throwaway server of their own when its programs are installed.
postgresql: $(STAMP)
	$(call system_package,ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null,postgresql)

# casekit course grade --execute runs each learner's notebook inside bubblewrap (Debian package bubblewrap).
sandbox: $(STAMP)
	$(call system_package,command -v bwrap >/dev/null,bubblewrap)

validate: $(STAMP)
	$(BIN)/casekit cases validate

bench-hours: $(STAMP)
	$(BIN)/python benchmarks/bench_hours.py

bench-interactive: $(STAMP)
	$(BIN)/python benchmarks/bench_interactive.py

bench-grade: $(STAMP) sandbox
	$(BIN)/python benchmarks/bench_grade.py

clean-venv:
	rm -rf $(VENV)
