-- Failed sign-ins per key (a username or a client address, stored as a SHA-256: people type passwords
-- into the username box). In the store, so a page reload or a restart of the app does not reset them.
create table if not exists signin_attempt (
    key_hash varchar primary key,
    failures integer not null,
    last_failure_at double not null,  -- seconds since the epoch
    blocked_until double not null
);
