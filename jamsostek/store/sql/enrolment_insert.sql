-- Rows come from the staged DataFrame `staged_enrolment` (validate.STORE_COLUMNS).
insert into enrolment
select $batch_id, row_number, nik, nama, no_kpj, tgl_lahir, jenis_kelamin, sektor, kode_desa,
       jkk, jkm, jht, tgl_kepesertaan, tgl_akhir, status, sumber_iuran, penghasilan_rp
from staged_enrolment;
