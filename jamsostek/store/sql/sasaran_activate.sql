-- Make version $version_id the active sasaran: its cells replace the `sasaran` table's.
update sasaran_version set is_active = (version_id = $version_id);
delete from sasaran;
insert into sasaran
select kode_desa, sektor, sasaran_workers,
       (select kind = 'estimate' from sasaran_version where version_id = $version_id), sasaran_low, sasaran_high
from sasaran_version_cell
where version_id = $version_id;
