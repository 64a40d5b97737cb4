-- One row per sector (sektor) with a sasaran or a participant: sasaran, protected on $as_of, coverage, gap.
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with target as (
    select sektor, sum(sasaran_workers) as sasaran_workers
    from sasaran_in($kecamatan, $sektor)
    group by sektor
),

protected as (
    select sektor, count(*) as protected_workers
    from peserta_in($kecamatan, $sektor, $program, $sumber) p
    where is_protected(p, $as_of)
    group by sektor
),

final as (
    select
        sektor,
        cast(coalesce(t.sasaran_workers, 0) as bigint) as sasaran_workers,
        cast(coalesce(p.protected_workers, 0) as bigint) as protected_workers,
        100.0 * coalesce(p.protected_workers, 0) / nullif(t.sasaran_workers, 0) as coverage_pct,
        cast(greatest(coalesce(t.sasaran_workers, 0) - coalesce(p.protected_workers, 0), 0) as bigint)
            as gap_workers
    from target t
    full join protected p using (sektor)
)

select * from final
order by gap_workers desc, sektor
