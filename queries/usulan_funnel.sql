-- One row per desa with a candidate: proposed -> verified (decided, after overrides) -> registered ->
-- enrolled (its NIK protected by JKK and JKM on $as_of), and stalled (registered more than $stall_weeks weeks before
-- $as_of, not enrolled). Counts only: for every role. Parameters: $as_of (date), $stall_weeks (integer)
with
decided as (
    select * from usulan_decision
),
enrolled as (
    select p.nik from participant p where is_protected(p, $as_of)
),
per_candidate as (
    select
        d.kode_desa,
        d.decided_status = 'verified' as is_verified,
        d.decided_status = 'verified' and d.registered_at is not null as is_registered,
        d.decided_status = 'verified' and e.nik is not null as is_enrolled,
        d.decided_status = 'verified' and d.registered_at is not null and e.nik is null
            and d.registered_at::date + cast(7 * $stall_weeks as integer) < $as_of as is_stalled
    from decided d
    left join enrolled e using (nik)
),
final as (
    select
        w.kode_kecamatan, w.kecamatan, c.kode_desa, w.desa,
        cast(count(*) as bigint) as proposed_workers,
        cast(count(*) filter (where is_verified) as bigint) as verified_workers,
        cast(count(*) filter (where is_registered) as bigint) as registered_workers,
        cast(count(*) filter (where is_enrolled) as bigint) as enrolled_workers,
        cast(count(*) filter (where is_stalled) as bigint) as stalled_workers
    from per_candidate c
    join wilayah w using (kode_desa)
    group by all
)
select * from final
order by kode_kecamatan, kode_desa
