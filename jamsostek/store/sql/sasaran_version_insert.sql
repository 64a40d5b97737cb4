-- A new sasaran version from the staged DataFrame `staged_version_cells` (kode_desa, sektor,
-- sasaran_workers[, sasaran_low, sasaran_high]). Returns nothing; the new id is the sequence's current value.
insert into sasaran_version
select nextval('sasaran_version_seq'), $version_name, $kind, $data_date, current_timestamp, $actor, $source_file,
       (select coalesce(sum(sasaran_workers), 0) from staged_version_cells), false;
insert into sasaran_version_cell by name
select currval('sasaran_version_seq') as version_id, * from staged_version_cells;
