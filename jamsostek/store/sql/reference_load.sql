-- Reference tables from the staged DataFrames `staged_wilayah` and `staged_sasaran`.
delete from wilayah;
insert into wilayah select kode_desa, desa, jenis, kode_kecamatan, kecamatan, kode_kabupaten, kabupaten
from staged_wilayah;
delete from sasaran;
-- By name: a staged table without the range columns leaves them NULL.
insert into sasaran by name select * from staged_sasaran;
