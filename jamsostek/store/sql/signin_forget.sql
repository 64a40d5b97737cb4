-- Keys whose last failure is older than the forgetting time and that wait no more: the table stays small.
delete from signin_attempt where last_failure_at < $before and blocked_until <= $now;
