-- A verifier's decision on one candidate, with a note, at $at (null: now). Returns the candidate's row if it exists.
update usulan_candidate
set override_status = $override_status, override_note = $override_note, override_by = $override_by,
    override_at = coalesce(cast($at as timestamp), cast(current_timestamp as timestamp))
where list_id = $list_id and row_number = $row_number
returning list_id, row_number;
