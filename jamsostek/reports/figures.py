"""Static charts for the documents (matplotlib, no pyplot state): weekly trend and coverage bars.

Figures are made with matplotlib.figure.Figure directly, so building them is thread-safe inside
Streamlit and needs no display. png() writes them without a timestamp or version stamp, so the same
data gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")  # no display on servers; set before any canvas is made

import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator  # noqa: E402

from jamsostek import i18n  # noqa: E402
from jamsostek.analysis import ticks  # noqa: E402
from jamsostek.i18n import t  # noqa: E402

INK = "#222222"
MUTED = "#6b6b6b"
GRID = "#dddddd"
PROTECTED = "#2171b5"  # the dashboard's colour for protected workers (Blues)
NEW = "#9ecae1"
GAP = "#fd8d3c"  # the dashboard's colour for gaps (Oranges)
TARGET = "#444444"
BASE_FONT_PT = 9


def png(fig: Figure, dpi: int = 200) -> bytes:
    """PNG bytes of a figure, without the software/time stamps (deterministic)."""
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
    return out.getvalue()


def new_figure(width_in: float, height_in: float) -> Figure:
    """A white figure with the documents' font sizes."""
    fig = Figure(figsize=(width_in, height_in), facecolor="white")
    fig.set_layout_engine("constrained")
    return fig


def style_axes(ax, lang: str, *, y_int: bool = True) -> None:
    """Light grid, no top/right spines, Indonesian/English thousands on the y axis."""
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#999999")
    ax.tick_params(colors=INK, labelsize=BASE_FONT_PT - 1, length=3)
    if y_int:
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, min_n_ticks=2))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: i18n.fmt_int(v, lang)))


def _date_ticks(ax, weeks: pd.Series, lang: str, count: int = 6) -> None:
    # Ticks on week starts, evenly spread, labelled "3 Nov 25" style in the document language.
    starts = list(pd.to_datetime(weeks))
    if not starts:
        return
    step = max(1, round(len(starts) / count))
    picks = starts[::step]
    ax.set_xticks(picks)
    ax.set_xticklabels([_short(d, lang) for d in picks])


def _short(day: pd.Timestamp, lang: str) -> str:
    text = i18n.fmt_date_short(day, lang)
    return text[:-4] + text[-2:]  # "3 Nov 2025" -> "3 Nov 25": ticks stay narrow


def trend_figure(weeks: pd.DataFrame, lang: str, width_in: float = 7.0, height_in: float = 4.2,
                 target: int | None = None, launch: date | None = None, programme: pd.Series | None = None,
                 programme_label: str = "") -> Figure:
    """Two panels: protected workers at each week's end (optional target and launch lines), new enrolments."""
    fig = new_figure(width_in, height_in)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    ends = pd.to_datetime(weeks["week_end"])
    top.plot(ends, weeks["protected_workers"], color=PROTECTED, linewidth=2)
    top.fill_between(ends, weeks["protected_workers"], color=PROTECTED, alpha=0.12, linewidth=0)
    if programme is not None:  # the population the target counts (indicator JS-08)
        top.plot(ends, programme.to_numpy(), color=MUTED, linewidth=1.4, label=programme_label)
        top.plot([], [], color=PROTECTED, linewidth=2, label=t("chart.protected", lang))
        top.legend(loc="upper left", bbox_to_anchor=(0.0, 0.9), fontsize=BASE_FONT_PT - 1, frameon=False)
    top.set_title(t("chart.protected", lang), loc="left", fontsize=BASE_FONT_PT + 1, color=INK)
    if target:
        top.axhline(target, color=TARGET, linewidth=1, linestyle=(0, (4, 3)))
        top.annotate(t("chart.target", lang, count=i18n.fmt_int(target, lang)), (0.0, target),
                     xycoords=("axes fraction", "data"), xytext=(4, 3), textcoords="offset points",
                     fontsize=BASE_FONT_PT - 1, color=TARGET)
        top.set_ylim(0, target * 1.1)
    else:
        top.set_ylim(0, max(1, float(weeks["protected_workers"].max() or 0)) * 1.1)
    starts = pd.to_datetime(weeks["week_start"])
    if launch is not None and len(starts) and starts.iloc[0] <= pd.Timestamp(launch):
        for ax in (top, bottom):
            ax.axvline(pd.Timestamp(launch), color=MUTED, linewidth=0.8, linestyle=":")
        top.annotate(i18n.fmt_date_short(launch, lang), (pd.Timestamp(launch), 1.0),
                     xycoords=("data", "axes fraction"), xytext=(-3, -2), textcoords="offset points",
                     ha="right", va="top", fontsize=BASE_FONT_PT - 1, color=MUTED)
    bottom.bar(starts, weeks["new_workers"], width=6, color=NEW, edgecolor=PROTECTED, linewidth=0.4,
               align="edge")
    bottom.set_title(t("chart.new_workers", lang), loc="left", fontsize=BASE_FONT_PT + 1, color=INK)
    for ax in (top, bottom):
        style_axes(ax, lang)
    _date_ticks(bottom, weeks["week_start"], lang)
    return fig


