# Everyday commands. `make demo` and `make test` work on a fresh machine with python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv test demo bench bench-spark bench-curate load lint eval eval-ask clean

venv: $(STAMP)

# Re-installs only when the project's requirements change.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,spark]'
	touch $@

# PostgreSQL tests run against the server $DIPLONEWS_TEST_POSTGRES names, whose role
# may CREATE DATABASE (each test gets a database of its own, dropped afterwards), e.g.
#   DIPLONEWS_TEST_POSTGRES=postgresql://diplonews:diplonews@127.0.0.1:5432/postgres make test
# Without it they are skipped; with DIPLONEWS_REQUIRE_POSTGRES=1 (as in CI) they fail.
# `.venv/bin/pytest -m "not postgres"` leaves them out.
test: venv
	@test -n "$$DIPLONEWS_TEST_POSTGRES" || echo "PostgreSQL tests skipped: set DIPLONEWS_TEST_POSTGRES=postgresql://user:pass@host:5432/postgres"
	$(BIN)/pytest -q

# The demo's own store, rebuilt each time from the sample articles, then the web UI
# over it (Ctrl-C stops it). DEMO_PORT=8001 make demo picks another port.
DEMO_DB := demo.db
DEMO_PORT ?= 8000

demo: venv
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/diplonews ingest examples/articles --db $(DEMO_DB)
	$(BIN)/diplonews timeline --between ASEAN KOR --db $(DEMO_DB)
	@echo
	@echo "Also try:  $(BIN)/diplonews ask 'ai dong chu tri doi thoai asean han quoc 2021' --db $(DEMO_DB)"
	@echo "           $(BIN)/diplonews search 'pham minh chinh' --db $(DEMO_DB)"
	@echo
	@echo "Web UI:    http://127.0.0.1:$(DEMO_PORT)/   (JSON API: http://127.0.0.1:$(DEMO_PORT)/docs)"
	$(BIN)/diplonews serve --db $(DEMO_DB) --port $(DEMO_PORT)

# The scaling table (bench/scale.py) on the real corpus, ../shared/corpus/vntc_subset.jsonl
# (CORPUS=path/to/other.jsonl; SIZES=1000,5000; PostgreSQL too when $DIPLONEWS_TEST_POSTGRES
# is set), then extraction on its own and the false events of the corpus.
bench: venv
	$(BIN)/python bench/scale.py $(if $(CORPUS),--corpus $(CORPUS)) $(if $(SIZES),--sizes $(SIZES))
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/bench_long.py
	$(BIN)/python bench/false_events.py $(if $(CORPUS),--corpus $(CORPUS))

# 10,000 mutated articles into fresh stores (PostgreSQL too when $DIPLONEWS_TEST_POSTGRES is set).
.PHONY: fuzz
fuzz: venv
	$(BIN)/python bench/fuzz_ingest.py

# Every event, person and search page once (first renders) under 50 concurrent readers,
# page cache on then off, over a store of the real corpus and the dev set
# (bench/load_web.py --help: --db, --corpus, --generated, --clients, --profile).
load: venv
	$(BIN)/python bench/load_web.py --once $(if $(CORPUS),--corpus $(CORPUS))

# The same server for 30 minutes, every page of the store asked for while 2 MB articles
# are extracted all along: its resident memory each minute, which must level off.
.PHONY: soak
soak: venv
	$(BIN)/python bench/load_web.py --soak-minutes 30 --events 20000 --extract

# Editors (issue 16): corrections re-applied after a re-extraction of the sample and dev
# articles, login and edit round trips, the page cache's hit rate while edits go on.
bench-curate: venv
	$(BIN)/python bench/curate_figures.py

# Spark (needs Java 17+): single process vs spark-extract on local[1] and local[2], over the
# real corpus repeated with perturbations to 100,000 articles.
bench-spark: venv
	$(BIN)/python bench/bench_spark.py --real $(CORPUS)

# Extraction quality per gold folder, and the gap between the half rules were developed on
# (odd-numbered recent and archive articles) and the half kept for checking (even).
eval: venv
	$(BIN)/python bench/eval_parts.py

# Questions a reader asks of the 114 dev articles (bench/data/questions.jsonl), answered by
# `diplonews ask`: accuracy per intent and per language, refusals, and where each miss
# comes from (extraction or question understanding). ASK_FLAGS=--show-misses lists them.
eval-ask: venv
	$(BIN)/python bench/eval_ask.py --split $(ASK_FLAGS)

# What CI checks before the tests: lint, formatting, types and the layer contracts.
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
