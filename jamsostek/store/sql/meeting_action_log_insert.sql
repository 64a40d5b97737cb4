-- Log the state an action was just saved in.
insert into meeting_action_log
select action_id, version, status, due_date, who, note, updated_at, updated_by
from meeting_action
where action_id = $action_id