def line_figure(days: pd.Series, values: pd.Series, lang: str, width_in: float, height_in: float,
                ticks: int = 5) -> Figure:
    """One small line with its area filled (a desa's protected workers by week), the last value labelled.

    Fixed axes instead of the constrained layout: a desa sheet bundle draws one per desa.
    """
    fig = Figure(figsize=(width_in, height_in), facecolor="white")
    ax = fig.add_axes((0.09, 0.2, 0.82, 0.74))
    days = pd.to_datetime(days)
    ax.plot(days, values, color=PROTECTED, linewidth=1.6)
    ax.fill_between(days, values, color=PROTECTED, alpha=0.12, linewidth=0)
    ax.set_ylim(0, max(1.0, float(max(values))) * 1.15)
    ax.annotate(i18n.fmt_int(values.iloc[-1], lang), (days.iloc[-1], values.iloc[-1]), xytext=(4, 2),
                textcoords="offset points", fontsize=BASE_FONT_PT, fontweight="bold", color=PROTECTED,
                annotation_clip=False)
    style_axes(ax, lang)
    _date_ticks(ax, days, lang, count=ticks)
    return fig


def coverage_bars_figure(labels: list[str], coverage_pct: list[float], lang: str, width_in: float = 7.0,
                         bar_in: float = 0.32, reference_pct: float | None = None) -> Figure:
    """Horizontal bars of coverage % per area or sector, labelled with the value, largest first."""
    fig = new_figure(width_in, 0.6 + bar_in * max(len(labels), 1))
    ax = fig.subplots()
    values = [0.0 if pd.isna(v) else float(v) for v in coverage_pct]
    ypos = list(range(len(labels)))[::-1]
    ax.barh(ypos, values, color=PROTECTED, height=0.62)
    top = max(values + [reference_pct or 0, 5.0])  # at least 0-5 %: whole-number ticks when all is ~0
    for y, v, raw in zip(ypos, values, coverage_pct, strict=True):
        ax.text(v + top * 0.01, y, i18n.fmt_pct(raw, lang), va="center", fontsize=BASE_FONT_PT - 1, color=INK,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6}, zorder=4)
    if reference_pct is not None:
        ax.axvline(reference_pct, color=TARGET, linewidth=1, linestyle=(0, (4, 3)), zorder=3)
    ax.set_yticks(ypos)
    ax.set_yticklabels(labels)
    ax.set_xlim(0, top * 1.18)
    # 1-2-5 steps, each tick labelled with its own value (not 0, 3, 5, 8 for steps of 2,5).
    ax.xaxis.set_major_locator(MultipleLocator(ticks.nice_step(top * 1.18, 6)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: ticks.tick_label(v, lang)))
    ax.set_xlabel(t("chart.coverage_pct", lang), fontsize=BASE_FONT_PT - 1, color=INK)
    style_axes(ax, lang, y_int=False)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    return fig
