-- One row per meeting, newest meeting date first: its date, the as-of date of its frozen figures, the
-- snapshot hash, who made it, the sasaran version its coverage used, and how many actions it agreed.
with actions as (
    select meeting_id, count(*) as actions_recorded
    from meeting_action
    group by meeting_id
),

final as (
    select
        m.meeting_id,
        m.meeting_date,
        m.as_of,
        m.title,
        m.snapshot_sha256,
        m.created_at,
        m.created_by,
        m.data_version,
        m.data_as_of,
        m.batch_ids,
        m.sasaran_version,
        cast(coalesce(a.actions_recorded, 0) as bigint) as actions_recorded
    from meeting m
    left join actions a using (meeting_id)
)

select * from final
order by meeting_date desc
