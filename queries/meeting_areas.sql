-- One row per desa and per kecamatan of the region an action can be recorded for: level ('desa' or
-- 'kecamatan'), code and name (desa names carry their kecamatan, for desa of the same name). No parameters.
with desa as (
    select 'desa' as level, kode_desa as kode_wilayah, desa || ' (' || kecamatan || ')' as wilayah
    from wilayah
),

kecamatan as (
    select distinct 'kecamatan' as level, kode_kecamatan as kode_wilayah, kecamatan as wilayah
    from wilayah
),

final as (
    select * from kecamatan
    union all
    select * from desa
)

select * from final
order by level desc, kode_wilayah
