"""Figures derived from query results for cards and tables, and localized table shapes. Pure pandas."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from jamsostek import domain, i18n
from jamsostek.analysis import indicators


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
    # The usulan funnel on the map (usulan.shown.with_funnel)
    "proposed_workers": "funnel.stage.proposed", "verified_workers": "funnel.stage.verified",
    "registered_workers": "funnel.stage.registered", "usulan_enrolled_workers": "map.metric.usulan",
}


def localize(df: pd.DataFrame, columns: list[str], lang: str = "id",
             labels: Mapping[str, str] = COLUMN_LABELS, words: Mapping[str, Callable] | None = None
             ) -> pd.DataFrame:
    """The given columns in order, headers in `lang` (`labels`: column -> label key), codes as words.

    Sector codes become names; `words` maps more columns' codes to words (column -> value -> text).
    Numbers stay numbers, so sorting and downloads keep working.
    """
    out = df[columns].copy()
    words = {"sektor": lambda code: i18n.sector_label(code, lang) if code in domain.SECTORS else code} | dict(
        words or {})
    for column, word in words.items():
        if column in out:
            out[column] = out[column].map(word).astype(object)
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


PROGRAMME_CARDS = ("growth_programme", "growth_all", "progress_target")  # Gianyar's launch and 2026 target
VIEW_CARDS = ("protected", "coverage", "new_week", "lapsing")
PROGRESS_CARDS = (*PROGRAMME_CARDS, "zero_desa")


def indicator_card(h: indicators.Headlines, key: str, lang: str = "id") -> Card:
    """One card from the indicator catalogue: its name, number, comparison and help.

    A change is coloured and arrowed only when it is not zero; a comparison that is context, not a
    change (growth since the launch, "of the target"), has neither.
    """
    change = h.change(key)
    moving = change is not None and i18n.fmt_signed(change, lang, 1) != i18n.fmt_signed(0.0, lang, 1)
    return Card(key, h.label(key, lang), h.text(key, lang), h.sub(key, lang), h.help(key, lang),
                "normal" if moving else "off", moving)


def summary_cards(h: indicators.Headlines, lang: str = "id") -> list[Card]:
    """The Ringkasan cards: this view (now, coverage, this week, lapsing), then progress (whole region)."""
    return [indicator_card(h, key, lang) for key in (*VIEW_CARDS, *PROGRESS_CARDS)]


def parse_count(text: str) -> int | None:
    """A whole number typed with any thousands marks ('13.200', '13,200', '13 200'); None if not one."""
    digits = "".join(ch for ch in str(text) if ch not in ".,  \u00a0")
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 9 else None
