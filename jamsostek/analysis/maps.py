"""Choropleth maps of desa, kecamatan and kabupaten: fixed colour classes, an offline SVG figure (plotly `geo`,
no tiles, no WebGL), hover in the UI language."""

from __future__ import annotations

import hashlib
import math
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry import shape

from jamsostek import i18n
from jamsostek.analysis import funnel
from jamsostek.sasaran import show

# plotly's geo subplot asks for a world topojson for every map, even one with no base layers (visible False),
# from a CDN by default: the app serves an empty one itself (static/topojson, Streamlit's static serving),
# relative to the page so it also works under a proxy's path. Every st.plotly_chart of a map passes this.
PLOT_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False, "scrollZoom": False}

METRICS = ("coverage_pct", "gap_workers", "protected_workers", "usulan_enrolled_workers")
LEVELS = {"desa": "kode_desa", "kecamatan": "kode_kecamatan"}  # the levels of a regency's maps
# A province adds its kabupaten/kota; the other map screens (meetings, plans) stay at desa and kecamatan.
KEYS = LEVELS | {"kabupaten": "kode_kabupaten"}
NAME_COLUMNS = {"desa": "desa", "kecamatan": "kecamatan", "kabupaten": "kabupaten"}
METRIC_LABELS = {"coverage_pct": "map.metric.coverage", "gap_workers": "map.metric.gap",
                 "protected_workers": "map.metric.protected", "usulan_enrolled_workers": "map.metric.usulan"}
# An area without a figure: no sasaran (coverage, gap), no candidate proposed yet (the usulan measure).
NO_DATA_LABELS = {"usulan_enrolled_workers": "map.no_data_usulan"}
# The usulan funnel's counts a map frame may carry (usulan.shown.with_funnel), in the hover when present.
FUNNEL_COLUMNS = ("proposed_workers", "verified_workers", "registered_workers", "usulan_enrolled_workers")

# Fixed class edges per metric and level. Fixed, not quantiles of today's data: two maps of different
# dates (or filters) then use the same colour for the same value and can be compared side by side.
# Each tuple lists the lower edges of the classes above the "exactly 0" class. Tuned on the sample
# (desa coverage 0.1-4 % at the launch, 1.4-13.2 % a year later, target 13,200 of ~100k sasaran = 13 %).
BREAKS: dict[tuple[str, str], tuple[float, ...]] = {
    ("coverage_pct", "desa"): (0.1, 2.5, 5, 10, 15),
    ("coverage_pct", "kecamatan"): (0.1, 2.5, 5, 10, 15),
    ("gap_workers", "desa"): (1, 500, 1_000, 1_500, 2_000),
    ("gap_workers", "kecamatan"): (1, 5_000, 10_000, 15_000, 20_000),
    ("protected_workers", "desa"): (1, 50, 100, 150, 200),
    ("protected_workers", "kecamatan"): (1, 500, 1_000, 1_500, 2_000),
    # A kabupaten is about ten kecamatan: Gianyar's sasaran is ~100k, its 2026 target 13,200.
    ("coverage_pct", "kabupaten"): (0.1, 2.5, 5, 10, 15),
    ("gap_workers", "kabupaten"): (1, 25_000, 50_000, 75_000, 100_000),
    ("protected_workers", "kabupaten"): (1, 2_500, 5_000, 10_000, 15_000),
    # Candidates enrolled through the usulan funnel: a round is tens of people per desa.
    ("usulan_enrolled_workers", "desa"): (1, 10, 25, 50, 100),
    ("usulan_enrolled_workers", "kecamatan"): (1, 50, 100, 250, 500),
    ("usulan_enrolled_workers", "kabupaten"): (1, 250, 500, 1_000, 2_500),
}
# A plan's before/after maps reach far above today's 15 %: both drawn in these wider classes when the
# after map would otherwise be one colour (the same scheme on both, so they still compare honestly).
PLAN_COVERAGE_BREAKS = (0.1, 5, 10, 25, 50)
# Coverage is shown and classed at one decimal (so a desa shown as "5,0%" is in the 5–9,9 class).
DECIMALS = {"coverage_pct": 1, "gap_workers": 0, "protected_workers": 0, "usulan_enrolled_workers": 0}

