# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: install run build serve test bench bench-quick corpus-check clean browser-deps engine-deps engine-test

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

build: install
	$(BIN)/lod build corpus --out output

run: build
	$(BIN)/lod serve --data output --host 127.0.0.1 --port 8080

# Headless Chromium for tests/test_browser.py (Debian packages); only as root, only when missing.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

test: install browser-deps
	$(BIN)/python -m pytest -n 2 -q

# Virtuoso from Debian for the engine tests (only as root, only when missing); the Oxigraph server
# comes with the test dependencies (PyPI `oxigraph`).
engine-deps:
	@if ! command -v virtuoso-t >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; \
	fi

# Slow integration runs against external engines (not part of `make test`).
engine-test: install engine-deps
	$(BIN)/python -m pytest -q -m engine

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run --mode full

bench-quick: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run --mode quick

# `lod check` over every folder of ../shared/corpus/real (when it is there) → docs/quality.md; not part of `make test`.
corpus-check: install
	$(BIN)/python -m bench.corpus_check

clean:
	rm -rf output .pytest_cache
