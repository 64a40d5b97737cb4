-- One row per audit event, newest first: who (actor) did what (action, detail) and when (logged_at).
-- detail was redacted when written (masked NIK, never a raw one).
-- Parameters: $limit (integer, the most rows returned)
with final as (
    select
        rowid as event_id,  -- insertion order, breaks ties on logged_at
        logged_at,
        actor,
        action,
        detail
    from audit_log
)

select * from final
order by logged_at desc, event_id desc
limit $limit
