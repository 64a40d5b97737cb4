"""What the Rencana page shows of a plan: headline cards, before/after tables and maps, the inverse
question, and saved scenarios side by side. Pure pandas; every number comes from jamsostek.plan.allocation."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from jamsostek.plan import allocation as al
from jamsostek import i18n
from jamsostek.analysis import maps
from jamsostek.analysis import metrics
from jamsostek.plan import scenarios

# Before/after per kecamatan (protected after = now + to enrol is left out, so the table fits the page's
# width), and the labels of the columns metrics.COLUMN_LABELS does not name (or names for a single date).
# The planner's gap is summed over cells: the page's caption says so, which keeps the header short.
# The area and what the plan changes first: on a phone those are the columns in view without scrolling.
KECAMATAN_COLUMNS = ["kecamatan", "allocated_workers", "coverage_pct", "coverage_pct_after", "gap_workers",
                     "gap_after", "protected_workers", "sasaran_workers"]
LABELS = {
    **metrics.COLUMN_LABELS,
    "protected_workers": "col.protected_now", "coverage_pct": "col.coverage_pct_before",
    "allocated_workers": "col.to_enrol", "protected_after": "col.protected_after",
    "coverage_pct_after": "col.coverage_pct_after", "gap_workers": "col.gap",
    "gap_after": "col.gap_after",
}
_AFTER = {"protected_after": "protected_workers", "gap_after": "gap_workers", "coverage_pct_after": "coverage_pct"}


def rule_label(rule: str, lang: str = "id") -> str:
    """Name of a priority rule (allocation.RULES) in `lang`."""
    return i18n.t(f"plan.rule_{rule}", lang)


def kecamatan_table(plan: al.Plan, lang: str = "id") -> pd.DataFrame:
    """One row per kecamatan, now and after the plan, headers in `lang` (numbers stay numbers)."""
    return metrics.localize(plan.by_kecamatan(), KECAMATAN_COLUMNS, lang, labels=LABELS)


def map_frames(plan: al.Plan, desa: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(now, after) per desa for maps.make_choropleth, over every desa of `desa` (kode_desa, desa, kode_kecamatan,
    kecamatan); the after frame carries the after figures under the usual column names."""
    figures = plan.by_desa().drop(columns=["desa", "kode_kecamatan", "kecamatan"])
    base = desa[["kode_desa", "desa", "kode_kecamatan", "kecamatan"]].merge(figures, on="kode_desa", how="left")
    for column in ("sasaran_workers", "protected_workers", "gap_workers", *_AFTER):
        if column != "coverage_pct_after":
            base[column] = base[column].fillna(0).astype("int64")
    now = base.drop(columns=[*_AFTER, "allocated_workers"])
    after = base.drop(columns=[*_AFTER.values(), "allocated_workers"]).rename(columns=_AFTER)
    return now, after


def map_breaks(after: pd.DataFrame) -> tuple[float, ...] | None:
    """Class edges for both plan maps: the map's usual ones, or maps.PLAN_COVERAGE_BREAKS when the plan lifts
    a desa beyond the usual top class (its after map would otherwise be one colour)."""
    top = maps.BREAKS[("coverage_pct", "desa")][-1]
    return maps.PLAN_COVERAGE_BREAKS if (maps.metric_values(after, "coverage_pct") > top).any() else None


def before_after_maps(plan: al.Plan, desa: pd.DataFrame, shapes: dict, borders: dict, lang: str, view: str,
                      **size) -> list:
    """Coverage maps per desa now and after the plan, on the same classes (map_breaks), titled with `view`."""
    now, after = map_frames(plan, desa)
    breaks = map_breaks(after)
    return [maps.make_choropleth(frame, shapes, "coverage_pct", lang, borders_geojson=borders, breaks=breaks,
                                 view=view, **size) for frame in (now, after)]


def full_cost_rp(plan: al.Plan) -> int:
    """Cost of closing every gap for the plan's months, plus the renewals it pays first."""
    return scenarios.full_cost_rp(plan)


