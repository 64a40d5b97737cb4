-- One row per sasaran version (the estimate and uploaded official tables), newest first, with the
-- number of desa it covers. Parameters: none.
select
    v.version_id,
    v.name,
    v.kind,
    v.data_date,
    v.created_at,
    v.created_by,
    v.source_file,
    v.total_workers,
    v.is_active,
    cast((select count(distinct c.kode_desa) from sasaran_version_cell c where c.version_id = v.version_id)
         as bigint) as desa_count
from sasaran_version v
order by v.version_id desc
