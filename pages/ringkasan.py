"""Ringkasan: headline figures for the filtered view, coverage by kecamatan, lowest-coverage desa."""

import streamlit as st

from jamsostek import settings
from jamsostek.analysis import charts, indicators
from jamsostek.analysis import metrics
from jamsostek.geo import wilayah
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import reach_view

ui.page_header("page.summary")
lang, view = ctx.lang(), ctx.filters()
days = settings.LAPSING_WINDOW_DAYS

with st.spinner(t("notice.loading", lang)):
    by_desa = ctx.run("coverage_by_desa", **view.params())
    by_kecamatan = ctx.run("coverage_by_kecamatan", **view.params())
    # Every figure from the indicator catalogue; launch and target figures are the whole region's.
    headlines = indicators.gather(ctx.run, view.params(), by_desa, days)

cards = {card.key: card for card in metrics.summary_cards(headlines, lang)}
st.caption(indicators.week_caption(view.as_of, lang))
ui.cards([cards[k] for k in metrics.VIEW_CARDS])  # this view: now, coverage, this week, lapsing
# Progress: since launch, to target (Gianyar's programme: not shown for a whole province), desa left out.
progress = [cards[k] for k in metrics.PROGRESS_CARDS if not wilayah.is_province() or k not in metrics.PROGRAMME_CARDS]
ui.cards(progress, per_row=2)  # wide: each names its population ("Dibayar program (APBD): 1.136 → 8.360")

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(t("section.kecamatan", lang))
    ui.chart(charts.kecamatan_bar, by_kecamatan, lang)
with right:
    st.subheader(t("section.lowest_desa", lang))
    lowest = metrics.lowest_coverage_desa(by_desa, 10)
    # The area and the measure first: the columns a phone shows without scrolling the table.
    shown = metrics.localize(lowest, ["desa", "coverage_pct", "protected_workers", "sasaran_workers",
                                      "kecamatan"], lang)
    ui.table(shown, base_name="desa_cakupan_terendah", key="lowest",
             highlight=lowest["protected_workers"] == 0)

with st.expander(t("ind.title", lang)):
    st.caption(t("ind.intro", lang))
    st.dataframe(indicators.catalogue_table(lang, days), hide_index=True, width="stretch")
with st.spinner(t("notice.loading", lang)):
    reached = ctx.run("protected_by_sex_age", **view.params())
reach_view.region_section(reached, view, lang)
