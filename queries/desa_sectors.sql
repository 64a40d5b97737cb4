-- One row per sector with a sasaran or a participant in one desa ($kode_desa): its sasaran, workers
-- protected on $as_of, coverage, gap, protected workers whose paid-until falls within $days days,
-- and whether anyone in that sector is protected yet (is_reached).
-- Parameters: $kode_desa (text), $as_of (date), $days (int); $kecamatan, $sektor, $program, $sumber (NULL = all).
with target as (
    select sektor, sasaran_workers
    from sasaran_in($kecamatan, $sektor)
    where kode_desa = $kode_desa
      and sasaran_workers > 0  -- a sasaran of 0 (no fishers inland) is no sector to reach
),

protected as (
    select
        sektor,
        count(*) as protected_workers,
        count(*) filter (where p.tgl_akhir < $as_of + to_days(cast($days as integer))) as lapsing_workers
    from peserta_in($kecamatan, $sektor, $program, $sumber) p
    where p.kode_desa = $kode_desa
      and is_protected(p, $as_of)
    group by sektor
),

cells as (
    select sektor, t.sasaran_workers, p.protected_workers, p.lapsing_workers
    from target t
    full join protected p using (sektor)
),

final as (
    select
        sektor,
        cast(coalesce(sasaran_workers, 0) as bigint) as sasaran_workers,
        cast(coalesce(protected_workers, 0) as bigint) as protected_workers,
        100.0 * coalesce(protected_workers, 0) / nullif(sasaran_workers, 0) as coverage_pct,
        cast(greatest(coalesce(sasaran_workers, 0) - coalesce(protected_workers, 0), 0) as bigint)
            as gap_workers,
        cast(coalesce(lapsing_workers, 0) as bigint) as lapsing_workers,
        coalesce(protected_workers, 0) > 0 as is_reached
    from cells
)

select * from final
order by gap_workers desc, sektor
