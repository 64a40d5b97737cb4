"""Peta: every desa (or kecamatan, or kabupaten of a province) coloured by a chosen measure; click a desa to open
its panel, click a kecamatan to see its desa."""

import streamlit as st

from jamsostek import i18n, settings
from jamsostek.geo import boundaries
from jamsostek.analysis import desa_panel
from jamsostek.analysis import maps
from jamsostek.analysis import metrics
from jamsostek.analysis.filters import Filters
from jamsostek.geo import wilayah
from jamsostek.i18n import t
from jamsostek.sasaran import show
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import data_quality, viewport
from jamsostek.ui import reach_view

MAP_KEYS = {"desa": "peta_map", "kecamatan": "peta_map_kecamatan", "kabupaten": "peta_map_kabupaten"}
QUERIES = {"desa": "coverage_by_desa", "kecamatan": "coverage_by_kecamatan", "kabupaten": "coverage_by_kabupaten"}
NAME_COLUMNS = {"desa": ["desa", "kecamatan"], "kecamatan": ["kecamatan"], "kabupaten": []}
URL_KEY = "desa"  # the open desa panel, kept in the address bar so a link reopens it
PICKED = "_peta_picked"  # last click already acted on, so closing the panel is not undone by a rerun
REGION = settings.region()
PROVINCE = wilayah.is_province(REGION)
# No scroll zoom: the view already holds every area and the names are placed for it; a phone scrolls the page.
CONFIG = {"displaylogo": False, "scrollZoom": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"],
          "toImageButtonOptions": {"filename": "peta_gianyar" if REGION == "51.04" else f"peta_{REGION}", "scale": 2}}
MEASURES = ["sasaran_workers", "protected_workers", "coverage_pct", "gap_workers"]
SECTOR_COLUMNS = ["sektor", "coverage_pct", "gap_workers", "protected_workers", "sasaran_workers", "lapsing_workers"]
KEY_METRIC, KEY_LEVEL, KEY_CLASSES = "peta_metric", "peta_level", "peta_classes"
RANGE_COLUMNS = ["sasaran_low", "sasaran_high"]  # the estimate's range, beside the figure it brackets

ui.page_header("page.map")
lang, view = ctx.lang(), ctx.filters()
days = settings.LAPSING_WINDOW_DAYS
phone = viewport.is_phone()
levels = maps.map_levels(PROVINCE, view.kecamatan is not None)
# A province filtered to one kecamatan opens on its desa (the kecamatan alone would be one polygon).
first_level = "desa" if PROVINCE and view.kecamatan else levels[0]
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
modes = [m for m in maps.CLASS_MODES if m != "sasaran" or (metric == "coverage_pct" and not PROVINCE)]
if st.session_state[KEY_CLASSES] not in modes:
    st.session_state[KEY_CLASSES] = modes[0]
regency_sasaran = int(ctx.run("kpi", lapsing_days=days, **Filters(as_of=view.as_of).params()).iloc[0].get(
    "sasaran_workers", 0) or 0) if not PROVINCE else 0
target_pct = 100 * settings.TARGET_WORKERS_2026 / regency_sasaran if regency_sasaran else None
classes = right.radio(t("map.classes", lang), modes, key=KEY_CLASSES, horizontal=True,
                      format_func=lambda m: t(f"map.classes.{m}", lang),
                      help=t("map.classes_help", lang, target=i18n.fmt_pct(target_pct, lang)))
for url_key, value in (("ukuran", metric), ("tingkat", level if level != first_level else ""), ("kelas", classes)):
    ctx.show_option(url_key, value)

with st.spinner(t("map.loading", lang)):
    desa = ctx.run("coverage_by_desa", **view.params())
    frame = desa if level == "desa" else ctx.run(QUERIES[level], **view.params())
borders = maps.border_level(level, PROVINCE)

codes = desa["kode_desa"]
picked = desa_panel.selected_location(st.session_state.get(MAP_KEYS["desa"]), codes)
if picked and picked != st.session_state.get(PICKED):
    st.query_params[URL_KEY] = picked
    viewport.scroll_to("desa-panel")  # on a phone the panel is under the map: bring it into view
