-- After a restore: move the data version past every version the replaced store had, so no cache
-- keyed by (store, version) can hand out results of the data that was replaced.
update meta set value = cast($version as varchar) where key = 'data_version';
