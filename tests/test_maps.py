"""Map builder: fixed labelled classes, one class per value, 70/7 areas, hover language, offline figure."""

from __future__ import annotations

import json
import math
import tomllib

import numpy as np
import pandas as pd
import pytest
import shapely.geometry

from jamsostek import i18n, settings
from jamsostek.geo import boundaries
from jamsostek.analysis import maps

from tests import colour_vision

REFERENCE = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
CELUK, MAS = "51.04.01.2005", "51.04.05.2002"
SUKAWATI = "51.04.01"
NO_TARGET = "51.04.07.2001"  # given sasaran 0 below


@pytest.fixture(scope="module")
def geo(tmp_path_factory):
    """Desa and kecamatan GeoJSON built once from the local boundary copy into a private cache."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path_factory.mktemp("cache")))
        return {level: boundaries.plotly_geojson(level) for level in boundaries.LEVELS}


def desa_frame() -> pd.DataFrame:
    """All 70 desa with known figures: sasaran 200 (0 for one desa), protected rising with the row."""
    frame = REFERENCE[["kode_desa", "desa", "kode_kecamatan", "kecamatan"]].copy()
    frame["sasaran_workers"] = 200
    frame.loc[frame["kode_desa"] == NO_TARGET, "sasaran_workers"] = 0
    frame["protected_workers"] = np.arange(len(frame)) * 2  # 0, 2, ... 138
    frame.loc[frame["kode_desa"] == CELUK, "protected_workers"] = 25  # 12.5%
    return _derive(frame)


def kecamatan_frame() -> pd.DataFrame:
    """The 7 kecamatan, summed from desa_frame()."""
    sums = desa_frame().groupby(["kode_kecamatan", "kecamatan"], as_index=False)[
        ["sasaran_workers", "protected_workers"]].sum()
    return _derive(sums)


def _derive(frame: pd.DataFrame) -> pd.DataFrame:
    frame["coverage_pct"] = 100 * frame["protected_workers"] / frame["sasaran_workers"].replace(0, np.nan)
    frame["gap_workers"] = (frame["sasaran_workers"] - frame["protected_workers"]).clip(lower=0)
    return frame


def choropleths(fig):
    return [trace for trace in fig.data if trace.type == "choropleth"]


def lines(fig, name: str):
    return [trace for trace in fig.data if trace.type == "scattergeo" and trace.name == name]


def annotation_texts(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def luminance(colour: str) -> float:
    """CIE L* of a #rrggbb colour: what a greyscale print keeps."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * y ** (1 / 3) - 16


@pytest.mark.parametrize("metric, level, lang, labels", [
    ("coverage_pct", "desa", "id",
     ["0%", "0,1–2,4%", "2,5–4,9%", "5–9,9%", "10–14,9%", "≥ 15%", "Tidak ada data sasaran"]),
    ("coverage_pct", "kecamatan", "en",
     ["0%", "0.1–2.4%", "2.5–4.9%", "5–9.9%", "10–14.9%", "≥ 15%", "No target data"]),
    ("gap_workers", "desa", "id",
     ["0", "1–499", "500–999", "1.000–1.499", "1.500–1.999", "≥ 2.000", "Tidak ada data sasaran"]),
    ("gap_workers", "kecamatan", "en",
     ["0", "1–4,999", "5,000–9,999", "10,000–14,999", "15,000–19,999", "≥ 20,000", "No target data"]),
    ("protected_workers", "desa", "id", ["0", "1–49", "50–99", "100–149", "150–199", "≥ 200", "Tidak ada data sasaran"]),
    ("protected_workers", "kecamatan", "en",
     ["0", "1–499", "500–999", "1,000–1,499", "1,500–1,999", "≥ 2,000", "No target data"]),
])
def test_classes_are_fixed_and_labelled(metric, level, lang, labels):
    assert [b.label(lang) for b in maps.class_breaks(metric, level)] == labels


