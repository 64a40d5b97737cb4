-- Reference tables from the staged DataFrames `staged_wilayah` and `staged_sasaran`.
delete from wilayah;
insert into wilayah select kode_desa, desa, jenis, kode_kecamatan, kecamatan, kode_kabupaten, kabupaten
from staged_wilayah;
delete from sasaran;
insert into sasaran select kode_desa, sektor, sasaran_workers, true from staged_sasaran;
