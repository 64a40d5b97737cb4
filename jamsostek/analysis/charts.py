"""Query results -> plotly figures. Explicit colours that survive greyscale printing; labels in id/en.

Pages show these with theme=None so the colours here are the ones printed. Numbers in labels and
hovers are formatted by i18n (1.136; 65,6 %) rather than by plotly, whose locale files are not loaded.
"""

from __future__ import annotations

import functools
import textwrap

import pandas as pd
import plotly.graph_objects as go

from jamsostek import i18n, settings
from jamsostek.analysis import indicators, metrics
from jamsostek.analysis import ticks as axis_ticks
from jamsostek.i18n import t

# One hue (Bali green of the theme) from light to dark: reads in colour and in greyscale.
INK = "#1f2933"  # text and reference lines
BAR = "#0b6e4f"  # main bars and lines
BAR_LIGHT = "#a8d5c2"  # secondary bars (e.g. decreases), lighter in greyscale too
GREY = "#6b7280"
ACCENT = "#c2410c"  # zero-coverage outlines; the × in the text carries the meaning in greyscale
SEQUENTIAL = [[0.0, "#f2f8f5"], [0.25, "#bfe0d2"], [0.5, "#6fb59a"], [0.75, "#2f8a66"], [1.0, "#08402d"]]
FONT = dict(family="Source Sans Pro, DejaVu Sans, Arial, sans-serif", size=14, color=INK)
ROW_PX = 28  # height of one bar or heatmap row: labels at 14 px never touch
MAX_MONTH_TICKS = 8  # "Sep 2026" labels stay apart on a half-width chart


def _layout(fig: go.Figure, lang: str, height: int, **extra) -> go.Figure:
    layout = dict(template="none", separators=i18n.plotly_separators(lang), font=FONT, height=height,
                  paper_bgcolor="white", plot_bgcolor="white", margin=dict(l=10, r=30, t=40, b=40),
                  hoverlabel=dict(font_size=14), legend=dict(orientation="h", y=-0.15, x=0))
    fig.update_layout(**(layout | extra))
    fig.update_xaxes(automargin=True)  # template "none" leaves long tick labels clipped otherwise
    fig.update_yaxes(automargin=True)
    return fig


