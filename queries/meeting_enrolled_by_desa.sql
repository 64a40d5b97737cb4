-- One row per desa of the region: participants enrolled by $as_of (TGL KEPESERTAAN on or before it) and
-- how many of them had lapsed by then (TGL AKHIR before $as_of): the same definitions as kpi.sql, so the
-- desa add up to its participants and lapsed_workers. Frozen into a meeting's snapshot.
-- Parameters: $as_of (date)
with desa as (
    select kode_desa
    from wilayah
),

counts as (
    select
        kode_desa,
        count(*) filter (where tgl_kepesertaan <= $as_of) as enrolled_workers,
        count(*) filter (where tgl_akhir < $as_of and tgl_kepesertaan <= $as_of) as lapsed_workers
    from participant
    group by kode_desa
),

final as (
    select
        d.kode_desa,
        cast(coalesce(c.enrolled_workers, 0) as bigint) as enrolled_workers,
        cast(coalesce(c.lapsed_workers, 0) as bigint) as lapsed_workers
    from desa d
    left join counts c using (kode_desa)
)

select * from final
order by kode_desa
