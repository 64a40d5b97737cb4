"""Saved scenarios: save in one transaction, list, load back exactly, overwrite, delete, names as data."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from jamsostek.plan import allocation as al
from jamsostek.store import db
from jamsostek.plan import scenarios
from tests.conftest import AS_OF, PARTICIPANTS, SASARAN, load_rows, load_sasaran

C = al.settings.CONTRIBUTION_RP_PER_MONTH
NOW = datetime(2026, 1, 10, 9, 30)


def cells_of(con) -> pd.DataFrame:
    return db.run_query(con, "gap_desa_sector", as_of=AS_OF, kecamatan=None, sektor=None, program=None,
                        sumber=None)


def make_plan(con, budget_rp: int = 10 * 12 * C, **kw) -> al.Plan:
    return al.plan(cells_of(con), al.PlanInput(budget_rp=budget_rp, months=12, **kw))


def test_save_then_list_shows_the_headline(store):
    plan = make_plan(store, renew_workers=2)
    sid = scenarios.save(store, "Rencana APBD 2026", plan, as_of=AS_OF, now=NOW)
    listed = scenarios.list_scenarios(store)
    assert len(listed) == 1
    row = listed.iloc[0]
    assert row["scenario_id"] == sid and row["name"] == "Rencana APBD 2026"
    assert (row["renewal_workers"], row["new_workers"], row["funded_workers"]) == (2, 8, 10)
    assert row["cost_rp"] == 10 * 12 * C and row["leftover_rp"] == 0
    # Fixture gaps: Batubulan petani 10-1, pedagang 5-1, Ketewel nelayan 4-1, Mas pengrajin 8-1, petani 2-0.
    assert row["full_coverage_cost_rp"] == (9 + 4 + 3 + 7 + 2 + 2) * 12 * C  # + the 2 renewals
    assert row["coverage_pct_after"] == pytest.approx(plan.coverage_pct_after)
    assert row["saved_at"] == pd.Timestamp(NOW) and row["as_of"] == pd.Timestamp(AS_OF)


def test_load_gives_back_the_same_plan(store):
    weights = {"nelayan": 0.2, "petani": 1.0}
    plan = make_plan(store, budget_rp=7 * 6 * C * 2, rule="mix", sector_weights=weights,
                     mix={"gap": 1, "coverage": 0, "weights": 3}, renew_first=False)
    lines = {"APBD": 5 * 6 * C * 2, "CSR": 2 * 6 * C * 2}
    area = {"kecamatan": None, "sektor": None}
    scenarios.save(store, "campuran", plan, as_of=AS_OF, budget_lines=lines, area=area)
    back = scenarios.load(store, "  CAMPURAN ")
    assert back.plan.input == plan.input
    assert back.budget_lines == lines and back.area == area and back.as_of == AS_OF
    assert (back.plan.new_workers, back.plan.cost_rp, back.plan.leftover_rp) == (
        plan.new_workers, plan.cost_rp, plan.leftover_rp)
    columns = ["kode_desa", "sektor", "sasaran_workers", "protected_workers", "gap_workers",
               "allocated_workers", "protected_after", "gap_after"]
    pd.testing.assert_frame_equal(back.plan.allocation[columns], plan.allocation[columns])
    pd.testing.assert_frame_equal(back.plan.by_kecamatan(), plan.by_kecamatan())
    assert back.plan.coverage_pct_after == pytest.approx(plan.coverage_pct_after)
    assert scenarios.load(store, back.scenario_id).name == "campuran"


def test_same_name_is_refused_unless_overwritten(store):
    scenarios.save(store, "Rencana A", make_plan(store, budget_rp=3 * 12 * C), as_of=AS_OF)
    with pytest.raises(scenarios.ScenarioExists):
        scenarios.save(store, "  rencana   a ", make_plan(store), as_of=AS_OF)
    assert scenarios.list_scenarios(store)["new_workers"].tolist() == [3]  # untouched
    scenarios.save(store, "rencana a", make_plan(store, budget_rp=5 * 12 * C), as_of=AS_OF, overwrite=True)
    listed = scenarios.list_scenarios(store)
    assert listed[["name", "new_workers"]].values.tolist() == [["rencana a", 5]]
    kept = store.execute("select count(distinct scenario_id), count(*) from scenario_allocation").fetchone()
    assert kept == (1, len(cells_of(store)))  # the old cells went with the old row


@pytest.mark.parametrize("name", [
    "x'); drop table scenario; --",
    "Robert'); DROP TABLE scenario_allocation;--",
    "=HYPERLINK(\"http://x\")",
    "$name_key",
    "Rencana \"Kec. Ubud\" ; select 1",
    "Perisai Aman – tahap 2 ✓",
])
def test_sql_looking_names_are_stored_as_data(store, name):
    scenarios.save(store, name, make_plan(store), as_of=AS_OF)
    assert scenarios.list_scenarios(store)["name"].tolist() == [name]
    assert scenarios.load(store, name).name == name
    assert store.execute("select count(*) from scenario_allocation").fetchone()[0] == len(cells_of(store))
    assert scenarios.delete(store, name) and scenarios.list_scenarios(store).empty


@pytest.mark.parametrize("name, code", [
    ("", "empty"), ("   ", "empty"), ("a" * 81, "too_long"), ("a\x00b", "control"), ("a\x1bb", "control"),
    (None, "not_text"), (42, "not_text"),
])
def test_bad_names_are_refused(store, name, code):
    with pytest.raises(scenarios.BadName) as caught:
        scenarios.save(store, name, make_plan(store), as_of=AS_OF)
    assert caught.value.code == code
    assert scenarios.list_scenarios(store).empty


def test_clean_name_collapses_whitespace():
    assert scenarios.clean_name("  Rencana\t\tB  \n") == "Rencana B"
    assert scenarios.name_key("Rencana B") == scenarios.name_key("rencana b")


def test_delete_removes_cells_and_reports_missing(store):
    scenarios.save(store, "a", make_plan(store), as_of=AS_OF)
    scenarios.save(store, "b", make_plan(store), as_of=AS_OF)
    assert scenarios.delete(store, "A")
    assert scenarios.list_scenarios(store)["name"].tolist() == ["b"]
    assert store.execute("select count(distinct scenario_id) from scenario_allocation").fetchone()[0] == 1
    assert not scenarios.delete(store, "a")
    with pytest.raises(scenarios.ScenarioNotFound):
        scenarios.load(store, "a")


def test_a_failed_save_leaves_nothing_behind(store):
    plan = make_plan(store)
    cells = plan.allocation.copy()
    cells.loc[len(cells) - 1, "sektor"] = None  # passes the planner, breaks NOT NULL at the second insert
    broken = al.Plan(plan.input, plan.renewal_workers, plan.new_workers, plan.cost_rp, plan.leftover_rp, cells)
    with pytest.raises(db.Error):
        scenarios.save(store, "rusak", broken, as_of=AS_OF)
    assert scenarios.list_scenarios(store).empty
    assert store.execute("select count(*) from scenario_allocation").fetchone()[0] == 0


def test_budget_lines_must_add_up(store):
    with pytest.raises(ValueError, match="add up"):
        scenarios.save(store, "x", make_plan(store, budget_rp=100), as_of=AS_OF, budget_lines={"APBD": 99})


def test_scenarios_survive_a_reconnect(tmp_path):
    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    plan = make_plan(con, budget_rp=4 * 12 * C, rule="coverage")
    scenarios.save(con, "Simpan", plan, as_of=AS_OF)
    con.close()
    again = db.connect(path, read_only=False)
    try:
        back = scenarios.load(again, "Simpan")
        assert back.plan.new_workers == 4 and back.plan.input.rule == "coverage"
        assert back.plan.allocation["allocated_workers"].tolist() == plan.allocation["allocated_workers"].tolist()
    finally:
        again.close()


def test_tables_are_created_on_first_use_and_twice_is_harmless():
    con = db.memory()
    scenarios.ensure_scenario_tables(con)
    scenarios.ensure_scenario_tables(con)
    assert scenarios.list_scenarios(con).empty


def test_inputs_json_round_trip():
    p = al.PlanInput(budget_rp=1_000, months=3, contribution_rp=20_000, renew_workers=5, rule="weights",
                     sector_weights={"nelayan": 0.5})
    text = scenarios.inputs_json(p, {"APBD": 600, "DBHCHT": 400}, {"kecamatan": "51.04.05", "sektor": None})
    assert scenarios.parse_inputs(text) == (p, {"APBD": 600, "DBHCHT": 400},
                                            {"kecamatan": "51.04.05", "sektor": None})
    assert text == scenarios.inputs_json(p, {"DBHCHT": 400, "APBD": 600},
                                         {"sektor": None, "kecamatan": "51.04.05"})  # stable text


def test_as_of_is_kept_as_a_date(store):
    scenarios.save(store, "d", make_plan(store), as_of=date(2025, 11, 3))
    assert scenarios.load(store, "d").as_of == date(2025, 11, 3)


def test_allocated_reads_a_saved_plan_without_rebuilding_it():
    from tests.conftest import AS_OF, PARTICIPANTS, SASARAN, load_rows, load_sasaran
    from jamsostek.plan import allocation as al
    from jamsostek.store import db
    from jamsostek import settings as s

    con = db.memory()
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    cells = db.run_query(con, "gap_desa_sector", as_of=AS_OF, kecamatan=None, sektor=None, program=None, sumber=None)
    plan = al.plan(cells, al.PlanInput(budget_rp=6 * 12 * s.CONTRIBUTION_RP_PER_MONTH, months=12))
    scenario_id = scenarios.save(con, "Uji alokasi", plan, as_of=AS_OF)
    got = scenarios.allocated(con, scenario_id)
    assert int(got["allocated_workers"].sum()) == int(plan.allocation["allocated_workers"].sum()) == 6
