-- The store's type for a participant column, or no row where an older store lacks it (e.g. sektor was
-- VARCHAR before the sektor_kode ENUM; tgl_nonaktif came with the STATUS rule).
select data_type
from information_schema.columns
where table_schema = 'main' and table_name = 'participant' and column_name = $column
