"""Figures derived from query results for cards and tables, and localized table shapes. Pure pandas."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from jamsostek import domain, i18n, settings


@dataclass(frozen=True)
class Progress:
    """A count measured against a reference: the difference and the ratio (None when undefined)."""

    difference: int
    ratio: float | None


def since_launch(protected: int, launch: int = settings.LAUNCH_WORKERS) -> Progress:
    """Workers protected now compared with the first batch (1,136 on 3 Nov 2025): +gain and times."""
    return Progress(int(protected) - launch, int(protected) / launch if launch else None)


def toward_target(protected: int, target: int) -> Progress:
    """Workers still to enrol to reach `target` (never below 0) and the share reached in percent."""
    remaining = max(int(target) - int(protected), 0)
    return Progress(remaining, 100.0 * int(protected) / target if target > 0 else None)


def week_delta(now: int, week_ago: int) -> int:
    """Change over the last seven days."""
    return int(now) - int(week_ago)


def desa_with_sasaran(by_desa: pd.DataFrame) -> pd.DataFrame:
    """Rows of coverage_by_desa that have a target population (the ones coverage means anything for)."""
    return by_desa[by_desa["sasaran_workers"] > 0]


def zero_coverage_desa(by_desa: pd.DataFrame) -> pd.DataFrame:
    """Desa with a target population and no one protected, largest gap first."""
    zero = desa_with_sasaran(by_desa)
    zero = zero[zero["protected_workers"] == 0]
    return zero.sort_values(["gap_workers", "kode_desa"], ascending=[False, True], ignore_index=True)


def lowest_coverage_desa(by_desa: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The `n` desa with the lowest coverage; ties go to the larger gap, then to the code."""
    ranked = desa_with_sasaran(by_desa).sort_values(
        ["coverage_pct", "gap_workers", "kode_desa"], ascending=[True, False, True])
    return ranked.head(n).reset_index(drop=True)


def kecamatan_change(now: pd.DataFrame, week_ago: pd.DataFrame) -> pd.DataFrame:
    """coverage_by_kecamatan on two dates -> protected now, a week ago and the change; largest rise first."""
    before = week_ago.set_index("kode_kecamatan")["protected_workers"].rename("protected_week_ago")
    out = now[["kode_kecamatan", "kecamatan", "protected_workers"]].join(before, on="kode_kecamatan")
    out["protected_week_ago"] = out["protected_week_ago"].fillna(0).astype("int64")
    out["change_workers"] = out["protected_workers"] - out["protected_week_ago"]
    return out.sort_values(["change_workers", "kode_kecamatan"], ascending=[False, True], ignore_index=True)


