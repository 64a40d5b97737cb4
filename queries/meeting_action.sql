-- One row: action $action_id as it is now (none when there is no such action).
-- Parameters: $action_id (integer)
with final as (
    select action_id, meeting_id, level, kode_wilayah, wilayah, what, who, due_date, status, note,
           created_at, created_by, updated_at, updated_by, closed_at, version
    from meeting_action
    where action_id = $action_id
)

select * from final
