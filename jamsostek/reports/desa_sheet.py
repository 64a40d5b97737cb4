"""Lembar Desa: one A4 page per desa for its Perbekel or Lurah, as one bundle or one desa at a time.

Each page: the desa's coverage, its sectors with the number still to enrol, the weekly trend since the
launch, the programme's contribution, and a short text to read out or forward when socialising the
programme. Charts are drawn as vectors by fpdf2 and the locator map is one image shared by every
page, so the 70 pages build in seconds and print sharply.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from fpdf.enums import XPos, YPos

from jamsostek import i18n, settings
from jamsostek.analysis import desa_panel
from jamsostek.geo import boundaries
from jamsostek.i18n import fmt_date, fmt_int, fmt_pct
from jamsostek.reports import figures, static_map
from jamsostek.sasaran import show
from jamsostek.reports.collect import ReportData
from jamsostek.reports.pdfbase import ACCENT, BAND, BOTTOM_MM, FONT, INK, MUTED, RULE, DocPDF
from jamsostek.i18n import join_words, t

LOCATOR_W_MM, LOCATOR_H_MM = 38, 84
LEFT_W_MM = 180 - LOCATOR_W_MM - 6
TOP_SECTORS = 3  # sectors named in the socialisation text
TREND_H_MM = 34  # the trend chart with its axis labels, as tall as the hand-drawn one was with its labels
TREND_DPI = 150
MM_PER_INCH = 25.4


def build_desa_sheets(data: ReportData, lang: str = "id", codes: Iterable[str] | None = None) -> bytes:
    """PDF with one page per desa (all desa in the data, or the given kode_desa), in kode_desa order."""
    wanted = list(data.desa["kode_desa"]) if codes is None else sorted(codes)
    unknown = set(wanted) - set(data.desa["kode_desa"])
    if unknown:
        raise KeyError(f"desa not in the report data: {sorted(unknown)}")
    pdf = DocPDF(lang, data.as_of, data.is_sample,
                 header_text=t("ev.header", lang, date=fmt_date(data.as_of, lang)),
                 title=t("desa.title", lang, desa="Gianyar"))
    pdf.show_header_on_first_page = True
    pdf.set_auto_page_break(False)  # one page per desa: the layout is sized to fit
    try:
        locator = static_map.locator(LOCATOR_W_MM / 25.4, LOCATOR_H_MM / 25.4)
    except boundaries.BoundariesUnavailable:
        locator = None
    cells = data.cells.groupby("kode_desa")
    weeks = data.desa_weeks.groupby("kode_desa")
    apbd = data.desa_apbd.set_index("kode_desa")["protected_workers"]
    lapsing = data.lapsing.set_index("kode_desa")
    desa = data.desa.set_index("kode_desa")
    for code in wanted:
        row = desa.loc[code]
        _page(pdf, data, lang, code, row, _group(cells, code, data.cells), _group(weeks, code, data.desa_weeks),
              int(apbd.get(code, 0)), lapsing.loc[code] if code in lapsing.index else None, locator)
    return bytes(pdf.output())


def sheet_title(row: pd.Series, lang: str) -> str:
    """'Lembar Desa Batubulan' or 'Lembar Kelurahan Gianyar'."""
    key = "desa.title_kelurahan" if row["jenis"] == "kelurahan" else "desa.title"
    return t(key, lang, desa=row["desa"])


def social_text(row: pd.Series, sectors: pd.DataFrame, lang: str) -> str:
    """The short socialisation text for one desa, with its own numbers."""
    name = row["desa"]
    coverage = fmt_pct(row["coverage_pct"], lang)
    if row["gap_workers"] <= 0 or row["sasaran_workers"] <= 0:
        return t("desa.social_done", lang, desa=name, protected=fmt_int(row["protected_workers"], lang),
                  coverage=coverage)
    # "Other informal" reads badly in a sentence, and people cannot be invited as "others".
    top = sectors[(sectors["gap_workers"] > 0) & (sectors["sektor"] != "lainnya")].head(TOP_SECTORS)
    names = [i18n.sector_label(s, lang).lower() for s in top["sektor"]]
    return t("desa.social_text", lang, desa=name, protected=fmt_int(row["protected_workers"], lang),
              sasaran=fmt_int(row["sasaran_workers"], lang), coverage=coverage,
              gap=fmt_int(row["gap_workers"], lang), sectors=join_words(names, lang))


def rank_in_kecamatan(data: ReportData, code: str) -> tuple[int, int] | None:
    """(rank, count) of a desa's coverage among the desa of its kecamatan with a sasaran (1 = highest)."""
    desa = data.desa[data.desa["sasaran_workers"] > 0]
    kecamatan = data.desa.set_index("kode_desa").loc[code, "kode_kecamatan"]
    peers = desa[desa["kode_kecamatan"] == kecamatan].sort_values(["coverage_pct", "kode_desa"],
                                                                  ascending=[False, True])
    if code not in set(peers["kode_desa"]):
        return None
    return list(peers["kode_desa"]).index(code) + 1, len(peers)


