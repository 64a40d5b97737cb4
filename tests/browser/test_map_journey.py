"""Journey: open the app, switch to English and back, choose a kecamatan, click a desa on the map, see its panel.

Screenshots go to test-artifacts/browser/map_journey_*.png (plus a greyscale copy of the map, to check
that the classes still read when printed). Every request must stay on localhost (checked by `app`).
The click is a real mouse click at the pixel where the map's projection puts a point inside the desa's polygon
(taken from the figure in the page), so it exercises plotly's selection event end to end.
"""

from __future__ import annotations

import io

import pytest
import shapely.geometry
from PIL import Image

pytestmark = pytest.mark.browser

KECAMATAN = "Ubud"
DESA, DESA_CODE = "Mas", "51.04.05.2002"

# The plotly `geo` map, once its areas are drawn (SVG paths).
MAP_READY = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  return Boolean(gd && gd._fullLayout && gd._fullLayout.geo && gd.querySelector('.choroplethlocation'));
}"""
FEATURE_GEOMETRY = """(code) => {
  const gd = document.querySelector('.js-plotly-plot');
  for (const trace of gd.data) {
    for (const feature of (trace.type === 'choropleth' && trace.geojson.features) || []) {
      if (feature.properties.kode_desa === code) return feature.geometry;
    }
  }
  return null;
}"""
TO_SCREEN = """([lon, lat]) => {
  const gd = document.querySelector('.js-plotly-plot');
  const [x, y] = gd._fullLayout.geo._subplot.projection([lon, lat]);  // pixels from the figure's corner
  const box = gd.getBoundingClientRect();
  return [box.left + x, box.top + y];
}"""


def desa_on_screen(app, code: str) -> tuple[float, float]:
    """Page pixel of a point inside the desa as drawn (its polygon from the figure, through the map's projection)."""
    geometry = app.page.evaluate(FEATURE_GEOMETRY, code)
    assert geometry, f"desa {code} is not drawn on the map"
    inside = shapely.geometry.shape(geometry).representative_point()
    return tuple(app.page.evaluate(TO_SCREEN, [inside.x, inside.y]))


def wait_for_map(app) -> None:
    app.page.locator(".js-plotly-plot .choroplethlocation").first.wait_for()
    app.page.wait_for_function(MAP_READY)
    app.page.wait_for_timeout(500)  # first paint after "loaded"


def save_greyscale(app, name: str) -> None:
    """The map as a greyscale print would show it, next to the screenshots."""
    png = app.page.locator(".js-plotly-plot").first.screenshot()
    app.shot(name)  # keeps the numbering; the colour view of the same moment
    Image.open(io.BytesIO(png)).convert("L").save(app.shots[-1].with_name(app.shots[-1].stem + "_grey.png"))


def test_map_journey(app):
    app.open()
    app.page.get_by_role("heading", name="Ringkasan", level=1).wait_for()
    app.shot("ringkasan")

    app.set_language("en")
    app.page.get_by_role("heading", name="Summary", level=1).wait_for()
    assert app.sidebar.get_by_text("Language", exact=True).is_visible()
    app.shot("english")
    app.set_language("id")
    app.page.get_by_role("heading", name="Ringkasan", level=1).wait_for()
    assert app.sidebar.get_by_text("Bahasa", exact=True).is_visible()

    app.choose("filter.kecamatan", KECAMATAN)
    assert "kec=51.04.05" in app.page.url
    app.shot("kecamatan_ubud")

    app.goto_page("page.map")
    wait_for_map(app)
    app.page.get_by_text(app.label("map.click_hint")).wait_for()
    save_greyscale(app, "map_ubud")

    x, y = desa_on_screen(app, DESA_CODE)
    app.page.mouse.click(x, y)
    app.settle()
    panel = app.page.get_by_role("heading", name=DESA, exact=True, level=3)
    panel.wait_for()
    assert f"desa={DESA_CODE}" in app.page.url
    assert app.page.get_by_text(app.label("map.panel.sectors_covered") + ":").is_visible()
    assert app.page.get_by_text(f"{app.label('col.kecamatan')}: {KECAMATAN} · {DESA_CODE}").is_visible()
    wait_for_map(app)
    app.shot("desa_panel")
    sectors = app.page.get_by_role("heading", name=f"{app.label('map.panel.sectors')} — {DESA}")
    sectors.scroll_into_view_if_needed()
    app.page.get_by_test_id("stDataFrame").first.wait_for()
    app.shot("desa_sectors_table")
    app.page.get_by_role("heading", name=app.label("page.map"), level=1).scroll_into_view_if_needed()

    app.page.reload()  # the address bar alone reopens the same view
    app.settle()
    app.page.get_by_role("heading", name=DESA, exact=True, level=3).wait_for()
    wait_for_map(app)
    app.shot("desa_panel_reloaded")

    assert not app.page_errors
    app.assert_offline()
