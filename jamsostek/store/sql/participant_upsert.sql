-- Bring the newest batch into participant: its row becomes the current record of each of its NIKs.
-- Same result as participant_rebuild when $batch_id is the newest loaded batch (ids only grow), but
-- it reads only that batch's rows, so a weekly file costs its own size, not the whole store's.
delete from participant
where nik in (select nik from enrolment where batch_id = $batch_id);
insert into participant
select e.nik, e.batch_id, e.nama, e.no_kpj, e.sektor, e.kode_desa, e.jkk, e.jkm, e.jht,
       e.tgl_kepesertaan, e.tgl_akhir, e.sumber_iuran,
       case when e.status not in ('AKTIF', '') then coalesce(b.extract_date, b.loaded_at::date) end
from enrolment e
join batch b using (batch_id)
where e.batch_id = $batch_id;
