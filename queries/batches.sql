-- One row per loaded extract file (batch), newest first, including withdrawn ones.
with final as (
    select batch_id, file_name, sha256, rows_total, rows_accepted, rows_rejected, rows_blank, rows_duplicate,
           extract_date,
           is_sample, loaded_at, loaded_by, withdrawn_at, withdrawn_by
    from batch
)

select * from final
order by batch_id desc
