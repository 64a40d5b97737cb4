insert into signin_attempt (key_hash, failures, last_failure_at, blocked_until)
values ($key_hash, $failures, $now, $blocked_until)
on conflict (key_hash) do update set
    failures = excluded.failures, last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until;
