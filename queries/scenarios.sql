-- One row per saved scenario: its name, when it was saved, the data date and its headline results,
-- newest first. No parameters.
with saved as (
    select * from scenario
),

final as (
    select
        scenario_id,
        name,
        saved_at,
        saved_by,
        as_of,
        budget_rp,
        months,
        contribution_rp,
        rule,
        renew_first,
        renewal_workers,
        new_workers,
        renewal_workers + new_workers as funded_workers,
        cost_rp,
        leftover_rp,
        sasaran_workers,
        protected_workers,
        coverage_pct_before,
        coverage_pct_after,
        full_coverage_cost_rp,
        inputs_json
    from saved
)

select * from final
order by saved_at desc, scenario_id desc
