-- A column mapping saved under a name; rows from the staged DataFrame `staged_profile` (header, field).
insert into header_profile
select $profile, header, field, $saved_by, current_timestamp
from staged_profile;