@pytest.mark.parametrize("metric, value, label", [
    ("coverage_pct", 0, "0%"),
    ("coverage_pct", 0.04, "0%"),  # shown as "0,0%", so classed with zero
    ("coverage_pct", 0.1, "0,1–2,4%"),
    ("coverage_pct", 2.44, "0,1–2,4%"),
    ("coverage_pct", 4.96, "5–9,9%"),  # shown as "5,0%"
    ("coverage_pct", 14.9, "10–14,9%"),
    ("coverage_pct", 15, "≥ 15%"),
    ("coverage_pct", 100, "≥ 15%"),
    ("coverage_pct", math.nan, "Tidak ada data sasaran"),
    ("gap_workers", 0, "0"),
    ("gap_workers", 499, "1–499"),
    ("gap_workers", 500, "500–999"),
    ("gap_workers", 2_000, "≥ 2.000"),
    ("protected_workers", 49, "1–49"),
    ("protected_workers", 50, "50–99"),
])
def test_classify_known_values(metric, value, label):
    bins = maps.class_breaks(metric)
    assert bins[maps.classify([value], metric).iloc[0]].label("id") == label


@pytest.mark.parametrize("metric", maps.METRICS)
@pytest.mark.parametrize("level", maps.LEVELS)
def test_every_value_lands_in_exactly_one_class(metric, level):
    values = [*np.round(np.linspace(0, 12_000, 24_001), maps.DECIMALS[metric]), math.nan]
    bins = maps.class_breaks(metric, level)
    for value in values:
        assert sum(b.contains(value) for b in bins) == 1, value


def test_classes_do_not_depend_on_the_data():
    low, high = maps.classify([0, 3, 7], "coverage_pct"), maps.classify([3, 50, 90], "coverage_pct")
    assert low.iloc[1] == high.iloc[0]  # 3% is the same class whatever else is on the map


@pytest.mark.parametrize("metric", maps.METRICS)
def test_palette_reads_in_greyscale(metric):
    colours = [*maps.PALETTES[metric], maps.NO_DATA_COLOUR]
    assert colour_vision.min_lightness_step(colours) >= 9  # any two classes apart when printed in grey


@pytest.mark.parametrize("vision", ["normal", "protan", "deutan", "tritan"])
@pytest.mark.parametrize("metric", maps.METRICS)
def test_palette_apart_for_colour_vision_deficiencies(metric, vision):
    # Machado et al. (2009) at full severity: the strongest form of each deficiency.
    assert colour_vision.min_difference([*maps.PALETTES[metric], maps.NO_DATA_COLOUR], vision) >= 9


def test_old_all_green_scale_fails_the_same_checks():
    greens = ["#c7e9c0", "#74c476", "#41ab5d", "#238b45", "#006d2c", "#00441b", "#ffffff"]  # the map
    assert colour_vision.min_difference(greens, "protan") < 10 <= colour_vision.min_difference(
        [*maps.PALETTES["coverage_pct"], maps.NO_DATA_COLOUR], "protan")


def test_shortfall_reads_as_shortfall():
    # Empty and low coverage are red (a* > 20, hue under 60 degrees), the class at the top is not.
    low, top = maps.PALETTES["coverage_pct"][:4], maps.PALETTES["coverage_pct"][-1]
    for colour in low:
        lightness, a, b = colour_vision.seen(colour)
        assert a > 20 and math.degrees(math.atan2(b, a)) < 60, colour
    assert colour_vision.seen(top)[1] < 0  # greenish: at or above the fixed top class
    darkness = [colour_vision.seen(c)[0] for c in maps.PALETTES["coverage_pct"]]
    assert darkness == sorted(darkness)  # the emptier, the darker: the eye goes to the shortfall


def test_no_data_where_there_is_no_sasaran():
    frame = desa_frame()
    row = frame["kode_desa"] == NO_TARGET
    assert maps.metric_values(frame, "gap_workers")[row].isna().all()
    assert maps.metric_values(frame, "coverage_pct")[row].isna().all()
    assert maps.metric_values(frame, "protected_workers")[row].notna().all()


