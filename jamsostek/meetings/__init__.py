"""Weekly planning meetings: frozen snapshots, since the last meeting, follow-up actions, minutes."""
