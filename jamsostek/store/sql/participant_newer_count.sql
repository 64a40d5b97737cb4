-- How many NIKs of a file (staged as `staged_nik`) have a current record from a batch as of a later
-- date than $as_of: records a batch as of $as_of will not override (participant_upsert).
select count(*)
from staged_nik s
join participant p using (nik)
join batch b using (batch_id)
where coalesce(b.extract_date, date '1900-01-01') > $as_of;
