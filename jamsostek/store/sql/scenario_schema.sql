-- Saved expansion plans of the Rencana page. Idempotent: scenarios.ensure_scenario_tables() runs it
-- before every use, so a store made before this feature gains the tables on first use.
create sequence if not exists scenario_seq start 1;

-- One row per named scenario: its inputs (JSON) and headline results.
create table if not exists scenario (
    scenario_id integer primary key,
    name varchar not null,                 -- as typed (trimmed, single-spaced)
    name_key varchar not null unique,      -- lower-case name: "Rencana A" and "rencana a" are one scenario
    saved_at timestamp not null,
    saved_by varchar,
    as_of date not null,                   -- the data date the plan was computed on
    inputs_json varchar not null,          -- budget lines, months, contribution, rule, weights, area
    budget_rp bigint not null,
    months integer not null,
    contribution_rp integer not null,
    rule varchar not null,
    renew_first boolean not null,
    renewal_workers integer not null,      -- currently protected workers whose renewal the budget pays
    new_workers integer not null,
    cost_rp bigint not null,
    leftover_rp bigint not null,
    sasaran_workers bigint not null,
    protected_workers bigint not null,
    coverage_pct_before double,
    coverage_pct_after double,
    full_coverage_cost_rp bigint not null
);

-- One row per scenario x desa x sector cell: the numbers the plan started from and what it allocated.
create table if not exists scenario_allocation (
    scenario_id integer not null,
    kode_desa varchar not null,
    sektor varchar not null,
    sasaran_workers integer not null,
    protected_workers integer not null,
    allocated_workers integer not null,
    primary key (scenario_id, kode_desa, sektor)
);
-- Renewals the plan did not pay, per cell (they lapse). Scenarios saved before have none recorded.
alter table scenario_allocation add column if not exists lapsed_workers integer default 0;
