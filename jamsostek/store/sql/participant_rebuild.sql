-- Rebuild one row per NIK from the latest batch that is still loaded.
delete from participant;
insert into participant
select e.nik, e.batch_id, e.nama, e.no_kpj, e.sektor, e.kode_desa, e.jkk, e.jkm, e.jht,
       e.tgl_kepesertaan, e.tgl_akhir, e.sumber_iuran
from enrolment e
join batch b using (batch_id)
where b.withdrawn_at is null
qualify row_number() over (partition by e.nik order by e.batch_id desc) = 1;
