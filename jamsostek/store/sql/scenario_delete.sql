-- Remove the scenario whose name_key is $name_key, cells first.
delete from scenario_allocation
where scenario_id in (select scenario_id from scenario where name_key = $name_key);
delete from scenario where name_key = $name_key;
