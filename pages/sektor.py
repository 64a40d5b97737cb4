"""Sektor: which desa x sector groups are least covered (heatmap sorted by need, ranking table); on a phone a
list of the groups nobody is protected in and the largest gaps instead of the grid."""

import streamlit as st

from jamsostek import i18n
from jamsostek.analysis import charts, gaps
from jamsostek.analysis import metrics
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import viewport

KEY_ROWS = "sektor_desa_shown"
PHONE_ROWS = 10

ui.page_header("page.sectors")
lang, view = ctx.lang(), ctx.filters()

with st.spinner(t("notice.loading", lang)):
    cells = ctx.run("gap_desa_sector", **view.params())
if cells.empty:
    st.info(t("notice.no_data", lang))
    st.stop()

zero = gaps.zero_groups(cells)
largest = metrics.largest_gaps(cells, 25)
if viewport.is_phone():
    # Eight sector columns do not fit 358 px: the same questions as a list, the zero groups first.
    st.caption(t("sector.phone_note", lang))
    st.subheader(t("sector.phone_zero", lang, count=i18n.fmt_int(len(zero), lang)))
    st.markdown("\n".join(f"- **{r.desa}** · {i18n.sector_label(r.sektor, lang)} "
                          f"({t('col.sasaran', lang)} {i18n.fmt_int(r.sasaran_workers, lang)})"
                          for r in zero.itertuples()) or t("screen.zero_none", lang))
    st.subheader(t("sector.phone_gaps", lang))
    st.markdown("\n".join("- " + t("sector.phone_line", lang, desa=r.desa, sector=i18n.sector_label(r.sektor, lang),
                                   gap=i18n.fmt_int(r.gap_workers, lang), coverage=i18n.fmt_pct(r.coverage_pct, lang))
                          for r in largest.head(PHONE_ROWS).itertuples()))
else:
    st.subheader(t("section.heatmap", lang))
    st.caption(t("section.heatmap_note", lang))
    ctx.url_option(KEY_ROWS, "baris", 15, to_widget=int)
    shown_desa = st.segmented_control(
        t("section.desa_shown", lang), [15, 30, 0], key=KEY_ROWS,
        format_func=lambda n: t("filter.all", lang) if n == 0 else str(n))
    ctx.show_option("baris", shown_desa)
    # The top desa by gap, plus every desa with a zero group (marked ×): those are asked about first.
    matrix = metrics.gap_matrix(gaps.heatmap_cells(cells, shown_desa or None))
    ui.chart(charts.gap_heatmap, matrix, lang)

st.subheader(t("section.largest_gaps", lang))
st.caption(t("section.largest_gaps_note", lang))
shown = metrics.localize(largest, ["desa", "gap_workers", "sektor", "coverage_pct", "protected_workers",
                                   "sasaran_workers", "kecamatan"], lang)
ui.table(shown, base_name="kelompok_belum_terlindungi", key="largest",
         highlight=largest["protected_workers"] == 0)
