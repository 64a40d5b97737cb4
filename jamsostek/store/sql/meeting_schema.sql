-- Weekly planning meetings (Rapat page): a meeting freezes the figures it discussed, and the actions
-- (tindak lanjut) agreed there. Idempotent: meetings.ensure_meeting_tables() runs it before every use,
-- so a store made before this feature gains the tables on first use. A new ingest never touches them.
create sequence if not exists meeting_seq start 1;
create sequence if not exists meeting_action_seq start 1;

-- One row per meeting. The snapshot tables below hold its figures as of as_of; snapshot_sha256 is the
-- SHA-256 of their canonical text (meetings.snapshot_hash), so anyone can check they were not changed.
create table if not exists meeting (
    meeting_id integer primary key,
    meeting_date date not null unique,     -- one meeting a day: the date names the meeting
    as_of date not null,                   -- the date the figures count protection on
    title varchar,
    snapshot_sha256 varchar not null,
    created_at timestamp not null,
    created_by varchar not null,
    data_version integer not null,         -- meta.data_version when the figures were frozen
    data_as_of date,                       -- latest extract date loaded then
    batch_ids varchar not null             -- active batches then, e.g. '1,2' (the figures' sources)
);
-- The sasaran version the frozen coverage used (its name then); stores made before get the column here.
alter table meeting add column if not exists sasaran_version varchar;

-- Snapshot of kpi.sql for the whole region on as_of (one row per meeting).
create table if not exists meeting_kpi (
    meeting_id integer primary key,
    protected_workers bigint not null,
    protected_workers_week_ago bigint not null,
    new_workers_week bigint not null,
    lapsing_workers bigint not null,
    lapsed_workers bigint not null,
    participants bigint not null,
    sasaran_workers bigint not null,
    coverage_pct double,
    gap_workers bigint not null
);

-- Snapshot of coverage_by_kecamatan.sql, plus participants enrolled and lapsed by as_of.
create table if not exists meeting_kecamatan (
    meeting_id integer not null,
    kode_kecamatan varchar not null,
    kecamatan varchar not null,
    sasaran_workers bigint not null,
    protected_workers bigint not null,
    coverage_pct double,
    gap_workers bigint not null,
    enrolled_workers bigint not null,
    lapsed_workers bigint not null,
    primary key (meeting_id, kode_kecamatan)
);

-- Snapshot of coverage_by_desa.sql, plus participants enrolled and lapsed by as_of.
create table if not exists meeting_desa (
    meeting_id integer not null,
    kode_desa varchar not null,
    desa varchar not null,
    jenis varchar not null,
    kode_kecamatan varchar not null,
    kecamatan varchar not null,
    sasaran_workers bigint not null,
    protected_workers bigint not null,
    coverage_pct double,
    gap_workers bigint not null,
    enrolled_workers bigint not null,
    lapsed_workers bigint not null,
    primary key (meeting_id, kode_desa)
);

-- Snapshot of gap_desa_sector.sql (desa x sector cells with a sasaran or a participant).
create table if not exists meeting_gap (
    meeting_id integer not null,
    kode_desa varchar not null,
    desa varchar not null,
    kode_kecamatan varchar not null,
    kecamatan varchar not null,
    sektor varchar not null,
    sasaran_workers bigint not null,
    protected_workers bigint not null,
    coverage_pct double,
    gap_workers bigint not null,
    primary key (meeting_id, kode_desa, sektor)
);

-- One row per action agreed at a meeting, for a desa or a kecamatan. version counts the edits: an
-- update names the version it started from and changes nothing if someone else saved in between.
create table if not exists meeting_action (
    action_id integer primary key,
    meeting_id integer not null,           -- the meeting that agreed it
    level varchar not null,                -- 'desa' | 'kecamatan'
    kode_wilayah varchar not null,         -- Kemendagri code of the desa or kecamatan
    wilayah varchar not null,              -- its name when recorded
    what varchar not null,
    who varchar not null,                  -- person or office responsible (PIC)
    due_date date not null,
    status varchar not null,               -- baru | berjalan | selesai | batal
    note varchar,                          -- latest progress note
    created_at timestamp not null,
    created_by varchar not null,
    updated_at timestamp not null,
    updated_by varchar not null,
    closed_at timestamp,                   -- when it became selesai or batal (NULL while open)
    version integer not null
);

-- Every saved state of every action (version 1 = as recorded), for who-changed-what.
create table if not exists meeting_action_log (
    action_id integer not null,
    version integer not null,
    status varchar not null,
    due_date date not null,
    who varchar not null,
    note varchar,
    changed_at timestamp not null,
    changed_by varchar not null,
    primary key (action_id, version)
);
