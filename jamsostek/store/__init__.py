"""The store: the only package that imports duckdb. Connections, SQL files (sql/), transactions, read snapshots."""
