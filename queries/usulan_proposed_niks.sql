-- One row per NIK of $niks (a list of text) already in a stored candidate list and not rejected there:
-- a candidate proposed elsewhere. Parameters: $niks (varchar[])
with
final as (
    select distinct d.nik
    from usulan_decision d
    where list_contains($niks, d.nik)
      and d.decided_status <> 'rejected'
)
select * from final
order by nik
