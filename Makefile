# Two commands for a newcomer:  make run  (set up + start the app)   make test  (set up + whole suite)
PY := .venv/bin/python
PORT ?= 8501
# Loopback unless the deployment says otherwise: `make run ADDRESS=0.0.0.0` (README "Di kantor").
ADDRESS ?= 127.0.0.1

.PHONY: run dev test setup setup-dev bench bench-scale bench-load bench-browser bench-replicas bench-soak bench-national boundaries clean

setup:
	bash scripts/setup.sh requirements.txt

setup-dev:
	bash scripts/setup.sh --system requirements-dev.txt

# Production settings from .streamlit/config.toml (no file watching, no forced GC after each run).
run: setup
	-$(PY) -m jamsostek boundaries
	$(PY) -m jamsostek init
	$(PY) -m streamlit run dashboard.py --server.address $(ADDRESS) --server.port $(PORT)

# Developing: rerun when a source file is saved (costs CPU per session; never for a meeting's crowd).
dev: setup
	-$(PY) -m jamsostek boundaries
	$(PY) -m jamsostek init
	$(PY) -m streamlit run dashboard.py --server.port $(PORT) \
		--server.fileWatcherType auto --server.runOnSave true --runner.postScriptGC true

test: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m pytest -q

bench: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m benchmarks

bench-scale: setup-dev
	$(PY) -m benchmarks --only scale --sizes $${SIZES:-200k,2M}

# K viewers at once per page over the real server's WebSocket (VIEWERS=1,10,50 PAGES=ringkasan,peta).
# National size (SIZE=50M): Parquet bulk ingest (time, peak memory) and the store's questions; takes ~half an hour.
bench-national: setup-dev
	$(PY) -m benchmarks.scale --national $${SIZE:-50M}

bench-load: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m benchmarks --only load $${VIEWERS:+--viewers $$VIEWERS} $${PAGES:+--pages $$PAGES}

bench-browser: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m benchmarks --only browser

# 1 and 2 replicas behind nginx (the office recipe on loopback), K = 1, 10, 50 viewers through the proxy.
bench-replicas: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m benchmarks --only replicas

# Memory over a long meeting: 10 viewers without pause through nginx over 2 replicas (MINUTES=30).
bench-soak: setup-dev
	JAMSOSTEK_BOUNDARIES_DIR=$${JAMSOSTEK_BOUNDARIES_DIR:-$(CURDIR)/../shared/reference/boundaries/bali} \
		$(PY) -m benchmarks --only soak --minutes $${MINUTES:-30}

clean:
	rm -rf data/cache data/*.duckdb data/*.duckdb.wal test-artifacts
