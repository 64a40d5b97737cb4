"""Peta: every desa (or kecamatan, or kabupaten of a province) coloured by a chosen measure; click a desa to open
its panel, click a kecamatan to see its desa."""

import streamlit as st

from jamsostek import settings
from jamsostek.analysis import desa_panel
from jamsostek.analysis import maps
from jamsostek.geo import boundaries
from jamsostek.geo import wilayah
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import data_quality, map_view, viewport

MAP_KEYS = {"desa": "peta_map", "kecamatan": "peta_map_kecamatan", "kabupaten": "peta_map_kabupaten"}
QUERIES = {"desa": "coverage_by_desa", "kecamatan": "coverage_by_kecamatan", "kabupaten": "coverage_by_kabupaten"}
URL_KEY = "desa"  # the open desa panel, kept in the address bar so a link reopens it
PICKED = "_peta_picked"  # last click already acted on, so closing the panel is not undone by a rerun
REGION = settings.region()
PROVINCE = wilayah.is_province(REGION)
# No scroll zoom: the view already holds every area and the names are placed for it; a phone scrolls the page.
CONFIG = {**maps.PLOT_CONFIG, "modeBarButtonsToRemove": ["select2d", "lasso2d"],
          "toImageButtonOptions": {"filename": "peta_gianyar" if REGION == "51.04" else f"peta_{REGION}", "scale": 2}}

ui.page_header("page.map")
lang, view = ctx.lang(), ctx.filters()
phone = viewport.is_phone()
options = map_view.options(view, lang, PROVINCE)
metric, level, classes, target_pct = options.metric, options.level, options.classes, options.target_pct
with st.spinner(t("map.loading", lang)):
    desa = ctx.run("coverage_by_desa", **view.params())
    frame = map_view.with_measure(desa if level == "desa" else ctx.run(QUERIES[level], **view.params()), metric,
                                  level, view)
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
        st.session_state[map_view.KEY_LEVEL] = "desa"
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
        row, sectors = map_view.desa_facts_panel(desa, selected, view, lang, REGION, PROVINCE, close_panel)

if selected is not None:
    map_view.desa_sector_table(row, sectors, selected, lang)
map_view.area_table(frame, level, metric, lang)
