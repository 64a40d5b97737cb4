-- The id of the sasaran version inserted last.
select max(version_id) from sasaran_version
