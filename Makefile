# TPM Hub — `make up` runs the stack on a bare machine, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

ROLE ?= admin
PROJECT ?= *
SUB ?= dev

.PHONY: help install up token test test-fast lint format migrate openapi sdk bench demo clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(UV):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"' \
		|| { echo "TPM Hub needs Python 3.11 or newer as $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install -q --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) uv.lock pyproject.toml shared/pyproject.toml $(wildcard services/*/pyproject.toml)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced  ## Create .venv with the locked dependencies

up: install  ## Install, migrate and start all three services (SQLite under var/), print URLs and a dev token
	$(PY) -m tpmhub_shared.devtools up

token: install  ## Print a token: make token ROLE=tpm PROJECT=PAY SUB=alice
	@$(PY) -m tpmhub_shared.devtools token --role '$(ROLE)' --project '$(PROJECT)' --sub '$(SUB)'

migrate: install  ## Apply migrations of all three services
	for m in requirements_svc risk_svc release_svc; do $(PY) -m $$m migrate || exit 1; done

test: install  ## Run every test (SQLite and a throwaway PostgreSQL; installs PostgreSQL if missing)
	./scripts/ensure-postgres.sh
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install  ## Tests on SQLite only, no real-process tests
	$(PY) -m pytest --backend sqlite -m "not e2e" $(PYTEST_ARGS)

lint: install  ## ruff (rules and formatting) over all Python code (also run by CI before the tests)
	$(PY) -m ruff check shared services tests bench scripts
	$(PY) -m ruff format --check shared services tests bench scripts

format: install  ## Format all Python code with ruff (what `make lint` checks)
	$(PY) -m ruff format shared services tests bench scripts

openapi: install  ## Write the three OpenAPI documents to clients/openapi/
	$(PY) scripts/openapi.py

sdk: openapi  ## Regenerate the Python SDK (clients/python) and the TypeScript types (clients/typescript)
	./scripts/sdk.sh
	@if command -v npm >/dev/null; then cd clients/typescript && npm ci --no-audit --no-fund --silent && npm run -s generate; \
	else echo "npm not found: TypeScript types not regenerated"; fi

bench: install  ## Benchmark on a throwaway PostgreSQL: make bench BENCH_ARGS="--scale small"
	./scripts/ensure-postgres.sh
	./scripts/ensure-wrk.sh
	$(PY) bench/run.py $(BENCH_ARGS)

demo: install  ## Seed the walkthrough (PRD → release → full rollout) into a running `make up`
	$(PY) tests/scenario.py

clean:  ## Remove the environment and local data
	rm -rf $(VENV) $(TOOLS) var
