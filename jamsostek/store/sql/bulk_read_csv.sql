-- Text cells of a large CSV extract, streamed in file order for jamsostek/bulk.py: no type guessing,
-- title lines and the header line skipped ($skip lines), columns named by the caller ($columns, a
-- {name: 'varchar'} struct), missing trailing cells as NULL. $delim is the separator found in the head.
-- parallel = false: DuckDB's parallel scanner refuses short rows together with quoted line breaks,
-- and the row checks in Python, not the CSV scan, are what limits the throughput.
select *
from read_csv($path, auto_detect = false, header = false, skip = $skip, delim = $delim, quote = '"',
              escape = '"', columns = $columns, null_padding = true, parallel = false)
