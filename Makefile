# A new user's whole set-up: `make demo`, then `make test`. Everything is installed into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast bench bench-counts clean

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

test: $(STAMP)
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
