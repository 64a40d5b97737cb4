-- After a withdrawal: every NIK still held by a loaded batch but without a current record gets the row of
-- the loaded batch as of the latest date (what participant_rebuild would give it). Others keep their record.
insert into participant
select e.nik, e.batch_id, e.nama, e.no_kpj, e.sektor, e.kode_desa, e.jkk, e.jkm, e.jht,
       e.tgl_kepesertaan, e.tgl_akhir, e.sumber_iuran,
       case when e.status not in ('AKTIF', '') then coalesce(b.extract_date, b.loaded_at::date) end
from enrolment e
join batch b using (batch_id)
where b.withdrawn_at is null
  and not exists (select 1 from participant p where p.nik = e.nik)
qualify row_number() over (
    partition by e.nik order by coalesce(b.extract_date, date '1900-01-01') desc, e.batch_id desc) = 1;
