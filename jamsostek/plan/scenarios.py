"""Named expansion plans kept in the store: save (one transaction), list, load, delete.

A scenario keeps its inputs as JSON, its headline results as columns (so the list can show and
sort them), and its allocation per desa x sector, so a saved plan reads back exactly as it was
computed, even after new data or a change of the planner's rule.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime

import pandas as pd

from jamsostek.plan import allocation as al
from jamsostek.access import privacy
from jamsostek.store import db

MAX_NAME_CHARS = 80
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CELL_SAVED = ["kode_desa", "sektor", "sasaran_workers", "protected_workers", "allocated_workers", "lapsed_workers"]


class ScenarioExists(ValueError):
    """A scenario of that name is saved already: pass overwrite=True to replace it."""


class BadName(ValueError):
    """A name that cannot be stored; `code` says why: not_text, control, empty or too_long."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ScenarioNotFound(KeyError):
    """No scenario of that name or id."""


@dataclass(frozen=True)
class Scenario:
    """A saved plan read back: its name, data date, inputs, budget lines, area and the Plan itself."""

    scenario_id: int
    name: str
    saved_at: datetime
    as_of: date
    budget_lines: dict[str, int]
    area: dict[str, str | None]  # the kecamatan / sektor the plan was limited to (None = all)
    plan: al.Plan
    full_coverage_cost_rp: int


def ensure_scenario_tables(con: db.Connection) -> None:
    """Create the scenario tables if this store has none yet (safe to call every time)."""
    db.ensure(con, "scenario_schema")


def clean_name(name: object) -> str:
    """The name as stored: trimmed, inner whitespace single; ValueError if empty, too long or with control characters."""
    if not isinstance(name, str):
        raise BadName("not_text", "a scenario name must be text")
    if _CONTROL.search(name.replace("\t", " ").replace("\n", " ")):
        raise BadName("control", "a scenario name cannot hold control characters")
    cleaned = _SPACES.sub(" ", name).strip()
    if not cleaned:
        raise BadName("empty", "a scenario needs a name")
    if len(cleaned) > MAX_NAME_CHARS:
        raise BadName("too_long", f"a scenario name has at most {MAX_NAME_CHARS} characters")
    return cleaned


def name_key(name: str) -> str:
    """The key names are unique by: the cleaned name, case-folded."""
    return clean_name(name).casefold()


def inputs_json(p: al.PlanInput, budget_lines: Mapping[str, int] | None = None,
                area: Mapping[str, str | None] | None = None) -> str:
    """The plan's inputs, budget lines and area as a stable JSON text (sorted keys)."""
    inputs = {f.name: getattr(p, f.name) for f in fields(p)}
    for key in ("sector_weights", "mix"):  # any Mapping -> a plain dict JSON can hold
        inputs[key] = {k: float(v) for k, v in inputs[key].items()} if inputs[key] is not None else None
    payload = {"input": inputs, "budget_lines": dict(budget_lines or {"APBD": p.budget_rp}),
               "area": dict(area or {"kecamatan": None, "sektor": None})}
    return json.dumps(payload, sort_keys=True, ensure_ascii=False)


def parse_inputs(text: str) -> tuple[al.PlanInput, dict[str, int], dict[str, str | None]]:
    """(PlanInput, budget_lines, area) from inputs_json() text."""
    payload = json.loads(text)
    return al.PlanInput(**payload["input"]), payload["budget_lines"], payload["area"]


def full_cost_rp(plan: al.Plan) -> int:
    """Cost of closing every gap of the plan's cells for its months, plus every renewal owed (toggle or not)."""
    p = plan.input
    return al.full_coverage_cost_rp(plan.allocation, p.months, p.contribution_rp, include_renewal=p.renew_workers)


def find(con: db.Connection, name: str) -> int | None:
    """Id of the scenario saved under this name (any case and spacing), or None."""
    ensure_scenario_tables(con)
    found = db.fetch_value(con, "scenario_find", name_key=name_key(name))
    return None if found is None else int(found)


def save(con: db.Connection, name: str, plan: al.Plan, *, as_of: date,
         budget_lines: Mapping[str, int] | None = None, area: Mapping[str, str | None] | None = None,
         saved_by: str | None = None, overwrite: bool = False, now: datetime | None = None) -> int:
    """Store the plan under `name` in one transaction; its new id. ScenarioExists if taken and not overwrite."""
    # Shown to everyone and written into downloads: a NIK or a participant's name in it is masked first.
    cleaned = privacy.scrub(con, clean_name(name))
    key, saved_by = name_key(cleaned), privacy.scrub(con, saved_by)
    if budget_lines is not None and al.total_budget_rp(budget_lines) != plan.input.budget_rp:
        raise ValueError("budget lines do not add up to the plan's budget")
    ensure_scenario_tables(con)
    # Staged before any fetch: DuckDB refuses register() while a fetched result is still open.
    db.stage(con, "staged_scenario_allocation", plan.allocation[_CELL_SAVED])
    row = _row(cleaned, key, plan, as_of, budget_lines, area, saved_by, now)
    try:
        with db.transaction(con):
            if db.fetch_value(con, "scenario_find", name_key=key) is not None:
                if not overwrite:
                    raise ScenarioExists(cleaned)
                db.execute(con, "scenario_delete", name_key=key)
            scenario_id = db.next_id(con, "scenario_seq")
            db.execute(con, "scenario_insert", scenario_id=scenario_id, **row)
            privacy.record_audit(con, saved_by or "-", privacy.SCENARIO_SAVE, f"skenario {scenario_id}: {cleaned}")
    except db.Error as err:
        # Another session saved the same name between our check and our insert (unique name_key).
        if find(con, cleaned) is not None and not overwrite:
            raise ScenarioExists(cleaned) from err
        raise
    return scenario_id


