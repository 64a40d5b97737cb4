-- Rebuild one row per NIK from the loaded batch as of the latest date (the later loaded on a tie).
delete from participant;
insert into participant
select * exclude (extract_date, withdrawn_at)
from enrolment_record r
where withdrawn_at is null
qualify row_number() over (
    partition by nik order by coalesce(extract_date, date '1900-01-01') desc, batch_id desc) = 1;
