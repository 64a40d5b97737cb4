"""The Peta page's pieces: the map options (measure, level, classes; in the address), the open desa's panel and
its sector table, and the table of every area. pages/peta.py lays them out around the map."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from jamsostek import i18n, settings
from jamsostek.analysis import desa_panel
from jamsostek.analysis import funnel
from jamsostek.analysis import maps
from jamsostek.analysis import metrics
from jamsostek.analysis.filters import Filters
from jamsostek.geo import wilayah
from jamsostek.i18n import t
from jamsostek.sasaran import show
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import reach_view

NAME_COLUMNS = {"desa": ["desa", "kecamatan"], "kecamatan": ["kecamatan"], "kabupaten": []}
MEASURES = ["sasaran_workers", "protected_workers", "coverage_pct", "gap_workers"]
SECTOR_COLUMNS = ["sektor", "coverage_pct", "gap_workers", "protected_workers", "sasaran_workers", "lapsing_workers"]
KEY_METRIC, KEY_LEVEL, KEY_CLASSES = "peta_metric", "peta_level", "peta_classes"
RANGE_COLUMNS = ["sasaran_low", "sasaran_high"]  # the estimate's range, beside the figure it brackets


@dataclass(frozen=True)
class MapOptions:
    metric: str
    level: str
    classes: str
    target_pct: float | None


def options(view: Filters, lang: str, province: bool) -> MapOptions:
    """Draw the measure, level and class radios (from the address the first time; back into it after)."""
    levels = maps.map_levels(province, view.kecamatan is not None)
    # A province filtered to one kecamatan opens on its desa (the kecamatan alone would be one polygon).
    first_level = "desa" if province and view.kecamatan else levels[0]
    if st.session_state.get(KEY_LEVEL) not in (None, *levels):
        st.session_state.pop(KEY_LEVEL)  # kabupaten, then a kecamatan filter: start from the first level
    ctx.url_option(KEY_METRIC, "ukuran", maps.METRICS[0])
    ctx.url_option(KEY_LEVEL, "tingkat", first_level)
    if st.session_state[KEY_LEVEL] not in levels:
        st.session_state[KEY_LEVEL] = first_level
    ctx.url_option(KEY_CLASSES, "kelas", maps.CLASS_MODES[0])
    # Radios keep their shown labels when only the language changes: resend them (else they come back empty).
    ctx.resend_choices_on_language_change((KEY_METRIC, KEY_LEVEL, KEY_CLASSES), lang, marker="_peta_lang")

    left, middle, right = st.columns(3)
    metric = left.radio(t("map.metric", lang), maps.METRICS, key=KEY_METRIC, horizontal=True,
                        format_func=lambda m: t(maps.METRIC_LABELS[m], lang))
    level = middle.radio(t("map.level", lang), levels, key=KEY_LEVEL, horizontal=True,
                         format_func=lambda v: i18n.t(f"map.level.{v}", lang))
    # Target-relative classes only where there is a target: coverage of a regency.
    modes = [m for m in maps.CLASS_MODES if m != "sasaran" or (metric == "coverage_pct" and not province)]
    if st.session_state[KEY_CLASSES] not in modes:
        st.session_state[KEY_CLASSES] = modes[0]
    regency_sasaran = int(ctx.run("kpi", lapsing_days=settings.LAPSING_WINDOW_DAYS,
                                  **Filters(as_of=view.as_of).params()).iloc[0].get(
        "sasaran_workers", 0) or 0) if not province else 0
    target_pct = 100 * settings.TARGET_WORKERS_2026 / regency_sasaran if regency_sasaran else None
    classes = right.radio(t("map.classes", lang), modes, key=KEY_CLASSES, horizontal=True,
                          format_func=lambda m: t(f"map.classes.{m}", lang),
                          help=t("map.classes_help", lang, target=i18n.fmt_pct(target_pct, lang)))
    for url_key, value in (("ukuran", metric), ("tingkat", level if level != first_level else ""),
                           ("kelas", classes)):
        ctx.show_option(url_key, value)
    return MapOptions(metric, level, classes, target_pct)


def with_measure(frame: pd.DataFrame, metric: str, level: str, view: Filters) -> pd.DataFrame:
    """The map's frame with the chosen measure's columns: the usulan funnel's counts per area when the
    measure is the candidates enrolled (the coverage queries carry the others)."""
    if metric not in maps.FUNNEL_COLUMNS:
        return frame
    return funnel.with_funnel(frame, ctx.usulan_funnel(view.as_of), maps.KEYS[level])


def desa_facts_panel(desa: pd.DataFrame, selected: str, view: Filters, lang: str, region: str,
                     province: bool, on_close) -> tuple[dict, pd.DataFrame]:
    """The open desa's figures, sectors reached and not, its usulan funnel, reach by sex and age and trend;
    (its row, its sectors)."""
    days = settings.LAPSING_WINDOW_DAYS
    sectors = ctx.run("desa_sectors", kode_desa=selected, days=days, **view.params())
    trend = ctx.run("desa_trend", kode_desa=selected, **view.params())
    lapsing = ctx.run("lapsing_by_desa", days=days, **view.params())
    row = desa_panel.facts(desa, lapsing, selected, wilayah.load_wilayah(region) if province else None)
    st.subheader(f"{row['desa']}", anchor="desa-panel")
    st.caption(desa_panel.place_line(row, selected, lang))
    a, b = st.columns(2)
    with a:
        ui.kpi_metric(t("metric.coverage", lang), i18n.fmt_pct(row["coverage_pct"], lang))
        ui.kpi_metric(t("metric.gap", lang), i18n.fmt_int(row["gap_workers"], lang))
    with b:
        ui.kpi_metric(t("metric.protected", lang), i18n.fmt_int(row["protected_workers"], lang))
        ui.kpi_metric(t("map.panel.lapsing", lang, days=days), i18n.fmt_int(row["lapsing_workers"], lang))
    st.caption(show.figure_line(row, ctx.data_status(), lang))
    reached, missing = desa_panel.sector_names(sectors, lang)
    none = t("map.panel.none", lang)
    st.markdown(f"**{t('map.panel.sectors_covered', lang)}:** {', '.join(reached) or none}  \n"
                f"**{t('map.panel.sectors_uncovered', lang)}:** {', '.join(missing) or none}")
    usulan_line = desa_panel.funnel_line(ctx.usulan_funnel(view.as_of), selected, lang)
    if usulan_line:  # nothing for a desa without a candidate
        st.markdown(f"**{t('funnel.panel.heading', lang)}:** {usulan_line}")
    reach_view.desa_section(ctx.run("protected_by_sex_age", **view.params()), selected, view.as_of, lang)
    st.markdown(f"**{t('map.panel.trend', lang)}**")
    ui.chart(desa_panel.trend_figure, trend, lang)
    st.button(t("map.panel.clear", lang), on_click=on_close, icon=":material/close:")
    return row, sectors


def desa_sector_table(row: dict, sectors: pd.DataFrame, selected: str, lang: str) -> None:
    """The open desa's sectors, the ones not reached highlighted."""
    st.subheader(t("map.panel.sectors", lang) + f" — {row['desa']}")
    ui.table(metrics.localize(sectors, SECTOR_COLUMNS, lang), base_name=f"desa_{selected}_sektor",
             key="peta_sectors", highlight=~sectors["is_reached"])


def area_table(frame: pd.DataFrame, level: str, metric: str, lang: str) -> None:
    """Every area of the level, the one most in need first; the area and the mapped measure lead (on a phone
    they are the columns in view without scrolling)."""
    st.subheader(i18n.t(f"map.table.{level}", lang))
    names = NAME_COLUMNS[level][:1]
    stages = [c for c in maps.FUNNEL_COLUMNS if c in frame and c != metric]  # the usulan measure's funnel
    rest = [c for c in (*stages, *MEASURES, *NAME_COLUMNS[level][1:]) if c != metric]
    # The most in need first; for the usulan measure the desa with candidates first.
    by = ["usulan_enrolled_workers", "proposed_workers"] if metric in maps.FUNNEL_COLUMNS else [metric]
    ordered = frame.sort_values(by, ascending=metric not in ("gap_workers", *maps.FUNNEL_COLUMNS), kind="stable")
    table = metrics.localize(ordered, [*names, metric, *rest, *RANGE_COLUMNS], lang)
    if level == "kabupaten":
        table.insert(0, i18n.t("col.kabupaten", lang), ordered["kabupaten"].to_numpy())
    ui.table(table, base_name=f"peta_{level}", key="peta_table")
