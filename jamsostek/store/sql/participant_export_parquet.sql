-- Current participant records written as Parquet, one folder per kecamatan (hive style:
-- $folder/kode_kecamatan=51.04.01/data_0.parquet), for benchmarks/scale.py and for running queries/
-- over files (participant_parquet_view.sql). No NIK, name or KPJ: the questions count records.
copy (
    select p.* exclude (nik, nama, no_kpj), w.kode_kecamatan
    from participant p
    join wilayah w using (kode_desa)
) to $folder (format parquet, partition_by (kode_kecamatan), overwrite true)
