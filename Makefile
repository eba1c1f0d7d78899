# A new user's whole set-up: `make demo`, then `make test`. Everything is installed into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo browser test test-fast bench bench-counts clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/governance lint bylaws/*.bylaw
	$(BIN)/governance check laholmsbukten examples/laholmsbukten-2025.yaml
	@# …and one that breaks it on purpose: every finding cites the sentence it rests on (exit 1).
	$(BIN)/governance check laholmsbukten examples/laholmsbukten-2025-breaches.yaml --as-of 2025-01-01 \
		|| echo "(exit status 1: this calendar breaks the bylaw, as intended)"
	@# Graphviz draws the process graph as SVG; installing it is a convenience, never a failure.
	@command -v dot >/dev/null || (apt-get update -qq && apt-get install -y -qq graphviz) >/dev/null 2>&1 || true
	@mkdir -p build && $(BIN)/governance graph laholmsbukten --format svg -o build/laholmsbukten.svg \
		&& echo "process graph: build/laholmsbukten.svg" || true
	@$(BIN)/governance render laholmsbukten --format html -o build/laholmsbukten.html \
		&& echo "the agreement to read, every rule with its sentence: build/laholmsbukten.html"
	@echo "a web page to check calendars in: $(BIN)/governance serve"

# The browser test (tests/test_web_browser.py) drives Debian's Chromium through chromedriver. Installing
# them needs root; without it this says so and `make test` goes on: the test skips, or fails where
# GOVERNANCE_REQUIRE_BROWSER=1 (.ci/run).
browser:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
		|| (apt-get update -qq && apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
		|| echo "make browser: could not install chromium and chromium-driver; the browser test will skip"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m 'not slow'

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The calendar check counted (instructions, cache misses) under valgrind, not timed: steady on a busy machine.
bench-counts: $(STAMP)
	$(BIN)/python bench/counts.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
