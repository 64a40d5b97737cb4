"""'Who is protected' on screen: sex x age group for the region (Ringkasan) and for one desa (the desa panel)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from jamsostek import i18n, settings
from jamsostek.access import roles
from jamsostek.analysis import charts, reach
from jamsostek.analysis.filters import Filters
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import session


def show_small() -> bool:
    """True for a role that may see detail (small cells too); viewers and visitors see '< 5'."""
    return roles.can(session.role(), roles.DETAIL_VIEW)


def _note(as_of: date, lang: str, small: bool) -> None:
    text = t("reach.note", lang, date=i18n.fmt_date(as_of, lang), n=settings.SMALL_CELL_MIN)
    if small:
        text += " " + t("reach.note_detail", lang, n=settings.SMALL_CELL_MIN)
    st.caption(text)


def age_table(grouped: pd.DataFrame, small: bool, lang: str, *, base_name: str, key: str,
              table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Draw the age group x sex table of one area (and return its numbers, hidden cells as reach.HIDDEN);
    `table`: reach.sex_age_table(grouped, small) when the caller has it already."""
    table = reach.sex_age_table(grouped, small) if table is None else table
    shown = reach.display(table.rename_axis("umur_kelompok").reset_index(), lang)
    ui.table(shown, base_name=base_name, key=key)
    return table


def region_section(rows: pd.DataFrame, view: Filters, lang: str) -> None:
    """Ringkasan: bars and a table by sex and age group, and men/women per kecamatan. The tables depend on
    the data and the view only: built once for every session (ctx.shared), not per viewer."""
    small = show_small()
    ages, table, summary = ctx.shared("reach.region", lambda: reach.region_tables(rows, small),
                                      tuple(sorted(view.params().items())), small)
    st.subheader(t("reach.section", lang))
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"**{t('reach.by_age', lang)}**")
        ui.chart(charts.sex_age_bars, table, lang, hidden=reach.HIDDEN)
        age_table(ages, small, lang, base_name="terlindungi_umur_jk", key="reach_age", table=table)
    with right:
        st.markdown(f"**{t('reach.by_kecamatan', lang)}**")
        ui.table(reach.display(summary.drop(columns=["kode_kecamatan"]), lang),
                 base_name="terlindungi_jk_kecamatan", key="reach_kecamatan")
    _note(view.as_of, lang, small)


def desa_section(rows: pd.DataFrame, kode_desa: str, as_of: date, lang: str) -> None:
    """Desa panel: the desa's protected workers by age group and sex."""
    small = show_small()
    st.markdown(f"**{t('reach.by_age', lang)}**")
    grouped = reach.group_ages(rows[rows["kode_desa"] == kode_desa], "desa")
    if grouped["protected_workers"].sum() == 0:
        st.caption(t("map.panel.none", lang))
        return
    age_table(grouped, small, lang, base_name=f"desa_{kode_desa}_umur_jk", key="reach_desa")
    _note(as_of, lang, small)