def cards(plan: al.Plan, lang: str = "id") -> list[metrics.Card]:
    """Headline cards: workers the budget protects, new workers, cost, left over, coverage after, full cost."""
    p = plan.input
    rate = i18n.fmt_rp(p.contribution_rp, lang)
    before, after = plan.coverage_pct_before, plan.coverage_pct_after
    gap = int(plan.allocation["gap_workers"].sum())
    return [
        metrics.Card("funded", i18n.t("plan.card_funded", lang), i18n.fmt_int(plan.funded_workers, lang),
                     help=i18n.t("plan.card_funded_help", lang, renewal=i18n.fmt_int(plan.renewal_workers, lang),
                                 new=i18n.fmt_int(plan.new_workers, lang), months=p.months)),
        metrics.Card("new", i18n.t("plan.card_new", lang), i18n.fmt_int(plan.new_workers, lang),
                     delta=i18n.t("plan.card_new_delta", lang, renewal=i18n.fmt_int(plan.renewal_workers, lang)),
                     delta_color="off", delta_arrow=False),  # context, not a change
        metrics.Card("cost", i18n.t("plan.card_cost", lang), i18n.fmt_rp_short(plan.cost_rp, lang),
                     help=i18n.t("plan.card_cost_help", lang, workers=i18n.fmt_int(plan.funded_workers, lang),
                                 months=p.months, rate=rate) + " " + i18n.fmt_rp(plan.cost_rp, lang)),
        metrics.Card("leftover", i18n.t("plan.card_leftover", lang), i18n.fmt_rp(plan.leftover_rp, lang),
                     help=i18n.t("plan.card_leftover_help", lang, budget=i18n.fmt_rp(p.budget_rp, lang))),
        _coverage_card(plan, before, after, lang),
        metrics.Card("full_cost", i18n.t("plan.card_full_cost", lang), i18n.fmt_rp_short(full_cost_rp(plan), lang),
                     help=i18n.t("plan.card_full_cost_help", lang, gap=i18n.fmt_int(gap, lang), months=p.months,
                                 renewals=i18n.fmt_int(p.renew_workers, lang))
                     + " " + i18n.fmt_rp(full_cost_rp(plan), lang)),
    ]


def _coverage_card(plan: al.Plan, before: float, after: float, lang: str) -> metrics.Card:
    # Coverage after counts only who stays protected: renewals the plan does not pay lapse.
    fmt = {"lapsed": i18n.fmt_int(plan.lapsed_workers, lang), "count": i18n.fmt_int(plan.input.renew_workers, lang)}
    delta = None
    if not math.isnan(before):
        change = i18n.fmt_signed(after - before, lang, 1)
        delta = i18n.t("plan.card_coverage_delta", lang, delta=change, before=i18n.fmt_pct(before, lang))
    moving = delta is not None and i18n.fmt_signed(after - before, lang, 1) != i18n.fmt_signed(0.0, lang, 1)
    return metrics.Card("coverage", i18n.t("plan.card_coverage", lang), i18n.fmt_pct(after, lang), delta,
                        i18n.t("plan.card_coverage_help", lang, **fmt), "normal" if moving else "off", moving)


def notice(plan: al.Plan, lang: str = "id") -> tuple[str, str] | None:
    """("warning" | "success", text): renewals off or not all paid (they lapse), or every gap closed; else None."""
    p = plan.input
    fmt = {"renewal": i18n.fmt_int(plan.renewal_workers, lang), "count": i18n.fmt_int(p.renew_workers, lang),
           "lapsed": i18n.fmt_int(plan.lapsed_workers, lang)}
    if p.renew_workers and not p.renew_first:
        return "warning", i18n.t("plan.renewals_off", lang, **fmt)
    if p.renew_first and plan.renewal_workers < p.renew_workers:
        return "warning", i18n.t("plan.renewals_only", lang, **fmt)
    if plan.new_workers == int(plan.allocation["gap_workers"].sum()) and plan.leftover_rp > 0:
        return "success", i18n.t("plan.all_gaps_closed", lang, leftover=i18n.fmt_rp(plan.leftover_rp, lang))
    return None


@dataclass(frozen=True)
class Inverse:
    """The answer to 'what budget reaches this coverage?': the budget and the workers it pays."""

    target_pct: float
    budget_rp: int
    new_workers: int
    renewal_workers: int