def _row(cleaned: str, key: str, plan: al.Plan, as_of: date, budget_lines, area, saved_by, now) -> dict:
    # The scenario table's columns: the name, when and on what data, the inputs and the headline results.
    p, cells = plan.input, plan.allocation
    return {"scenario_name": cleaned, "name_key": key, "saved_at": now or datetime.now().replace(microsecond=0),
            "saved_by": saved_by, "as_of": as_of, "inputs_json": inputs_json(p, budget_lines, area),
            "budget_rp": p.budget_rp, "months": p.months, "contribution_rp": p.contribution_rp, "rule": p.rule,
            "renew_first": p.renew_first, "renewal_workers": plan.renewal_workers,
            "new_workers": plan.new_workers, "cost_rp": plan.cost_rp, "leftover_rp": plan.leftover_rp,
            "sasaran_workers": int(cells["sasaran_workers"].sum()),
            "protected_workers": int(cells["protected_workers"].sum()),
            "coverage_pct_before": _finite(plan.coverage_pct_before),
            "coverage_pct_after": _finite(plan.coverage_pct_after), "full_coverage_cost_rp": full_cost_rp(plan)}


def list_scenarios(con: db.Connection) -> pd.DataFrame:
    """Saved scenarios, newest first, one row each (queries/scenarios.sql)."""
    ensure_scenario_tables(con)
    return db.run_query(con, "scenarios")


def load(con: db.Connection, name_or_id: str | int) -> Scenario:
    """A saved scenario by name (any case and spacing) or id; ScenarioNotFound if there is none."""
    ensure_scenario_tables(con)
    saved = list_scenarios(con)
    if isinstance(name_or_id, str):
        row = saved[saved["name"].map(str.casefold) == name_key(name_or_id)]
    else:
        row = saved[saved["scenario_id"] == int(name_or_id)]
    if row.empty:
        raise ScenarioNotFound(name_or_id)
    row = row.iloc[0]
    p, lines, area = parse_inputs(row["inputs_json"])
    cells = db.run_query(con, "scenario_allocation", scenario_id=int(row["scenario_id"]))
    plan = al.Plan(p, int(row["renewal_workers"]), int(row["new_workers"]), int(row["cost_rp"]),
                   int(row["leftover_rp"]), _allocation_table(cells))
    return Scenario(int(row["scenario_id"]), row["name"], pd.Timestamp(row["saved_at"]).to_pydatetime(),
                    pd.Timestamp(row["as_of"]).date(), lines, area, plan, int(row["full_coverage_cost_rp"]))


def allocated(con: db.Connection, scenario_id: int) -> pd.DataFrame:
    """The saved allocation of one scenario, one row per desa x sector (queries/scenario_allocation.sql), without
    rebuilding its Plan: for pages that only compare the workers allocated."""
    ensure_scenario_tables(con)
    return db.run_query(con, "scenario_allocation", scenario_id=int(scenario_id))


def delete(con: db.Connection, name: str, actor: str = "-") -> bool:
    """Remove the scenario of this name (audited as actor's); False if there was none."""
    if find(con, name) is None:
        return False
    with db.transaction(con):
        db.execute(con, "scenario_delete", name_key=name_key(name))
        privacy.record_audit(con, actor, privacy.SCENARIO_DELETE, f"skenario: {clean_name(name)}")
    return True


def _allocation_table(cells: pd.DataFrame) -> pd.DataFrame:
    # The same columns plan() gives (priority_score aside), rebuilt from the stored counts.
    table = al.prepare_cells(cells)
    table["allocated_workers"] = cells.set_index(["kode_desa", "sektor"])["allocated_workers"].reindex(
        pd.MultiIndex.from_frame(table[["kode_desa", "sektor"]])).to_numpy("int64")
    table["lapsed_workers"] = cells.set_index(["kode_desa", "sektor"])["lapsed_workers"].reindex(
        pd.MultiIndex.from_frame(table[["kode_desa", "sektor"]])).fillna(0).to_numpy("int64")
    al.add_after(table)
    return table


def _finite(value: float) -> float | None:
    return None if pd.isna(value) else float(value)