st.session_state[PICKED] = picked
selected = desa_panel.valid_code(st.query_params.get(URL_KEY), codes)
if selected is None and URL_KEY in st.query_params:
    del st.query_params[URL_KEY]  # unknown code, or a desa outside the chosen kecamatan


def close_panel() -> None:
    """Forget the open desa (the click that opened it stays 'picked', so it does not reopen)."""
    st.query_params.pop(URL_KEY, None)


def drill_in() -> None:
    """A kecamatan clicked on the kecamatan map: filter to it and show its desa."""
    chosen = desa_panel.selected_location(st.session_state.get(MAP_KEYS["kecamatan"]),
                                          ctx.kecamatan_options()["kode_kecamatan"])
    if chosen:
        st.session_state[ctx.KEY_KECAMATAN] = chosen
        st.session_state[KEY_LEVEL] = "desa"
        ctx.on_filter_change()


clickable = level == "desa" or (level == "kecamatan" and not PROVINCE)
map_column, panel_column = st.columns([2, 1], gap="large")
with map_column:
    try:
        with st.spinner(t("map.loading", lang)):
            shown = selected if level == "desa" else None
            fig = ctx.shared("peta.map", lambda: maps.make_choropleth(
                frame, boundaries.plotly_geojson(level), metric, lang, level=level,
                borders_geojson=boundaries.plotly_geojson(borders) if borders else None,
                selected=shown, classes=classes, target_pct=target_pct, view=ctx.view_text(), legend_below=phone,
                **({"width": viewport.PHONE_CONTENT_PX, "height": viewport.PHONE_MAP_PX} if phone else
                   {"width": viewport.DESKTOP_MAP_PX})),
                level, metric, lang, shown, classes, target_pct, phone, ctx.view_text(), REGION,
                str(settings.cache_dir()), tuple(sorted(view.params().items())))
        st.plotly_chart(fig, key=MAP_KEYS[level], theme=None, config=CONFIG, selection_mode="points",
                        on_select=drill_in if level == "kecamatan" and clickable else
                        "rerun" if level == "desa" else "ignore")
        st.caption(t("map.boundary_note", lang))
        data_quality.note(lang, no_target=int((frame["sasaran_workers"] == 0).sum()), level=level)
        if PROVINCE:
            st.caption(t("sasaran.province_note", lang))
    except boundaries.BoundariesUnavailable as error:
        st.warning(t("map.unavailable", lang), icon=":material/map:")
        with st.expander(t("map.unavailable_detail", lang)):
            st.text(str(error))

with panel_column:
    if selected is None:
        st.info(t(maps.click_hint(level, clickable), lang), icon=":material/touch_app:")
    else:
        sectors = ctx.run("desa_sectors", kode_desa=selected, days=days, **view.params())
        trend = ctx.run("desa_trend", kode_desa=selected, **view.params())
        lapsing = ctx.run("lapsing_by_desa", days=days, **view.params())
        row = desa_panel.facts(desa, lapsing, selected, wilayah.load_wilayah(REGION) if PROVINCE else None)
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
        reach_view.desa_section(ctx.run("protected_by_sex_age", **view.params()), selected, view.as_of, lang)
        st.markdown(f"**{t('map.panel.trend', lang)}**")
        ui.chart(desa_panel.trend_figure(trend, lang))
        st.button(t("map.panel.clear", lang), on_click=close_panel, icon=":material/close:")

if selected is not None:
    st.subheader(t("map.panel.sectors", lang) + f" — {row['desa']}")
    ui.table(metrics.localize(sectors, SECTOR_COLUMNS, lang), base_name=f"desa_{selected}_sektor",
             key="peta_sectors", highlight=~sectors["is_reached"])

st.subheader(i18n.t(f"map.table.{level}", lang))
# The area and the measure on the map first: on a phone they are the columns in view without scrolling.
names = NAME_COLUMNS[level][:1]
rest = [c for c in (*MEASURES, *NAME_COLUMNS[level][1:]) if c != metric]
ordered = frame.sort_values(metric, ascending=metric != "gap_workers", kind="stable")  # the most need first
table = metrics.localize(ordered, [*names, metric, *rest, *RANGE_COLUMNS], lang)
if level == "kabupaten":
    table.insert(0, i18n.t("col.kabupaten", lang), ordered["kabupaten"].to_numpy())
ui.table(table, base_name=f"peta_{level}", key="peta_table")