# ColorBrewer ramps, picked so any two classes differ by 10 L* or more (they stay apart when printed in
# greyscale) and by a CIE76 difference of 12 or more under protan, deutan and tritan simulation
# (tests/test_maps.py checks both). Coverage reads as shortfall: the empty and low classes are the dark
# reds of ColorBrewer Reds, lightening towards the target, and the class at or above it is a light green.
# The gap is darker where more workers are missing (Oranges); protected workers count up in Blues.
PALETTES = {
    "coverage_pct": ("#67000d", "#a50f15", "#de2d26", "#fb6a4a", "#fcae91", "#c7e9c0"),  # Reds, then green
    "gap_workers": ("#fdd0a2", "#fd8d3c", "#f16913", "#d94801", "#a63603", "#7f2704"),  # Oranges
    "protected_workers": ("#c6dbef", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"),  # Blues
    # Purples, the lightest nudged darker (#e0ddee) to stay apart from no-data white in grey and tritan.
    "usulan_enrolled_workers": ("#e0ddee", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#3f007d"),
}
# How the class edges are chosen (the page offers them; the URL key `kelas` keeps the choice):
# fixed (comparable across dates), quantiles of the areas drawn (separates the desa present), or
# shares of the coverage target (25 %, 50 %, 75 %, 100 % of it; coverage only).
CLASS_MODES = ("sasaran", "tetap", "kuantil")  # the first is the default where it applies
TARGET_SHARES = (0.25, 0.5, 0.75, 1.0)
QUANTILES = (0.2, 0.4, 0.6, 0.8)
OUTSIDE_COLOUR = "#bdbdbd"  # an area whose value falls in no class (counted in the legend, as DHIS2 does)
NO_DATA_COLOUR = "#ffffff"
OUTLINE_COLOUR = "#737373"  # desa edges: visible on white (no data) and on the darkest class
BORDER_COLOUR = "#000000"  # kecamatan borders drawn over the desa
CONTEXT_COLOUR = "#9e9e9e"  # borders of kecamatan outside the filter
SELECTED_COLOUR = "#000000"
HEIGHT_PX = 640
MIN_WIDTH_PX = 520  # narrowest map the page gives (3:2 columns on a 1280 px screen); wider only adds room
MARGIN_B_PX = 28  # room under the map for the attribution line
MAX_ZOOM = 14
LEGEND_X_PX = 6
LEGEND_ROW_PX = 24
LEGEND_CHAR_PX = 8  # rough width of a 14 px character, to size the legend box
# Above this many areas (a province's 716 desa) the areas are a few pixels wide: thinner lines keep the
# colours readable instead of a tangle of outlines. Gianyar's 70 desa keep the wider lines.
DENSE_AREAS = 200
LINE_WIDTHS = {False: {"area": 0.6, "no_data": 1.2, "border": 1.8}, True: {"area": 0.3, "no_data": 0.4, "border": 1.0}}


@dataclass(frozen=True)
class Bin:
    """One colour class: values v with lower <= v < upper (upper None = no limit); lower None = no data."""

    lower: float | None
    upper: float | None
    colour: str
    decimals: int = 0
    unit: str = ""
    no_data_key: str = "map.no_data"  # what "no figure" means for the measure (NO_DATA_LABELS)

    @property
    def is_no_data(self) -> bool:
        """True for the class of desa without a figure (no sasaran for coverage or gap)."""
        return self.lower is None

    def contains(self, value: float) -> bool:
        """Whether a value (already rounded to the shown precision) falls in this class."""
        if self.is_no_data:
            return i18n.is_missing(value)
        if i18n.is_missing(value):
            return False
        return self.lower <= value and (self.upper is None or value < self.upper)

    def label(self, lang: str = "id") -> str:
        """Legend text, e.g. '5–9,9 %', '≥ 40 %', '100–249', 'Tidak ada data'."""
        if self.is_no_data:
            return i18n.t(self.no_data_key, lang)
        low = self._fmt(self.lower, lang)
        if self.upper is None:
            return f"≥ {low}{self.unit}"
        high = self._fmt(self.upper - 10 ** -self.decimals, lang)
        return f"{low}{self.unit}" if low == high else f"{low}–{high}{self.unit}"

    def _fmt(self, value: float, lang: str) -> str:
        # Whole numbers without decimals ("5", not "5,0"); the class top keeps them ("9,9").
        digits = 0 if float(value).is_integer() else self.decimals
        return i18n.fmt_num(value, lang, digits)


def class_breaks(metric: str, level: str = "desa", breaks: tuple[float, ...] | None = None) -> list[Bin]:
    """The classes of a metric: 'exactly 0', the ranges from the lower edges (BREAKS, or `breaks`), 'no data' last.

    Fewer than five ranges (quantiles of few distinct values) take colours spread over the whole ramp."""
    _check(metric, level)
    edges = (0, *(breaks or BREAKS[(metric, level)]))
    uppers = (*edges[1:], None)
    unit = "%" if metric == "coverage_pct" else ""  # as CLDR writes a percentage: "2,5–4,9%"
    palette = PALETTES[metric]
    picks = [0, *np.linspace(1, len(palette) - 1, len(edges) - 1).round().astype(int)] if len(edges) > 1 else [0]
    bins = [Bin(lo, hi, palette[pick], DECIMALS[metric], unit)
            for lo, hi, pick in zip(edges, uppers, picks, strict=True)]
    return bins + [Bin(None, None, NO_DATA_COLOUR, no_data_key=NO_DATA_LABELS.get(metric, "map.no_data"))]


def class_edges(values: Iterable, metric: str, level: str = "desa", mode: str = "tetap",
                target_pct: float | None = None) -> tuple[float, ...]:
    """Lower edges of the ranges above 'exactly 0' for a class mode (see CLASS_MODES).

    Quantile edges come from the positive values present, at the shown precision, so the classes split
    the areas drawn; 'sasaran' is for coverage with a target and falls back to the fixed edges otherwise."""
    _check(metric, level)
    if mode not in CLASS_MODES:
        raise ValueError(f"class mode must be one of {CLASS_MODES}, got {mode!r}")
    fixed = BREAKS[(metric, level)]
    least = 10 ** -DECIMALS[metric]
    if mode == "sasaran":
        if metric != "coverage_pct" or not target_pct or target_pct <= 0:
            return fixed
        return tuple(sorted({least, *(round(target_pct * share, DECIMALS[metric]) for share in TARGET_SHARES)}))
    if mode == "tetap":
        return fixed
    positive = pd.Series(values, dtype="float64").round(DECIMALS[metric])
    positive = positive[positive > 0]
    if positive.empty:
        return fixed
    cuts = positive.quantile(list(QUANTILES)).round(DECIMALS[metric])
    return tuple(sorted({least, *(float(c) for c in cuts if c > least)}))
OUTSIDE = -1  # classify(): the value falls in no class (e.g. a negative count)


def classify(values: Iterable, metric: str, level: str = "desa", breaks: tuple[float, ...] | None = None
             ) -> pd.Series:
    """Index into class_breaks() of each value, after rounding to the shown precision (NaN -> 'no data',
    OUTSIDE for a value no class holds)."""
    bins = class_breaks(metric, level, breaks)
    rounded = pd.Series(values, dtype="float64").round(DECIMALS[metric])
    found = [next((i for i, b in enumerate(bins) if b.contains(v)), OUTSIDE) for v in rounded]
    return pd.Series(found, index=rounded.index, dtype="int64")


def metric_values(frame: pd.DataFrame, metric: str) -> pd.Series:
    """The metric per row, NaN where it has no meaning: coverage or gap of an area without sasaran, the
    candidates enrolled of an area nobody was proposed in (a frame without the funnel's columns: none)."""
    if metric in FUNNEL_COLUMNS:
        if metric not in frame:
            return pd.Series(math.nan, index=frame.index)
        return frame[metric].astype("float64").where(frame["proposed_workers"] > 0)
    values = frame[metric].astype("float64")
    if metric in ("coverage_pct", "gap_workers") and "sasaran_workers" in frame:
        values = values.where(frame["sasaran_workers"].astype("float64") > 0)
    return values


def make_choropleth(frame: pd.DataFrame, geojson: dict, metric: str, lang: str = "id", *,
                    level: str = "desa", borders_geojson: dict | None = None,
                    selected: str | None = None, height: int = HEIGHT_PX,
                    breaks: tuple[float, ...] | None = None, width: int = MIN_WIDTH_PX,
                    legend_below: bool = False, classes: str = "tetap", target_pct: float | None = None,
                    view: str | None = None, names: bool = True) -> go.Figure:
    """Choropleth of the frame's rows (one per desa, kecamatan or kabupaten), offline (no tiles).

    Classes: `breaks` (five lower edges) if given, else the `classes` mode (CLASS_MODES). The legend counts
    the areas in each class and names the `view`; beside the map, or under it (`legend_below`, phones) so
    it never covers an area. The view fits every area into a map at least `width` px wide."""
    _check(metric, level)
    key = KEYS[level]
    frame = frame.sort_values(key).reset_index(drop=True)
    features = {f["properties"][key]: _slim(f, key) for f in geojson["features"]}
    frame = frame[frame[key].isin(features)].reset_index(drop=True)
    values = metric_values(frame, metric)
    edges = breaks or class_edges(values, metric, level, classes, target_pct)
    classes_of = classify(values, metric, level, edges)
    hover = hover_texts(frame, lang, level)
    bins = class_breaks(metric, level, edges)
    dense = len(frame) > DENSE_AREAS
    widths = LINE_WIDTHS[dense]
    colours = [*(b.colour for b in bins), OUTSIDE_COLOUR]  # OUTSIDE (-1) picks the last
    traces = [class_trace(frame[classes_of == index], hover[classes_of == index], features, key, index,
                           colours[index], bin_.label(lang), widths["no_data" if bin_.is_no_data else "area"])
              for index, bin_ in enumerate(bins)]
    if (classes_of == OUTSIDE).any():
        traces.append(class_trace(frame[classes_of == OUTSIDE], hover[classes_of == OUTSIDE], features, key,
                                  OUTSIDE, OUTSIDE_COLOUR, i18n.t("map.outside", lang), widths["area"]))
    if borders_geojson is not None:
        # Kecamatan (or kabupaten) around the ones drawn (a filtered view) are context only: thin and grey.
        border_key = next(k for k in ("kode_kecamatan", "kode_kabupaten")
                          if k in borders_geojson["features"][0]["properties"])
        shown = set(frame.get(border_key, pd.Series(dtype=str)))
        around = [f for f in borders_geojson["features"] if f["properties"][border_key] not in shown]
        inside = [f for f in borders_geojson["features"] if f["properties"][border_key] in shown]
        if around:
            traces.append(line_trace(outline(around), CONTEXT_COLOUR, 1, "borders-around"))
        if inside:
            traces.append(line_trace(outline(inside), BORDER_COLOUR, widths["border"], "borders"))
    if selected in features:
        # A white halo under a black line: the outline reads on dark and light classes, also in greyscale.
        lines = outline([features[selected]])
        traces += [line_trace(lines, "#ffffff", 6, "selected-halo"), line_trace(lines, SELECTED_COLOUR, 3, "selected")]
    counts = classes_of.value_counts()
    rows = [(b.colour, f"{b.label(lang)} ({int(counts.get(i, 0))})") for i, b in enumerate(bins)]
    if counts.get(OUTSIDE, 0):
        rows.append((OUTSIDE_COLOUR, f"{i18n.t('map.outside', lang)} ({int(counts[OUTSIDE])})"))
    title = i18n.t(METRIC_LABELS[metric], lang)
    legend = Legend(title, rows, view)
    shown_features = [features[c] for c in frame[key]] or list(features.values())
    if legend_below:
        shapes, annotations, legend_px = legend.below(width)
        map_px = height
        center, zoom = fit_view(shown_features, map_px, width=width)
    else:
        shapes, annotations, legend_px = legend.beside()
        map_px = height - MARGIN_B_PX
        # The view leaves the legend's strip free on the left (or, for a wide area such as a province, the band
        # under it, whichever draws the areas larger), so the legend never covers a desa.
        center, zoom = fit_view(shown_features, map_px, width=width, left_px=LEGEND_X_PX + legend.width() + 10,
                                top_px=legend.height() + 12)
    margin_b = (legend_px if legend_below else 0) + MARGIN_B_PX
    if names and not dense:
        fills = dict(zip(frame[key], (colours[i] for i in classes_of)))
        labels = name_labels(frame, features, key, NAME_COLUMNS[level], fills, zoom, always=level != "desa")
        if labels:
            traces.append(labels)
    annotations.append({"text": attribution(lang), "showarrow": False, "xref": "paper", "yref": "paper",
                        "x": 1, "y": 0, "xanchor": "right", "yanchor": "top",
                        "yshift": -4 - (legend_px if legend_below else 0),
                        "font": {"size": 12, "color": "#444444"}})
    # One Figure(...) call with plain dicts: plotly validates everything once, not again on every add_*.
    return go.Figure(data=traces, layout={
        "geo": geo_view(center, zoom, width, map_px),
        "height": map_px + margin_b, "margin": {"l": 0, "r": 0, "t": 0, "b": margin_b},
        "uirevision": view_revision(level, frame[key]),
        # Names are drawn for this view: a regency's map stays put (every area is in it already), so a
        # phone scrolls the page instead of the map; a province's many small areas can be panned and zoomed.
        "dragmode": "pan" if dense else False,
        "separators": i18n.plotly_separators(lang), "paper_bgcolor": "#ffffff",
        "font": {"size": 14, "color": "#222222"},
        "hoverlabel": {"bgcolor": "#ffffff", "font": {"size": 14, "color": "#222222"}, "align": "left"},
        "shapes": shapes, "annotations": annotations,
    })


LABEL_FONT_PX = 11
LABEL_CHAR_PX = 6.2  # average width of an 11 px character
DARK_FILL_LIGHTNESS = 0.35  # relative luminance under which a name is written in white


def name_labels(frame: pd.DataFrame, features: dict, key: str, name_column: str, fills: dict, zoom: float, *,
                always: bool) -> dict | None:
    """A text trace naming the areas at the centre of their largest inscribed circle, for a map at `zoom`.

    `always` names every area (kecamatan, kabupaten); otherwise an area is named only where its name fits
    inside it and does not touch a name already placed (the desa that are big enough on this map). The
    names sit at their lon/lat, so they stay on their areas however wide the page draws the map."""
    lon_per_px = 360 / (512 * 2 ** zoom)
    placed: list = []
    lon, lat, text, colour, codes = [], [], [], [], []
    for code, name in zip(frame[key], frame[name_column]):
        polygon = shape(features[code]["geometry"])
        point = shapely.get_point(shapely.maximum_inscribed_circle(polygon, 1e-4), 0)
        half_w, half_h = len(str(name)) * LABEL_CHAR_PX / 2, LABEL_FONT_PX * 0.65
        box = shapely.box(point.x - half_w * lon_per_px, point.y - half_h * lon_per_px,
                          point.x + half_w * lon_per_px, point.y + half_h * lon_per_px)
        if not always and (not polygon.contains(box) or any(box.intersects(other) for other in placed)):
            continue
        placed.append(box)
        lon.append(round(point.x, 5))
        lat.append(round(point.y, 5))
        text.append(str(name))
        codes.append(code)
        dark = _luminance(fills.get(code, NO_DATA_COLOUR)) < DARK_FILL_LIGHTNESS
        colour.append("#ffffff" if dark else "#111111")
    if not text:
        return None
    # No hover and no click (hoverinfo skip): a click on a name reaches the area under it.
    return {"type": "scattergeo", "mode": "text", "name": "labels", "lon": lon, "lat": lat, "text": text,
            "customdata": codes, "textposition": "middle center", "hoverinfo": "skip", "showlegend": False,
            "textfont": {"size": LABEL_FONT_PX + (1 if always else 0), "color": colour,
                         "weight": 600 if always else 400}}


def _luminance(colour: str) -> float:
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def map_levels(province: bool, kecamatan_filtered: bool = False) -> list[str]:
    """Levels the Peta page offers: a regency desa, kecamatan; a province drills kabupaten -> kecamatan -> desa.

    With a kecamatan filter a kabupaten would be coloured by one kecamatan's figures, so it is not offered."""
    if not province:
        return list(LEVELS)
    return ["kecamatan", "desa"] if kecamatan_filtered else ["kabupaten", "kecamatan", "desa"]


def border_level(level: str, province: bool) -> str | None:
    """Lines drawn over the areas: kecamatan over desa; in a province kabupaten over kecamatan, none over kabupaten."""
    return {"desa": "kecamatan", "kecamatan": "kabupaten" if province else "kecamatan", "kabupaten": None}[level]


def click_hint(level: str, clickable: bool = False) -> str:
    """Label key of the hint shown beside the map before an area is opened (a clickable kecamatan drills in)."""
    kecamatan = "map.tap_kecamatan" if clickable else "map.click_hint_kecamatan"
    return {"desa": "map.click_hint", "kecamatan": kecamatan, "kabupaten": "map.click_hint_kabupaten"}[level]


def _slim(feature: dict, key: str) -> dict:
    # Only the code is needed in the browser (hover comes from customdata): names would add ~15 % to the payload.
    return {"type": "Feature", "id": feature.get("id"), "properties": {key: feature["properties"][key]},
            "geometry": feature["geometry"]}


def class_trace(rows: pd.DataFrame, hover: pd.Series, features: dict, key: str, index: int, colour: str,
                 name: str, line_width: float) -> dict:
    """One choropleth trace drawing the rows of one colour class."""
    # Each class is its own trace (one colour, one legend row) holding only its own features, so the
    # geometry is sent once in total, not once per trace. Also used by map_compare's change map.
    return {
        "type": "choropleth", "name": name, "showlegend": False,
        "geojson": {"type": "FeatureCollection", "features": [features[c] for c in rows[key]]},
        "featureidkey": f"properties.{key}", "locations": list(rows[key]), "z": [index] * len(rows),
        "colorscale": [[0, colour], [1, colour]], "showscale": False,
        # No-data areas are white like the page: a darker, wider edge keeps them visible.
        "marker": {"line": {"color": OUTLINE_COLOUR, "width": line_width}},
        # Selection (a click) must not fade the other areas: the outline shows what is selected.
        "selected": {"marker": {"opacity": 1}}, "unselected": {"marker": {"opacity": 1}},
        "customdata": list(hover), "hovertemplate": "%{customdata}<extra></extra>",
    }


def view_revision(level: str, codes: Iterable[str]) -> str:
    """plotly uirevision: the same while the same areas are drawn, so a reader's zoom survives reruns
    (another measure, a click), and new when the areas change (a kecamatan filter), so the view refits."""
    digest = hashlib.sha1(",".join(sorted(codes)).encode()).hexdigest()[:10]
    return f"peta-{level}-{digest}"


def legend_width(title: str, labels: list[str]) -> int:
    """Width in pixels of the legend box for these texts (estimated from their length)."""
    # The title is bold, so a little wider per character; swatch and gap take the room of 3 characters.
    return 20 + max(round(len(title) * LEGEND_CHAR_PX * 1.15), *(LEGEND_CHAR_PX * (len(lb) + 3) for lb in labels))


NOTE_CHARS = 26  # the view line under the legend's title wraps at about this many characters
NOTE_ROW_PX = 18
SWATCH_PX = 18


@dataclass(frozen=True)
class Legend:
    """A map legend drawn with shapes and annotations: every class listed with its swatch, even empty ones.

    Not plotly's legend: that one drops classes nobody falls in (the classes are fixed, so the legend must
    not change with the data) and draws the white "no data" swatch invisibly. `note` (the view shown) is a
    smaller line under the title, so a screenshot of the map says what it shows."""

    title: str
    rows: list[tuple[str, str]]  # (colour, text)
    note: str | None = None

    def _note_lines(self, chars: int = NOTE_CHARS) -> list[str]:
        return textwrap.wrap(self.note, chars) if self.note else []

    def width(self) -> int:
        """Width in pixels of the box beside the map."""
        return legend_width(self.title, [text for _, text in self.rows] + self._note_lines())

    def height(self) -> int:
        """Height in pixels of the box beside the map (with the gap above it)."""
        return LEGEND_ROW_PX * (len(self.rows) + 1) + NOTE_ROW_PX * len(self._note_lines()) + 8 + 6

    def beside(self) -> tuple[list[dict], list[dict], int]:
        """(shapes, annotations, height) of the box in the map's top-left corner."""
        left, width = LEGEND_X_PX, self.width()
        shapes = [_box(1) | {"x0": left, "x1": left + width, "y0": -6, "y1": -self.height(),
                             "fillcolor": "#ffffff", "line": {"color": "#9e9e9e", "width": 1}}]
        annotations = [_legend_text(f"<b>{self.title}</b>", left + 10, -12)]
        top = -12
        for line in self._note_lines():
            top -= NOTE_ROW_PX
            annotations.append(_legend_text(line, left + 10, top + 2, size=12))
        for colour, text in self.rows:
            top -= LEGEND_ROW_PX
            shapes.append(_swatch(1, left + 10, top - 2, colour))
            annotations.append(_legend_text(text, left + 36, top))
        return shapes, annotations, self.height()

    def below(self, width: int) -> tuple[list[dict], list[dict], int]:
        """(shapes, annotations, height) of the legend under the map, in one or two columns across `width` px."""
        widest = max(LEGEND_CHAR_PX * (len(text) + 3) for _, text in self.rows)
        columns = 2 if 2 * widest + 24 <= width else 1
        per_column = -(-len(self.rows) // columns)
        notes = self._note_lines(max(20, int((width - 16) / LEGEND_CHAR_PX)))
        annotations = [_legend_text(f"<b>{self.title}</b>", 8, -8, bottom=True)]
        top = -8
        for line in notes:
            top -= NOTE_ROW_PX
            annotations.append(_legend_text(line, 8, top + 2, size=12, bottom=True))
        shapes = []
        column_px = (width - 8) // columns
        for i, (colour, text) in enumerate(self.rows):
            x = 8 + column_px * (i // per_column)
            y = top - LEGEND_ROW_PX * (1 + i % per_column)
            shapes.append(_swatch(0, x, y - 2, colour))
            annotations.append(_legend_text(text, x + 26, y, bottom=True))
        height = -top + LEGEND_ROW_PX * (per_column + 1) + 8
        return shapes, annotations, height


def _box(anchor: float) -> dict:
    return {"type": "rect", "xref": "paper", "yref": "paper", "xsizemode": "pixel", "ysizemode": "pixel",
            "xanchor": 0, "yanchor": anchor}


def _swatch(anchor: float, x_px: int, top_px: int, colour: str) -> dict:
    return _box(anchor) | {"x0": x_px, "x1": x_px + SWATCH_PX, "y0": top_px, "y1": top_px - SWATCH_PX,
                           "fillcolor": colour, "line": {"color": "#404040", "width": 1}}


def _legend_text(text: str, x_px: int, y_px: int, size: int = 14, bottom: bool = False) -> dict:
    # Beside the map: offsets from the paper's top-left corner; below it: from its bottom-left corner.
    return {"text": text, "xref": "paper", "yref": "paper", "x": 0, "y": 0 if bottom else 1, "xanchor": "left",
            "yanchor": "top", "xshift": x_px, "yshift": y_px, "showarrow": False, "align": "left",
            "font": {"size": size, "color": "#222222"}}


def hover_texts(frame: pd.DataFrame, lang: str, level: str = "desa") -> pd.Series:
    """One hover text per row: name (and kecamatan), coverage, protected, sasaran and gap, in `lang`."""
    def text(row) -> str:
        lines = [f"<b>{row[NAME_COLUMNS[level]]}</b>"]
        if level == "desa":
            lines.append(f"{i18n.t('col.kecamatan', lang)}: {row['kecamatan']}")
        if level != "kabupaten" and "kabupaten" in row:
            lines.append(f"{i18n.t('col.kabupaten', lang)}: {row['kabupaten']}")
        sasaran = row.get("sasaran_workers", math.nan)
        has_target = not i18n.is_missing(sasaran) and sasaran > 0
        lines += [
            f"{i18n.t('metric.coverage', lang)}: "
            + (i18n.fmt_pct(row["coverage_pct"], lang) if has_target else i18n.t("map.no_data", lang)),
            f"{i18n.t('col.protected', lang)}: {i18n.fmt_int(row['protected_workers'], lang)}",
            f"{i18n.t('col.sasaran', lang)}: {show.with_range(row, lang)}",
            f"{i18n.t('col.gap', lang)}: {i18n.fmt_int(row['gap_workers'] if has_target else math.nan, lang)}",
        ]
        if all(c in row for c in FUNNEL_COLUMNS):  # the map of the usulan measure: the funnel in one line
            found = dict(zip(funnel.STAGES, (int(row[c]) for c in FUNNEL_COLUMNS)))
            lines.append(f"{i18n.t('funnel.panel.heading', lang)}: {funnel.line(found, lang)}")
        return "<br>".join(lines)

    return frame.apply(text, axis=1) if len(frame) else pd.Series([], dtype="object")


def attribution(lang: str = "id") -> str:
    """Credit line of the boundary data in the UI language."""
    return i18n.t("map.attribution", lang)


def fit_view(features: list[dict], height: int = HEIGHT_PX, *, width: int = MIN_WIDTH_PX, left_px: int = 0,
             top_px: int | None = None, padding: float = 0.92) -> tuple[dict, float]:
    """Map centre and zoom showing all features in a `width` x `height` px map, right of a `left_px` strip
    (or, when `top_px` is given and that draws them larger, below a `top_px` band)."""
    west, south, east, north = shapely.total_bounds([shape(f["geometry"]) for f in features])
    # Spans as fractions of the world's width in Web Mercator, a world of 512 px at zoom 0 (web maps' zoom).
    span_y = abs(_mercator_y(north) - _mercator_y(south)) / (2 * math.pi)
    span_x = float(east - west) / 360

    def zoom_for(room_x: float, room_y: float) -> float:
        fraction = max(span_y / (room_y * padding), span_x / (room_x * padding), 1e-9)
        return min(math.log2(1 / (512 * fraction)), MAX_ZOOM)

    zoom, below = zoom_for(width - left_px, height), False
    if top_px is not None and zoom_for(width, height - top_px) > zoom + 0.05:  # clearly larger, or keep the strip
        zoom, below = zoom_for(width, height - top_px), True
    # The page is at least `width` wide (wider only adds room): centre the features in the part right of
    # the strip, i.e. put the map centre left_px / 2 pixels west of the features' centre (or top_px / 2 north).
    world_px = 512 * 2 ** zoom
    lon = float(west + east) / 2 - (0 if below else left_px / 2 / world_px * 360)
    lat = float(south + north) / 2
    if below:
        mid_y = (_mercator_y(north) + _mercator_y(south)) / 2 + top_px / 2 / world_px * 2 * math.pi
        lat = math.degrees(2 * math.atan(math.exp(mid_y)) - math.pi / 2)
    return {"lon": round(lon, 5), "lat": round(lat, 5)}, round(zoom, 2)


def geo_view(center: dict, zoom: float, width: int, map_px: int) -> dict:
    """The plotly `geo` subplot showing what a `width` x `map_px` px Web Mercator map at `center` and `zoom`
    shows: its lon/lat range box, which plotly fits into the plot area (a wider page only adds room at the
    sides). Drawn in SVG with no base layers (no coastlines, land or tiles): only the figure's own areas."""
    world = 512 * 2 ** zoom
    half_lon = width / 2 / world * 360
    mid_y, half_y = _mercator_y(center["lat"]), map_px / 2 / world * 2 * math.pi
    south, north = (math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2) for y in (mid_y - half_y, mid_y + half_y))
    return {"visible": False, "bgcolor": "#ffffff", "projection": {"type": "mercator"},
            "lonaxis": {"range": [round(center["lon"] - half_lon, 5), round(center["lon"] + half_lon, 5)]},
            "lataxis": {"range": [round(south, 5), round(north, 5)]}}


def figure_json_bytes(fig: go.Figure) -> int:
    """Size in bytes of the figure's JSON, about what the browser receives."""
    return len(fig.to_json().encode("utf-8"))


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def outline(features: list[dict]) -> list[np.ndarray]:
    """The areas' boundaries as lines (coordinate arrays)."""
    # Union of the boundaries, merged into lines: a border shared by two areas is drawn once.
    rings = shapely.union_all([shape(f["geometry"]).boundary for f in features])
    merged = shapely.line_merge(rings) if rings.geom_type == "MultiLineString" else rings
    return [np.asarray(line.coords) for line in getattr(merged, "geoms", [merged])]


def line_trace(lines: list[np.ndarray], colour: str, width: float, name: str) -> dict:
    """One scattergeo trace drawing the lines (borders, the selected outline)."""
    # Lines joined with None gaps: one trace, no hover and no click (hoverinfo skip), so clicks reach the desa.
    lon: list = []
    lat: list = []
    for coords in lines:
        lon += [round(float(x), 5) for x in coords[:, 0]] + [None]
        lat += [round(float(y), 5) for y in coords[:, 1]] + [None]
    return {"type": "scattergeo", "lon": lon, "lat": lat, "mode": "lines", "name": name,
            "line": {"color": colour, "width": width}, "hoverinfo": "skip", "showlegend": False}


def _check(metric: str, level: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {METRICS}, got {metric!r}")
    if level not in KEYS:
        raise ValueError(f"level must be one of {list(KEYS)}, got {level!r}")
