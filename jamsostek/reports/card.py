"""The weekly meeting card: one 1080×1350 PNG (4:5, full width in messaging apps) with the week's
headline numbers, their change since last week, a small coverage map, the date and the sample label."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from jamsostek import i18n
from jamsostek.geo import boundaries
from jamsostek.i18n import fmt_date, fmt_int
from jamsostek.reports import evidence, figures, static_map
from jamsostek.reports.collect import ReportData
from jamsostek.i18n import t

WIDTH_PX, HEIGHT_PX, DPI = 1080, 1350, 100
BAND = "#2171b5"
SAMPLE = "#bf360c"
UP, DOWN = "#1b7837", "#b2182b"  # change colours; the sign is always written too


def build_card_png(data: ReportData, lang: str = "id") -> bytes:
    """The meeting card as PNG bytes (same data and language, same bytes)."""
    return figures.png(card_figure(data, lang), dpi=DPI)


def card_figure(data: ReportData, lang: str = "id") -> Figure:
    """The card as a matplotlib Figure of WIDTH_PX × HEIGHT_PX at DPI."""
    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), facecolor="white")
    _band(fig, data, lang)
    _numbers(fig, data, lang)
    _map(fig, data, lang)
    _footer(fig, data, lang)
    return fig


def week_text(data: ReportData, lang: str) -> str:
    """'Minggu 14 November 2026 – 20 November 2026': the seven days the weekly figures count."""
    return t("card.week", lang, start=fmt_date(data.headlines.week_start, lang), end=fmt_date(data.as_of, lang))


def _band(fig: Figure, data: ReportData, lang: str) -> None:
    top = 0.865
    fig.patches.append(Rectangle((0, top), 1, 1 - top, transform=fig.transFigure, color=BAND, zorder=0))
    fig.text(0.05, 0.955, t("card.title", lang), fontsize=30, fontweight="bold", color="white", va="center")
    fig.text(0.05, 0.905, week_text(data, lang), fontsize=19, color="white", va="center")
    if data.is_sample:
        fig.patches.append(Rectangle((0, top - 0.04), 1, 0.04, transform=fig.transFigure, color=SAMPLE))
        fig.text(0.5, top - 0.02, t("doc.sample_banner", lang), fontsize=17, fontweight="bold", color="white",
                 ha="center", va="center")


CARD_FIGURES = ("protected", "coverage", "new_week", "lapsing")  # indicator keys, top to bottom
FOOTER_FIGURES = ("growth_programme", "progress_target")


def _numbers(fig: Figure, data: ReportData, lang: str) -> None:
    k, h = data.kpi, data.headlines
    notes = {"coverage": t("card.of_sasaran", lang, sasaran=fmt_int(k["sasaran_workers"], lang)),
             "lapsing": t("ev.sub_lapsing", lang)}
    y = 0.77
    for key in CARD_FIGURES:
        card = data.card(key, lang)
        subs = [s for s in (card.delta, notes.get(key)) if s]
        change = h.change(key) if card.delta_arrow else None
        fig.text(0.05, y, card.label, fontsize=19, color=figures.MUTED, va="center")
        fig.text(0.05, y - 0.05, card.value, fontsize=48, fontweight="bold", color=figures.INK, va="center")
        for n, sub in enumerate(subs):
            colour = figures.MUTED if n or not change else UP if change > 0 else DOWN
            fig.text(0.05, y - 0.097 - 0.03 * n, sub, fontsize=16, color=colour, va="center")
        y -= 0.15 + 0.03 * max(len(subs) - 1, 0)


MAP_RECT = (0.50, 0.245, 0.48, 0.545)  # the map's axes in figure fractions


def _map(fig: Figure, data: ReportData, lang: str) -> None:
    ax = fig.add_axes(MAP_RECT)
    try:
        static_map.draw_coverage(ax, data.desa, lang, labels=False, attribution=False, scale=False,
                                 font_pt=12.5, legend_pad=0.05, legend=False)
    except boundaries.BoundariesUnavailable:
        ax.set_axis_off()
        return
    fig.text(0.74, 0.80, t("card.map", lang), fontsize=17, fontweight="bold", color=figures.INK, ha="center")
    _legend(fig, data, lang)


def _legend(fig: Figure, data: ReportData, lang: str) -> None:
    # A compact legend in two columns under the map: fixed classes, same as the dashboard's map.
    outside = len(data.desa) < len(static_map.layers()[0])
    fig.legend(handles=static_map.legend_handles(lang, outside), loc="upper center", bbox_to_anchor=(0.74, 0.245),
               ncols=2, fontsize=12, frameon=False, handlelength=1.4, columnspacing=1.0)


def _footer(fig: Figure, data: ReportData, lang: str) -> None:
    h = data.headlines
    fig.lines.append(Line2D([0.05, 0.95], [0.145, 0.145], transform=fig.transFigure, color="#cccccc",
                            linewidth=1))
    for n, key in enumerate(FOOTER_FIGURES):  # one line each: name, number and its population
        fig.text(0.05, 0.125 - 0.027 * n, f"{h.label(key, lang)}: {h.text(key, lang)} ({h.sub(key, lang)})",
                 fontsize=13, color=figures.INK, va="center")
    fig.text(0.05, 0.068, t("doc.filters", lang, text=evidence.filters_text(data, lang)), fontsize=12,
             color=figures.MUTED, va="center", wrap=True)
    line = t("doc.as_of", lang, date=fmt_date(data.as_of, lang)) + " · " + static_map.maps.attribution(lang)
    if data.is_sample:
        line = t("doc.sample_banner", lang) + " · " + line
    fig.text(0.05, 0.035, line, fontsize=11.5, color=figures.MUTED, va="center")
