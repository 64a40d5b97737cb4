-- The store's type for participant.sektor: VARCHAR in stores made before the sektor_kode ENUM.
select data_type
from information_schema.columns
where table_schema = 'main' and table_name = 'participant' and column_name = 'sektor'
