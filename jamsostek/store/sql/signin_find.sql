select failures, last_failure_at, blocked_until from signin_attempt where key_hash = $key_hash;
