-- Upgrade a store made before the STATUS rule: participant gains tgl_nonaktif, refilled from the
-- enrolment rows (which always kept STATUS).
alter table participant add column tgl_nonaktif date;
update participant p
set tgl_nonaktif = case when e.status not in ('AKTIF', '') then coalesce(b.extract_date, b.loaded_at::date) end
from enrolment e, batch b
where e.batch_id = p.batch_id and e.nik = p.nik and b.batch_id = e.batch_id
