update meta set value = cast(cast(value as bigint) + 1 as varchar) where key = 'data_version';
