# A new user's whole set-up: `make demo`, then `make test`. Everything is installed into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP_QUIET := -q --disable-pip-version-check --no-input
UV     := uv==0.13.9

.PHONY: lint demo browser test test-fast test-latest lock bench bench-counts complexity fuzz clean

# Installs exactly what requirements.lock names (hash-checked), then governance itself without its
# dependencies. pip's output goes to .venv/install.log and is shown only when the install fails.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing into $(VENV) from requirements.lock …"
	@( $(BIN)/python -m pip install $(PIP_QUIET) --require-hashes -r requirements.lock \
	  && $(BIN)/python -m pip install $(PIP_QUIET) --no-deps --no-build-isolation -e . ) >$(VENV)/install.log 2>&1 \
	  || { cat $(VENV)/install.log; echo "make: the install failed (log above, also in $(VENV)/install.log)"; exit 1; }
	@touch $(STAMP)

# The lock is generated, never edited: after changing dependencies in pyproject.toml, run `make lock`.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install $(PIP_QUIET) $(UV) >/dev/null
	$(BIN)/python -m uv pip compile pyproject.toml requirements-build.in --extra test --python-version 3.11 \
		--generate-hashes --quiet -o requirements.lock

# The newest releases pyproject.toml allows, in a venv of their own, then the whole suite: a new release
# that breaks us is seen here on purpose. When it fails, the packages that differ from the lock are listed.
test-latest:
	@rm -rf $(VENV)-latest && $(PYTHON) -m venv $(VENV)-latest
	@$(VENV)-latest/bin/python -m pip install $(PIP_QUIET) --upgrade setuptools -e '.[test]' >$(VENV)-latest/install.log 2>&1 \
	  || { cat $(VENV)-latest/install.log; exit 1; }
	@$(VENV)-latest/bin/python -m pytest -q -p no:cacheprovider \
	  || { echo "make test-latest: the suite fails on the newest releases; these differ from requirements.lock:"; \
	       $(VENV)-latest/bin/python tests/lock_drift.py requirements.lock; exit 1; }

demo: $(STAMP)
	@echo '$$ governance lint bylaws/*.bylaw'
	@$(BIN)/governance lint bylaws/*.bylaw
	@echo; echo '$$ governance check laholmsbukten examples/laholmsbukten-2025.yaml'
	@$(BIN)/governance check laholmsbukten examples/laholmsbukten-2025.yaml
	@# …and one that breaks it on purpose: every finding cites the sentence it rests on (exit 1).
	@echo; echo '$$ governance check laholmsbukten examples/laholmsbukten-2025-breaches.yaml --as-of 2025-01-01'
	@$(BIN)/governance check laholmsbukten examples/laholmsbukten-2025-breaches.yaml --as-of 2025-01-01 \
		|| echo "(slutstatus 1: kalendern bryter mot avtalet, som avsett)"
	@echo
	@# Graphviz draws the process graph as SVG; installing it is a convenience, never a failure.
	@command -v dot >/dev/null || (apt-get update -qq && apt-get install -y -qq graphviz) >/dev/null 2>&1 || true
	@mkdir -p build && $(BIN)/governance graph laholmsbukten --format svg -o build/laholmsbukten.svg \
		&& echo "processgrafen: build/laholmsbukten.svg" || true
	@$(BIN)/governance render laholmsbukten --format html -o build/laholmsbukten.html \
		&& echo "avtalet att läsa, varje regel med sin mening: build/laholmsbukten.html"
	@echo "en webbsida att granska kalendrar i: $(BIN)/governance serve"

# The browser test (tests/test_web_browser.py) drives Debian's Chromium through chromedriver. Installing
# them needs root; without it this says so and `make test` goes on: the test skips, or fails where
# GOVERNANCE_REQUIRE_BROWSER=1 (.ci/run).
browser:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
		|| (apt-get update -qq && apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
		|| echo "make browser: could not install chromium and chromium-driver; the browser test will skip"

test: $(STAMP) browser lint
	$(BIN)/python -m pytest -q

# ruff and mypy, configured in pyproject.toml ([tool.ruff], [tool.mypy]).
lint: $(STAMP)
	$(BIN)/python -m ruff check governance tests bench
	$(BIN)/python -m mypy

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n auto -m 'not slow and not browser'

bench: $(STAMP)
	$(BIN)/python bench/run.py

# radon's cyclomatic complexity: the package's functions of rank D and worse, worst first (check/ is held
# at C or better by tests/test_complexity.py).
complexity: $(STAMP)
	$(BIN)/python -m radon cc --min D --show-complexity --order SCORE governance

# The calendar check counted (instructions, cache misses) under valgrind, not timed: steady on a busy machine.
bench-counts: $(STAMP)
	$(BIN)/python bench/counts.py

# Each fuzz target (fuzz/targets.py) under atheris for FUZZ_SECONDS (default 300) seconds: inputs run per
# target, and any crash, hang (> 5 s of CPU) or memory blow-up (> 500 MB) saved under build/fuzz/TARGET/.
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) $(VENV)-latest build *.egg-info .pytest_cache .hypothesis
