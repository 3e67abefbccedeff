# Wijkaanpak: `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
UV := $(shell uv --version >/dev/null 2>&1 && echo uv || echo python3 -m uv)
PY := .venv/bin/python
PORT ?= 8000

.PHONY: run test lint messages bench

.venv/.installed: pyproject.toml uv.lock
	@uv --version >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## run: install, migrate the SQLite database, load demo data and serve on http://127.0.0.1:8000
run: .venv/.installed
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0
	DEBUG=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

## test: the whole suite, browser tests and HTML checks included (DATABASE_URL picks the database)
test: .venv/.installed node_modules/.installed
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0
	@# Browser tests run last, on their own: each one empties the database afterwards
	@# (live_server needs real commits), which other tests must never see.
	$(PY) -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)
	@# BROWSER=0 leaves them out (CI runs them once, on PostgreSQL).
	$(if $(filter 0,$(BROWSER)),@echo "Browser tests left out (BROWSER=0)",$(PY) -m pytest -n 2 -m browser $(PYTEST_ARGS))

## lint: format and lint checks, migrations up to date, Dockerfile, compose.yaml, Kubernetes
lint: .venv/.installed
	.venv/bin/ruff format --check .
	.venv/bin/ruff check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	.venv/bin/hadolint Dockerfile
	.venv/bin/check-jsonschema --builtin-schema vendor.compose-spec compose.yaml
	.venv/bin/kubernetes-validate --strict --quiet deploy/kubernetes/*.yaml deploy/kubernetes/example/*.yaml

## messages: update the English, Turkish and Arabic catalogues after changing Dutch texts
messages: .venv/.installed
	DEBUG=1 $(PY) manage.py makemessages -l en -l tr -l ar --ignore=.venv --ignore=node_modules --ignore=staticfiles --no-obsolete
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

## bench: measure the pages at scale on PostgreSQL (see docs/performance.md)
bench: .venv/.installed
	DEBUG=1 $(PY) manage.py bench $(BENCH_ARGS)
