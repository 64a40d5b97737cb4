-- A new action (version 1) and its first log row.
insert into meeting_action (action_id, meeting_id, level, kode_wilayah, wilayah, what, who, due_date, status, note,
                            created_at, created_by, updated_at, updated_by, closed_at, version)
values ($action_id, $meeting_id, $level, $kode_wilayah, $wilayah, $what, $who, $due_date, $status, $note,
        $now, $actor, $now, $actor,
        case when $status in ('selesai', 'batal') then $now end, 1);
insert into meeting_action_log
values ($action_id, 1, $status, $due_date, $who, $note, $now, $actor);
