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

.PHONY: install demo test lint typecheck pytest browser lab bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==0.13.8"

# uv sync is quick when nothing changed, so it runs every time
install: $(UV)
	$(UV) sync --locked --quiet --python $(PYTHON)

## The main job: summary, charts and review packets for data/sample.
demo: install
	$(BIN)/recovery-analytics demo data/sample --out $(OUT)

## The whole test suite: lint, types, unit, notebook and browser tests.
test: install browser lint typecheck pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile

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

lab: install
	$(BIN)/recovery-analytics lab

bench: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(OUT) test-output .pytest_cache .mypy_cache .ruff_cache .hypothesis
