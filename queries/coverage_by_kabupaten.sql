-- One row per kabupaten/kota of the region: its sasaran, workers protected on $as_of, coverage and gap.
-- sasaran_low/sasaran_high: the low-high range of an estimate (NULL for a figure without a range).
-- Parameters: $as_of (date); $kecamatan, $sektor, $program, $sumber (NULL = all).
with kabupaten as (
    select distinct kode_kabupaten, kabupaten
    from wilayah
    where $kecamatan is null or kode_kecamatan = $kecamatan
),

kabupaten_of_desa as (
    select kode_desa, kode_kabupaten
    from wilayah
),

target as (
    select k.kode_kabupaten, sum(s.sasaran_workers) as sasaran_workers,
           sum(s.sasaran_low) as sasaran_low, sum(s.sasaran_high) as sasaran_high
    from sasaran_in($kecamatan, $sektor) s
    join kabupaten_of_desa k using (kode_desa)
    group by k.kode_kabupaten
),

protected as (
    select k.kode_kabupaten, count(*) as protected_workers
    from peserta_in($kecamatan, $sektor, $program, $sumber) p
    join kabupaten_of_desa k using (kode_desa)
    where is_protected(p, $as_of)
    group by k.kode_kabupaten
),

final as (
    select
        b.kode_kabupaten,
        b.kabupaten,
        cast(coalesce(t.sasaran_workers, 0) as bigint) as sasaran_workers,
        cast(coalesce(p.protected_workers, 0) as bigint) as protected_workers,
        100.0 * coalesce(p.protected_workers, 0) / nullif(t.sasaran_workers, 0) as coverage_pct,
        cast(greatest(coalesce(t.sasaran_workers, 0) - coalesce(p.protected_workers, 0), 0) as bigint)
            as gap_workers,
        cast(t.sasaran_low as bigint) as sasaran_low,
        cast(t.sasaran_high as bigint) as sasaran_high
    from kabupaten b
    left join target t using (kode_kabupaten)
    left join protected p using (kode_kabupaten)
)

select * from final
order by kode_kabupaten
