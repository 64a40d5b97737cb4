select batch_id from batch where sha256 = $sha256 and withdrawn_at is null;
