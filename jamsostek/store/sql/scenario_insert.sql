-- A scenario's row, then its cells from the staged DataFrame `staged_scenario_allocation`
-- (kode_desa, sektor, sasaran_workers, protected_workers, allocated_workers, lapsed_workers).
insert into scenario (scenario_id, name, name_key, saved_at, saved_by, as_of, inputs_json, budget_rp, months,
                      contribution_rp, rule, renew_first, renewal_workers, new_workers, cost_rp, leftover_rp,
                      sasaran_workers, protected_workers, coverage_pct_before, coverage_pct_after,
                      full_coverage_cost_rp)
values ($scenario_id, $scenario_name, $name_key, $saved_at, $saved_by, $as_of, $inputs_json, $budget_rp, $months,
        $contribution_rp, $rule, $renew_first, $renewal_workers, $new_workers, $cost_rp, $leftover_rp,
        $sasaran_workers, $protected_workers, $coverage_pct_before, $coverage_pct_after,
        $full_coverage_cost_rp);
insert into scenario_allocation (scenario_id, kode_desa, sektor, sasaran_workers, protected_workers,
                                 allocated_workers, lapsed_workers)
select $scenario_id, kode_desa, sektor, sasaran_workers, protected_workers, allocated_workers, lapsed_workers
from staged_scenario_allocation;
