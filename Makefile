# Two commands on a fresh machine: `make serve` (build and serve the site) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
SITE ?= site
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
ifdef SITE_URL
export SITE_URL
endif
# Reproducible builds: the date MkDocs writes (sitemap, archives) is the last commit's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve build check test lint format tools bench clean

$(VENV)/.site: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.site requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: $(VENV)/.site  ## build the site and serve it with live reload on http://$(ADDR)/
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

build: $(VENV)/.site  ## build the site into ./site, failing on any warning
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

check: $(VENV)/.site  ## validate every annotation without building the site
	$(BIN)/edition check

tools:  ## install Chromium, Java and the npm quality tools if they are missing
	sh tests/install-tools.sh

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(VENV)/.dev tools lint  ## every test: lint, annotations, unit, build and browser tests
	$(BIN)/edition check
	$(BIN)/python -m pytest

bench: $(VENV)/.dev tools  ## print build-time overhead, page weight and growth with 1,000 and 10,000 notes
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(SITE) .pytest_cache .ruff_cache .hypothesis
