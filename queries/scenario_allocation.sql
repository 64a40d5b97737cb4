-- One row per desa x sector cell of the saved scenario $scenario_id: sasaran and protected when it was
-- planned, the workers it allocated and the renewals it left to lapse, with the desa and kecamatan names.
-- Parameters: $scenario_id (integer).
with cells as (
    select * from scenario_allocation
    where scenario_id = $scenario_id
),

final as (
    select
        c.kode_desa,
        coalesce(w.desa, c.kode_desa) as desa,
        coalesce(w.kode_kecamatan, substr(c.kode_desa, 1, 8)) as kode_kecamatan,
        coalesce(w.kecamatan, substr(c.kode_desa, 1, 8)) as kecamatan,
        c.sektor,
        cast(c.sasaran_workers as bigint) as sasaran_workers,
        cast(c.protected_workers as bigint) as protected_workers,
        cast(c.allocated_workers as bigint) as allocated_workers,
        cast(coalesce(c.lapsed_workers, 0) as bigint) as lapsed_workers
    from cells c
    left join wilayah w using (kode_desa)
)

select * from final
order by kode_desa, sektor
