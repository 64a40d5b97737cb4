"""Static coverage maps for print (geopandas + matplotlib, offline): the same fixed classes as the dashboard.

Classes, colours and the 'no data' rule come from jamsostek.analysis.maps, so a desa has the same colour on
screen and on paper. For print the 'nobody protected yet' class is also hatched, so it stays apart
from the next light class in greyscale. Layers are drawn in UTM zone 50S (metres), where a
kilometre is as long north-south as east-west.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from jamsostek import settings
from jamsostek.geo import boundaries
from jamsostek.analysis import maps
from jamsostek.reports import figures
from jamsostek.i18n import t

CRS_METRES = "EPSG:32750"  # WGS 84 / UTM zone 50S covers Bali
METRIC = "coverage_pct"
ZERO_HATCH = "////"
DESA_EDGE = "#ffffff"  # white desa edges read on every green; 'no data' (white) gets a grey one
NO_DATA_EDGE = "#8a8a8a"
HATCH_COLOUR = "#1b1b1b"
KECAMATAN_EDGE = "#000000"
LOCATOR_FILL = "#e6e6e6"
HALO = [patheffects.withStroke(linewidth=2.6, foreground="white")]


@dataclass(frozen=True)
class Locator:
    """A base map of all desa as a PNG plus what is needed to draw one desa on top of it in a PDF."""

    png: bytes
    bounds: tuple[float, float, float, float]  # x0, y0, x1, y1 in metres: the image's full extent

    def to_box(self, xy: np.ndarray, x: float, y: float, w: float, h: float) -> list[tuple[float, float]]:
        """Points in metres -> points in a box (x, y, w, h) on the page, y growing downwards."""
        x0, y0, x1, y1 = self.bounds
        px = x + (xy[:, 0] - x0) / (x1 - x0) * w
        py = y + (y1 - xy[:, 1]) / (y1 - y0) * h
        return list(zip(px.round(3).tolist(), py.round(3).tolist(), strict=True))


def layers() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Desa and kecamatan polygons in metres; raises boundaries.BoundariesUnavailable when there are none."""
    return _layers(settings.region(), settings.cache_dir())


