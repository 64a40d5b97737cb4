-- One row: the usulan funnel's movement in the window after $date_from up to and including $date_to (from the
-- start when $date_from is null): candidates proposed, decided verified (on the proposal day, or the day a
-- verifier overrode), registered, and enrolled (a verified candidate whose NIK the store holds protected by
-- JKK and JKM on $date_to, with a start date in the window). Counts only: for every role.
-- Parameters: $date_from (date or null), $date_to (date)
with
decided as (
    select
        d.nik,
        d.decided_status = 'verified' as is_verified,
        d.proposed_at::date as proposed_on,
        coalesce(d.override_at, d.proposed_at)::date as decided_on,
        d.registered_at::date as registered_on
    from usulan_decision d
),
enrolled as (
    select p.nik, p.tgl_kepesertaan as enrolled_on
    from participant p
    where is_protected(p, $date_to)
),
per_candidate as (
    select
        c.*, e.enrolled_on,
        ($date_from is null or c.proposed_on > $date_from) and c.proposed_on <= $date_to as proposed_in,
        ($date_from is null or c.decided_on > $date_from) and c.decided_on <= $date_to as decided_in,
        ($date_from is null or c.registered_on > $date_from) and c.registered_on <= $date_to as registered_in,
        ($date_from is null or e.enrolled_on > $date_from) and e.enrolled_on <= $date_to as enrolled_in
    from decided c
    left join enrolled e using (nik)
),
final as (
    select
        cast(count(*) filter (where proposed_in) as bigint) as proposed_workers,
        cast(count(*) filter (where is_verified and decided_in) as bigint) as verified_workers,
        cast(count(*) filter (where is_verified and registered_in) as bigint) as registered_workers,
        cast(count(*) filter (where is_verified and enrolled_in) as bigint) as enrolled_workers
    from per_candidate
)
select * from final
