-- One row per NIK of $niks (a list of text) that the store holds protected by JKK and JKM on $as_of:
-- a candidate who needs no proposal. Parameters: $niks (varchar[]), $as_of (date)
with
final as (
    select p.nik
    from participant p
    where list_contains($niks, p.nik)
      and is_protected(p, $as_of)
)
select * from final
order by nik
