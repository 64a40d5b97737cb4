-- Count participant into protection_cell again (after any change to participant, in its transaction).
-- A cell's cover ends on the paid-until, or the day before an extract reported the person not active
-- (is_protected in schema.sql); people whose cover so ends before it starts are never protected.
-- Sorted by cover end and desa: the questions' date filter then skips whole row groups on past days.
delete from protection_cell;
insert into protection_cell
with covered as (
    select kode_desa, sektor, jht, sumber_iuran, tgl_kepesertaan,
           case when tgl_nonaktif is not null and tgl_nonaktif <= tgl_akhir
                then cast(tgl_nonaktif - interval 1 day as date) else tgl_akhir end as tgl_akhir
    from participant
    where jkk and jkm
),
final as (
    select kode_desa, sektor, jht, sumber_iuran, tgl_kepesertaan, tgl_akhir, cast(count(*) as integer) as workers
    from covered
    where tgl_kepesertaan <= tgl_akhir
    group by all
)
select * from final
order by tgl_akhir, kode_desa;
