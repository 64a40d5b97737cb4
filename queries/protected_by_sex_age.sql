-- One row per desa x sex x age (whole years) of the workers protected on $as_of, read from the NIK:
-- digits 7-12 are the birth date DDMMYY, with 40 added to the day for women. jenis_kelamin is 'L' or 'P',
-- NULL when the day is neither 01-31 nor 41-71; umur is NULL when the digits are no calendar date. The
-- two-digit year is read as 20YY unless that makes the worker younger than 10, then as 19YY.
-- Aggregates only: a count per cell, no NIK leaves the query.
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with protected as (
    select
        p.kode_desa,
        try_cast(substr(p.nik, 7, 2) as integer) as dd,
        try_cast(substr(p.nik, 9, 2) as integer) as mm,
        try_cast(substr(p.nik, 11, 2) as integer) as yy
    from peserta_where($kecamatan, $sektor, $program, $sumber) p
    where is_protected(p, $as_of)
),

parsed as (
    select
        kode_desa,
        case when dd between 1 and 31 then 'L' when dd between 41 and 71 then 'P' end as jenis_kelamin,
        try_cast(printf('%04d-%02d-%02d',
                        case when 2000 + yy <= year($as_of) - 10 then 2000 + yy else 1900 + yy end,
                        mm, case when dd > 40 then dd - 40 else dd end) as date) as lahir
    from protected
),

aged as (
    select
        kode_desa,
        jenis_kelamin,
        case when jenis_kelamin is not null and lahir is not null then
            year($as_of) - year(lahir) - case when strftime($as_of, '%m%d') < strftime(lahir, '%m%d') then 1 else 0 end
        end as umur
    from parsed
),

final as (
    select
        a.kode_desa,
        w.desa,
        w.kode_kecamatan,
        w.kecamatan,
        a.jenis_kelamin,
        a.umur,
        cast(count(*) as bigint) as protected_workers
    from aged a
    join wilayah w using (kode_desa)
    group by all
)

select * from final
order by kode_desa, jenis_kelamin nulls last, umur nulls last
