# painguide: the two commands a newcomer needs are `make build` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test validate serve bench schema browser-deps clean

$(STAMP): pyproject.toml
	@# Debian's python3 needs python3-venv for `-m venv`; install it only if missing.
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq python3-venv && \
	  $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## build: validate the content, generate the pages and build site/ (both languages)
build: $(STAMP)
	$(BIN)/painguide build

## validate: check the content only
validate: $(STAMP)
	$(BIN)/painguide validate

## serve: live preview at http://127.0.0.1:8000 (LANG=en for English)
serve: $(STAMP)
	$(BIN)/painguide serve --lang $(or $(filter en,$(LANG)),sv)

## browser-deps: Debian's Chromium, poppler, Java and the npm test tools
browser-deps:
	sh tests/browser/install-deps.sh

## test: the whole suite: unit, golden, build and browser tests
test: $(STAMP) browser-deps
	$(BIN)/python -m pytest

## bench: time validate, generate and the MkDocs build on the shipped content
bench: $(STAMP)
	$(BIN)/python -m painguide.bench

clean:
	rm -rf site .painguide docs/sv docs/en mkdocs.sv.yml mkdocs.en.yml
