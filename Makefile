# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: install run build serve test bench bench-quick corpus-check clean browser-deps engine-deps engine-test akn-roundtrip wrk-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

# The SPARQL editor (YASGUI) from the npm registry, shipped inside the package (never a CDN):
# `npm ci` installs exactly package-lock.json; its built files go into the static folder
# (gitignored). Without npm the query page keeps its plain form.
EDITOR := lod/web/static/vendor/yasgui
$(EDITOR)/yasgui.min.js: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && mkdir -p $(EDITOR) && \
		cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css $(EDITOR)/ ; \
	else echo "npm not found: the query page falls back to its plain form (install Node.js for the editor)"; fi

# Every process the server and the build start (query children, build workers, the CLI) reads lod
# from bytecode compiled here once, also where PYTHONDONTWRITEBYTECODE keeps Python from writing it.
install: $(STAMP) $(EDITOR)/yasgui.min.js
	$(BIN)/python -m compileall -q lod tests bench tools

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

# Every AKN file of ../shared/corpus/real/ga-akn written back and read again (make test runs a sample).
akn-roundtrip: install
	LOD_AKN_ROUNDTRIP=all $(BIN)/python -m pytest -q tests/test_akn_write.py -k akn_in_akn_out

# Virtuoso from Debian for the engine tests (only as root, only when missing); the Oxigraph server
# comes with the test dependencies (PyPI `oxigraph`).
engine-deps:
	@if ! command -v virtuoso-t >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; \
	fi

# wrk, the C load generator of `python -m bench.deref_fresh --loadgen wrk` (only as root, only when missing).
wrk-deps:
	@if ! command -v wrk >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	fi

# Slow integration runs against external engines (not part of `make test`): Virtuoso and the
# Oxigraph server each started on 127.0.0.1 with its own config and data directory; publish,
# serve, the same answers as the embedded store, 502/504, the resumed publish (tests), then a
# synthetic corpus of ENGINE_N documents published to both and checked (bench/engines.py).
ENGINE_N ?= 10000
engine-test: install engine-deps
	$(BIN)/python -m pytest -q -m "engine or not engine" tests/test_engines.py tests/test_engine_virtuoso.py tests/test_engine_serve.py
	nice $(BIN)/python -m bench.engines --n $(ENGINE_N)

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
