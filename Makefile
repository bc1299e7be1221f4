# quizgraph: `make run` serves a demo on http://127.0.0.1:8000, `make test` checks everything.
SHELL := /bin/bash
UV := $(shell ./scripts/ensure-uv.sh)
RUN := $(UV) run --frozen
# Serving needs no linters or test tools: `make run` installs and runs without the dev group.
SERVE := $(UV) run --frozen --no-dev
DEMO_CREDENTIALS := var/demo-credentials.json
HOST ?= 127.0.0.1
PORT ?= 8000
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/graphiql.html frontend/package.json frontend/vite.config.ts \
	frontend/codegen.ts frontend/tsconfig.json frontend/schema.pending.graphql schema.graphql -type f 2>/dev/null)

.PHONY: run install install-dev migrate demo frontend test test-python test-frontend test-e2e lint format schema bench bench-peer system-deps examples clean

run: install migrate demo frontend/dist/index.html  ## serve the API and dashboard with SQLite
	@# The demo's login URL and credentials are the last lines, once the server listens.
	QUIZGRAPH_COOKIE_SECURE=false $(SERVE) quizgraph serve --host $(HOST) --port $(PORT) \
	  --demo-credentials $(DEMO_CREDENTIALS)

install: .venv/.installed  ## what serving needs
.venv/.installed: pyproject.toml uv.lock
	$(UV) sync --frozen --no-dev --inexact
	@touch $@

install-dev: .venv/.installed-dev  ## everything, with the linters and test tools
.venv/.installed-dev: pyproject.toml uv.lock
	$(UV) sync --frozen
	@touch $@ .venv/.installed

migrate: install
	$(SERVE) quizgraph migrate

demo: install  ## load (or complete) the demo org; `make run` prints its credentials
	$(SERVE) quizgraph demo --base-url http://$(HOST):$(PORT) --no-credentials

frontend: frontend/dist/index.html
frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@
frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES)
	cd frontend && npm run build

schema: install-dev  ## print the schema into schema.graphql after a change
	$(RUN) quizgraph print-schema > schema.graphql.tmp && mv schema.graphql.tmp schema.graphql

lint: install-dev frontend/node_modules/.installed  ## Python (ruff, mypy) and the dashboard (ESLint)
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy app tests bench
	cd frontend && npm run lint

format: install-dev
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

system-deps:  ## Debian packages the tests and benchmarks use
	@missing=""; \
	for pkg in chromium wrk nginx; do \
	  command -v $$pkg >/dev/null 2>&1 || [ -x /usr/sbin/$$pkg ] || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing from Debian's packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

test: install-dev lint system-deps test-frontend test-python test-e2e

# pytest-xdist workers: each runs its share of the tests on a SQLite and a PostgreSQL
# database of its own (tests/conftest.py); `make test-python PYTEST_WORKERS=4` for more.
PYTEST_WORKERS ?= 2
test-python: install-dev system-deps examples  ## nginx (tests/deploy) and the examples' packages too
	$(RUN) pytest -n $(PYTEST_WORKERS)

examples: examples/node/node_modules/.installed  ## the Node partner example's packages
examples/node/node_modules/.installed: examples/node/package.json examples/node/package-lock.json
	cd examples/node && npm ci --no-audit --no-fund
	@touch $@

test-frontend: frontend/dist/index.html
	cd frontend && npm test

test-e2e: install-dev system-deps frontend/dist/index.html  ## the dashboard in headless chromium against a real server
	cd frontend && QUIZGRAPH_CMD="$(RUN) quizgraph" npm run e2e:server

bench: install-dev system-deps
	$(RUN) python -m bench.run

bench-peer: install-dev system-deps  ## the quiz list against PostGraphile 5 (npm) on the same PostgreSQL
	$(RUN) python -m bench.peer

clean:
	rm -rf var .venv frontend/node_modules frontend/dist test-results examples/node/node_modules
