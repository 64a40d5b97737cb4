-- One row per saved state of action $action_id, oldest first: who changed what, and when.
-- Parameters: $action_id (integer)
with final as (
    select version, status, due_date, who, note, changed_at, changed_by
    from meeting_action_log
    where action_id = $action_id
)

select * from final
order by version
