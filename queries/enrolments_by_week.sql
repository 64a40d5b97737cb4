-- One row per week from the first enrolment to $as_of, weeks of 7 days ending on $as_of (report_weeks:
-- the top row is the cards' "this week"): new enrolments with JKK and JKM that week and workers
-- protected on the week's last day.
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with peserta as (
    select *
    from peserta_in($kecamatan, $sektor, $program, $sumber)
    where tgl_kepesertaan <= $as_of
),

weeks as (
    select * from report_weeks($as_of, (select min(tgl_kepesertaan) from peserta))
),

final as (
    select
        w.week_start,
        w.week_end,
        cast(count(*) filter (
            where p.jkk and p.jkm and p.tgl_kepesertaan between w.week_start and w.week_end
        ) as bigint) as new_workers,
        cast(count(*) filter (where is_protected(p, w.week_end)) as bigint) as protected_workers
    from weeks w
    left join peserta p on p.tgl_kepesertaan <= w.week_end
    group by w.week_start, w.week_end
)

select * from final
order by week_start
