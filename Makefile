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

.PHONY: serve build check test lint format tools bench clean hooks python properdocs

# Python 3.11 or newer, said plainly before anything is installed.
python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "This project needs Python 3.11 or newer; \`$(PYTHON)\` is: $$($(PYTHON) --version 2>&1 || echo not found)." >&2; \
	  echo "Install a newer Python (https://www.python.org/downloads/), then e.g.: make PYTHON=python3.12 serve" >&2; \
	  exit 1; }

# A .venv whose Python is too old or gone (uninstalled, upgraded) is made again, not reused.
ifneq ($(wildcard $(VENV)/.site),)
ifneq ($(shell $(BIN)/python -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null),True)
$(info $(VENV) was made by an older or missing Python: making it again.)
$(shell rm -rf $(VENV))
endif
endif

$(VENV)/.site: requirements.txt pyproject.toml | python
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.site requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# ProperDocs beside MkDocs, in a virtual environment of its own (same pinned packages plus ProperDocs).
$(VENV)-properdocs/.site: requirements.txt requirements-properdocs.txt pyproject.toml | python
	$(PYTHON) -m venv --clear $(VENV)-properdocs
	$(VENV)-properdocs/bin/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-properdocs.txt
	$(VENV)-properdocs/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

serve: $(VENV)/.site  ## build the site and serve it on http://$(ADDR)/, rebuilt when a note changes
	$(BIN)/edition serve --addr $(ADDR)

build: $(VENV)/.site  ## build the site into ./site, failing on any warning (give SITE_URL for the public address)
	$(BIN)/edition build --site-dir $(SITE)

check: $(VENV)/.site  ## validate every annotation without building the site
	$(BIN)/edition check

tools:  ## install Chromium, Java and the npm quality tools if they are missing
	sh tests/install-tools.sh

hooks: $(VENV)/.dev  ## check the notes and lint the code before each commit (pre-commit, inside .venv)
	$(BIN)/pre-commit install

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(VENV)/.dev tools lint  ## every test: lint, annotations, unit, build and browser tests, ProperDocs
	$(BIN)/edition check
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory properdocs

properdocs: $(VENV)/.site $(VENV)-properdocs/.site  ## build with MkDocs and with ProperDocs: the sites must be the same
	rm -rf .properdocs-check
	$(BIN)/mkdocs build --quiet --strict --site-dir .properdocs-check/mkdocs
	$(VENV)-properdocs/bin/properdocs build --quiet --strict -f mkdocs.yml --site-dir .properdocs-check/properdocs
	$(BIN)/python -m annotated_edition.samesite .properdocs-check/mkdocs .properdocs-check/properdocs

bench: $(VENV)/.dev tools  ## print build-time overhead, page weight, growth with 1,000 and 10,000 notes, and where the time goes
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(VENV)-properdocs .properdocs-check $(SITE) .pytest_cache .ruff_cache .hypothesis
