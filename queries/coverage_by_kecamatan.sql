-- One row per kecamatan of the region: its sasaran, workers protected on $as_of, coverage and gap.
-- sasaran_low/sasaran_high: the low-high range of an estimate (NULL for a figure without a range).
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with kecamatan as (
    select distinct kode_kecamatan, kecamatan
    from wilayah
    where $kecamatan is null or kode_kecamatan = $kecamatan
),

target as (
    select kode_kecamatan, sum(sasaran_workers) as sasaran_workers,
           sum(sasaran_low) as sasaran_low, sum(sasaran_high) as sasaran_high
    from sasaran_in($kecamatan, $sektor)
    group by kode_kecamatan
),

protected as (
    select kode_kecamatan, count(*) as protected_workers
    from peserta_in($kecamatan, $sektor, $program, $sumber) p
    where is_protected(p, $as_of)
    group by kode_kecamatan
),

final as (
    select
        k.kode_kecamatan,
        k.kecamatan,
        cast(coalesce(t.sasaran_workers, 0) as bigint) as sasaran_workers,
        cast(coalesce(p.protected_workers, 0) as bigint) as protected_workers,
        100.0 * coalesce(p.protected_workers, 0) / nullif(t.sasaran_workers, 0) as coverage_pct,
        cast(greatest(coalesce(t.sasaran_workers, 0) - coalesce(p.protected_workers, 0), 0) as bigint)
            as gap_workers,
        cast(t.sasaran_low as bigint) as sasaran_low,
        cast(t.sasaran_high as bigint) as sasaran_high
    from kecamatan k
    left join target t using (kode_kecamatan)
    left join protected p using (kode_kecamatan)
)

select * from final
order by kode_kecamatan
