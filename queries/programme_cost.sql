-- One row: the months of protection a funding source has paid for up to $as_of, as the base of the
-- programme's cost estimate (cost = worker_months x the monthly JKK+JKM contribution).
-- A worker-month is one calendar month in which a participant with JKK and JKM funded by $sumber was
-- protected on at least one day between TGL KEPESERTAAN and the earlier of TGL AKHIR and $as_of.
-- Whole region: no other filters, because the budget is the regency's.
-- Parameters: $as_of (date); $sumber (funding source code, e.g. 'APBD').
with funded as (
    select tgl_kepesertaan as start_day, least(tgl_akhir, cast($as_of as date)) as end_day
    from participant
    where jkk and jkm and sumber_iuran = $sumber and tgl_kepesertaan <= $as_of
),

months as (
    select
        start_day,
        end_day,
        case when end_day >= start_day
             then datediff('month', date_trunc('month', start_day), date_trunc('month', end_day)) + 1
             else 0 end as worker_months
    from funded
),

final as (
    select
        cast(coalesce(sum(worker_months), 0) as bigint) as worker_months,
        cast(count(*) filter (where worker_months > 0) as bigint) as workers_funded,
        cast(count(*) filter (where start_day <= cast($as_of as date) and end_day >= cast($as_of as date))
             as bigint) as workers_funded_now,
        min(start_day) as first_funded_day
    from months
)

select * from final
