-- Usulan (candidate lists) of the funnel: propose -> verify -> register -> enrolled (README, Usulan).
-- Idempotent: db.SCHEMAS runs it on every writable connect, usulan.store.ensure_tables before use.
create sequence if not exists usulan_list_seq start 1;

-- One row per candidate list a pengusul uploaded for one desa.
create table if not exists usulan_list (
    list_id integer primary key,
    kode_desa varchar not null,
    proposed_by varchar not null,
    proposed_at timestamp not null,
    source_file varchar,             -- scrubbed (privacy.scrub)
    verified_on date not null,       -- the day the verification judged ages on
    candidates integer not null
);

-- One row per candidate: as proposed, as verification found, and as the verifier decided.
create table if not exists usulan_candidate (
    list_id integer not null,
    row_number integer not null,     -- row in the uploaded file, header = row 1
    nik varchar not null,
    nama varchar not null,
    sektor varchar not null,         -- as verified: a code of domain.SECTORS, or the text when unknown
    kode_desa varchar not null,
    no_hp varchar,
    status varchar not null,         -- verified / flagged / rejected (usulan.verify)
    reasons varchar not null,        -- reason codes joined by ';' ('' when none)
    override_status varchar,         -- verified / rejected when a verifier overrode the status
    override_note varchar,           -- scrubbed
    override_by varchar,
    override_at timestamp,
    registered_at timestamp,         -- when the registration file first held the candidate
    primary key (list_id, row_number)
);

-- The status that counts: the verifier's override, else verification's.
create or replace view usulan_decision as
select c.*, coalesce(c.override_status, c.status) as decided_status, l.proposed_at, l.proposed_by
from usulan_candidate c
join usulan_list l using (list_id);
