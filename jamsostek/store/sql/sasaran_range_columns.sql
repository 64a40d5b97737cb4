-- Stores made before the sasaran range: add its columns (NULL until the estimate is loaded again).
alter table sasaran add column if not exists sasaran_low integer;
alter table sasaran add column if not exists sasaran_high integer;
