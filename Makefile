# Everyday commands. `make demo` and `make test` work on a fresh machine with python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv test demo bench lint clean

venv: $(STAMP)

# Re-installs only when the project's requirements change.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

test: venv
	$(BIN)/pytest -q

# The demo's own store, rebuilt each time from the sample articles.
DEMO_DB := demo.db

demo: venv
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/diplonews ingest examples/articles --db $(DEMO_DB)
	$(BIN)/diplonews timeline --between ASEAN KOR --db $(DEMO_DB)
	$(BIN)/diplonews series --db $(DEMO_DB)
	$(BIN)/diplonews people "Yeo Seung-bae" --db $(DEMO_DB)
	@echo
	@echo "The store is $(DEMO_DB). Try:  $(BIN)/diplonews search 'pham minh chinh' --db $(DEMO_DB)"
	@echo "                          or:  $(BIN)/diplonews extract examples/articles"

bench: venv
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/bench_store.py

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
