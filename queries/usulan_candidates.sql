-- One row per stored candidate (of desa $kode_desa, or all when null): as proposed, verified and decided,
-- with its enrolment: the participant record holding its NIK protected by JKK and JKM on $as_of (start date and batch), and
-- stalled when it was registered more than $stall_weeks weeks before $as_of and is still not enrolled.
-- Holds NIK and names: only for roles with usulan.verify. Parameters: $kode_desa, $as_of (date), $stall_weeks
with
decided as (
    select * from usulan_decision where $kode_desa is null or kode_desa = $kode_desa
),
enrolled as (
    select p.nik, p.tgl_kepesertaan as enrolled_on, p.batch_id as enrolled_batch_id
    from participant p
    where is_protected(p, $as_of)
),
final as (
    select
        d.list_id, d.row_number, d.kode_desa, w.desa, w.kode_kecamatan, w.kecamatan,
        d.nik, d.nama, d.sektor, d.no_hp, d.status, d.reasons, d.override_status, d.override_note,
        d.override_by, d.decided_status, d.proposed_at, d.proposed_by, d.registered_at,
        e.enrolled_on, e.enrolled_batch_id,
        d.decided_status = 'verified' and d.registered_at is not null and e.nik is null
            and d.registered_at::date + cast(7 * $stall_weeks as integer) < $as_of as stalled
    from decided d
    join wilayah w using (kode_desa)
    left join enrolled e
        on e.nik = d.nik and d.decided_status = 'verified'
)
select * from final
order by kode_desa, list_id, row_number
