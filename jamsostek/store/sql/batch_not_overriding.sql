-- How many NIKs of a batch being loaded (its enrolment rows are in, participant not yet updated) have a
-- current record from a batch as of a later date: records this batch will not override (participant_upsert).
select count(*)
from enrolment e
join participant p using (nik)
join batch b on b.batch_id = p.batch_id
where e.batch_id = $batch_id
  and coalesce(b.extract_date, date '1900-01-01') > (select extract_date from batch where batch_id = $batch_id);
