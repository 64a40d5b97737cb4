"""Sektor: which desa x sector groups are least covered (heatmap sorted by need, ranking table)."""

import streamlit as st

from jamsostek.analysis import charts
from jamsostek.analysis import metrics
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx

ui.page_header("page.sectors")
lang, view = ctx.lang(), ctx.filters()

with st.spinner(t("notice.loading", lang)):
    cells = ctx.run("gap_desa_sector", **view.params())
if cells.empty:
    st.info(t("notice.no_data", lang))
    st.stop()

st.subheader(t("section.heatmap", lang))
st.caption(t("section.heatmap_note", lang))
shown_desa = st.segmented_control(
    t("section.desa_shown", lang), [15, 30, 0], default=15, key="sektor_desa_shown",
    format_func=lambda n: t("filter.all", lang) if n == 0 else str(n))
matrix = metrics.gap_matrix(cells, top_desa=shown_desa or None)
ui.chart(charts.gap_heatmap(matrix, lang))

st.subheader(t("section.largest_gaps", lang))
st.caption(t("section.largest_gaps_note", lang))
largest = metrics.largest_gaps(cells, 25)
shown = metrics.localize(largest, ["desa", "kecamatan", "sektor", "sasaran_workers", "protected_workers",
                                   "gap_workers", "coverage_pct"], lang)
ui.table(shown, base_name="kelompok_belum_terlindungi", key="largest",
         highlight=largest["protected_workers"] == 0)