@cache
def _layers(region: str, cache_dir: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    # cache_dir only keys the cache, like boundaries._load does.
    return (boundaries.load_desa(region).to_crs(CRS_METRES),
            boundaries.load_kecamatan(region).to_crs(CRS_METRES))


def classed(desa: pd.DataFrame) -> pd.Series:
    """Index into maps.class_breaks of each desa's coverage, as on the dashboard's map."""
    return maps.classify(maps.metric_values(desa, METRIC), METRIC, "desa")


def coverage_map(desa: pd.DataFrame, lang: str, width_in: float = 7.0, height_in: float = 9.0,
                 **options) -> Figure:
    """Choropleth of coverage per desa in fixed, labelled classes with kecamatan borders and attribution."""
    fig = Figure(figsize=(width_in, height_in), facecolor="white")
    draw_coverage(fig.add_axes((0, 0, 1, 1)), desa, lang, **options)
    return fig


def draw_coverage(ax, desa: pd.DataFrame, lang: str, *, legend: bool = True, labels: bool = True,
                  attribution: bool = True, scale: bool = True, font_pt: float = figures.BASE_FONT_PT,
                  legend_pad: float = 0.55) -> None:
    """Draw the coverage choropleth into existing axes (which it fills, north up, undistorted)."""
    desa_shapes, kecamatan_shapes = layers()
    inside = desa_shapes["kode_desa"].isin(desa["kode_desa"])
    # Desa outside the filtered area are drawn grey for context; the view centres on the area shown.
    outside = desa_shapes[~inside]
    if len(outside):
        outside.plot(ax=ax, color=LOCATOR_FILL, edgecolor="#bdbdbd", linewidth=0.4)
    shapes = desa_shapes[inside].merge(desa[["kode_desa", "sasaran_workers", METRIC]], on="kode_desa", how="left")
    classes = classed(shapes)
    bins = maps.class_breaks(METRIC, "desa")
    for index, bin_ in enumerate(bins):
        part = shapes[classes == index]
        if len(part):
            part.plot(ax=ax, color=bin_.colour, edgecolor=NO_DATA_EDGE if bin_.is_no_data else DESA_EDGE,
                      linewidth=0.5, hatch=ZERO_HATCH if _is_zero(bin_) else None, hatchcolor=HATCH_COLOUR)
    kecamatan_shapes.boundary.plot(ax=ax, color=KECAMATAN_EDGE, linewidth=1.3)
    if labels:
        for row in kecamatan_shapes.itertuples():
            point = row.geometry.representative_point()
            ax.text(point.x, point.y, row.kecamatan, ha="center", va="center", fontsize=font_pt,
                    fontweight="bold", color=figures.INK, path_effects=HALO, clip_on=True)
    focus = shapes.total_bounds if len(outside) and len(shapes) else kecamatan_shapes.total_bounds
    _frame(ax, focus, pad_left=legend_pad if legend else 0.04)
    if legend:
        handles = legend_handles(lang, outside=len(outside) > 0)
        ax.legend(handles=handles, title=t("map.metric.coverage", lang), loc="upper left",
                  fontsize=font_pt, title_fontsize=font_pt, frameon=True, framealpha=0.95,
                  edgecolor="#9e9e9e", alignment="left", handlelength=1.8, handleheight=1.2)
    if scale:
        _scale_and_north(ax, lang, font_pt)
    if attribution:
        ax.text(0.99, 0.005, maps.attribution(lang), transform=ax.transAxes, ha="right", va="bottom",
                fontsize=font_pt - 2, color=figures.MUTED)


def legend_handles(lang: str, outside: bool = False) -> list[Patch]:
    """Legend patches of the fixed classes (hatched 'nobody yet'), plus 'outside the selection' if drawn."""
    handles = [Patch(facecolor=b.colour, edgecolor="#404040", linewidth=0.6, hatchcolor=HATCH_COLOUR,
                     hatch=ZERO_HATCH if _is_zero(b) else None, label=_class_label(b, lang))
               for b in maps.class_breaks(METRIC, "desa")]
    if outside:
        handles.append(Patch(facecolor=LOCATOR_FILL, edgecolor="#bdbdbd", label=t("ev.map_outside", lang)))
    return handles


def coverage_map_png(desa: pd.DataFrame, lang: str, width_in: float = 7.0, height_in: float = 9.0,
                     dpi: int = 200, **options) -> bytes:
    """coverage_map as PNG bytes (deterministic)."""
    return figures.png(coverage_map(desa, lang, width_in, height_in, **options), dpi=dpi)


def locator(width_in: float = 1.6, height_in: float = 3.2, dpi: int = 200) -> Locator:
    """Grey desa with kecamatan borders filling the image exactly, for highlighting one desa in a PDF."""
    desa_shapes, kecamatan_shapes = layers()
    fig = Figure(figsize=(width_in, height_in), facecolor="white")
    ax = fig.add_axes((0, 0, 1, 1))
    desa_shapes.plot(ax=ax, color=LOCATOR_FILL, edgecolor="#b0b0b0", linewidth=0.3)
    kecamatan_shapes.boundary.plot(ax=ax, color="#555555", linewidth=0.7)
    bounds = _frame(ax, kecamatan_shapes.total_bounds, pad_left=0.04)
    return Locator(figures.png(fig, dpi=dpi), bounds)


def desa_rings(kode_desa: str) -> list[np.ndarray]:
    """Exterior rings (metres) of one desa's polygons, for drawing it over a Locator."""
    desa_shapes, _ = layers()
    found = desa_shapes.loc[desa_shapes["kode_desa"] == kode_desa, "geometry"]
    rings = []
    for geometry in found:
        for polygon in getattr(geometry, "geoms", [geometry]):
            rings.append(np.asarray(polygon.exterior.coords))
    return rings


def _scale_and_north(ax, lang: str, font_pt: float, km: int = 5) -> None:
    """A 5 km bar and a north arrow in the lower left (the axes are in metres, north up)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    left, base = x0 + 0.04 * (x1 - x0), y0 + 0.04 * (y1 - y0)
    tick = 0.006 * (y1 - y0)
    ax.plot([left, left + km * 1000], [base, base], color=figures.INK, linewidth=2, solid_capstyle="butt")
    for x in (left, left + km * 1000):
        ax.plot([x, x], [base - tick, base + tick], color=figures.INK, linewidth=1)
    ax.text(left + km * 500, base + 2 * tick, t("ev.scale_km", lang, km=km), ha="center", va="bottom",
            fontsize=font_pt - 1, color=figures.INK)
    arrow_y = base + 0.07 * (y1 - y0)
    ax.annotate("", xy=(left + km * 500, arrow_y + 0.035 * (y1 - y0)), xytext=(left + km * 500, arrow_y),
                arrowprops={"arrowstyle": "-|>", "color": figures.INK, "linewidth": 1.2})
    ax.text(left + km * 500, arrow_y + 0.04 * (y1 - y0), t("ev.north", lang), ha="center", va="bottom",
            fontsize=font_pt, fontweight="bold", color=figures.INK)


def _is_zero(bin_: maps.Bin) -> bool:
    return bin_.lower == 0


def _class_label(bin_: maps.Bin, lang: str) -> str:
    label = bin_.label(lang)
    return f"{label} ({t('desa.not_reached', lang)})" if _is_zero(bin_) else label


def _frame(ax, bounds: np.ndarray, pad_left: float) -> tuple[float, float, float, float]:
    """Fit the axes to the figure's aspect around `bounds` (room on the left for a legend); return the extent."""
    x0, y0, x1, y1 = (float(v) for v in bounds)
    # The original box: geopandas' plot sets an equal aspect, which shrinks the *active* box to the data's
    # shape, and framing for that box squashed the map once the aspect went back to "auto".
    box = ax.get_position(original=True)
    fig_w, fig_h = ax.figure.get_size_inches()
    width_in, height_in = box.width * fig_w, box.height * fig_h
    pad = 0.03 * (y1 - y0)
    x0 -= pad_left * (x1 - x0)
    x1, y0, y1 = x1 + pad, y0 - pad, y1 + pad
    # Grow the short side so one metre is as long across as up (no distortion, no empty stretch).
    want = width_in / height_in
    if (x1 - x0) / (y1 - y0) < want:
        extra = want * (y1 - y0) - (x1 - x0)
        x0, x1 = x0 - extra / 2, x1 + extra / 2
    else:
        extra = (x1 - x0) / want - (y1 - y0)
        y0, y1 = y0 - extra / 2, y1 + extra / 2
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("auto")
    ax.set_axis_off()
    return x0, y0, x1, y1
