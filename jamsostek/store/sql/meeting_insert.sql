-- A meeting's row, then its snapshot from the staged DataFrames staged_meeting_kpi, staged_meeting_kecamatan,
-- staged_meeting_desa and staged_meeting_gap (columns as in meeting_schema.sql, without meeting_id).
insert into meeting (meeting_id, meeting_date, as_of, title, snapshot_sha256, created_at, created_by,
                     data_version, data_as_of, batch_ids)
values ($meeting_id, $meeting_date, $as_of, $title, $snapshot_sha256, $created_at, $created_by,
        $data_version, $data_as_of, $batch_ids);
update meeting set sasaran_version = (select name from sasaran_version where is_active)
where meeting_id = $meeting_id;
insert into meeting_kpi
select $meeting_id, protected_workers, protected_workers_week_ago, new_workers_week, lapsing_workers,
       lapsed_workers, participants, sasaran_workers, coverage_pct, gap_workers
from staged_meeting_kpi;
insert into meeting_kecamatan
select $meeting_id, kode_kecamatan, kecamatan, sasaran_workers, protected_workers, coverage_pct, gap_workers,
       enrolled_workers, lapsed_workers
from staged_meeting_kecamatan;
insert into meeting_desa
select $meeting_id, kode_desa, desa, jenis, kode_kecamatan, kecamatan, sasaran_workers, protected_workers,
       coverage_pct, gap_workers, enrolled_workers, lapsed_workers
from staged_meeting_desa;
insert into meeting_gap
select $meeting_id, kode_desa, desa, kode_kecamatan, kecamatan, sektor, sasaran_workers, protected_workers,
       coverage_pct, gap_workers
from staged_meeting_gap;
