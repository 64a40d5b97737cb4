update batch set file_name = $file_name where batch_id = $batch_id;