@pytest.mark.parametrize("level, frame, count", [("desa", desa_frame, 70), ("kecamatan", kecamatan_frame, 7)])
@pytest.mark.parametrize("metric", maps.METRICS)
def test_figure_draws_every_area_once_in_its_class_colour(geo, level, frame, count, metric):
    data = frame()
    fig = maps.make_choropleth(data, geo[level], metric, "id", level=level)
    key = maps.LEVELS[level]
    located = {loc: trace for trace in choropleths(fig) for loc in trace.locations}
    assert sum(len(t.locations) for t in choropleths(fig)) == count
    assert sorted(located) == sorted(data[key])
    expected = maps.classify(maps.metric_values(data, metric), metric, level)
    bins = maps.class_breaks(metric, level)
    for code, index in zip(data[key], expected, strict=True):
        trace = located[code]
        assert trace.colorscale[0][1] == trace.colorscale[1][1] == bins[index].colour
        assert [f["properties"][key] for f in trace.geojson["features"]] == list(trace.locations)
    palette = {*maps.PALETTES[metric], maps.NO_DATA_COLOUR}
    assert {t.colorscale[0][1] for t in choropleths(fig)} <= palette


def test_no_target_desa_is_white(geo):
    fig = maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id")
    white = [t for t in choropleths(fig) if t.colorscale[0][1] == maps.NO_DATA_COLOUR]
    assert [list(t.locations) for t in white] == [[NO_TARGET]]


@pytest.mark.parametrize("lang, expected", [
    ("id", "<b>Celuk</b><br>Kecamatan: Sukawati<br>Cakupan: 12,5%<br>Terlindungi: 25<br>Sasaran: 200"
           "<br>Kesenjangan: 175"),
    ("en", "<b>Celuk</b><br>District (kecamatan): Sukawati<br>Coverage: 12.5%<br>Protected: 25"
           "<br>Target population: 200<br>Gap: 175"),
])
def test_hover_in_the_ui_language(geo, lang, expected):
    fig = maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", lang)
    hover = {loc: text for t in choropleths(fig) for loc, text in zip(t.locations, t.customdata)}
    assert hover[CELUK] == expected
    assert all(t.hovertemplate == "%{customdata}<extra></extra>" for t in choropleths(fig))


def test_hover_thousands_and_no_target(geo):
    frame = kecamatan_frame()
    fig = maps.make_choropleth(frame, geo["kecamatan"], "gap_workers", "id", level="kecamatan")
    hover = {loc: text for t in choropleths(fig) for loc, text in zip(t.locations, t.customdata)}
    assert "Sasaran: 2.400" in hover[SUKAWATI]  # 12 desa x 200
    assert "Kecamatan:" not in hover[SUKAWATI]  # the name is the kecamatan itself
    desa = maps.make_choropleth(desa_frame(), geo["desa"], "gap_workers", "en")
    text = {loc: t for tr in choropleths(desa) for loc, t in zip(tr.locations, tr.customdata)}[NO_TARGET]
    assert "Coverage: No target data" in text and "Gap: –" in text


@pytest.mark.parametrize("lang, expected", [("id", "Sasaran: 1.200 (kisaran 812–1.443)"),
                                             ("en", "Target population: 1,200 (range 812–1,443)")])
def test_hover_shows_the_estimates_range(geo, lang, expected):
    frame = desa_frame().assign(sasaran_workers=1200, sasaran_low=812, sasaran_high=1443)
    fig = maps.make_choropleth(frame, geo["desa"], "coverage_pct", lang)
    hover = {loc: text for t in choropleths(fig) for loc, text in zip(t.locations, t.customdata)}
    assert expected in hover[CELUK]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_legend_lists_every_class_even_empty_ones(geo, lang):
    frame = desa_frame().assign(protected_workers=60)  # everyone in the 50–99 class
    fig = maps.make_choropleth(frame, geo["desa"], "protected_workers", lang)
    labels = [b.label(lang) for b in maps.class_breaks("protected_workers")]
    texts = annotation_texts(fig)
    counts = [0, 0, len(frame), 0, 0, 0, 0]  # a count of protected workers needs no sasaran: all 70 here
    assert texts[1:1 + len(labels)] == [f"{label} ({n})" for label, n in zip(labels, counts, strict=True)]
    assert "Pekerja terlindungi" in texts[0] if lang == "id" else "Protected workers" in texts[0]
    swatches = [s.fillcolor for s in fig.layout.shapes][1:]
    assert swatches == [b.colour for b in maps.class_breaks("protected_workers")]
    assert not any(t.showlegend for t in fig.data)


