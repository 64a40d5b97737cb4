-- Save an action's new status, due date, person and note, only if it is still at $version (the version
-- the editor started from). Returns the new version; no row when someone else saved first.
update meeting_action
set status = $status,
    due_date = $due_date,
    who = $who,
    note = $note,
    updated_at = $now,
    updated_by = $actor,
    closed_at = case
        when $status not in ('selesai', 'batal') then null
        when status in ('selesai', 'batal') then closed_at
        else $now
    end,
    version = version + 1
where action_id = $action_id and version = $version
returning version
