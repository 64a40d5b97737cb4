-- The store's tables (for backup checks and comparisons), in name order.
select table_name from information_schema.tables
where table_schema = 'main' and table_type = 'BASE TABLE'
order by table_name;
