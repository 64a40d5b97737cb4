"""Rencana: who to protect next for what budget: workers funded, where they go, before/after, lists, scenarios."""

import streamlit as st

from jamsostek import i18n, settings
from jamsostek.geo import boundaries
from jamsostek.analysis import maps
from jamsostek.plan import allocation as al
from jamsostek.plan import lists as plan_lists
from jamsostek.plan import rates
from jamsostek.plan import summary as plan_summary
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import rates_view
from jamsostek.ui.plan_form import plan_inputs, remember_in_url
from jamsostek.ui.scenario_panel import scenario_panel
from jamsostek.ui import viewport

CONFIG = maps.PLOT_CONFIG  # fixed view: every desa is in it, names placed for it
DEFAULT_TARGET_PCT = 20  # whole percent: st.number_input would show "20.0" on an Indonesian page


ui.page_header("page.plan")
lang, view = ctx.lang(), ctx.filters()
st.caption(t("plan.intro", lang))
# Everyone protected counts, whatever programme or funding filter the sidebar shows: they need no enrolment.
area = {"kecamatan": view.kecamatan, "sektor": view.sektor}
params = {"as_of": view.as_of, **area, "program": None}
with st.spinner(t("notice.loading", lang)):
    # Renewals: the programme (JAMSOSTEK_PROGRAMME_FUNDING, default APBD) pays for its workers protected now;
    # those it does not renew lapse, cell by cell (allocation.RENEWAL_GROUP).
    programme = settings.programme_funding()
    cells = al.with_renewal_group(ctx.run("gap_desa_sector", **params, sumber=None),
                                  [ctx.run("gap_desa_sector", **params, sumber=s) for s in programme])
    desa = ctx.run("coverage_by_desa", **params, sumber=None)
    renew_count = sum(int(ctx.run("kpi", lapsing_days=settings.LAPSING_WINDOW_DAYS, **params,
                                  sumber=s).iloc[0]["protected_workers"]) for s in programme)

if cells["sasaran_workers"].sum() == 0:
    st.info(t("plan.no_cells", lang), icon=":material/info:")
    st.stop()

first_month = rates.next_month(view.as_of)
asked = plan_inputs(lang, renew_count, first_month)
if asked is None:
    st.stop()
inputs, budget_lines, start = asked
remember_in_url(inputs, budget_lines, start, first_month)
# The plan and its maps depend on the view and the inputs, not on who looks: built once, shared by every session.
asked_key = (tuple(sorted(params.items())), tuple(programme), inputs, tuple(sorted(budget_lines.items())), start)
with st.spinner(t("plan.computing", lang)):
    plan, funding = ctx.shared("rencana.plan", lambda: rates.plan(cells, inputs, budget_lines, start), *asked_key)


def once(name: str, build, *key):
    """What the page shows of this plan in this language (and `key`), built once for every session asking the same."""
    return ctx.shared(f"rencana.{name}", build, *asked_key, lang, *key)


ui.cards(once("cards", lambda: plan_summary.cards(plan, lang)), per_row=3)
rates_view.pricing(funding, inputs, start, lang)
notice = plan_summary.notice(plan, lang)
if notice:
    getattr(st, notice[0])(notice[1])

st.subheader(t("plan.maps", lang))
try:
    with st.spinner(t("map.loading", lang)):
        shapes, borders = boundaries.plotly_geojson("desa"), boundaries.plotly_geojson("kecamatan")
        size = viewport.map_size(half=True)
        figures = once("maps", lambda: plan_summary.before_after_maps(plan, desa, shapes, borders, lang,
                                                                       ctx.view_text(), **size),
                       ctx.view_text(), tuple(size.items()), str(settings.cache_dir()))
    titles = [t("plan.map_before", lang, date=i18n.fmt_date(view.as_of, lang)), t("plan.map_after", lang)]
    for column, title, figure, key in zip(st.columns(2), titles, figures, ("rencana_map_now", "rencana_map_after")):
        with column:
            st.markdown(f"**{title}**")
            st.plotly_chart(figure, key=key, theme=None, config=CONFIG)
    st.caption(t("plan.map_note", lang))  # each map carries the boundaries' attribution itself
except boundaries.BoundariesUnavailable:
    st.warning(t("map.unavailable", lang), icon=":material/map:")

st.subheader(t("plan.kecamatan", lang))
st.caption(t("plan.kecamatan_note", lang))
ui.table(once("kecamatan", lambda: plan_summary.kecamatan_table(plan, lang)), base_name="rencana_kecamatan",
         key="rencana_kecamatan")

st.subheader(t("plan.inverse", lang))
ctx.url_option("rencana_target", "sasaran", DEFAULT_TARGET_PCT, to_widget=int)
target = st.number_input(t("plan.inverse_target", lang), min_value=0, max_value=100, step=1, format="%d",
                         key="rencana_target")
ctx.show_option("sasaran", target if target != DEFAULT_TARGET_PCT else "")
st.markdown(plan_summary.inverse_text(plan_summary.inverse(plan, target), plan, lang))

st.subheader(t("plan.lists", lang))
st.caption(t("plan.lists_note", lang))
if plan.new_workers == 0:
    st.info(t("plan.lists_empty", lang), icon=":material/info:")
else:
    listed = once("desa", lambda: plan_lists.desa_list(plan, lang))
    first = [t("col.desa", lang), t("col.total_to_enrol", lang), t("col.kecamatan", lang)]  # area and measure first
    ui.table(listed[[*first, *(c for c in listed.columns if c not in first)]], base_name="rencana_desa",
             key="rencana_desa", height=420)
    st.download_button(
        t("plan.download_workbook", lang), key="rencana_workbook", on_click="ignore", icon=":material/download:",
        data=lambda: plan_lists.workbook(plan, lang, title=t("plan.workbook_title", lang),
                                         note=plan_summary.workbook_note(plan, view.as_of, lang,
                                                                      is_sample=bool(ctx.data_status()["is_sample"]))),
        file_name=f"rencana_per_kecamatan_{view.as_of.isoformat()}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

st.subheader(t("plan.scenarios", lang))
scenario_panel(plan, as_of=view.as_of, budget_lines=budget_lines, area=area, lang=lang)
