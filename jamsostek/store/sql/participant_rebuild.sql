-- Rebuild one row per NIK from the loaded batch as of the latest date (the later loaded on a tie).
delete from participant;
insert into participant
select e.nik, e.batch_id, e.nama, e.no_kpj, e.sektor, e.kode_desa, e.jkk, e.jkm, e.jht,
       e.tgl_kepesertaan, e.tgl_akhir, e.sumber_iuran,
       -- 'AKTIF' is domain.ACTIVE_STATUS (a test holds them equal); a blank status (stores before the STATUS
       -- rule kept '') leaves it to the dates.
       case when e.status not in ('AKTIF', '') then coalesce(b.extract_date, b.loaded_at::date) end
from enrolment e
join batch b using (batch_id)
where b.withdrawn_at is null
qualify row_number() over (
    partition by e.nik order by coalesce(b.extract_date, date '1900-01-01') desc, e.batch_id desc) = 1;
