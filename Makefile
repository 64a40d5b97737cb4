# Two commands for a newcomer:  make run  (set up + start the app)   make test  (set up + whole suite)
PY := .venv/bin/python
PORT ?= 8501
# Loopback unless the deployment says otherwise: `make run ADDRESS=0.0.0.0` (README "Di kantor").
ADDRESS ?= 127.0.0.1

.PHONY: run test setup setup-dev bench bench-scale boundaries clean

setup:
	bash scripts/setup.sh requirements.txt

setup-dev:
	bash scripts/setup.sh --system requirements-dev.txt

run: setup
	-$(PY) -m jamsostek boundaries
	$(PY) -m jamsostek init
	$(PY) -m streamlit run dashboard.py --server.address $(ADDRESS) --server.port $(PORT)

test: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m pytest -q

bench: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m benchmarks

bench-scale: setup-dev
	$(PY) -m benchmarks --only scale --sizes $${SIZES:-200k,2M}

clean:
	rm -rf data/cache data/*.duckdb data/*.duckdb.wal test-artifacts