def largest_gaps(cells: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The `n` desa x sector groups with the most workers not yet protected (gap > 0)."""
    gaps = cells[cells["gap_workers"] > 0]
    gaps = gaps.sort_values(["gap_workers", "kode_desa", "sektor"], ascending=[False, True, True])
    return gaps.head(n).reset_index(drop=True)


@dataclass(frozen=True)
class GapMatrix:
    """Desa x sector grid of gap workers, rows and columns ordered by need (largest first)."""

    gap: pd.DataFrame  # index kode_desa, columns sektor; NaN where the cell has no sasaran
    zero: pd.DataFrame  # same shape, True where a sasaran exists and nobody is protected
    desa_names: pd.Series  # kode_desa -> desa
    total_desa: int  # desa before cutting to top_desa


def gap_matrix(cells: pd.DataFrame, top_desa: int | None = None) -> GapMatrix:
    """Pivot gap_desa_sector into a grid sorted by need, optionally keeping the `top_desa` largest."""
    cells = cells[cells["sasaran_workers"] > 0]
    gap = cells.pivot_table(index="kode_desa", columns="sektor", values="gap_workers", aggfunc="sum")
    desa_order = gap.sum(axis=1).sort_values(ascending=False, kind="stable").index
    sector_order = gap.sum(axis=0).sort_values(ascending=False, kind="stable").index
    gap = gap.loc[desa_order, sector_order]
    protected = cells.pivot_table(index="kode_desa", columns="sektor", values="protected_workers",
                                  aggfunc="sum").reindex(index=gap.index, columns=gap.columns)
    zero = gap.notna() & (protected.fillna(0) == 0)
    names = cells.drop_duplicates("kode_desa").set_index("kode_desa")["desa"].reindex(gap.index)
    total = len(gap)
    if top_desa is not None:
        gap, zero, names = gap.head(top_desa), zero.head(top_desa), names.head(top_desa)
    return GapMatrix(gap, zero, names, total)


# Column -> label key for every table the pages show; pages pick the columns they need.
COLUMN_LABELS: dict[str, str] = {
    "kode_desa": "col.kode_desa", "desa": "col.desa", "kode_kecamatan": "col.kode_kecamatan",
    "kecamatan": "col.kecamatan", "sektor": "col.sector", "sasaran_workers": "col.sasaran",
    "sasaran_low": "sasaran.col_low", "sasaran_high": "sasaran.col_high",
    "protected_workers": "col.protected", "coverage_pct": "col.coverage_pct", "gap_workers": "col.gap",
    "week_start": "col.week_start", "week_end": "col.week_end", "new_workers": "col.new_workers",
    "protected_week_ago": "col.protected_week_ago", "change_workers": "col.change",
    "lapsing_workers": "col.lapsing", "first_paid_until": "col.first_paid_until",
}


def localize(df: pd.DataFrame, columns: list[str], lang: str = "id",
             labels: Mapping[str, str] = COLUMN_LABELS) -> pd.DataFrame:
    """The given columns in order, headers in `lang`, sector codes as names; numbers stay numbers."""
    out = df[columns].copy()
    if "sektor" in out:
        out["sektor"] = out["sektor"].map(
            lambda code: i18n.sector_label(code, lang) if code in domain.SECTORS else code)
    for column in out.columns:  # plain dates, so downloads show 3 Nov 2025, not a timestamp
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.date
    return out.rename(columns={c: i18n.t(labels[c], lang) for c in columns})


def formats(df: pd.DataFrame, lang: str = "id") -> dict:
    """Per-column display formatters (for pandas Styler.format) in `lang`: counts, %, dates."""
    out = {}
    for column in df.columns:
        values = df[column]
        if "%" in str(column):
            out[column] = lambda v: i18n.fmt_pct(v, lang)
        elif pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            out[column] = lambda v: i18n.fmt_int(v, lang)
        elif values.map(lambda v: hasattr(v, "year")).any():
            out[column] = lambda v: i18n.fmt_date(v, lang)
    return out


@dataclass(frozen=True)
class Card:
    """One KPI card, every text already formatted in its language."""

    key: str
    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    delta_color: str = "normal"  # st.metric: normal, inverse, off
    delta_arrow: bool = True  # False for context that is not a change (e.g. "4.541 lagi")


PROGRAMME_CARDS = ("since_launch", "progress_target")  # Gianyar's launch and 2026 target


def summary_cards(kpi: pd.Series, regency: pd.Series, by_desa: pd.DataFrame, lang: str = "id", *,
                  target: int = settings.TARGET_WORKERS_2026, verified: int = settings.VERIFIED_WORKERS_2026,
                  lapsing_days: int = settings.LAPSING_WINDOW_DAYS, as_of=None, filtered: bool = False
                  ) -> list[Card]:
    """The Ringkasan cards from a kpi row (filtered), the regency-wide kpi row and coverage_by_desa.

    Launch and target cards always count the whole regency; when the view is `filtered` their labels
    say so, because they would otherwise read as figures of the selected kecamatan.
    """
    fi, fp, fd, fdate = i18n.fmt_int, i18n.fmt_pct, i18n.fmt_delta_int, i18n.fmt_date
    t = i18n.t
    protected, week_ago, sasaran = int(kpi["protected_workers"]), int(kpi["protected_workers_week_ago"]), \
        int(kpi["sasaran_workers"])
    coverage_before = 100.0 * week_ago / sasaran if sasaran else None
    coverage_change = (kpi["coverage_pct"] - coverage_before) if coverage_before is not None else None
    launch = since_launch(regency["protected_workers"])
    goal = toward_target(regency["protected_workers"], target)
    with_sasaran, zero = desa_with_sasaran(by_desa), zero_coverage_desa(by_desa)
    lowest = ", ".join(lowest_coverage_desa(by_desa, 3)["desa"]) or i18n.MISSING
    lapse_until = (pd.Timestamp(as_of) + pd.Timedelta(days=lapsing_days)).date() if as_of else None

    def regency_label(text: str) -> str:
        return t("metric.regency_label", lang, label=text) if filtered else text
    return [
        Card("protected", t("metric.protected", lang), fi(protected, lang),
             t("metric.vs_last_week", lang, delta=fd(week_delta(protected, week_ago), lang)),
             t("metric.protected_help", lang, date=fdate(as_of, lang))),
        Card("coverage", t("metric.coverage", lang), fp(kpi["coverage_pct"], lang),
             None if coverage_change is None else t("metric.pp_vs_last_week", lang,
                                                    delta=_signed(coverage_change, lang)),
             t("metric.coverage_help", lang, sasaran=fi(sasaran, lang))),
        Card("new_week", t("metric.new_week", lang), fi(kpi["new_workers_week"], lang), None,
             t("metric.new_week_help", lang, date=fdate(as_of, lang))),
        Card("lapsing", t("metric.lapsing", lang, days=lapsing_days), fi(kpi["lapsing_workers"], lang), None,
             t("metric.lapsing_help", lang, date=fdate(lapse_until, lang))),
        Card("since_launch",
             regency_label(t("metric.since_launch", lang, count=fi(settings.LAUNCH_WORKERS, lang))),
             fd(launch.difference, lang),
             t("metric.times_launch", lang, ratio=i18n.fmt_num(launch.ratio, lang),
               date=fdate(settings.LAUNCH_DATE, lang)),
             t("metric.since_launch_help", lang, count=fi(settings.LAUNCH_WORKERS, lang),
               date=fdate(settings.LAUNCH_DATE, lang)), "off", False),
        Card("progress_target", regency_label(t("metric.progress_target", lang)), fp(goal.ratio, lang),
             t("metric.to_go", lang, count=fi(goal.difference, lang)),
             t("metric.progress_target_help", lang, protected=fi(regency["protected_workers"], lang),
               target=fi(target, lang), verified=fi(verified, lang)), "off", False),
        Card("zero_desa", t("metric.zero_desa", lang), fi(len(zero), lang),
             t("metric.of_desa", lang, count=fi(len(with_sasaran), lang)),
             t("metric.zero_desa_help", lang, names=lowest), "off", False),
    ]


def _signed(points: float, lang: str) -> str:
    text = i18n.fmt_num(points, lang)
    return text if text.startswith("-") or set(text) <= set("0,.") else f"+{text}"


def parse_count(text: str) -> int | None:
    """A whole number typed with any thousands marks ('13.200', '13,200', '13 200'); None if not one."""
    digits = "".join(ch for ch in str(text) if ch not in ".,  \u00a0")
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 9 else None
