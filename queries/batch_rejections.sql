-- One row per problem found in a source row of batch $batch_id (row_number as a spreadsheet shows it,
-- header = row 1). reason is the Indonesian text; it never quotes a NIK.
-- Parameters: $batch_id (integer)
with final as (
    select row_number, field, reason_code, reason
    from rejection
    where batch_id = $batch_id
)

select * from final
order by row_number, field
