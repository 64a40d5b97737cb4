-- Mark the decided-verified candidates of one desa (or every desa, $kode_desa null) as registered, once,
-- at $at (null: now).
update usulan_candidate c
set registered_at = coalesce(cast($at as timestamp), cast(current_timestamp as timestamp))
where c.registered_at is null
  and coalesce(c.override_status, c.status) = 'verified'
  and ($kode_desa is null or c.kode_desa = $kode_desa)
returning list_id, row_number;
