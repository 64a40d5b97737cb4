-- One row per loaded (not withdrawn) batch: rows that could not be placed on the map. unlocated_rows have
-- an unknown, missing, ambiguous or mismatched desa; bad_nik_rows a missing, invalid, mangled or repeated
-- NIK; unplaced_rows either (a row with both counts once). No parameters.
with active as (
    select batch_id, file_name, loaded_at, rows_total, rows_rejected
    from batch
    where withdrawn_at is null
),

problems as (
    select
        batch_id,
        row_number,
        bool_or(reason_code in ('desa_unknown', 'desa_missing', 'kecamatan_mismatch', 'desa_ambiguous'))
            as is_unlocated,
        bool_or(reason_code like 'nik\_%' escape '\') as is_bad_nik
    from rejection
    group by batch_id, row_number
),

counts as (
    select
        batch_id,
        count(*) filter (where is_unlocated) as unlocated_rows,
        count(*) filter (where is_bad_nik) as bad_nik_rows,
        count(*) filter (where is_unlocated or is_bad_nik) as unplaced_rows
    from problems
    group by batch_id
),

final as (
    select
        a.batch_id,
        a.file_name,
        a.loaded_at,
        cast(a.rows_total as bigint) as rows_total,
        cast(a.rows_rejected as bigint) as rows_rejected,
        cast(coalesce(c.unlocated_rows, 0) as bigint) as unlocated_rows,
        cast(coalesce(c.bad_nik_rows, 0) as bigint) as bad_nik_rows,
        cast(coalesce(c.unplaced_rows, 0) as bigint) as unplaced_rows
    from active a
    left join counts c using (batch_id)
)

select * from final
order by batch_id desc
