-- One chunk's rejections of a bulk load as rejection rows, in the table's column order (jamsostek/bulk.py
-- appends them with insert_into). `chunk` is the rejections DataFrame of validate.Validated plus batch_id.
select batch_id, row_number, field, reason_code, reason_id
from chunk
