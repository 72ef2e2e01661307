# painguide: the two commands a newcomer needs are `make build` and `make test`; `make help` lists the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help build test validate serve new schema bench browser-deps clean lock lock-check lock-zensical zensical zensical-venv

LOCK   := requirements.lock
# pip itself is pinned with its hashes too: `python3 -m venv` brings the interpreter's own,
# older pip (23.2.1 on Debian 12's Python 3.11, with published advisories).
PIP_LOCK := requirements-pip.lock
PIP_VERSION := 26.3
PIP_TOOLS := pip-tools==7.7.0
# Zensical has a lock and a venv of its own: it is only for `make zensical`, and its
# dependencies must not move the site's.
ZENSICAL_IN   := requirements-zensical.in
ZENSICAL_LOCK := requirements-zensical.lock
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed

# A venv at $(1); Debian's python3 needs python3-venv for `-m venv`: installed only if missing.
make_venv = $(PYTHON) -m venv $(1) || { rm -rf $(1); \
	  $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq python3-venv && \
	  $(PYTHON) -m venv $(1); }

# Every Python package, direct and transitive, comes from the lock with its hashes; the
# venv is made anew when the lock changes, so what is installed is exactly the lock.
$(STAMP): $(LOCK) $(PIP_LOCK)
	@$(PYTHON) -m painguide.lockfile check
	rm -rf $(VENV)
	$(call make_venv,$(VENV))
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(PIP_LOCK)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Zensical's venv, made anew when its lock changes; pip is the same pinned pip.
$(ZENSICAL_STAMP): $(ZENSICAL_LOCK) $(PIP_LOCK)
	rm -rf $(ZENSICAL_VENV)
	$(call make_venv,$(ZENSICAL_VENV))
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(PIP_LOCK)
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(ZENSICAL_LOCK)
	touch $(ZENSICAL_STAMP)

## lock-check: fail in one line when requirements.lock no longer matches pyproject.toml
lock-check:
	@$(PYTHON) -m painguide.lockfile check

## lock: refresh requirements.lock (and Zensical's lock) to the newest versions pyproject.toml (requirements-zensical.in) allows (then review `git diff`)
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	.venv-lock/bin/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe --all-build-deps \
	  --extra test --strip-extras --no-emit-index-url --no-emit-find-links -o $(LOCK) pyproject.toml
	echo 'pip==$(PIP_VERSION)' | .venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	  --strip-extras --no-emit-index-url --no-emit-find-links -o $(PIP_LOCK) -
	$(LOCK_ZENSICAL)
	$(PYTHON) -m painguide.lockfile stamp
	rm -rf .venv-lock
	@git diff --stat -- $(LOCK) $(PIP_LOCK) $(ZENSICAL_LOCK) 2>/dev/null || true

LOCK_ZENSICAL = .venv-lock/bin/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe \
	  --strip-extras --no-emit-index-url --no-emit-find-links -o $(ZENSICAL_LOCK) $(ZENSICAL_IN)

## lock-zensical: refresh only requirements-zensical.lock (Zensical's pin is in requirements-zensical.in)
lock-zensical:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	$(LOCK_ZENSICAL)
	rm -rf .venv-lock
	@git diff --stat -- $(ZENSICAL_LOCK) 2>/dev/null || true

## build: validate the content, generate the pages and build site/ (both languages)
build: lock-check $(STAMP)
	$(BIN)/painguide build

## validate: check the content only
validate: $(STAMP)
	$(BIN)/painguide validate

## new: start a content file from its kind's archetype: make new KIND=pm ID=my-pm (no ID for a single-file kind, KIND=glossary)
new: $(STAMP)
	$(BIN)/painguide new $(KIND) $(ID)
# Without KIND, stop before anything is installed.
ifneq ($(filter new,$(MAKECMDGOALS)),)
ifeq ($(KIND),)
$(error give the kind: make new KIND=pm ID=my-pm; the kinds are in content/README.md, Layout)
endif
endif

## schema: rewrite the JSON Schemas in schemas/ from the models (commit them with the model change)
schema: $(STAMP)
	$(BIN)/painguide schema

## serve: live preview of one language at http://127.0.0.1:8000, a save shown in about a second (SITE_LANG=en for English; the codes are in languages.yaml)
serve: $(STAMP)
	$(BIN)/painguide serve $(if $(SITE_LANG),--lang $(SITE_LANG))

## browser-deps: Debian's Chromium, poppler, Java and the npm test tools
browser-deps:
	sh tests/browser/install-deps.sh

## test: the whole suite: unit, golden, build and browser tests
test: lock-check $(STAMP) browser-deps
	$(BIN)/python -m pytest

## bench: time validate, generate and the MkDocs build on the shipped content (SCALE=1000: also with 100 and 1000 synthetic PMs)
bench: $(STAMP)
	$(BIN)/python -m bench.bench $(if $(SCALE),--scale $(SCALE))

## zensical: build the whole site with Zensical instead of MkDocs into site-zensical/ (a trial of the way off MkDocs; README, Building with Zensical)
zensical: lock-check $(STAMP) $(ZENSICAL_STAMP)
	$(BIN)/painguide build --engine zensical --site-dir site-zensical

## zensical-venv: install Zensical from its lock into .venv-zensical/ (make zensical does it)
zensical-venv: $(ZENSICAL_STAMP)

## help: list these targets
help:
	@sed -n 's/^## //p' Makefile

clean:
	rm -rf site site-zensical .cache .painguide mkdocs.*.yml zensical.*.yml $(filter-out docs/overrides/,$(wildcard docs/*/))
