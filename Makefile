# Phakhi: the one command vocabulary. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT
# manage.py defaults to the production settings; the local targets use the development ones.
DJANGO_SETTINGS_MODULE ?= site_project.settings.dev
export DJANGO_SETTINGS_MODULE
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=site_project.settings.test

.DEFAULT_GOAL := help

.PHONY: help venv system run migrate demo test test-fast faults lint format check bench messages clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock
	bin/install-icu
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

venv: $(VENV)/.installed ## Create the virtual environment from the lock file

system: ## Debian's Chromium (browser tests), Varnish (the live Varnish test) and Thai, Khmer and Burmese fonts, where missing (needs root)
	bin/install-chromium
	bin/install-varnish
	bin/install-fonts

migrate: venv ## Apply database migrations
	$(PY) manage.py migrate --no-input -v0

demo: migrate ## Load (or refresh) the demo content
	$(PY) manage.py load_demo_data

run: demo ## Create the environment, migrate, load the demo, serve on http://127.0.0.1:$(PORT) with the task worker
	@bin/run-dev

test: venv system ## Run the whole test suite on its kept database (DATABASE_URL: PostgreSQL; PYTEST_ARGS=--create-db rebuilds it)
	$(TEST_SETTINGS) $(PY) -m pytest -n 2 --dist loadgroup -q --durations=15 -m "not faults" $(PYTEST_ARGS)

test-fast: venv ## Run the tests without the browser and live-server tests, on the same kept database
	$(TEST_SETTINGS) $(PY) -m pytest -n 2 -q -m "not browser and not live and not faults" $(PYTEST_ARGS)

faults: venv ## Break PostgreSQL, Redis, SMTP and the worker while people sign (own servers, ~8 min)
	VENV=$(VENV) bin/faults $(PYTEST_ARGS)

lint: venv ## ruff lint and format check, and the import layers (pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: venv ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: venv ## Django system checks and the missing-migrations check
	$(TEST_SETTINGS) $(PY) manage.py check --fail-level WARNING
	$(TEST_SETTINGS) $(PY) manage.py makemigrations --check --dry-run

messages: venv ## Extract and compile the translation catalogues
	bin/messages

bench: venv ## Benchmark the site against a bare Django baseline (BENCH_SECONDS shortens it)
	@command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || bin/install-varnish \
		|| echo "bench: no varnishd; the Varnish rows will say not available"
	$(PY) -m bench.run

clean: ## Remove the virtual environment and local data (var/)
	rm -rf $(VENV) var
