-- After a withdrawal: every NIK still held by a loaded batch but without a current record gets the row of
-- the loaded batch as of the latest date (what participant_rebuild would give it). Others keep their record.
insert into participant
select * exclude (extract_date, withdrawn_at)
from enrolment_record r
where withdrawn_at is null
  and not exists (select 1 from participant p where p.nik = r.nik)
qualify row_number() over (
    partition by nik order by coalesce(extract_date, date '1900-01-01') desc, batch_id desc) = 1;
