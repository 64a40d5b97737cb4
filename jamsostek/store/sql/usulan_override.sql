-- A verifier's decision on one candidate, with a note. Returns the candidate's row if it exists.
update usulan_candidate
set override_status = $override_status, override_note = $override_note, override_by = $override_by,
    override_at = current_timestamp
where list_id = $list_id and row_number = $row_number
returning list_id, row_number;
