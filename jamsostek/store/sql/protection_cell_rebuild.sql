-- Count participant into protection_cell again (after any change to participant, in its transaction).
-- Sorted by cover end and desa: the questions' date filter then skips whole row groups on past days.
delete from protection_cell;
insert into protection_cell
select kode_desa, sektor, jht, sumber_iuran, tgl_kepesertaan, tgl_akhir, cast(count(*) as integer) as workers
from participant
where jkk and jkm
group by all
order by tgl_akhir, kode_desa;
