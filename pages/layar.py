"""Layar rapat: the weekly meeting on a projector — large figures, the groups nobody is protected in and the
week's change first, no sidebar (the view comes from the address)."""

import html

import streamlit as st

from jamsostek import i18n, settings
from jamsostek.analysis import gaps, indicators, metrics
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx

SHOWN_GROUPS = 8  # what fits at 1280x720 in a font read from the back of the room

ui.page_header("screen.title")
lang, view = ctx.lang(), ctx.filters()
with st.spinner(t("notice.loading", lang)):
    by_desa = ctx.run("coverage_by_desa", **view.params())
    # The same figures as Ringkasan's cards, from the indicator catalogue (one definition each).
    headlines = indicators.gather(ctx.run, view.params(), by_desa, settings.LAPSING_WINDOW_DAYS)
    cells = ctx.run("gap_desa_sector", **view.params())
    change = metrics.kecamatan_change(ctx.run("coverage_by_kecamatan", **view.params()),
                                      ctx.run("coverage_by_kecamatan", **view.week_before().params()))
zero = gaps.zero_groups(cells)
cards = {card.key: card for card in metrics.summary_cards(headlines, lang)}

figures = st.columns(4)
with figures[0]:
    ui.kpi_metric(t("screen.zero_card", lang), i18n.fmt_int(len(zero), lang))
with figures[1]:
    ui.kpi_metric(t("screen.week", lang), i18n.fmt_signed(headlines.week_change(), lang), delta_arrow=False)
for column, key in zip(figures[2:], ("protected", "coverage")):
    with column:
        ui.kpi_metric(cards[key].label, cards[key].value)

left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("screen.zero", lang))
    if zero.empty:
        st.markdown(t("screen.zero_none", lang))
    else:
        items = [f"<li><b>{html.escape(str(r.desa))}</b> · {html.escape(i18n.sector_label(r.sektor, lang))} "
                 f"({i18n.fmt_int(r.sasaran_workers, lang)})</li>" for r in zero.head(SHOWN_GROUPS).itertuples()]
        if len(zero) > SHOWN_GROUPS:
            items.append(f"<li>{t('screen.more', lang, count=i18n.fmt_int(len(zero) - SHOWN_GROUPS, lang))}</li>")
        st.markdown(f"<ul class='jm-screen-list'>{''.join(items)}</ul>", unsafe_allow_html=True)
with right:
    st.subheader(t("screen.kecamatan", lang))
    rows = [f"<li><b>{html.escape(str(r.kecamatan))}</b>: {i18n.fmt_signed(r.change_workers, lang)}</li>"
            for r in change.itertuples()]
    st.markdown(f"<ul class='jm-screen-list'>{''.join(rows)}</ul>", unsafe_allow_html=True)
st.page_link("pages/rapat.py", label=t("screen.back", lang), icon=":material/arrow_back:")
