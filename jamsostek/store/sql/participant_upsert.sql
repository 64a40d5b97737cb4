-- Bring a just-loaded batch into participant: its row becomes the current record of each of its NIKs,
-- unless that NIK's record comes from a batch as of a later date. Batches are ordered by extract_date
-- (the date the data is as of), then by batch_id (on the same date the one loaded later wins): an older
-- extract loaded late fills in people the newer ones lack and changes nothing they say.
-- Same result as participant_rebuild, reading only this batch's rows.
delete from participant
where nik in (select nik from enrolment where batch_id = $batch_id)
  and batch_id in (
      select b.batch_id
      from batch b, batch new
      where new.batch_id = $batch_id
        and (coalesce(b.extract_date, date '1900-01-01') < coalesce(new.extract_date, date '1900-01-01')
             or (b.extract_date is not distinct from new.extract_date and b.batch_id < new.batch_id)));
insert into participant
select * exclude (extract_date, withdrawn_at)
from enrolment_record r
where batch_id = $batch_id
  and not exists (select 1 from participant p where p.nik = r.nik);
