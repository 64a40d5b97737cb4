-- One row per desa x week from the first enrolment in the filter to $as_of, weeks of 7 days ending on
-- $as_of (report_weeks): new enrolments with JKK and JKM in the desa that week and its workers protected
-- on the week's last day. Summed over desa, each week equals enrolments_by_week.
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with peserta as (
    select *
    from peserta_in($kecamatan, $sektor, $program, $sumber)
    where tgl_kepesertaan <= $as_of
),

desa as (
    select kode_desa, desa, kode_kecamatan, kecamatan
    from wilayah
    where $kecamatan is null or kode_kecamatan = $kecamatan
),

weeks as (
    select * from report_weeks($as_of, (select min(tgl_kepesertaan) from peserta))
),

counts as (
    select
        d.kode_desa,
        w.week_start,
        cast(count(p.kode_desa) filter (
            where p.jkk and p.jkm and p.tgl_kepesertaan between w.week_start and w.week_end
        ) as bigint) as new_workers,
        cast(count(p.kode_desa) filter (where is_protected(p, w.week_end)) as bigint) as protected_workers
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
