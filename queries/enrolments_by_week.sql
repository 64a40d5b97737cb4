-- One row per week (Monday start) from the first enrolment to $as_of: new enrolments that week and
-- workers protected at the week's end (or on $as_of for the running week).
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with peserta as (
    select tgl_kepesertaan, tgl_akhir, jkk and jkm as has_jkk_jkm
    from peserta_in($kecamatan, $sektor, $program, $sumber)
    where tgl_kepesertaan <= $as_of
),

weeks as (
    select cast(week_start as date) as week_start
    from range(
        (select date_trunc('week', min(tgl_kepesertaan)) from peserta),
        cast($as_of as date) + interval 1 day,
        interval 7 day
    ) as r(week_start)
),

final as (
    select
        w.week_start,
        least(w.week_start + 6, cast($as_of as date)) as week_end,
        cast(count(*) filter (
            where p.tgl_kepesertaan between w.week_start and w.week_start + 6
        ) as bigint) as new_workers,
        cast(count(*) filter (
            where p.has_jkk_jkm
              and p.tgl_kepesertaan <= least(w.week_start + 6, cast($as_of as date))
              and p.tgl_akhir >= least(w.week_start + 6, cast($as_of as date))
        ) as bigint) as protected_workers
    from weeks w
    left join peserta p on p.tgl_kepesertaan <= w.week_start + 6
    group by w.week_start
)

select * from final
order by week_start
