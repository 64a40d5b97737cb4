-- Rows come from the staged DataFrame `staged_rejection`.
insert into rejection
select $batch_id, row_number, field, reason_code, reason_id
from staged_rejection;
