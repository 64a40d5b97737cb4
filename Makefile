# Two commands for a newcomer:  make run  (set up + start the app)   make test  (set up + whole suite)
PY := .venv/bin/python
PORT ?= 8501

.PHONY: run test setup setup-dev bench bench-scale bench-browser boundaries clean

setup:
	bash scripts/setup.sh requirements.txt

setup-dev:
	bash scripts/setup.sh --system requirements-dev.txt

run: setup
	-$(PY) -m jamsostek boundaries
	$(PY) -m jamsostek init
	$(PY) -m streamlit run dashboard.py --server.port $(PORT)

test: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m pytest -q

bench: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m benchmarks

bench-scale: setup-dev
	$(PY) -m benchmarks --only scale --sizes $${SIZES:-200k,2M}

bench-browser: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m benchmarks --only browser

clean:
	rm -rf data/cache data/*.duckdb data/*.duckdb.wal test-artifacts
