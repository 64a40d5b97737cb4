delete from signin_attempt where key_hash = $key_hash;
