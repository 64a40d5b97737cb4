-- One row per participant (NIK) registered in desa $kode_desa: programmes, dates, funding, and whether
-- protected on $as_of. Personal data (UU 27/2022): only for signed-in admins; the caller masks nik
-- to its last 4 digits unless the admin reveals it, and every reveal or export is audited.
-- Parameters: $kode_desa (varchar, Kemendagri code), $as_of (date)
with peserta as (
    select * from participant where kode_desa = $kode_desa
),

final as (
    select
        p.nik,
        p.nama,
        p.no_kpj,
        cast(p.sektor as varchar) as sektor,
        p.jkk,
        p.jkm,
        p.jht,
        p.tgl_kepesertaan,
        p.tgl_akhir,
        p.sumber_iuran,
        is_protected(p, $as_of) as is_protected,
        p.batch_id
    from peserta p
)

select * from final
order by nama, nik
