-- One row: what is loaded. data_as_of is the latest extract date among loaded batches;
-- is_sample is true when any loaded batch is the shipped synthetic sample. sasaran_version, _kind and
-- _date name the active sasaran version (NULL in a store without versions).
with active as (
    select * from batch where withdrawn_at is null
),

final as (
    select
        (select max(extract_date) from active) as data_as_of,
        (select file_name from active order by batch_id desc limit 1) as last_batch_file,
        (select loaded_at from active order by batch_id desc limit 1) as last_loaded_at,
        (select cast(count(*) as bigint) from active) as batches,
        (select coalesce(bool_or(is_sample), false) from active) as is_sample,
        (select cast(count(*) as bigint) from participant) as participants,
        (select cast(coalesce(sum(rows_rejected), 0) as bigint) from active) as rows_rejected,
        (select name from sasaran_version where is_active) as sasaran_version,
        (select kind from sasaran_version where is_active) as sasaran_kind,
        (select data_date from sasaran_version where is_active) as sasaran_date
)

select * from final
