"""The expansion planner: budget to workers to allocation per desa x sector, scenarios, lists to act on."""
