"""Choropleth maps of desa, kecamatan and kabupaten: fixed colour classes, offline MapLibre figure, hover in the UI language."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry import shape

from jamsostek import i18n
from jamsostek.geo import boundaries
from jamsostek.sasaran import show

METRICS = ("coverage_pct", "gap_workers", "protected_workers")
LEVELS = {"desa": "kode_desa", "kecamatan": "kode_kecamatan"}  # the levels of a regency's maps
# A province adds its kabupaten/kota; the other map screens (meetings, plans) stay at desa and kecamatan.
KEYS = LEVELS | {"kabupaten": "kode_kabupaten"}
NAME_COLUMNS = {"desa": "desa", "kecamatan": "kecamatan", "kabupaten": "kabupaten"}
METRIC_LABELS = {"coverage_pct": "map.metric.coverage", "gap_workers": "map.metric.gap",
                 "protected_workers": "map.metric.protected"}

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
}
# A plan's before/after maps reach far above today's 15 %: both drawn in these wider classes when the
# after map would otherwise be one colour (the same scheme on both, so they still compare honestly).
PLAN_COVERAGE_BREAKS = (0.1, 5, 10, 25, 50)
# Coverage is shown and classed at one decimal (so a desa shown as "5,0%" is in the 5–9,9 class).
DECIMALS = {"coverage_pct": 1, "gap_workers": 0, "protected_workers": 0}

# ColorBrewer sequential ramps (9-class, picked so lightness falls by about 10 L* or more per class):
# the classes stay apart when printed in greyscale, and the lightest class never looks like the white
# "no data" fill. One hue per metric, so maps of different measures are not mistaken for each other.
PALETTES = {
    "coverage_pct": ("#c7e9c0", "#74c476", "#41ab5d", "#238b45", "#006d2c", "#00441b"),  # Greens
    "gap_workers": ("#fdd0a2", "#fd8d3c", "#f16913", "#d94801", "#a63603", "#7f2704"),  # Oranges
    "protected_workers": ("#c6dbef", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"),  # Blues
}
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
            return i18n.t("map.no_data", lang)
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
    """The fixed classes of a metric: 'exactly 0', five ranges (BREAKS, or `breaks`), then 'no data' last."""
    _check(metric, level)
    edges = (0, *(breaks or BREAKS[(metric, level)]))
    uppers = (*edges[1:], None)
    unit = "%" if metric == "coverage_pct" else ""  # as CLDR writes a percentage: "2,5–4,9%"
    bins = [Bin(lo, hi, colour, DECIMALS[metric], unit)
            for lo, hi, colour in zip(edges, uppers, PALETTES[metric], strict=True)]
    return bins + [Bin(None, None, NO_DATA_COLOUR)]


def classify(values: Iterable, metric: str, level: str = "desa", breaks: tuple[float, ...] | None = None
             ) -> pd.Series:
    """Index into class_breaks() of each value, after rounding to the shown precision (NaN -> 'no data')."""
    bins = class_breaks(metric, level, breaks)
    rounded = pd.Series(values, dtype="float64").round(DECIMALS[metric])
    found = [next(i for i, b in enumerate(bins) if b.contains(v)) for v in rounded]
    return pd.Series(found, index=rounded.index, dtype="int64")


def metric_values(frame: pd.DataFrame, metric: str) -> pd.Series:
    """The metric per row, NaN where it has no meaning: coverage or gap of an area without sasaran."""
    values = frame[metric].astype("float64")
    if metric in ("coverage_pct", "gap_workers") and "sasaran_workers" in frame:
        values = values.where(frame["sasaran_workers"].astype("float64") > 0)
    return values


def make_choropleth(frame: pd.DataFrame, geojson: dict, metric: str, lang: str = "id", *,
                    level: str = "desa", borders_geojson: dict | None = None,
                    selected: str | None = None, height: int = HEIGHT_PX,
                    breaks: tuple[float, ...] | None = None) -> go.Figure:
    """Choropleth of the frame's rows (one per desa, kecamatan or kabupaten) in fixed classes (BREAKS unless
    `breaks` gives the five lower edges), offline (no tiles)."""
    _check(metric, level)
    key = KEYS[level]
    frame = frame.sort_values(key).reset_index(drop=True)
    features = {f["properties"][key]: _slim(f, key) for f in geojson["features"]}
    frame = frame[frame[key].isin(features)].reset_index(drop=True)
    classes = classify(metric_values(frame, metric), metric, level, breaks)
    hover = hover_texts(frame, lang, level)
    bins = class_breaks(metric, level, breaks)
    widths = LINE_WIDTHS[len(frame) > DENSE_AREAS]
    traces = [_class_trace(frame[classes == index], hover[classes == index], features, key, index, bin_, lang, widths)
              for index, bin_ in enumerate(bins)]
    if borders_geojson is not None:
        # Kecamatan (or kabupaten) around the ones drawn (a filtered view) are context only: thin and grey.
        border_key = next(k for k in ("kode_kecamatan", "kode_kabupaten")
                          if k in borders_geojson["features"][0]["properties"])
        shown = set(frame.get(border_key, pd.Series(dtype=str)))
        around = [f for f in borders_geojson["features"] if f["properties"][border_key] not in shown]
        inside = [f for f in borders_geojson["features"] if f["properties"][border_key] in shown]
        if around:
            traces.append(_line_trace(_outline(around), CONTEXT_COLOUR, 1, "borders-around"))
        if inside:
            traces.append(_line_trace(_outline(inside), BORDER_COLOUR, widths["border"], "borders"))
    if selected in features:
        # A white halo under a black line: the outline reads on dark and light classes, also in greyscale.
        lines = _outline([features[selected]])
        traces += [_line_trace(lines, "#ffffff", 6, "selected-halo"), _line_trace(lines, SELECTED_COLOUR, 3, "selected")]
    title = i18n.t(METRIC_LABELS[metric], lang)
    legend_px = legend_width(title, [b.label(lang) for b in bins])
    # The view leaves the legend's strip free on the left (or, for a wide area such as a province, the band
    # under it, whichever draws the areas larger), so the legend never covers a desa.
    center, zoom = fit_view([features[c] for c in frame[key]] or list(features.values()), height - MARGIN_B_PX,
                            left_px=LEGEND_X_PX + legend_px + 10, top_px=legend_height(len(bins)) + 12)
    shapes, annotations = _legend(title, bins, legend_px, lang)
    annotations.append({"text": attribution(lang), "showarrow": False, "xref": "paper", "yref": "paper",
                        "x": 1, "y": 0, "xanchor": "right", "yanchor": "top", "yshift": -4,
                        "font": {"size": 12, "color": "#444444"}})
    # One Figure(...) call with plain dicts: plotly validates everything once, not again on every add_*.
    return go.Figure(data=traces, layout={
        "map": {"style": "white-bg", "center": center, "zoom": zoom},
        "height": height, "margin": {"l": 0, "r": 0, "t": 0, "b": MARGIN_B_PX}, "uirevision": view_revision(level, frame[key]),
        "separators": i18n.plotly_separators(lang), "paper_bgcolor": "#ffffff",
        "font": {"size": 14, "color": "#222222"},
        "hoverlabel": {"bgcolor": "#ffffff", "font": {"size": 14, "color": "#222222"}, "align": "left"},
        "shapes": shapes, "annotations": annotations,
    })


def map_levels(province: bool, kecamatan_filtered: bool = False) -> list[str]:
    """Levels the Peta page offers: a regency desa, kecamatan; a province drills kabupaten -> kecamatan -> desa.

    With a kecamatan filter a kabupaten would be coloured by one kecamatan's figures, so it is not offered."""
    if not province:
        return list(LEVELS)
    return ["kecamatan", "desa"] if kecamatan_filtered else ["kabupaten", "kecamatan", "desa"]


