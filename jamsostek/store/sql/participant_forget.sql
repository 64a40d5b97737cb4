-- Before a batch is withdrawn: drop the current records that came from it (participant_restore refills them).
delete from participant where batch_id = $batch_id;
