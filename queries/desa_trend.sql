-- One row per week for one desa ($kode_desa), from the first enrolment anywhere in the filter to $as_of
-- (so every desa's trend shares one time axis), weeks of 7 days ending on $as_of (report_weeks): new
-- enrolments with JKK and JKM in the desa that week and its workers protected on the week's last day.
-- Parameters: $kode_desa (text), $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with region as (
    select tgl_kepesertaan
    from peserta_in($kecamatan, $sektor, $program, $sumber)
    where tgl_kepesertaan <= $as_of
),

peserta as (
    select *
    from peserta_in($kecamatan, $sektor, $program, $sumber)
    where kode_desa = $kode_desa
      and tgl_kepesertaan <= $as_of
),

weeks as (
    select * from report_weeks($as_of, (select min(tgl_kepesertaan) from region))
),

final as (
    select
        w.week_start,
        w.week_end,
        cast(count(p.tgl_kepesertaan) filter (
            where p.jkk and p.jkm and p.tgl_kepesertaan between w.week_start and w.week_end
        ) as bigint) as new_workers,
        cast(count(p.tgl_kepesertaan) filter (where is_protected(p, w.week_end)) as bigint) as protected_workers
    from weeks w
    left join peserta p on p.tgl_kepesertaan <= w.week_end
    group by w.week_start, w.week_end
)

select * from final
order by week_start