def test_kecamatan_borders_drawn_over_the_desa(geo):
    fig = maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id", borders_geojson=geo["kecamatan"])
    (borders,) = lines(fig, "borders")
    assert list(fig.data).index(borders) > max(list(fig.data).index(t) for t in choropleths(fig))
    assert borders.hoverinfo == "skip"  # clicks go through to the desa
    lon = [x for x in borders.lon if x is not None]
    assert len(lon) > 500 and all(115.2 < x < 115.4 for x in lon)
    assert not lines(maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id"), "borders")


def test_selected_desa_is_outlined(geo):
    fig = maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id", selected=MAS)
    (outline,) = lines(fig, "selected")
    mas = next(f for f in geo["desa"]["features"] if f["id"] == MAS)
    ring = np.asarray(mas["geometry"]["coordinates"][0][0])
    assert set(zip(outline.lon, outline.lat)) - {(None, None)} == set(map(tuple, ring))
    for code in (None, "51.99.99.9999"):
        assert not lines(maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id", selected=code),
                         "selected")


@pytest.mark.parametrize("lang, text", [("id", "Batas wilayah: BPS, via OCHA HDX (cod-ab-idn), CC BY-IGO"),
                                        ("en", "Boundaries: BPS, via OCHA HDX (cod-ab-idn), CC BY-IGO")])
def test_attribution_on_the_figure(geo, lang, text):
    fig = maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", lang)
    assert annotation_texts(fig)[-1] == text == maps.attribution(lang)


def test_offline_white_background_and_zoom_kept_while_the_areas_stay(geo):
    fig = maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id")
    # SVG with no base layers: no tiles, coastlines or land from anywhere, only the figure's own areas.
    assert fig.layout.geo.visible is False and fig.layout.geo.projection.type == "mercator"
    assert fig.layout.geo.bgcolor == "#ffffff" and "map" not in fig.to_plotly_json()["layout"]
    other = maps.make_choropleth(desa_frame(), geo["desa"], "gap_workers", "en", selected=MAS)
    assert fig.layout.uirevision == other.layout.uirevision  # the reader's zoom survives
    sukawati = desa_frame()[lambda f: f["kode_kecamatan"] == SUKAWATI]
    refit = maps.make_choropleth(sukawati, geo["desa"], "coverage_pct", "id")
    kecamatan = maps.make_choropleth(kecamatan_frame(), geo["kecamatan"], "coverage_pct", "id", level="kecamatan")
    assert len({fig.layout.uirevision, refit.layout.uirevision, kecamatan.layout.uirevision}) == 3


def test_the_world_topojson_plotly_asks_for_is_served_by_the_app():
    # plotly.js fetches <topojsonURL>/world_110m.json for any geo map (scope world, resolution 110), from a
    # CDN unless told otherwise; the app serves an empty one through Streamlit's static serving.
    root = settings.ROOT
    config = tomllib.loads((root / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableStaticServing"] is True
    url = maps.PLOT_CONFIG["topojsonURL"]
    assert url.startswith("app/static/") and "//" not in url  # relative to the page: also under a proxy path
    topology = json.loads((root / "static" / url.removeprefix("app/static/") / "world_110m.json").read_text())
    assert topology["type"] == "Topology" and not any(o["geometries"] for o in topology["objects"].values())


def mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def to_pixels(lon: float, lat: float, fig, width: int) -> tuple[float, float]:
    """Where a point lands on a `width` px wide map of the figure: plotly fits the geo range box (Web Mercator)
    into the plot area, centred, at the scale of the side that binds."""
    (west, east), (south, north) = fig.layout.geo.lonaxis.range, fig.layout.geo.lataxis.range
    map_px = fig.layout.height - fig.layout.margin.b
    box_x, box_y = (east - west) / 360, (mercator(north) - mercator(south)) / (2 * math.pi)
    world = min(width / box_x, map_px / box_y)
    x = width / 2 + (lon - (west + east) / 2) / 360 * world
    y = map_px / 2 - (mercator(lat) - (mercator(north) + mercator(south)) / 2) / (2 * math.pi) * world
    return x, y


def bounds_on_screen(fig, width: int) -> tuple[float, float, float, float]:
    """Left, top, right, bottom pixel of everything the choropleth draws."""
    coords = [xy for t in choropleths(fig) for f in t.geojson["features"]
              for xy in np.asarray(shapely.geometry.shape(f["geometry"]).envelope.exterior.coords)]
    pixels = np.array([to_pixels(lon, lat, fig, width) for lon, lat in coords])
    return (*pixels.min(axis=0), *pixels.max(axis=0))


def legend_right_edge(fig) -> float:
    return max(shape.x1 for shape in fig.layout.shapes)


@pytest.mark.parametrize("width", [maps.MIN_WIDTH_PX, 700, 1100])
@pytest.mark.parametrize("kecamatan", [None, SUKAWATI, "51.04.07"])
def test_view_fits_every_area_beside_the_legend(geo, width, kecamatan):
    frame = desa_frame()
    if kecamatan:
        frame = frame[frame["kode_kecamatan"] == kecamatan]
    fig = maps.make_choropleth(frame, geo["desa"], "gap_workers", "id")
    left, top, right, bottom = bounds_on_screen(fig, width)
    assert legend_right_edge(fig) < left and right < width
    assert 0 < top and bottom < fig.layout.height - maps.MARGIN_B_PX
    assert bottom - top > 0.8 * (fig.layout.height - maps.MARGIN_B_PX) or right - left > 0.8 * (
        maps.MIN_WIDTH_PX - legend_right_edge(fig))  # fills the room it has, not a postage stamp


def test_filtered_frame_draws_and_fits_its_own_desa(geo):
    frame = desa_frame()
    sukawati = frame[frame["kode_kecamatan"] == SUKAWATI]
    fig = maps.make_choropleth(sukawati, geo["desa"], "coverage_pct", "id", borders_geojson=geo["kecamatan"])
    assert sorted(loc for t in choropleths(fig) for loc in t.locations) == sorted(sukawati["kode_desa"])
    (own,), (around,) = lines(fig, "borders"), lines(fig, "borders-around")
    assert own.line.color == maps.BORDER_COLOUR and around.line.color == maps.CONTEXT_COLOUR
    assert max(y for y in own.lat if y is not None) < -8.5 < max(y for y in around.lat if y is not None)
    whole = maps.make_choropleth(frame, geo["desa"], "coverage_pct", "id")
    span = lambda f: f.layout.geo.lonaxis.range[1] - f.layout.geo.lonaxis.range[0]  # noqa: E731
    assert span(fig) < span(whole)  # zoomed in on Sukawati
    assert sum(fig.layout.geo.lataxis.range) < sum(whole.layout.geo.lataxis.range)  # Sukawati is in the south


@pytest.mark.parametrize("level, frame", [("desa", desa_frame), ("kecamatan", kecamatan_frame)])
def test_payload_within_budget(geo, level, frame):
    fig = maps.make_choropleth(frame(), geo[level], "coverage_pct", "id", level=level,
                               borders_geojson=geo["kecamatan"], selected=MAS)
    assert maps.figure_json_bytes(fig) < 500_000  # the size budget for the map payload


@pytest.mark.parametrize("bad", [{"metric": "nik"}, {"level": "provinsi"}])
def test_rejects_unknown_metric_or_level(geo, bad):
    args = {"metric": "coverage_pct", "level": "desa"} | bad
    with pytest.raises(ValueError):
        maps.make_choropleth(desa_frame(), geo["desa"], args["metric"], "id", level=args["level"])


@pytest.mark.parametrize("level, province, expected", [
    ("desa", False, "kecamatan"), ("kecamatan", False, "kecamatan"), ("desa", True, "kecamatan"),
    ("kecamatan", True, "kabupaten"), ("kabupaten", True, None)])
def test_border_level(level, province, expected):
    assert maps.border_level(level, province) == expected


@pytest.mark.parametrize("level", ["desa", "kecamatan", "kabupaten"])
def test_click_hint_is_a_label(level):
    assert i18n.t(maps.click_hint(level), "id")


@pytest.mark.parametrize("kecamatan", [None, SUKAWATI])
def test_phone_map_fits_every_area_with_the_legend_below(geo, kecamatan):
    frame = desa_frame()
    if kecamatan:
        frame = frame[frame["kode_kecamatan"] == kecamatan]
    width, map_px = 358, 420  # a 390 px phone less the page's padding
    fig = maps.make_choropleth(frame, geo["desa"], "coverage_pct", "id", width=width, height=map_px,
                               legend_below=True, view="Seluruh Kabupaten Gianyar · per 20 November 2026")
    left, top, right, bottom = bounds_on_screen(fig, width)
    assert 0 < left and right < width and 0 < top and bottom < map_px
    assert fig.layout.height - fig.layout.margin.b == map_px  # the legend is in the margin under the map
    legend_rows = [s for s in fig.layout.shapes if s.yanchor == 0]
    assert legend_rows and all(s.y0 < 0 for s in legend_rows)  # below the map's bottom edge
    assert max(s.x1 for s in fig.layout.shapes) <= width
    assert any("Gianyar" in a.text for a in fig.layout.annotations)  # the legend names the view


def test_quantile_classes_separate_the_desa_present(geo):
    frame = desa_frame()  # coverage 0-69 % rising with the row
    values = maps.metric_values(frame, "coverage_pct")
    edges = maps.class_edges(values, "coverage_pct", "desa", "kuantil")
    classes = maps.classify(values, "coverage_pct", "desa", edges)
    sizes = classes[values > 0].value_counts()
    assert len(sizes) == 5 and sizes.max() - sizes.min() <= 2  # five classes of about 14 desa each
    assert maps.classify(values, "coverage_pct", "desa").value_counts().max() > 40  # fixed: most in "≥ 15 %"


def test_target_classes_are_shares_of_the_target():
    assert maps.class_edges([1, 2], "coverage_pct", "desa", "sasaran", target_pct=13.2) == (0.1, 3.3, 6.6, 9.9, 13.2)
    assert maps.class_edges([1, 2], "gap_workers", "desa", "sasaran", 13.2) == maps.BREAKS[("gap_workers", "desa")]
    with pytest.raises(ValueError):
        maps.class_edges([1], "coverage_pct", "desa", "equal")


def test_legend_counts_areas_and_those_outside_classes(geo):
    frame = desa_frame()
    frame.loc[frame["kode_desa"] == MAS, "protected_workers"] = -3  # no class holds a negative count
    fig = maps.make_choropleth(frame, geo["desa"], "protected_workers", "en")
    texts = annotation_texts(fig)
    assert "Outside classes (1)" in texts
    counted = sum(int(t.rsplit("(", 1)[1].rstrip(")")) for t in texts if t.endswith(")") and "(" in t
                  and t.rsplit("(", 1)[1].rstrip(")").isdigit())
    assert counted == 70


def test_kecamatan_named_always_desa_where_they_fit(geo):
    kecamatan = maps.make_choropleth(kecamatan_frame(), geo["kecamatan"], "coverage_pct", "id", level="kecamatan")
    assert set(names(kecamatan)) == set(kecamatan_frame()["kecamatan"])
    desa = maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id")
    assert 0 < len(names(desa)) < 70  # the big desa, not a tangle of 70 names
    wide = maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id", width=1100, height=900)
    assert len(names(wide)) > len(names(desa))
    (labels,) = lines(desa, "labels")
    assert labels.mode == "text" and labels.hoverinfo == "skip"  # a click on a name reaches the desa
    names_of = dict(zip(desa_frame()["kode_desa"], desa_frame()["desa"]))
    for code, name, lon, lat in zip(labels.customdata, labels.text, labels.lon, labels.lat, strict=True):
        assert names_of[code] == name  # each name on its own desa
        area = next(f for f in geo["desa"]["features"] if f["properties"]["kode_desa"] == code)
        assert shapely.geometry.shape(area["geometry"]).contains(shapely.Point(lon, lat))
    assert not lines(maps.make_choropleth(desa_frame(), geo["desa"], "coverage_pct", "id", names=False), "labels")


def names(fig) -> list[str]:
    """The area names written on the map (its text trace)."""
    return [text for trace in lines(fig, "labels") for text in trace.text]
