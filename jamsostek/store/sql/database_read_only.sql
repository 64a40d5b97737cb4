-- Whether this connection's database was opened read-only (a published read copy).
select readonly from duckdb_databases() where database_name = current_database();
