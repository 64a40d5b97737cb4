-- Bring the newest batch into participant: its row becomes the current record of each of its NIKs.
-- Same result as participant_rebuild when $batch_id is the newest loaded batch (ids only grow), but
-- it reads only that batch's rows, so a weekly file costs its own size, not the whole store's.
delete from participant
where nik in (select nik from enrolment where batch_id = $batch_id);
insert into participant
select nik, batch_id, nama, no_kpj, sektor, kode_desa, jkk, jkm, jht, tgl_kepesertaan, tgl_akhir, sumber_iuran
from enrolment
where batch_id = $batch_id;
