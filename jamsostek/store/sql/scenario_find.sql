-- The id of the scenario whose name_key is $name_key (no row when none).
select scenario_id from scenario where name_key = $name_key;
