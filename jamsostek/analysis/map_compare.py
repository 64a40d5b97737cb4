"""Period comparison on the map: two dates side by side in the same fixed classes, or the change between them.

Side by side uses maps.make_choropleth for both dates, whose classes are fixed per metric (chosen once in
maps.BREAKS, never re-binned per date), so one colour means one range on both maps. The change map has
its own fixed, symmetric classes around 'no change', with 'no data' where either date lacks a sasaran.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from jamsostek import i18n
from jamsostek.analysis import maps
from jamsostek.i18n import t

CHANGE_METRICS = ("coverage_pct", "protected_workers")
# (small, big) steps of the change classes: down >= small, down < small, none, up < small, up small..big, up >= big.
CHANGE_STEPS: dict[tuple[str, str], tuple[float, float]] = {
    ("coverage_pct", "desa"): (1, 5),
    ("coverage_pct", "kecamatan"): (1, 5),
    ("protected_workers", "desa"): (10, 50),
    ("protected_workers", "kecamatan"): (100, 500),
}
# ColorBrewer RdBu (print-safe ends): red = down, blue = up; 'no change' a light grey, apart from white no-data.
CHANGE_COLOURS = ("#b2182b", "#f4a582", "#d9d9d9", "#92c5de", "#4393c3", "#2166ac")
CHANGE_UNITS = {"coverage_pct": "compare.unit_points", "protected_workers": ""}  # a count has no unit
CHANGE_TITLES = {"coverage_pct": "compare.change_coverage", "protected_workers": "compare.change_protected"}


@dataclass(frozen=True)
class ChangeClass:
    """One class of the change map; `kind` says which (down_big, down, same, up, up_mid, up_big, no_data)."""

    kind: str
    colour: str
    step: tuple[float, float] = (0, 0)  # (small, big) of the metric and level
    decimals: int = 0
    unit_key: str = ""

    @property
    def is_no_data(self) -> bool:
        """True for areas without a figure on one of the two dates."""
        return self.kind == "no_data"

    def label(self, lang: str = "id") -> str:
        """Legend text in `lang`, e.g. 'naik 1–4,9 poin', 'tetap', 'Tidak ada data sasaran'."""
        if self.is_no_data:
            return i18n.t("map.no_data", lang)
        least = 10 ** -self.decimals  # the smallest change shown
        small, big = self.step
        texts = {"least": least, "small": small, "big": big, "top_small": small - least, "top": big - least}
        unit = t(self.unit_key, lang) if self.unit_key else ""
        return t(f"compare.class.{self.kind}", lang, unit=unit,
                 **{name: self._fmt(value, lang) for name, value in texts.items()})

    def _fmt(self, value: float, lang: str) -> str:
        value = round(value, self.decimals)
        return i18n.fmt_num(value, lang, 0 if float(value).is_integer() else self.decimals)


KINDS = ("down_big", "down", "same", "up", "up_mid", "up_big")


def change_classes(metric: str, level: str = "desa") -> list[ChangeClass]:
    """The fixed change classes of a metric: down a lot, down, none, up, up more, up a lot; then 'no data'."""
    _check(metric, level)
    common = {"step": CHANGE_STEPS[(metric, level)], "decimals": maps.DECIMALS[metric],
              "unit_key": CHANGE_UNITS[metric]}
    return [ChangeClass(kind, colour, **common) for kind, colour in zip(KINDS, CHANGE_COLOURS, strict=True)] + [
        ChangeClass("no_data", maps.NO_DATA_COLOUR)]


def change_class(value: float, small: float, big: float) -> int:
    """Index of one (rounded) change among KINDS, or len(KINDS) for no data."""
    if i18n.is_missing(value):
        return len(KINDS)
    if value == 0:
        return 2
    if value < 0:
        return 0 if value <= -small else 1
    return 3 if value < small else 4 if value < big else 5


def classify_change(values, metric: str, level: str = "desa") -> pd.Series:
    """Index into change_classes() of each change, after rounding to the shown precision."""
    _check(metric, level)
    small, big = CHANGE_STEPS[(metric, level)]
    rounded = pd.Series(values, dtype="float64").round(maps.DECIMALS[metric])
    return rounded.map(lambda v: change_class(v, small, big)).astype("int64")


def change_frame(before: pd.DataFrame, now: pd.DataFrame, metric: str, level: str = "desa") -> pd.DataFrame:
    """Rows of `now` (coverage_by_desa/kecamatan shape) with the metric before, now and the change (NaN = no data)."""
    _check(metric, level)
    key = maps.LEVELS[level]
    earlier = before.set_index(key)
    out = now.copy()
    out["value_before"] = maps.metric_values(earlier, metric).reindex(out[key]).to_numpy()
    out["value_now"] = maps.metric_values(out, metric).to_numpy()
    out["change"] = out["value_now"] - out["value_before"]
    return out


def side_by_side(before: pd.DataFrame, now: pd.DataFrame, geojson: dict, metric: str, lang: str = "id", *,
                 level: str = "desa", borders_geojson: dict | None = None,
                 height: int = maps.HEIGHT_PX, **layout) -> tuple[go.Figure, go.Figure]:
    """Two choropleths (before, now) in the metric's fixed classes: one colour is one range on both.

    `layout` passes width, legend_below and view on to maps.make_choropleth."""
    return tuple(maps.make_choropleth(frame, geojson, metric, lang, level=level, borders_geojson=borders_geojson,
                                      height=height, **layout) for frame in (before, now))


def change_map(before: pd.DataFrame, now: pd.DataFrame, geojson: dict, metric: str, lang: str = "id", *,
               level: str = "desa", borders_geojson: dict | None = None, height: int = maps.HEIGHT_PX,
               width: int = maps.MIN_WIDTH_PX, legend_below: bool = False, view: str | None = None) -> go.Figure:
    """One choropleth of the change from `before` to `now` in fixed classes around 'no change'."""
    key = maps.LEVELS[level]
    frame = change_frame(before, now, metric, level).sort_values(key).reset_index(drop=True)
    features = {f["properties"][key]: f for f in geojson["features"]}
    frame = frame[frame[key].isin(features)].reset_index(drop=True)
    classes, bins = classify_change(frame["change"], metric, level), change_classes(metric, level)
    hover = hover_texts(frame, metric, lang, level)
    traces = [maps.class_trace(frame[classes == i], hover[classes == i], features, key, i, bin_.colour,
                                bin_.label(lang), 1.2 if bin_.is_no_data else 0.6)
              for i, bin_ in enumerate(bins)]
    if borders_geojson is not None:
        traces.append(maps.line_trace(maps.outline(borders_geojson["features"]), maps.BORDER_COLOUR, 1.8,
                                       "borders"))
    counts = classes.value_counts()
    legend = maps.Legend(t(CHANGE_TITLES[metric], lang),
                         [(b.colour, f"{b.label(lang)} ({int(counts.get(i, 0))})") for i, b in enumerate(bins)], view)
    shown = [features[c] for c in frame[key]] or list(features.values())
    if legend_below:
        shapes, annotations, legend_px = legend.below(width)
        map_px = height
        center, zoom = maps.fit_view(shown, map_px, width=width)
    else:
        shapes, annotations, legend_px = legend.beside()
        legend_px, map_px = 0, height - maps.MARGIN_B_PX
        center, zoom = maps.fit_view(shown, map_px, width=width, left_px=maps.LEGEND_X_PX + legend.width() + 10)
    annotations.append({"text": maps.attribution(lang), "showarrow": False, "xref": "paper", "yref": "paper",
                        "x": 1, "y": 0, "xanchor": "right", "yanchor": "top", "yshift": -4 - legend_px,
                        "font": {"size": 12, "color": "#444444"}})
    margin_b = legend_px + maps.MARGIN_B_PX
    return go.Figure(data=traces, layout={
        "geo": maps.geo_view(center, zoom, width, map_px), "height": map_px + margin_b,
        "margin": {"l": 0, "r": 0, "t": 0, "b": margin_b}, "uirevision": "map-compare",
        "separators": i18n.plotly_separators(lang), "paper_bgcolor": "#ffffff",
        "font": {"size": 14, "color": "#222222"},
        "hoverlabel": {"bgcolor": "#ffffff", "font": {"size": 14, "color": "#222222"}, "align": "left"},
        "shapes": shapes, "annotations": annotations})


def hover_texts(frame: pd.DataFrame, metric: str, lang: str, level: str = "desa") -> pd.Series:
    """One hover text per row: name, the metric before and now, and the change, in `lang`."""
    show = (lambda v: i18n.fmt_pct(v, lang)) if metric == "coverage_pct" else (lambda v: i18n.fmt_int(v, lang))

    def text(row) -> str:
        name = row["desa"] if level == "desa" else row["kecamatan"]
        change = row["change"]
        delta = i18n.fmt_signed(change, lang, maps.DECIMALS[metric])
        return "<br>".join([f"<b>{name}</b>", f"{t('compare.before', lang)}: {show(row['value_before'])}",
                            f"{t('compare.now', lang)}: {show(row['value_now'])}",
                            f"{t('compare.change', lang)}: {delta}"])

    return frame.apply(text, axis=1) if len(frame) else pd.Series([], dtype="object")


def _check(metric: str, level: str) -> None:
    if metric not in CHANGE_METRICS:
        raise ValueError(f"change metric must be one of {CHANGE_METRICS}, got {metric!r}")
    if level not in maps.LEVELS:
        raise ValueError(f"level must be one of {list(maps.LEVELS)}, got {level!r}")
