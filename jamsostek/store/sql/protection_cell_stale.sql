-- True when a store made before protection_cell has participants but no cells yet (db.upgrade fills them).
select (select count(*) from participant) > 0 and (select count(*) from protection_cell) = 0;
