insert into audit_log values (current_timestamp, $actor, $action, $detail);
