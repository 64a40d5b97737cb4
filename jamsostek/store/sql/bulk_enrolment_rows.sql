-- One checked chunk of a bulk load as enrolment rows, in the table's column order (jamsostek/bulk.py
-- appends them with insert_into). `chunk` is the chunk's DataFrame: validate.STORE_COLUMNS plus batch_id.
select batch_id, row_number, nik, nama, no_kpj, tgl_lahir, jenis_kelamin, sektor, kode_desa,
       jkk, jkm, jht, tgl_kepesertaan, tgl_akhir, status, sumber_iuran, penghasilan_rp
from chunk
