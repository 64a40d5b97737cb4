-- One row per kecamatan frozen for meeting $meeting_id: coverage_by_kecamatan.sql on its as_of, plus
-- participants enrolled and lapsed by then.
-- Parameters: $meeting_id (integer)
with final as (
    select kode_kecamatan, kecamatan, sasaran_workers, protected_workers, coverage_pct, gap_workers,
           enrolled_workers, lapsed_workers
    from meeting_kecamatan
    where meeting_id = $meeting_id
)

select * from final
order by kode_kecamatan
