-- Final counts of a batch loaded in chunks (jamsostek/ingest/bulk.py), written before its transaction commits.
update batch
set rows_total = $rows_total, rows_accepted = $rows_accepted, rows_rejected = $rows_rejected,
    rows_blank = $rows_blank, rows_duplicate = $rows_duplicate, extract_date = $extract_date
where batch_id = $batch_id;
