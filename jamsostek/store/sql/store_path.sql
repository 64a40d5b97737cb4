-- The file a connection reads (null for an in-memory store): a cache key.
select path from duckdb_databases() where database_name = current_database();