def kecamatan_bar(by_kecamatan: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Horizontal bars of coverage % per kecamatan (coverage_by_kecamatan), highest on top."""
    df = by_kecamatan.sort_values(["coverage_pct", "kode_kecamatan"], ascending=[True, False], na_position="first")
    hover = [f"{row.kecamatan}<br>{t('col.protected', lang)}: {i18n.fmt_int(row.protected_workers, lang)}"
             f"<br>{t('col.sasaran', lang)}: {i18n.fmt_int(row.sasaran_workers, lang)}"
             for row in df.itertuples()]
    fig = go.Figure(go.Bar(
        x=df["coverage_pct"].fillna(0), y=df["kode_kecamatan"], orientation="h", marker_color=BAR,
        text=[i18n.fmt_pct(v, lang) for v in df["coverage_pct"]], textposition="outside",
        cliponaxis=False, customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        name=t("chart.coverage_pct", lang)))
    fig.update_yaxes(type="category", tickmode="array", tickvals=df["kode_kecamatan"], ticktext=df["kecamatan"],
                     ticklabelstandoff=8)
    top = max(float(df["coverage_pct"].max(skipna=True) or 0), 1.0)
    fig.update_xaxes(title=t("chart.coverage_pct", lang), range=[0, top * 1.2], ticksuffix="%",
                     gridcolor="#e5e7eb", zeroline=False)
    return _layout(fig, lang, 80 + ROW_PX * len(df), showlegend=False)


SECTOR_LABEL_CHARS = 12  # about a heatmap column's width with 8 sectors (long words are not split)


def gap_heatmap(matrix: metrics.GapMatrix, lang: str = "id") -> go.Figure:
    """Desa x sector heatmap of gap workers, sorted by need; zero-coverage cells carry × and an outline."""
    gap, zero = matrix.gap, matrix.zero
    sectors = [i18n.sector_label(code, lang) for code in gap.columns]
    wrapped = ["<br>".join(textwrap.wrap(label, SECTOR_LABEL_CHARS, break_long_words=False)) for label in sectors]
    text = [[_cell_text(g, z, lang) for g, z in zip(gap_row, zero_row)]
            for gap_row, zero_row in zip(gap.to_numpy(), zero.to_numpy())]
    fig = go.Figure(go.Heatmap(
        z=gap.to_numpy(dtype=float), x=list(gap.columns), y=list(gap.index), text=text,
        texttemplate="%{text}", textfont=dict(size=13), colorscale=SEQUENTIAL, xgap=2, ygap=2,
        hoverongaps=False, colorbar=dict(title=dict(text=t("chart.gap_workers", lang), side="right"),
                                         tickformat=",d", tick0=0,
                                         dtick=axis_ticks.count_step(max(float(gap.max().max()) if gap.size else 0, 1))),
        customdata=[[f"{matrix.desa_names[k]} · {s}" for s in sectors] for k in gap.index],
        hovertemplate="%{customdata}<br>" + t("col.gap", lang) + ": %{text}<extra></extra>"))
    rows, cols = zero.to_numpy().nonzero()
    for r, c in zip(rows, cols):  # outline the whole cell (category axes place shapes by index)
        fig.add_shape(type="rect", x0=c - 0.5, x1=c + 0.5, y0=r - 0.5, y1=r + 0.5, xref="x", yref="y",
                      line=dict(color=ACCENT, width=2.5), layer="above")
    fig.add_trace(go.Scatter(  # legend entry only
        x=[None], y=[None], mode="markers", name=t("chart.zero_coverage", lang), hoverinfo="skip",
        marker=dict(symbol="square-open", size=14, color=ACCENT, line=dict(width=2.5)),
        showlegend=bool(len(rows))))
    fig.update_xaxes(type="category", tickmode="array", tickvals=list(gap.columns), ticktext=wrapped,
                     side="top", showgrid=False, tickangle=0)
    fig.update_yaxes(type="category", tickmode="array", tickvals=list(gap.index),
                     ticktext=list(matrix.desa_names), autorange="reversed", showgrid=False)
    return _layout(fig, lang, 150 + ROW_PX * max(len(gap), 1), margin=dict(l=10, r=10, t=90, b=30),
                   legend=dict(orientation="h", y=-0.02, yanchor="top", x=0))


def _cell_text(gap: float, zero: bool, lang: str) -> str:
    if pd.isna(gap):
        return ""
    return f"{i18n.fmt_int(gap, lang)} ×" if zero else i18n.fmt_int(gap, lang)


def protected_vs_target(weeks: pd.DataFrame, lang: str = "id", *, target: int | None,
                        verified: int | None = None, programme: pd.Series | None = None) -> go.Figure:
    """Cumulative protected workers at each week's end (enrolments_by_week) against target lines.

    target=None draws no target lines (a filtered view is not measured against the regency's target).
    programme: the programme-paid workers at the same week ends (indicators.programme_weeks), the
    population the target counts, drawn as its own line so the target is read against it.
    """
    x = pd.to_datetime(weeks["week_end"])
    hover = [f"{i18n.fmt_date(d, lang)}<br>{t('chart.protected', lang)}: {i18n.fmt_int(v, lang)}"
             for d, v in zip(weeks["week_end"], weeks["protected_workers"])]
    fig = go.Figure(go.Scatter(
        x=x, y=weeks["protected_workers"], mode="lines+markers", name=t("chart.protected", lang),
        line=dict(color=BAR, width=3), marker=dict(size=6), customdata=hover,
        hovertemplate="%{customdata}<extra></extra>"))
    if programme is not None:
        fig.add_trace(go.Scatter(
            x=x, y=programme.to_numpy(), mode="lines", name=indicators.name("programme_protected", lang),
            line=dict(color=GREY, width=2), hovertemplate="%{y:,d}<extra></extra>"))
    lines = [(target, t("chart.target", lang, count=i18n.fmt_int(target, lang)), "dash", INK)] if target else []
    if verified and target:
        lines.append((verified, t("chart.verified", lang, count=i18n.fmt_int(verified, lang)), "dot", GREY))
    for value, label, dash, colour in lines:
        fig.add_hline(y=value, line=dict(color=colour, dash=dash, width=2), annotation_text=label,
                      annotation_position="top left", annotation_font=dict(color=colour, size=14))
    # The launch count is the regency's, like the targets: marked only on the whole-regency view.
    if target and len(weeks) and pd.Timestamp(weeks["week_start"].min()) <= pd.Timestamp(settings.LAUNCH_DATE):
        fig.add_vline(x=pd.Timestamp(settings.LAUNCH_DATE).timestamp() * 1000, line=dict(color=GREY, width=1),
                      annotation_text=t("chart.launch", lang, count=i18n.fmt_int(settings.LAUNCH_WORKERS, lang),
                                        date=i18n.fmt_date_short(settings.LAUNCH_DATE, lang)),
                      annotation_position="top right", annotation_font=dict(color=GREY, size=13))
    ticks, labels = i18n.month_ticks(weeks["week_end"], lang, MAX_MONTH_TICKS)
    fig.update_xaxes(type="date", tickmode="array", tickvals=ticks, ticktext=labels, showgrid=False)
    highest = int(weeks["protected_workers"].max()) if len(weeks) else 0
    top = max(target or 0, (verified or 0) if target else 0, highest, 1)
    fig.update_yaxes(title=t("chart.workers", lang), tickformat=",d", range=[0, top * 1.1],
                     dtick=axis_ticks.count_step(top * 1.1), tick0=0, gridcolor="#e5e7eb", rangemode="tozero")
    return _layout(fig, lang, 380, showlegend=programme is not None)


def enrolments_per_week(weeks: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Bars of new enrolments per week (enrolments_by_week), 7-day weeks ending on the report date."""
    hover = [f"{t('chart.week', lang)} {i18n.fmt_date(d, lang)}<br>{t('chart.new_workers', lang)}: "
             f"{i18n.fmt_int(v, lang)}" for d, v in zip(weeks["week_start"], weeks["new_workers"])]
    fig = go.Figure(go.Bar(
        x=pd.to_datetime(weeks["week_start"]), y=weeks["new_workers"], marker_color=BAR,
        name=t("chart.new_workers", lang), customdata=hover, hovertemplate="%{customdata}<extra></extra>"))
    ticks, labels = i18n.month_ticks(weeks["week_start"], lang, MAX_MONTH_TICKS)
    fig.update_xaxes(type="date", tickmode="array", tickvals=ticks, ticktext=labels, showgrid=False)
    # Whole-number steps: ",d" would label a tick at 0,5 as "0" or "1".
    most = int(weeks["new_workers"].max()) if len(weeks) else 0
    fig.update_yaxes(title=t("chart.new_workers", lang), tickformat=",d", gridcolor="#e5e7eb",
                     rangemode="tozero", dtick=axis_ticks.count_step(max(most, 1)), tick0=0)
    return _layout(fig, lang, 300, showlegend=False)


def kecamatan_change_bar(change: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Change in protected workers since a week earlier per kecamatan (metrics.kecamatan_change)."""
    df = change.sort_values(["change_workers", "kode_kecamatan"], ascending=[True, False])
    colours = [BAR if v >= 0 else BAR_LIGHT for v in df["change_workers"]]
    hover = [f"{r.kecamatan}<br>{t('col.protected_week_ago', lang)}: {i18n.fmt_int(r.protected_week_ago, lang)}"
             f"<br>{t('col.protected', lang)}: {i18n.fmt_int(r.protected_workers, lang)}" for r in df.itertuples()]
    fig = go.Figure(go.Bar(
        x=df["change_workers"], y=df["kode_kecamatan"], orientation="h",
        marker=dict(color=colours, line=dict(color=INK, width=1)),
        text=[i18n.fmt_signed(v, lang) for v in df["change_workers"]], textposition="outside",
        cliponaxis=False, customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        name=t("chart.change", lang)))
    fig.update_yaxes(type="category", tickmode="array", tickvals=df["kode_kecamatan"], ticktext=df["kecamatan"],
                     ticklabelstandoff=8)
    span = max(int(df["change_workers"].abs().max()) if len(df) else 0, 1)
    low = -span * 1.25 if (df["change_workers"] < 0).any() else 0
    fig.update_xaxes(title=t("chart.change", lang), tickformat=",d", range=[low, span * 1.25],
                     dtick=axis_ticks.count_step(span * 1.25, 4), tick0=0,
                     gridcolor="#e5e7eb", zeroline=True, zerolinecolor=INK)
    return _layout(fig, lang, 100 + ROW_PX * len(df), showlegend=False)


SEX_COLOURS = {"L": "#1f6f8b", "P": "#d9822b"}


def sex_age_bars(table: pd.DataFrame, lang: str = "id", hidden: int = -1) -> go.Figure:
    """Bars of protected men and women per age group (reach.sex_age_table); a hidden small cell draws no bar."""
    fig = go.Figure()
    for sex, key in (("L", "reach.men"), ("P", "reach.women")):
        values = table[sex].where(table[sex] != hidden)
        fig.add_bar(x=list(table.index), y=list(values), name=t(key, lang), marker_color=SEX_COLOURS[sex],
                    hovertemplate="%{x}: %{y:,}<extra>%{fullData.name}</extra>")
    return _layout(fig, lang, 320, barmode="group", xaxis_title=t("reach.age_group", lang),
                   yaxis_title=t("col.protected", lang))


PHONE_TICKS_MOST = 4  # "Nov 2025" labels side by side on a 358 px chart without turning


def for_phone(fig: go.Figure) -> go.Figure:
    """The same figure made to read on a 390 px phone: fewer, level date ticks and room for annotations."""
    for axis in fig.select_xaxes():
        values, texts = axis.tickvals, axis.ticktext
        if values is not None and texts is not None and len(values) > PHONE_TICKS_MOST:
            step = -(-len(values) // PHONE_TICKS_MOST)
            axis.update(tickvals=list(values)[::step], ticktext=list(texts)[::step], tickangle=0)
    # Labels of reference lines (launch, target) collide with each other and the edge on a narrow plot:
    # they move under it, one per line, in their own colour.
    attached = [bool(a.text) and (a.xref != "paper" or a.yref not in (None, "paper")) for a in fig.layout.annotations]
    notes = [a for a, moved in zip(fig.layout.annotations, attached) if moved]
    if notes:
        kept = [a for a, moved in zip(fig.layout.annotations, attached) if not moved]
        lines = "<br>".join(f"<span style='color:{note.font.color or INK}'>{note.text}</span>" for note in notes)
        below = go.layout.Annotation(text=lines, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                                     yshift=-36, showarrow=False, align="left", font=dict(size=13))
        fig.layout.annotations = [*kept, below]  # assigned: update_layout would merge the lists item by item
        fig.update_layout(height=(fig.layout.height or 380) + 22 * len(notes), margin=dict(b=50 + 22 * len(notes)))
    fig.update_layout(margin=dict(l=6, r=12), font=dict(size=13))
    return fig


def frozen(fig: go.Figure) -> go.Figure:
    """`fig`, finished and shared by every session: its to_dict(), which st.plotly_chart sends, is made once
    and reused instead of deep-copied for every view (a fifth of a first view of Peta). Change nothing after.
    ui.context.shared() freezes the figures it shares."""
    fig.to_dict = functools.cache(fig.to_dict)
    return fig


def with_title(fig: go.Figure, title: str) -> go.Figure:
    """The figure with a small title line naming the view it shows (filters and date)."""
    top = max(fig.layout.margin.t or 0, 40)
    fig.update_layout(title=dict(text=title, x=0, xanchor="left", y=1, yanchor="top", yref="container",
                                 pad=dict(t=6, l=6), font=dict(size=13, color=GREY), automargin=True),
                      margin=dict(t=top))
    return fig
