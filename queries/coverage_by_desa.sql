-- One row per desa of the region: its sasaran, workers protected on $as_of, coverage and gap.
-- sasaran_low/sasaran_high: the low-high range of an estimate (NULL for a figure without a range).
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with desa as (
    select kode_desa, desa, jenis, kode_kecamatan, kecamatan
    from wilayah
    where $kecamatan is null or kode_kecamatan = $kecamatan
),

target as (
    select kode_desa, sum(sasaran_workers) as sasaran_workers,
           sum(sasaran_low) as sasaran_low, sum(sasaran_high) as sasaran_high
    from sasaran_in($kecamatan, $sektor)
    group by kode_desa
),

protected as (
    select kode_desa, cast(sum(workers) as bigint) as protected_workers
    from protected_cells($kecamatan, $sektor, $program, $sumber, $as_of)
    group by kode_desa
),

final as (
    select
        d.kode_desa,
        d.desa,
        d.jenis,
        d.kode_kecamatan,
        d.kecamatan,
        cast(coalesce(t.sasaran_workers, 0) as bigint) as sasaran_workers,
        cast(coalesce(p.protected_workers, 0) as bigint) as protected_workers,
        100.0 * coalesce(p.protected_workers, 0) / nullif(t.sasaran_workers, 0) as coverage_pct,
        cast(greatest(coalesce(t.sasaran_workers, 0) - coalesce(p.protected_workers, 0), 0) as bigint)
            as gap_workers,
        cast(t.sasaran_low as bigint) as sasaran_low,
        cast(t.sasaran_high as bigint) as sasaran_high
    from desa d
    left join target t using (kode_desa)
    left join protected p using (kode_desa)
)

select * from final
order by kode_desa
