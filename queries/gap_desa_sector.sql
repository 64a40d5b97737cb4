-- One row per desa x sector cell with a sasaran or a participant: sasaran, protected on $as_of, coverage, gap.
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with target as (
    select kode_desa, sektor, sasaran_workers
    from sasaran_in($kecamatan, $sektor)
),

protected as (
    select kode_desa, sektor, cast(sum(workers) as bigint) as protected_workers
    from protected_cells($kecamatan, $sektor, $program, $sumber, $as_of)
    group by kode_desa, sektor
),

cells as (
    select kode_desa, sektor, t.sasaran_workers, p.protected_workers
    from target t
    full join protected p using (kode_desa, sektor)
),

final as (
    select
        c.kode_desa,
        w.desa,
        w.kode_kecamatan,
        w.kecamatan,
        c.sektor,
        cast(coalesce(c.sasaran_workers, 0) as bigint) as sasaran_workers,
        cast(coalesce(c.protected_workers, 0) as bigint) as protected_workers,
        100.0 * coalesce(c.protected_workers, 0) / nullif(c.sasaran_workers, 0) as coverage_pct,
        cast(greatest(coalesce(c.sasaran_workers, 0) - coalesce(c.protected_workers, 0), 0) as bigint)
            as gap_workers
    from cells c
    join wilayah w using (kode_desa)
)

select * from final
order by gap_workers desc, kode_desa, sektor