def _group(groups, code: str, frame: pd.DataFrame) -> pd.DataFrame:
    return groups.get_group(code) if code in groups.groups else frame.iloc[0:0]


def _page(pdf: DocPDF, data: ReportData, lang: str, code: str, row: pd.Series, cells: pd.DataFrame,
          weeks: pd.DataFrame, apbd_workers: int, lapsing, locator) -> None:
    pdf.add_page()
    title = sheet_title(row, lang)
    pdf.start_section(title)
    pdf.set_font(FONT, "B", 17)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 9, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for_key = "desa.for_kelurahan" if row["jenis"] == "kelurahan" else "desa.for"
    pdf.para(t(for_key, lang, desa=row["desa"], kecamatan=row["kecamatan"], date=fmt_date(data.as_of, lang)),
             size=9, colour=MUTED, height=4.5)
    pdf.ln(3)
    top = pdf.get_y()
    if locator is not None:
        _locator(pdf, locator, code, pdf.l_margin + LEFT_W_MM + 6, top)
    _kpis(pdf, row, lang, top)
    _note(pdf, show.figure_line(row, data.status, lang))
    rank = rank_in_kecamatan(data, code)
    if rank:
        _note(pdf, t("desa.rank", lang, rank=rank[0], count=rank[1], kecamatan=row["kecamatan"]))
    pdf.ln(2)
    pdf.set_font(FONT, "B", 10.5)
    pdf.cell(LEFT_W_MM, 6, t("desa.sectors", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    sectors = cells[cells["sasaran_workers"] > 0].sort_values(["gap_workers", "sektor"], ascending=[False, True])
    _sector_table(pdf, sectors, lang)
    pdf.set_y(max(pdf.get_y(), top + LOCATOR_H_MM + 4))
    _trend(pdf, weeks, lang)
    _programme(pdf, row, apbd_workers, lapsing, data.lapsing_days, lang)
    usulan_line = desa_panel.funnel_line(data.usulan, code, lang) if not data.usulan.empty else None
    if usulan_line:  # the desa's candidates so far, counts only
        pdf.para(f"{t('funnel.panel.heading', lang)}: {usulan_line}", size=9, style="B", height=4.6)
        pdf.ln(3)
    _social(pdf, social_text(row, sectors, lang), lang)
    if pdf.get_y() > pdf.h - BOTTOM_MM:
        # Page breaks are off (one page per desa), so overflowing text would run into the footer.
        raise ValueError(f"the sheet of {row['desa']} is longer than one page")


def _note(pdf: DocPDF, text: str) -> None:
    pdf.set_font(FONT, "", 8.5)
    pdf.set_text_color(*MUTED)
    pdf.cell(LEFT_W_MM, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)


def _kpis(pdf: DocPDF, row: pd.Series, lang: str, top: float) -> None:
    boxes = [(t("metric.protected", lang), fmt_int(row["protected_workers"], lang)),
             (t("metric.sasaran", lang), fmt_int(row["sasaran_workers"], lang)),
             (t("metric.coverage", lang), fmt_pct(row["coverage_pct"], lang)),
             (t("desa.to_enrol", lang), fmt_int(row["gap_workers"], lang))]
    gap, h = 2.5, 20
    w = (LEFT_W_MM - gap * 3) / 4
    for i, (label, value) in enumerate(boxes):
        pdf.kpi_box(pdf.l_margin + i * (w + gap), top, w, h, label, value)
    pdf.set_xy(pdf.l_margin, top + h + 2)


def _sector_table(pdf: DocPDF, sectors: pd.DataFrame, lang: str) -> None:
    if sectors.empty:
        pdf.para(t("desa.no_sectors", lang), size=9)
        return
    zero = {i for i, r in enumerate(sectors.itertuples()) if r.protected_workers == 0}
    rows = [[i18n.sector_label(r.sektor, lang), fmt_int(r.sasaran_workers, lang), fmt_int(r.protected_workers, lang),
             fmt_pct(r.coverage_pct, lang), fmt_int(r.gap_workers, lang)] for r in sectors.itertuples()]
    headings = [t("col.sector", lang), t("col.sasaran", lang), t("col.protected", lang),
                t("col.coverage_pct", lang), t("desa.to_enrol", lang)]
    pdf.data_table(headings, rows, (44, 20, 22, 22, 28), ("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
                   size=8.5, line_height=4.4, bold_rows=zero, fill_rows=zero)
    if zero:
        pdf.set_x(pdf.l_margin)
        pdf.para(t("desa.zero_note", lang), size=7.5, colour=MUTED, height=3.8, width=LEFT_W_MM)


def _locator(pdf: DocPDF, locator: static_map.Locator, code: str, x: float, y: float) -> None:
    pdf.image(locator.png, x=x, y=y, w=LOCATOR_W_MM, h=LOCATOR_H_MM)
    pdf.set_fill_color(*ACCENT)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.35)
    for ring in static_map.desa_rings(code):
        pdf.polygon(locator.to_box(ring, x, y, LOCATOR_W_MM, LOCATOR_H_MM), style="DF")
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.rect(x, y, LOCATOR_W_MM, LOCATOR_H_MM)
    pdf.set_xy(x, y + LOCATOR_H_MM + 0.5)
    pdf.set_font(FONT, "", 6.5)
    pdf.set_text_color(*MUTED)
    pdf.cell(LOCATOR_W_MM, 3, t("desa.locator", lang=pdf.doc_lang), align="C")
    pdf.set_text_color(*INK)


def _trend(pdf: DocPDF, weeks: pd.DataFrame, lang: str) -> None:
    pdf.set_font(FONT, "B", 10.5)
    pdf.cell(0, 6, t("desa.trend", lang, date=fmt_date(settings.LAUNCH_DATE, lang)),
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    since = weeks[pd.to_datetime(weeks["week_end"]) >= pd.Timestamp(settings.LAUNCH_DATE)]
    x, y, w, h = pdf.l_margin, pdf.get_y() + 2, pdf.epw, TREND_H_MM
    if since.empty:
        pdf.para(t("ev.trend_none", lang), size=9)
        return
    fig = figures.line_figure(since["week_end"], since["protected_workers"], lang, w / MM_PER_INCH, h / MM_PER_INCH)
    pdf.set_y(y)
    pdf.image_png(figures.png(fig, dpi=TREND_DPI), w, h, x=x)
    pdf.set_xy(pdf.l_margin, y + h + 2)


def _programme(pdf: DocPDF, row: pd.Series, apbd_workers: int, lapsing, days: int, lang: str) -> None:
    pdf.set_font(FONT, "B", 10.5)
    pdf.cell(0, 6, t("desa.programme", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    protected = int(row["protected_workers"])
    share = fmt_pct(100.0 * apbd_workers / protected if protected else float("nan"), lang)
    text = t("desa.programme_text", lang, apbd=fmt_int(apbd_workers, lang), protected=fmt_int(protected, lang),
              share=share, rate=i18n.fmt_rp(settings.CONTRIBUTION_RP_PER_MONTH, lang),
              jkk=i18n.fmt_rp(settings.JKK_MIN_RP_PER_MONTH, lang), jkm=i18n.fmt_rp(settings.JKM_RP_PER_MONTH, lang))
    pdf.para(text, size=9, height=4.6)
    if lapsing is not None:
        pdf.ln(1)
        pdf.para(t("desa.lapsing", lang, count=fmt_int(lapsing["lapsing_workers"], lang), days=days,
                    date=fmt_date(lapsing["first_paid_until"], lang)), size=9, style="B", height=4.6)
    pdf.ln(3)


def _social(pdf: DocPDF, text: str, lang: str) -> None:
    pdf.set_font(FONT, "B", 10.5)
    pdf.cell(0, 6, t("desa.social", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 9.5)
    pad, line = 3, 5
    lines = pdf.wrap(text, pdf.epw - 2 * pad - 2 * pdf.c_margin)
    y = pdf.get_y()
    pdf.set_fill_color(*BAND)
    pdf.set_draw_color(*RULE)
    pdf.rect(pdf.l_margin, y, pdf.epw, len(lines) * line + 2 * pad, style="DF")
    pdf.set_xy(pdf.l_margin + pad, y + pad)
    pdf.para(text, size=9.5, height=line, width=pdf.epw - 2 * pad)
