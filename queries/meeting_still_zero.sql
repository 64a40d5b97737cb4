-- One row per desa x sector cell with a sasaran and nobody protected in meeting $meeting_id's snapshot
-- that was also at zero (or absent) in meeting $previous_id's snapshot: groups the meetings have not yet
-- reached. Largest gap first.
-- Parameters: $meeting_id (integer), $previous_id (integer)
with now as (
    select * from meeting_gap where meeting_id = $meeting_id
),

before as (
    select * from meeting_gap where meeting_id = $previous_id
),

final as (
    select n.kode_desa, n.desa, n.kode_kecamatan, n.kecamatan, n.sektor, n.sasaran_workers, n.gap_workers
    from now n
    left join before b using (kode_desa, sektor)
    where n.sasaran_workers > 0
      and n.protected_workers = 0
      and coalesce(b.protected_workers, 0) = 0
)

select * from final
order by gap_workers desc, kode_desa, sektor
