"""Ringkasan: headline figures for the filtered view, coverage by kecamatan, lowest-coverage desa."""

import streamlit as st

from jamsostek import settings
from jamsostek.analysis import charts
from jamsostek.analysis import metrics
from jamsostek.geo import wilayah
from jamsostek.analysis.filters import Filters
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx

ui.page_header("page.summary")
lang, view = ctx.lang(), ctx.filters()
days = settings.LAPSING_WINDOW_DAYS

with st.spinner(t("notice.loading", lang)):
    kpi = ctx.run("kpi", lapsing_days=days, **view.params()).iloc[0]
    # Launch and target figures are for the whole regency, whatever the filters say.
    regency = ctx.run("kpi", lapsing_days=days, **Filters(as_of=view.as_of).params()).iloc[0]
    by_desa = ctx.run("coverage_by_desa", **view.params())
    by_kecamatan = ctx.run("coverage_by_kecamatan", **view.params())

cards = metrics.summary_cards(kpi, regency, by_desa, lang, as_of=view.as_of,
                              filtered=view != Filters(as_of=view.as_of))
ui.cards(cards[:4])  # this view: now, coverage, this week, lapsing
# Progress: since launch, to target (Gianyar's programme: not shown for a whole province), desa left out.
progress = [c for c in cards[4:] if not wilayah.is_province() or c.key not in metrics.PROGRAMME_CARDS]
ui.cards(progress, per_row=3)

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(t("section.kecamatan", lang))
    ui.chart(charts.kecamatan_bar(by_kecamatan, lang))
with right:
    st.subheader(t("section.lowest_desa", lang))
    lowest = metrics.lowest_coverage_desa(by_desa, 10)
    # The area and the measure first: the columns a phone shows without scrolling the table.
    shown = metrics.localize(lowest, ["desa", "coverage_pct", "protected_workers", "sasaran_workers",
                                      "kecamatan"], lang)
    ui.table(shown, base_name="desa_cakupan_terendah", key="lowest",
             highlight=lowest["protected_workers"] == 0)
