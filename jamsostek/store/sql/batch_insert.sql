insert into batch (batch_id, file_name, sha256, rows_total, rows_accepted, rows_rejected, rows_blank,
                   rows_duplicate, extract_date, is_sample, loaded_at, loaded_by)
values ($batch_id, $file_name, $sha256, $rows_total, $rows_accepted, $rows_rejected, $rows_blank,
        $rows_duplicate, $extract_date, $is_sample, current_timestamp, $loaded_by);
