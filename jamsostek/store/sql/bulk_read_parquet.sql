-- Every column of a Parquet extract as text, streamed for the same row checks as a CSV (jamsostek/bulk.py).
-- Dates come out as YYYY-MM-DD, and a timestamp at midnight (how many tools store a date) as its date.
select regexp_replace(cast(columns(*) as varchar), '^(\d{4}-\d{2}-\d{2}) 00:00:00$', '\1')
from read_parquet($path)
