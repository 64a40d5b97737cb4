"""The desa panel of the map page: what a map click selected, sectors reached or not, the weekly trend."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from jamsostek import i18n
from jamsostek.analysis import funnel as usulan_funnel

LINE_COLOUR = "#08519c"  # dark blue, as the protected-workers map: reads in greyscale too
TREND_HEIGHT_PX = 240
TICKS_MOST = 4  # the panel is narrow: four "Nov 2025" labels fit side by side without turning


def selected_location(event: Mapping | None, known: Iterable[str]) -> str | None:
    """The area code a plotly selection event points at (first point's `location`), if it is a known code."""
    if not isinstance(event, Mapping):  # Streamlit's event is dict-like; tests inject a plain dict
        return None
    selection = event.get("selection")
    if not isinstance(selection, Mapping):
        return None
    codes = set(known)
    for point in selection.get("points") or []:
        location = point.get("location") if isinstance(point, Mapping) else None
        if isinstance(location, str) and location in codes:
            return location
    return None


def valid_code(value: object, known: Iterable[str]) -> str | None:
    """A desa code from an untrusted place (the URL) if it is one of `known`, else None."""
    return value if isinstance(value, str) and value in set(known) else None


def facts(desa: pd.DataFrame, lapsing: pd.DataFrame, code: str, wilayah: pd.DataFrame | None = None
          ) -> pd.Series:
    """One desa's row of coverage_by_desa with its lapsing_workers (0 when none) and, given the province's
    wilayah table, its kabupaten (None otherwise)."""
    row = desa.set_index("kode_desa").loc[code].copy()
    row["lapsing_workers"] = lapsing.set_index("kode_desa")["lapsing_workers"].get(code, 0)
    row["kabupaten"] = None if wilayah is None else wilayah.set_index("kode_desa").loc[code, "kabupaten"]
    return row


def place_line(row: pd.Series, code: str, lang: str = "id") -> str:
    """'Kecamatan: Ubud · 51.04.05.2001', with the kabupaten after the kecamatan in a province."""
    parts = [f"{i18n.t('col.kecamatan', lang)}: {row['kecamatan']}", row["kabupaten"], code]
    return " · ".join(part for part in parts if part)


def sector_names(sectors: pd.DataFrame, lang: str = "id") -> tuple[list[str], list[str]]:
    """(reached, not reached): sector names with someone protected, and with a sasaran but no one yet."""
    reached = sectors.loc[sectors["is_reached"], "sektor"]
    missing = sectors.loc[~sectors["is_reached"] & (sectors["sasaran_workers"] > 0), "sektor"]
    return [_sector(code, lang) for code in reached], [_sector(code, lang) for code in missing]


def funnel_line(funnel: pd.DataFrame, code: str, lang: str = "id") -> str | None:
    """The desa's usulan funnel (a row of usulan.store.funnel) as one line, or None when it has no candidate."""
    rows = funnel[funnel["kode_desa"] == code]
    if rows.empty or not int(rows.iloc[0]["proposed_workers"]):
        return None
    return usulan_funnel.line(usulan_funnel.counts(rows.iloc[0]), lang)


def trend_figure(weeks: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Protected workers at each week's end for one desa (desa_trend), month ticks in `lang`."""
    hover = [f"{i18n.fmt_date(day, lang)}<br>{i18n.t('chart.protected', lang)}: {i18n.fmt_int(n, lang)}"
             for day, n in zip(weeks["week_end"], weeks["protected_workers"])]
    fig = go.Figure(go.Scatter(
        x=pd.to_datetime(weeks["week_end"]), y=weeks["protected_workers"], mode="lines",
        line={"color": LINE_COLOUR, "width": 3}, fill="tozeroy", fillcolor="rgba(8,81,156,0.12)",
        customdata=hover, hovertemplate="%{customdata}<extra></extra>"))
    ticks, labels = i18n.month_ticks(weeks["week_end"], lang, TICKS_MOST)
    fig.update_xaxes(type="date", tickmode="array", tickvals=ticks, ticktext=labels, showgrid=False,
                     tickangle=0, automargin=True)
    fig.update_yaxes(title=i18n.t("chart.workers", lang), rangemode="tozero", gridcolor="#e5e7eb",
                     tickformat=",d", automargin=True)
    fig.update_layout(height=TREND_HEIGHT_PX, margin={"l": 60, "r": 10, "t": 10, "b": 30}, showlegend=False,
                      separators=i18n.plotly_separators(lang), plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
                      font={"size": 13, "color": "#222222"}, hoverlabel={"bgcolor": "#ffffff"})
    return fig


def _sector(code: str, lang: str) -> str:
    try:
        return i18n.sector_label(code, lang)
    except KeyError:  # a code not (or no longer) in domain.SECTORS is still shown, as itself
        return code
