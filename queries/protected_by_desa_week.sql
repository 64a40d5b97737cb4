-- One row per desa x week (Monday start) from the first enrolment in the filter to $as_of: new
-- enrolments in the desa that week and its workers protected at the week's end (or on $as_of for the
-- running week). Summed over desa, each week equals enrolments_by_week.
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with peserta as (
    select kode_desa, tgl_kepesertaan, tgl_akhir, jkk and jkm as has_jkk_jkm
    from peserta_in($kecamatan, $sektor, $program, $sumber)
    where tgl_kepesertaan <= $as_of
),

desa as (
    select kode_desa, desa, kode_kecamatan, kecamatan
    from wilayah
    where $kecamatan is null or kode_kecamatan = $kecamatan
),

weeks as (
    select cast(week_start as date) as week_start,
           least(cast(week_start as date) + 6, cast($as_of as date)) as week_end
    from range(
        (select date_trunc('week', min(tgl_kepesertaan)) from peserta),
        cast($as_of as date) + interval 1 day,
        interval 7 day
    ) as r(week_start)
),

counts as (
    select
        d.kode_desa,
        w.week_start,
        cast(count(p.kode_desa) filter (
            where p.tgl_kepesertaan between w.week_start and w.week_start + 6
        ) as bigint) as new_workers,
        cast(count(p.kode_desa) filter (
            where p.has_jkk_jkm and p.tgl_kepesertaan <= w.week_end and p.tgl_akhir >= w.week_end
        ) as bigint) as protected_workers
    from desa d
    cross join weeks w
    left join peserta p on p.kode_desa = d.kode_desa and p.tgl_kepesertaan <= w.week_end
    group by d.kode_desa, w.week_start
),

final as (
    select
        c.kode_desa,
        d.desa,
        d.kode_kecamatan,
        d.kecamatan,
        c.week_start,
        w.week_end,
        c.new_workers,
        c.protected_workers
    from counts c
    join desa d using (kode_desa)
    join weeks w using (week_start)
)

select * from final
order by kode_desa, week_start
