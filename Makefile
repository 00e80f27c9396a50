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

# PostgreSQL tests run against the server $DIPLONEWS_TEST_POSTGRES names, whose role
# may CREATE DATABASE (each test gets a database of its own, dropped afterwards), e.g.
#   DIPLONEWS_TEST_POSTGRES=postgresql://diplonews:diplonews@127.0.0.1:5432/postgres make test
# Without it they are skipped; with DIPLONEWS_REQUIRE_POSTGRES=1 (as in CI) they fail.
# `.venv/bin/pytest -m "not postgres"` leaves them out.
test: venv
	@test -n "$$DIPLONEWS_TEST_POSTGRES" || echo "PostgreSQL tests skipped: set DIPLONEWS_TEST_POSTGRES=postgresql://user:pass@host:5432/postgres"
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
