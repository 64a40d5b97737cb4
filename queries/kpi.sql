-- One row: the headline figures on $as_of for the filtered area, sector, programme and funding.
-- protected_workers_week_ago is the same count seven days earlier (for deltas); new_workers_week are
-- enrolments with JKK and JKM in the 7 days ending on $as_of; lapsing_workers are
-- protected now with paid-until within $lapsing_days days.
-- Parameters: $as_of (date), $lapsing_days (int); $kecamatan, $sektor, $program, $sumber (NULL = all).
with peserta as (
    select * from peserta_in($kecamatan, $sektor, $program, $sumber)
),

counts as (
    select
        count(*) filter (where is_protected(p, $as_of)) as protected_workers,
        count(*) filter (where is_protected(p, $as_of - interval 7 day)) as protected_workers_week_ago,
        -- This week = d−6 … d, as enrolments_by_week's top row (report_weeks).
        count(*) filter (
            where p.jkk and p.jkm and p.tgl_kepesertaan between $as_of - interval 6 day and $as_of
        ) as new_workers_week,
        count(*) filter (
            where is_protected(p, $as_of) and p.tgl_akhir < $as_of + to_days(cast($lapsing_days as integer))
        ) as lapsing_workers,
        count(*) filter (where p.tgl_akhir < $as_of and p.tgl_kepesertaan <= $as_of) as lapsed_workers,
        count(*) filter (where p.tgl_kepesertaan <= $as_of) as participants
    from peserta p
),

target as (
    select coalesce(sum(sasaran_workers), 0) as sasaran_workers,
           sum(sasaran_low) as sasaran_low, sum(sasaran_high) as sasaran_high
    from sasaran_in($kecamatan, $sektor)
),

final as (
    select
        cast(c.protected_workers as bigint) as protected_workers,
        cast(c.protected_workers_week_ago as bigint) as protected_workers_week_ago,
        cast(c.new_workers_week as bigint) as new_workers_week,
        cast(c.lapsing_workers as bigint) as lapsing_workers,
        cast(c.lapsed_workers as bigint) as lapsed_workers,
        cast(c.participants as bigint) as participants,
        cast(t.sasaran_workers as bigint) as sasaran_workers,
        100.0 * c.protected_workers / nullif(t.sasaran_workers, 0) as coverage_pct,
        cast(greatest(t.sasaran_workers - c.protected_workers, 0) as bigint) as gap_workers,
        cast(t.sasaran_low as bigint) as sasaran_low,
        cast(t.sasaran_high as bigint) as sasaran_high
    from counts c
    cross join target t
)

select * from final
