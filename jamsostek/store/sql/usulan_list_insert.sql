-- A new candidate list from the staged DataFrame `staged_usulan_candidates` (row_number, nik, nama, sektor,
-- no_hp, status, reasons), proposed at $at (null: now). Returns nothing; the new id is the sequence's current value (usulan_list_last).
insert into usulan_list
select nextval('usulan_list_seq'), $kode_desa, $proposed_by,
       coalesce(cast($at as timestamp), cast(current_timestamp as timestamp)), $source_file, $verified_on,
       (select count(*) from staged_usulan_candidates);
insert into usulan_candidate by name
select currval('usulan_list_seq') as list_id, row_number, nik, nama, sektor, $kode_desa as kode_desa, no_hp,
       status, reasons
from staged_usulan_candidates;
