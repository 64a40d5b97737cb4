-- One row per kecamatan of meeting $meeting_id's snapshot, beside the same kecamatan in meeting
-- $previous_id's snapshot: protected and coverage before and now, the changes, new enrolments and newly
-- lapsed participants (as in meeting_change_desa.sql).
-- Parameters: $meeting_id (integer), $previous_id (integer)
with now as (
    select * from meeting_kecamatan where meeting_id = $meeting_id
),

before as (
    select * from meeting_kecamatan where meeting_id = $previous_id
),

final as (
    select
        n.kode_kecamatan,
        n.kecamatan,
        coalesce(b.sasaran_workers, 0) as sasaran_before,
        n.sasaran_workers as sasaran_now,
        coalesce(b.protected_workers, 0) as protected_before,
        n.protected_workers as protected_now,
        n.protected_workers - coalesce(b.protected_workers, 0) as protected_change,
        b.coverage_pct as coverage_pct_before,
        n.coverage_pct as coverage_pct_now,
        n.coverage_pct - b.coverage_pct as coverage_change_pts,
        n.enrolled_workers - coalesce(b.enrolled_workers, 0) as new_enrolments,
        n.lapsed_workers - coalesce(b.lapsed_workers, 0) as newly_lapsed,
        n.gap_workers as gap_now
    from now n
    left join before b using (kode_kecamatan)
)

select * from final
order by kode_kecamatan
