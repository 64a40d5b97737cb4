-- The participants' names the store holds: free text is scrubbed of them before it is stored or shown.
select distinct nama
from participant
where nama is not null and length(trim(nama)) >= 3
