-- The id of the list usulan_list_insert just added.
select currval('usulan_list_seq');
