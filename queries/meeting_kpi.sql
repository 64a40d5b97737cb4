-- One row: the headline figures frozen for meeting $meeting_id (kpi.sql for the whole region on its as_of).
-- Parameters: $meeting_id (integer)
with final as (
    select protected_workers, protected_workers_week_ago, new_workers_week, lapsing_workers, lapsed_workers,
           participants, sasaran_workers, coverage_pct, gap_workers
    from meeting_kpi
    where meeting_id = $meeting_id
)

select * from final
