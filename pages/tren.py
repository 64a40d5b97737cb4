"""Tren: weekly enrolments, protected workers against the target, changes and lapsing participants."""

import streamlit as st

from jamsostek import i18n, settings
from jamsostek.analysis import charts, indicators
from jamsostek.analysis import metrics
from jamsostek.geo import wilayah
from jamsostek.analysis.filters import Filters
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx

ui.page_header("page.trend")
lang, view = ctx.lang(), ctx.filters()
days = settings.LAPSING_WINDOW_DAYS
default_target, verified = settings.TARGET_WORKERS_2026, settings.VERIFIED_WORKERS_2026

with st.spinner(t("notice.loading", lang)):
    weeks = ctx.run("enrolments_by_week", **view.params())
    change = metrics.kecamatan_change(ctx.run("coverage_by_kecamatan", **view.params()),
                                      ctx.run("coverage_by_kecamatan", **view.week_before().params()))
    lapsing = ctx.run("lapsing_by_desa", days=days, **view.params())

st.subheader(t("section.protected_target", lang))
# The targets are the whole regency's (Gianyar's programme): not for a kecamatan, nor for a whole province.
regency_view = view == Filters(as_of=view.as_of) and not wilayah.is_province()
if not regency_view:
    st.caption(t("section.target_province" if wilayah.is_province() else "section.target_regency_only", lang))
typed = st.text_input(t("section.target_input", lang), i18n.fmt_int(default_target, lang), key="tren_target",
                      help=t("section.target_help", lang, target=i18n.fmt_int(default_target, lang),
                             verified=i18n.fmt_int(verified, lang)), width=220, disabled=not regency_view)
target = metrics.parse_count(typed) or 0
if target <= 0:
    st.warning(t("section.target_invalid", lang, target=i18n.fmt_int(default_target, lang)))
    target = default_target
if weeks.empty:
    st.info(t("notice.no_data", lang))
else:
    # The target counts the programme's workers (JS-08): their own line, beside everyone protected.
    programme = indicators.programme_weeks(ctx.run, weeks) if regency_view else None
    ui.chart(charts.protected_vs_target, weeks, lang, target=target if regency_view else None, verified=verified,
             programme=programme)
    st.subheader(t("section.weekly", lang))
    st.caption(indicators.week_caption(view.as_of, lang))
    ui.chart(charts.enrolments_per_week, weeks, lang)
    with st.expander(t("section.weekly_table", lang)):
        ui.table(metrics.localize(weeks, ["week_start", "new_workers", "protected_workers", "week_end"], lang),
                 base_name="pendaftaran_per_minggu", key="weeks")

st.subheader(t("section.week_change", lang))
left, right = st.columns(2, gap="large")
with left:
    ui.chart(charts.kecamatan_change_bar, change, lang)
with right:
    ui.table(metrics.localize(change, ["kecamatan", "change_workers", "protected_workers",
                                       "protected_week_ago"], lang), base_name="perubahan_per_kecamatan",
             key="change")

st.subheader(t("section.lapsing", lang, days=days))
if lapsing.empty:
    st.info(t("notice.no_data", lang))
else:
    ui.table(metrics.localize(lapsing, ["desa", "lapsing_workers", "first_paid_until", "kecamatan"], lang),
             base_name="segera_berakhir_per_desa", key="lapsing")
