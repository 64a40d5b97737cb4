delete from enrolment where batch_id = $batch_id;
update batch set withdrawn_at = current_timestamp, withdrawn_by = $actor
where batch_id = $batch_id and withdrawn_at is null;
