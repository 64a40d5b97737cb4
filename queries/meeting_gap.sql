-- One row per desa x sector cell frozen for meeting $meeting_id (gap_desa_sector.sql on its as_of).
-- Parameters: $meeting_id (integer)
with final as (
    select kode_desa, desa, kode_kecamatan, kecamatan, sektor, sasaran_workers, protected_workers, coverage_pct,
           gap_workers
    from meeting_gap
    where meeting_id = $meeting_id
)

select * from final
order by gap_workers desc, kode_desa, sektor
