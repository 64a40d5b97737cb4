-- One row per desa with workers protected on $as_of whose paid-until (TGL AKHIR) falls within
-- $days days: how many, and the earliest such date. Aggregates only.
-- Parameters: $as_of (date), $days (int); $kecamatan, $sektor, $program, $sumber (NULL = all).
with lapsing as (
    select kode_desa, desa, kode_kecamatan, kecamatan, tgl_akhir
    from peserta_in($kecamatan, $sektor, $program, $sumber) p
    where is_protected(p, $as_of)
      and p.tgl_akhir < $as_of + to_days(cast($days as integer))
),

final as (
    select
        kode_desa,
        desa,
        kode_kecamatan,
        kecamatan,
        cast(count(*) as bigint) as lapsing_workers,
        min(tgl_akhir) as first_paid_until
    from lapsing
    group by all
)

select * from final
order by lapsing_workers desc, kode_desa
