-- One row per week (Monday start) for one desa ($kode_desa), from the first enrolment anywhere in the
-- filter to $as_of (so every desa's trend shares one time axis): new enrolments in the desa that week
-- and its workers protected at the week's end (or on $as_of for the running week).
-- Parameters: $kode_desa (text), $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with region as (
    select tgl_kepesertaan
    from peserta_in($kecamatan, $sektor, $program, $sumber)
    where tgl_kepesertaan <= $as_of
),

peserta as (
    select tgl_kepesertaan, tgl_akhir, jkk and jkm as has_jkk_jkm
    from peserta_in($kecamatan, $sektor, $program, $sumber)
    where kode_desa = $kode_desa
      and tgl_kepesertaan <= $as_of
),

weeks as (
    select
        cast(week_start as date) as week_start,
        least(cast(week_start as date) + 6, cast($as_of as date)) as week_end
    from range(
        (select date_trunc('week', min(tgl_kepesertaan)) from region),
        cast($as_of as date) + interval 1 day,
        interval 7 day
    ) as r(week_start)
),

final as (
    select
        w.week_start,
        w.week_end,
        cast(count(p.tgl_kepesertaan) filter (
            where p.tgl_kepesertaan between w.week_start and w.week_start + 6
        ) as bigint) as new_workers,
        cast(count(p.tgl_kepesertaan) filter (
            where p.has_jkk_jkm and p.tgl_kepesertaan <= w.week_end and p.tgl_akhir >= w.week_end
        ) as bigint) as protected_workers
    from weeks w
    left join peserta p on p.tgl_kepesertaan <= w.week_end
    group by w.week_start, w.week_end
)

select * from final
order by week_start
