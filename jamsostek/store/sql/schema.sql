-- The store. One file, created on first run; every statement is idempotent.
create sequence if not exists batch_seq start 1;

-- One row per loaded extract file. Re-ingesting a file with the same SHA-256 is a no-op.
create table if not exists batch (
    batch_id integer primary key,
    file_name varchar not null,
    sha256 varchar not null,
    rows_total integer not null,
    rows_accepted integer not null,
    rows_rejected integer not null,
    extract_date date,               -- the date the data is as of (load.as_of_date): decides which record wins
    is_sample boolean not null default false,
    loaded_at timestamp not null,
    loaded_by varchar not null,
    withdrawn_at timestamp,
    withdrawn_by varchar
);

-- Rows that were neither loaded nor rejected (stores made before have 0): rows_total adds up to
-- rows_accepted + rows_rejected + rows_blank + rows_duplicate.
alter table batch add column if not exists rows_blank integer default 0;
alter table batch add column if not exists rows_duplicate integer default 0;

-- Column mappings chosen by hand and saved under a name, offered again for the next file with those headers.
create table if not exists header_profile (
    name varchar not null,
    header varchar not null,          -- the column's header as the file writes it
    field varchar not null,           -- the field it feeds (domain.EXTRACT_COLUMNS values), '' = ignored
    saved_by varchar not null,
    saved_at timestamp not null,
    primary key (name, header)
);

