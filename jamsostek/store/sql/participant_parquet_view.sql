-- Point the questions in queries/ at participant records kept as Parquet instead of the store's table.
-- $files is a path or glob (e.g. /data/participant/*/*.parquet; with the httpfs extension also
-- s3://bucket/participant/*/*.parquet). Run on a connection with schema.sql (db.memory()) whose wilayah
-- and sasaran are loaded: the macros peserta_where/peserta_in/is_protected then read the view as they
-- read the table. The kecamatan folder name is left out: the macros match the kecamatan by the desa code.
set variable participant_files = $files;
drop table if exists participant;
create or replace view participant as
select * exclude (kode_kecamatan)
from read_parquet(getvariable('participant_files'), hive_partitioning = true);
-- The questions' cells: here each record is a cell of one (grouping 10M rows first, on every question,
-- would cost a hundred times the count itself; there is no table to keep up to date).
drop table if exists protection_cell;
create or replace view protection_cell as
select kode_desa, sektor, jht, sumber_iuran, tgl_kepesertaan, tgl_akhir, 1 as workers
from participant
where jkk and jkm;
