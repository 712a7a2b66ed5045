# Two commands matter (see README): `make demo` and `make test`.
# Both install everything they need first, from the committed uv.lock.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
TOOLS  := .tools
UV     := $(TOOLS)/bin/uv
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= out
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install demo test test-external lint typecheck pytest browser postgresql pg-cluster lab bench fuzz clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==0.13.8"

# uv sync is quick when nothing changed, so it runs every time
install: $(UV)
	$(UV) sync --locked --quiet --python $(PYTHON)

## The main job: summary, charts and review packets for data/sample.
demo: install
	$(BIN)/recovery-analytics demo data/sample --out $(OUT)

## The whole test suite: lint, types, unit, notebook, browser and database tests.
## Runs on a fresh clone with nothing beside it: the checks against the public
## sample exports in ../shared/external are `make test-external`, a step of its own.
test: install browser postgresql lint typecheck pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile -m "not external"

## The tests marked `external`: the importers against the public sample exports
## in ../shared/external. Without that folder they are skipped, except under CI
## (CI=true), where a missing folder fails; so does a run that collects no test
## (pytest's exit status 5) while the folder is there.
EXTERNAL := $(abspath $(CURDIR)/../shared/external)
test-external: install
	@if [ ! -d "$(EXTERNAL)" ]; then \
		case "$${CI:-}" in \
		""|0|false|False|FALSE) \
			echo "$(EXTERNAL) is missing: the external tests are skipped (under CI=true this fails)."; \
			exit 0;; \
		*) echo "CI: $(EXTERNAL) is missing, so the external tests cannot run." >&2; exit 1;; \
		esac; \
	fi; \
	status=0; $(BIN)/pytest -p no:cacheprovider -m external || status=$$?; \
	if [ $$status = 5 ]; then \
		echo "No external test was collected, although $(EXTERNAL) is there." >&2; exit 1; \
	fi; \
	exit $$status

# Browser tests use Debian's Chromium (Playwright cannot download its own here).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Debian's chromium: run 'apt-get install chromium' as root." >&2; exit 1; \
	fi

# The database tests start a throwaway cluster of Debian's PostgreSQL (tests/_pg.py).
postgresql:
	@$(PYTHON) tests/_pg.py install

## A throwaway PostgreSQL cluster to try things by hand: prints its URL, stops on Enter.
pg-cluster: postgresql
	@$(PYTHON) tests/_pg.py run

lab: install
	$(BIN)/recovery-analytics lab

## Every benchmark at a small size (a few minutes); BENCH="--full" for the sizes
## RESULTS.md quotes, BENCH="--record" to write the results there.
BENCH ?=
bench: install
	$(BIN)/python benchmarks/run_all.py $(BENCH)

clean:
	rm -rf $(OUT) test-output .pytest_cache .mypy_cache .ruff_cache .hypothesis

## The long fuzz run (issue 13): COUNT fresh mutated inputs across every format and importer.
COUNT ?= 20000
fuzz: install
	$(BIN)/python benchmarks/fuzz.py --count $(COUNT)