-- One row per accepted extract row (history; a batch's rows go when it is withdrawn).
create table if not exists enrolment (
    batch_id integer not null,
    row_number integer not null,     -- row in the source file, header = row 1
    nik varchar not null,
    nama varchar,
    no_kpj varchar,
    tgl_lahir date,
    jenis_kelamin varchar,
    sektor varchar not null,
    kode_desa varchar not null,
    jkk boolean not null,
    jkm boolean not null,
    jht boolean not null,
    tgl_kepesertaan date not null,
    tgl_akhir date not null,
    status varchar,
    sumber_iuran varchar not null,
    penghasilan_rp bigint,
    primary key (batch_id, nik)
);

-- Each loaded row as a participant record would hold it, with its batch's date and withdrawal: what
-- participant_upsert, _rebuild and _restore choose from. A status other than AKTIF ('AKTIF' is
-- domain.ACTIVE_STATUS, a test holds them equal) ends cover on the batch's extract date (tgl_nonaktif);
-- a blank status (stores before the STATUS rule kept '') leaves it to the dates.
create or replace view enrolment_record as
select e.nik, e.batch_id, e.nama, e.no_kpj, e.sektor, e.kode_desa, e.jkk, e.jkm, e.jht,
       e.tgl_kepesertaan, e.tgl_akhir, e.sumber_iuran,
       case when e.status not in ('AKTIF', '') then coalesce(b.extract_date, b.loaded_at::date) end as tgl_nonaktif,
       b.extract_date, b.withdrawn_at
from enrolment e
join batch b using (batch_id);

-- The sector codes of jamsostek.domain.SECTORS, in its order (a test holds them equal). Participants
-- keep their sector as this ENUM (one byte, not a string): grouping desa x sector is about a quarter
-- faster at 10M rows (README, Speed). Questions hand sectors out as text. A new sector
-- needs a new type and `alter table participant alter sektor type ...` (see db.upgrade).
create type if not exists sektor_kode as enum (
    'pedagang_kecil', 'petani', 'buruh_harian', 'nelayan', 'tukang_bangunan', 'pengrajin', 'pekerja_adat',
    'lainnya'
);

-- One row per person (NIK): the record from the latest loaded, not withdrawn batch.
-- Rebuilt inside the same transaction as every ingest or withdrawal.
create table if not exists participant (
    nik varchar primary key,
    batch_id integer not null,
    nama varchar,
    no_kpj varchar,
    sektor sektor_kode not null,
    kode_desa varchar not null,
    jkk boolean not null,
    jkm boolean not null,
    jht boolean not null,
    tgl_kepesertaan date not null,
    tgl_akhir date not null,
    sumber_iuran varchar not null,
    tgl_nonaktif date                -- the batch's extract_date when its STATUS was not AKTIF, else NULL
);

-- Participants who can be protected (JKK and JKM) counted per desa x sector x JHT x funding x cover period:
-- the per-desa questions sum these cells (protected_cells) instead of counting every participant. At 10M
-- synthetic participants with uniformly spread dates that is 3,6M cells and a quarter of the time
-- (README, Speed); real extracts, whose dates bunch on enrolment drives and month ends, have far fewer.
-- Rebuilt from participant in the same transaction as every change to it (ingest.load.refresh_cells).
create table if not exists protection_cell (
    kode_desa varchar not null,
    sektor sektor_kode not null,
    jht boolean not null,
    sumber_iuran varchar not null,
    tgl_kepesertaan date not null,
    tgl_akhir date not null,
    workers integer not null
);

-- Rows that could not be loaded, with the reason, for the admin's report (no raw NIK).
create table if not exists rejection (
    batch_id integer not null,
    row_number integer not null,
    field varchar,
    reason_code varchar not null,
    reason varchar not null
);

-- Reference geography (Kemendagri codes are the key everywhere).
create table if not exists wilayah (
    kode_desa varchar primary key,
    desa varchar not null,
    jenis varchar not null,
    kode_kecamatan varchar not null,
    kecamatan varchar not null,
    kode_kabupaten varchar not null,
    kabupaten varchar not null
);

-- Target population (sasaran): estimated informal workers per desa x sector, with the estimate's low-high
-- range (NULL when the figure has no range, e.g. an official count).
create table if not exists sasaran (
    kode_desa varchar not null,
    sektor varchar not null,
    sasaran_workers integer not null,
    is_estimate boolean not null default true,
    sasaran_low integer,
    sasaran_high integer,
    primary key (kode_desa, sektor)
);

-- Who did what and when: reveals of personal data, detail exports, uploads, withdrawals.
create table if not exists audit_log (
    logged_at timestamp not null,
    actor varchar not null,
    action varchar not null,
    detail varchar
);

-- Small key/value facts about the store (data_version bumps on every change of data).
create table if not exists meta (
    key varchar primary key,
    value varchar not null
);
insert into meta values ('data_version', '0') on conflict do nothing;

-- Filters shared by every question. A NULL argument means "all".
-- Participants in the filtered area/sector/programme/funding, on their own columns. The kecamatan is
-- matched by code: a Kemendagri desa code begins with its kecamatan's (51.04.01.2001 lies in 51.04.01).
-- Questions that count per desa use this and join the few hundred desa after counting, not before:
-- at 10M participants a join per row costs a third of the query (benchmarks/scale.py).
create or replace macro peserta_where(kecamatan, sektor, program, sumber) as table
    select p.*
    from participant p
    where (kecamatan is null or starts_with(p.kode_desa, kecamatan || '.'))
      and (sektor is null or p.sektor = sektor)
      and (program is null
           or (program = 'JKK' and p.jkk) or (program = 'JKM' and p.jkm) or (program = 'JHT' and p.jht))
      and (sumber is null or p.sumber_iuran = sumber);

-- The same participants with their geography.
create or replace macro peserta_in(kecamatan, sektor, program, sumber) as table
    select p.*, w.desa, w.kode_kecamatan, w.kecamatan
    from peserta_where(kecamatan, sektor, program, sumber) p
    join wilayah w using (kode_desa);

-- Protected on a day: JKK and JKM both active (start <= day <= paid-until), and the latest extract did
-- not report the person NON AKTIF, MENINGGAL or KELUAR by that day: such a status ends protection on the
-- extract's date whatever the paid-until (the extract does not say when the status changed).
create or replace macro is_protected(p, day) as
    p.jkk and p.jkm and p.tgl_kepesertaan <= day and day <= p.tgl_akhir
    and (p.tgl_nonaktif is null or day < p.tgl_nonaktif);

-- The weeks every weekly figure uses: 7 days ending on the report day (d−6 … d), then the 7 before, back
-- to the week holding first_day. "This week" on the cards is the first of them (analysis/indicators.py).
create or replace macro report_weeks(as_of, first_day) as table
    select cast(as_of as date) - cast(7 * k + 6 as integer) as week_start,
           cast(as_of as date) - cast(7 * k as integer) as week_end
    from range(0, coalesce(datediff('day', cast(first_day as date), cast(as_of as date)) // 7 + 1, 0)) as r(k)
    where first_day is not null;

-- Workers protected on a day, as protection_cell rows (kode_desa, sektor, workers) to sum: the same people
-- as peserta_where(...) p where is_protected(p, day). JKK and JKM are implied by protection, so of the
-- programme filters only JHT narrows the cells (an unknown programme matches no one, as in peserta_where).
create or replace macro protected_cells(kecamatan, sektor, program, sumber, day) as table
    select c.kode_desa, c.sektor, c.workers
    from protection_cell c
    where c.tgl_kepesertaan <= day and day <= c.tgl_akhir
      and (kecamatan is null or starts_with(c.kode_desa, kecamatan || '.'))
      and (sektor is null or c.sektor = sektor)
      and (program is null or program in ('JKK', 'JKM') or (program = 'JHT' and c.jht))
      and (sumber is null or c.sumber_iuran = sumber);

-- Target population cells in the filtered area/sector.
create or replace macro sasaran_in(kecamatan, sektor) as table
    select s.kode_desa, s.sektor, s.sasaran_workers, s.sasaran_low, s.sasaran_high, w.desa, w.kode_kecamatan, w.kecamatan
    from sasaran s
    join wilayah w using (kode_desa)
    where (kecamatan is null or w.kode_kecamatan = kecamatan)
      and (sektor is null or s.sektor = sektor);

-- Sasaran versions: the estimate and each official table an admin uploads, named and dated. The
-- `sasaran` table above holds the cells of the active version (every question reads it).
create sequence if not exists sasaran_version_seq start 1;
create table if not exists sasaran_version (
    version_id integer primary key,
    name varchar not null,
    kind varchar not null,             -- 'estimate' or 'official'
    data_date date,                    -- the date the figures describe (as the source says)
    created_at timestamp not null,
    created_by varchar not null,
    source_file varchar,
    total_workers bigint not null,
    is_active boolean not null default false
);
create table if not exists sasaran_version_cell (
    version_id integer not null,
    kode_desa varchar not null,
    sektor varchar not null,
    sasaran_workers integer not null,
    sasaran_low integer,
    sasaran_high integer,
    primary key (version_id, kode_desa, sektor)
);
