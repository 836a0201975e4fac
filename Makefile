# Netizen: `make run` serves the demo site, `make test` runs the whole suite.
.DEFAULT_GOAL := help
PORT ?= 8000
HOST ?= 127.0.0.1

# --- Python >= 3.12 ----------------------------------------------------------
# PYTHON=... wins; else the newest pyenv version under $(PYENV_ROOT)/versions; else
# python3.13, python3.12, python3 on PATH. Each candidate must run and be >= 3.12.
PYENV_ROOT ?= $(HOME)/.pyenv
PY_PICK = import sys; sys.exit(1) if sys.version_info < (3, 12) else print(sys.executable)
ifeq ($(strip $(PYTHON)),)
PYTHON := $(shell \
  for p in $$(ls -d "$(PYENV_ROOT)"/versions/3.*/bin/python3 2>/dev/null | sort -rV) \
           $$(for n in python3.13 python3.12 python3; do command -v $$n; done); do \
    "$$p" -c '$(PY_PICK)' 2>/dev/null && break; \
  done)
endif
ifeq ($(strip $(PYTHON)),)
PYTHON = $(error No Python >= 3.12 found (looked in $(PYENV_ROOT)/versions and for python3.13/python3.12/python3 on PATH). Install one, or run: make PYTHON=/path/to/python3.12)
endif

VENV := .venv
BIN := $(VENV)/bin
NETIZEN := $(BIN)/netizen

$(BIN)/python:
	@"$(PYTHON)" -c '$(PY_PICK)' >/dev/null || { echo "PYTHON=$(PYTHON) is not Python >= 3.12" >&2; exit 1; }
	"$(PYTHON)" -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Stamps: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[postgres]'
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[postgres,test]'
	@touch $@ $(VENV)/.installed

.PHONY: help install run demo test lint format bench clean
help:
	@echo "make run    install, migrate, load the demo and serve at http://$(HOST):$(PORT)"
	@echo "make test   install with test extras and run the whole suite"
	@echo "make lint   ruff"
	@echo "make bench  benchmarks: pages, screening, comments, sources (JSON; sources takes minutes)"

install: $(VENV)/.installed

demo: install
	$(NETIZEN) migrate --noinput
	$(NETIZEN) demo

# The task worker indexes new stories for search and screens new comments; it stops when
# the server does.
run: demo
	@echo "Serving Netizen at http://$(HOST):$(PORT)/ (editors log in at /admin/)"
	$(NETIZEN) db_worker --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(NETIZEN) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .

bench: demo
	$(NETIZEN) bench pages
	$(NETIZEN) bench screening
	$(NETIZEN) bench comments
	$(NETIZEN) bench sources

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