def inverse(plan: al.Plan, target_pct: float) -> Inverse:
    """Least budget that lifts the plan's area to target_pct, with the plan's months, rate and renewals."""
    p = plan.input
    renewal = p.renew_workers if p.renew_first else 0
    budget = al.budget_for_coverage(plan.allocation, target_pct, p.months, p.contribution_rp,
                                    renew_workers=p.renew_workers, renew_first=p.renew_first)
    return Inverse(target_pct, budget, budget // (p.months * p.contribution_rp) - renewal, renewal)


def inverse_text(answer: Inverse, plan: al.Plan, lang: str = "id") -> str:
    """One sentence (markdown) with the budget a coverage target needs."""
    p = plan.input
    if answer.new_workers == 0:
        return i18n.t("plan.inverse_reached", lang, target=i18n.fmt_pct(answer.target_pct, lang),
                      now=i18n.fmt_pct(plan.coverage_pct_before, lang), budget=i18n.fmt_rp(answer.budget_rp, lang),
                      count=i18n.fmt_int(answer.renewal_workers, lang))
    renewal = (i18n.t("plan.inverse_renewal", lang, count=i18n.fmt_int(answer.renewal_workers, lang))
               if answer.renewal_workers else "")
    return i18n.t("plan.inverse_result", lang, target=i18n.fmt_pct(answer.target_pct, lang),
                  budget=i18n.fmt_rp(answer.budget_rp, lang), new=i18n.fmt_int(answer.new_workers, lang),
                  renewal=renewal, months=p.months, rate=i18n.fmt_rp(p.contribution_rp, lang))


def workbook_note(plan: al.Plan, as_of, lang: str = "id", *, is_sample: bool = False) -> str:
    """The line under the workbook's title: budget, months, rate, rule, data date (and 'sample data')."""
    p = plan.input
    note = i18n.t("plan.workbook_note", lang, budget=i18n.fmt_rp(p.budget_rp, lang), months=p.months,
                  rate=i18n.fmt_rp(p.contribution_rp, lang), rule=rule_label(p.rule, lang),
                  date=i18n.fmt_date(as_of, lang))
    return f"{note} · {i18n.t('notice.sample_short', lang)}" if is_sample else note


def comparison(saved: Sequence[scenarios.Scenario], lang: str = "id") -> pd.DataFrame:
    """Saved scenarios side by side: one row per measure, one column per scenario (formatted text)."""
    rows = {
        "plan.row_as_of": lambda s: i18n.fmt_date(s.as_of, lang),
        "plan.row_budget": lambda s: i18n.fmt_rp(s.plan.input.budget_rp, lang),
        "plan.row_months": lambda s: i18n.fmt_int(s.plan.input.months, lang),
        "plan.row_contribution": lambda s: i18n.fmt_rp(s.plan.input.contribution_rp, lang),
        "plan.row_rule": lambda s: rule_label(s.plan.input.rule, lang),
        "plan.row_renewals": lambda s: i18n.fmt_int(s.plan.renewal_workers, lang),
        "plan.row_new": lambda s: i18n.fmt_int(s.plan.new_workers, lang),
        "plan.row_funded": lambda s: i18n.fmt_int(s.plan.funded_workers, lang),
        "plan.row_cost": lambda s: i18n.fmt_rp(s.plan.cost_rp, lang),
        "plan.row_leftover": lambda s: i18n.fmt_rp(s.plan.leftover_rp, lang),
        "plan.row_coverage_before": lambda s: i18n.fmt_pct(s.plan.coverage_pct_before, lang),
        "plan.row_coverage_after": lambda s: i18n.fmt_pct(s.plan.coverage_pct_after, lang),
        "plan.row_full_cost": lambda s: i18n.fmt_rp(s.full_coverage_cost_rp, lang),
    }
    table = pd.DataFrame({i18n.t("col.measure", lang): [i18n.t(key, lang) for key in rows]})
    for s in saved:
        table[s.name] = [value(s) for value in rows.values()]
    return table


def saved_list(listed: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """queries/scenarios.sql rows as shown: name, saved, data date, budget, rule, new workers, coverage after."""
    def saved_at(value) -> str:
        moment = pd.Timestamp(value)
        return f"{i18n.fmt_date_short(moment, lang)} {moment:%H:%M}"

    return pd.DataFrame({
        i18n.t("plan.scenario_name", lang): listed["name"],
        i18n.t("plan.row_saved_at", lang): listed["saved_at"].map(saved_at),
        i18n.t("plan.row_as_of", lang): listed["as_of"].map(lambda v: i18n.fmt_date(v, lang)),
        i18n.t("plan.row_budget", lang): listed["budget_rp"].map(lambda v: i18n.fmt_rp(v, lang)),
        i18n.t("plan.row_rule", lang): listed["rule"].map(lambda v: rule_label(v, lang)),
        i18n.t("plan.row_new", lang): listed["new_workers"].map(lambda v: i18n.fmt_int(v, lang)),
        i18n.t("plan.row_coverage_after", lang): listed["coverage_pct_after"].map(lambda v: i18n.fmt_pct(v, lang)),
    })


def comparison_by_kecamatan(saved: Sequence[scenarios.Scenario], lang: str = "id") -> pd.DataFrame:
    """New workers per kecamatan (rows) under each saved scenario (columns), with a total row."""
    columns = {}
    for s in saved:
        per = s.plan.by_kecamatan().set_index("kecamatan")["allocated_workers"]
        columns[s.name] = per
    table = pd.DataFrame(columns).fillna(0).astype("int64")
    table.loc[i18n.t("col.total_to_enrol", lang)] = table.sum()
    return table.rename_axis(i18n.t("col.kecamatan", lang)).reset_index()