def border_level(level: str, province: bool) -> str | None:
    """Lines drawn over the areas: kecamatan over desa; in a province kabupaten over kecamatan, none over kabupaten."""
    return {"desa": "kecamatan", "kecamatan": "kabupaten" if province else "kecamatan", "kabupaten": None}[level]


def click_hint(level: str) -> str:
    """Label key of the hint shown beside the map before an area is opened."""
    return {"desa": "map.click_hint", "kecamatan": "map.click_hint_kecamatan",
            "kabupaten": "map.click_hint_kabupaten"}[level]


def _slim(feature: dict, key: str) -> dict:
    # Only the code is needed in the browser (hover comes from customdata): names would add ~15 % to the payload.
    return {"type": "Feature", "id": feature.get("id"), "properties": {key: feature["properties"][key]},
            "geometry": feature["geometry"]}


def _class_trace(rows: pd.DataFrame, hover: pd.Series, features: dict, key: str, index: int, bin_: Bin,
                 lang: str, widths: dict) -> dict:
    # Each class is its own trace (one colour, one legend row) holding only its own features, so the
    # geometry is sent once in total, not once per trace.
    return {
        "type": "choroplethmap", "name": bin_.label(lang), "showlegend": False,
        "geojson": {"type": "FeatureCollection", "features": [features[c] for c in rows[key]]},
        "featureidkey": f"properties.{key}", "locations": list(rows[key]), "z": [index] * len(rows),
        "colorscale": [[0, bin_.colour], [1, bin_.colour]], "showscale": False,
        # No-data areas are white like the page: a darker, wider edge keeps them visible.
        "marker": {"line": {"color": OUTLINE_COLOUR, "width": widths["no_data" if bin_.is_no_data else "area"]}},
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


def _legend(title: str, bins: list[Bin], width: int, lang: str) -> tuple[list[dict], list[dict]]:
    # Drawn with shapes and annotations, not plotly's legend: that one drops classes nobody falls in
    # (the classes are fixed, so the legend must be too) and draws the white "no data" swatch invisibly.
    box = {"type": "rect", "xref": "paper", "yref": "paper", "xsizemode": "pixel", "ysizemode": "pixel",
           "xanchor": 0, "yanchor": 1}
    left, height = LEGEND_X_PX, LEGEND_ROW_PX * (len(bins) + 1) + 8
    shapes = [box | {"x0": left, "x1": left + width, "y0": -6, "y1": -6 - height,
                     "fillcolor": "#ffffff", "line": {"color": "#9e9e9e", "width": 1}}]
    annotations = [_legend_text(f"<b>{title}</b>", left + 10, -12)]
    for row, bin_ in enumerate(bins, start=1):
        top = -12 - LEGEND_ROW_PX * row
        shapes.append(box | {"x0": left + 10, "x1": left + 28, "y0": top - 2, "y1": top - 20,
                             "fillcolor": bin_.colour, "line": {"color": "#404040", "width": 1}})
        annotations.append(_legend_text(bin_.label(lang), left + 36, top))
    return shapes, annotations


def _legend_text(text: str, x_px: int, y_px: int) -> dict:
    return {"text": text, "xref": "paper", "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "top",
            "xshift": x_px, "yshift": y_px, "showarrow": False, "align": "left",
            "font": {"size": 14, "color": "#222222"}}


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
    # Spans as fractions of the world's width in Web Mercator; MapLibre's world is 512 px at zoom 0.
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


def legend_height(rows: int) -> int:
    """Height in pixels of the legend box for `rows` classes (plus its title row and the gap above it)."""
    return LEGEND_ROW_PX * (rows + 1) + 8 + 6


def figure_json_bytes(fig: go.Figure) -> int:
    """Size in bytes of the figure's JSON, about what the browser receives."""
    return len(fig.to_json().encode("utf-8"))


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _outline(features: list[dict]) -> list[np.ndarray]:
    # Union of the boundaries, merged into lines: a border shared by two areas is drawn once.
    rings = shapely.union_all([shape(f["geometry"]).boundary for f in features])
    merged = shapely.line_merge(rings) if rings.geom_type == "MultiLineString" else rings
    return [np.asarray(line.coords) for line in getattr(merged, "geoms", [merged])]


def _line_trace(lines: list[np.ndarray], colour: str, width: float, name: str) -> dict:
    # Lines joined with None gaps: one trace, no hover and no click (hoverinfo skip), so clicks reach the desa.
    lon: list = []
    lat: list = []
    for coords in lines:
        lon += [round(float(x), 5) for x in coords[:, 0]] + [None]
        lat += [round(float(y), 5) for y in coords[:, 1]] + [None]
    return {"type": "scattermap", "lon": lon, "lat": lat, "mode": "lines", "name": name,
            "line": {"color": colour, "width": width}, "hoverinfo": "skip", "showlegend": False}


def _check(metric: str, level: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {METRICS}, got {metric!r}")
    if level not in KEYS:
        raise ValueError(f"level must be one of {list(KEYS)}, got {level!r}")
