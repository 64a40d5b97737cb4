"""The Paritrana Award evidence report: an A4 PDF drawn from one ReportData.

Cover (date, filters, data batches, contents), headline figures and the programme's numbers, the
coverage map, coverage per kecamatan and per desa, sectors not yet reached, the weekly trend, and a
methodology page with definitions and sources.
"""

from __future__ import annotations

import pandas as pd
from fpdf.enums import XPos, YPos

from jamsostek import domain, i18n, settings
from jamsostek.geo import boundaries
from jamsostek.analysis import funnel, indicators, maps, reach
from jamsostek.i18n import fmt_date, fmt_int, fmt_pct
from jamsostek.reports import figures, static_map
from jamsostek.reports.collect import TREND_WEEKS, ReportData
from jamsostek.reports.pdfbase import ACCENT, FONT, MUTED, DocPDF
from jamsostek.sasaran import show
from jamsostek.i18n import t

MAP_W_MM, MAP_H_MM = 180, 228
LARGEST_GAPS = 15


def build_evidence_pdf(data: ReportData, lang: str = "id") -> bytes:
    """The evidence report as PDF bytes (same data and language, same bytes)."""
    pdf = DocPDF(lang, data.as_of, data.is_sample,
                 header_text=t("ev.header", lang, date=fmt_date(data.as_of, lang)),
                 title=t("ev.title", lang))
    for page in (_cover, _headline, _map, _kecamatan, _desa, _sectors, _reach, _usulan, _trend, _catalogue,
                 _method):
        page(pdf, data, lang)
    return bytes(pdf.output())


def filters_text(data: ReportData, lang: str) -> str:
    """The filters in words: 'Kecamatan Ubud · Sektor Petani', or the whole-regency phrase."""
    f = data.filters
    parts = []
    if f.kecamatan:
        names = data.kecamatan.set_index("kode_kecamatan")["kecamatan"]
        parts.append(f"{t('filter.kecamatan', lang)} {names.get(f.kecamatan, f.kecamatan)}")
    if f.sektor:
        parts.append(f"{t('filter.sector', lang)} {i18n.sector_label(f.sektor, lang)}")
    if f.program:
        parts.append(f"{t('filter.program', lang)} {f.program}")
    if f.sumber:
        parts.append(f"{t('filter.funding', lang)} {i18n.funding_label(f.sumber, lang)}")
    return " · ".join(parts) if parts else t("doc.filters_none", lang)


# The headline boxes, three a row: this view, then its size, then the programme (indicator keys).
KPI_BOXES = ("protected", "coverage", "new_week", "sasaran", "gap", "lapsing",
             "growth_programme", "growth_all", "progress_target", "programme_protected", "zero_desa", "participants")
# Sub-lines for figures whose catalogue entry has no comparison.
_BOX_NOTES = {"sasaran": "ev.sub_sasaran", "gap": "ev.sub_gap", "lapsing": "ev.sub_lapsing"}
PROGRAMME_ROWS = ("programme_protected", "growth_programme", "growth_all", "progress_target", "worker_months",
                  "programme_cost")


def kpi_boxes(data: ReportData, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, sub-line) of the headline figures, each from the indicator catalogue."""
    h = data.headlines
    return [(h.label(key, lang), h.text(key, lang),
             h.sub(key, lang) or (t(_BOX_NOTES[key], lang) if key in _BOX_NOTES else "")) for key in KPI_BOXES]


def rebuilt_text(data: ReportData, lang: str) -> str | None:
    """For a report date before the data loaded: which later extract(s) the figures are rebuilt from."""
    later = data.later_batches()
    if later.empty:
        return None
    files = i18n.join_words([f"{r.file_name} ({fmt_date(r.extract_date, lang)})" for r in later.itertuples()], lang)
    return t("doc.rebuilt", lang, date=fmt_date(data.as_of, lang), files=files)


def _short(day, lang: str) -> str:
    return i18n.fmt_date_short(day, lang)


def programme_rows(data: ReportData, lang: str) -> list[tuple[str, str, str]]:
    """(indicator, value, comparison) of the programme's whole-region figures, including the cost estimate."""
    h = data.headlines
    return [(f"{indicators.BY_KEY[key].code} {h.label(key, lang)}", h.text(key, lang), h.sub(key, lang) or "")
            for key in PROGRAMME_ROWS]


def cost_formula(data: ReportData, lang: str) -> str:
    """The cost estimate written out with its formula."""
    h = data.headlines
    return t("prog.cost_formula", lang, months=h.text("worker_months", lang),
             rate=i18n.fmt_rp(settings.CONTRIBUTION_RP_PER_MONTH, lang),
             jkk=i18n.fmt_rp(settings.JKK_MIN_RP_PER_MONTH, lang), jkm=i18n.fmt_rp(settings.JKM_RP_PER_MONTH, lang),
             cost=h.text("programme_cost", lang), sources=indicators.sources_text(lang))


# --- pages
def _cover(pdf: DocPDF, data: ReportData, lang: str) -> None:
    pdf.new_page()
    pdf.set_y(32)
    if data.is_sample:
        pdf.sample_badge(pdf.l_margin, 22, pdf.epw, 8, size=10)
    pdf.set_font(FONT, "", 11)
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 6, t("doc.region", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font(FONT, "B", 22)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(0, 10, t("ev.title", lang), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.para(t("ev.subtitle", lang), size=11.5, height=6)
    pdf.ln(6)
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 9, t("doc.as_of", lang, date=fmt_date(data.as_of, lang)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.para(t("doc.filters", lang, text=filters_text(data, lang)), size=10, height=5.5)
    rebuilt = rebuilt_text(data, lang)
    if rebuilt:
        pdf.ln(2)
        pdf.para(rebuilt, size=9.5, style="B", colour=ACCENT)
    if data.is_sample:
        pdf.ln(3)
        pdf.para(t("notice.sample", lang), size=9.5, style="B", colour=(191, 54, 12))
    pdf.ln(6)
    pdf.h2(t("ev.batches", lang))
    _batches_table(pdf, data, lang)
    pdf.ln(4)
    pdf.contents_placeholder(_render_contents)


def _render_contents(pdf: DocPDF, outline) -> None:
    pdf.set_x(pdf.l_margin)
    pdf.h2(t("ev.contents", pdf.doc_lang))
    pdf.set_font(FONT, "", 10)
    for section in outline:
        pdf.cell(pdf.epw - 15, 6.5, section.name, new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.cell(15, 6.5, str(section.page_number), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _batches_table(pdf: DocPDF, data: ReportData, lang: str) -> None:
    active = data.batches[data.batches["withdrawn_at"].isna()]
    if active.empty:
        pdf.para(t("ev.batches_none", lang))
        return
    rows = [(str(r.batch_id), r.file_name, fmt_date(r.extract_date, lang), fmt_int(r.rows_accepted, lang),
             fmt_int(r.rows_rejected, lang), t("doc.col_yes" if r.is_sample else "doc.col_no", lang))
            for r in active.sort_values("batch_id").itertuples()]
    headings = [t(k, lang) for k in ("doc.col_batch", "doc.col_file", "doc.col_extract_date",
                                      "doc.col_rows_accepted", "doc.col_rows_rejected", "doc.col_is_sample")]
    pdf.data_table(headings, rows, (14, 68, 32, 24, 24, 18), ("RIGHT", "LEFT", "LEFT", "RIGHT", "RIGHT", "LEFT"),
                   size=8.5)


def _headline(pdf: DocPDF, data: ReportData, lang: str) -> None:
    pdf.new_page()
    pdf.h1(t("ev.sec_kpi", lang))
    boxes = kpi_boxes(data, lang)
    for start in range(0, len(boxes), 3):
        pdf.kpi_row(boxes[start:start + 3])
    pdf.note(t("ev.kpi_note", lang) + " " + t("doc.filters", lang, text=filters_text(data, lang)))
    pdf.ln(4)
    pdf.h1(t("ev.sec_programme", lang))
    pdf.para(t("prog.intro", lang, date=fmt_date(settings.LAUNCH_DATE, lang),
                count=fmt_int(settings.LAUNCH_WORKERS, lang)), height=5)
    pdf.ln(2)
    rows = programme_rows(data, lang)
    pdf.data_table([t("wb.item", lang), t("wb.value", lang), t("wb.comparison", lang)], rows, (84, 36, 60),
                   ("LEFT", "RIGHT", "LEFT"), size=9.5, line_height=6, bold_rows={len(rows) - 1})
    pdf.note(cost_formula(data, lang))


def _map(pdf: DocPDF, data: ReportData, lang: str) -> None:
    pdf.new_page()
    pdf.h1(t("ev.sec_map", lang))
    try:
        png = static_map.coverage_map_png(data.desa, lang, MAP_W_MM / 25.4, MAP_H_MM / 25.4, dpi=200)
    except boundaries.BoundariesUnavailable as error:
        pdf.para(t("ev.map_unavailable", lang, reason=str(error).splitlines()[0][:160]))
        return
    pdf.image_png(png, MAP_W_MM, MAP_H_MM)
    pdf.ln(1)
    pdf.note(t("ev.map_note", lang))


def _coverage_rows(frame: pd.DataFrame, lang: str, name_columns: list[str]) -> list[list[str]]:
    return [[*(str(r[c]) for c in name_columns), fmt_int(r["sasaran_workers"], lang),
             fmt_int(r["protected_workers"], lang), fmt_pct(r["coverage_pct"], lang), fmt_int(r["gap_workers"], lang)]
            for _, r in frame.iterrows()]


def _numbers_headings(lang: str) -> list[str]:
    return [t(k, lang) for k in ("col.sasaran", "col.protected", "col.coverage_pct", "col.gap")]


def _total_row(frame: pd.DataFrame, data: ReportData, lang: str, blanks: int) -> list[str]:
    k = data.kpi
    return ["Total", *[""] * blanks, fmt_int(k["sasaran_workers"], lang), fmt_int(k["protected_workers"], lang),
            fmt_pct(k["coverage_pct"], lang), fmt_int(k["gap_workers"], lang)]


def _kecamatan(pdf: DocPDF, data: ReportData, lang: str) -> None:
    pdf.new_page()
    pdf.h1(t("ev.sec_kecamatan", lang))
    frame = data.kecamatan
    fig = figures.coverage_bars_figure(list(frame["kecamatan"]), list(frame["coverage_pct"]), lang, width_in=7.1,
                                       reference_pct=data.kpi["coverage_pct"])
    height_mm = fig.get_size_inches()[1] * 25.4
    pdf.image_png(figures.png(fig, dpi=200), 180, height_mm)
    pdf.note(t("ev.reference_line", lang, pct=fmt_pct(data.kpi["coverage_pct"], lang)))
    rows = _coverage_rows(frame, lang, ["kode_kecamatan", "kecamatan"]) + [_total_row(frame, data, lang, 1)]
    pdf.data_table([t("col.kode_kecamatan", lang), t("col.kecamatan", lang), *_numbers_headings(lang)], rows,
                   (26, 44, 28, 28, 26, 28), ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
                   size=9, line_height=5.5, bold_rows={len(rows) - 1})


def _desa(pdf: DocPDF, data: ReportData, lang: str) -> None:
    pdf.new_page()
    pdf.h1(t("ev.sec_desa", lang))
    pdf.note(t("ev.desa_note", lang))
    frame = data.desa
    rows = _coverage_rows(frame, lang, ["kode_desa", "desa", "kecamatan"]) + [_total_row(frame, data, lang, 2)]
    zero = {i for i, r in enumerate(frame.itertuples()) if r.sasaran_workers > 0 and r.protected_workers == 0}
    pdf.data_table([t("col.kode_desa", lang), t("col.desa", lang), t("col.kecamatan", lang),
                    *_numbers_headings(lang)], rows, (25, 36, 27, 23, 23, 21, 25),
                   ("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"), size=8, line_height=4.3,
                   bold_rows=zero | {len(rows) - 1}, fill_rows=zero)


def _sectors(pdf: DocPDF, data: ReportData, lang: str) -> None:
    pdf.new_page()
    pdf.h1(t("ev.sec_sectors", lang))
    frame = data.sectors.sort_values(["coverage_pct", "sektor"], na_position="first")
    names = [i18n.sector_label(s, lang) for s in frame["sektor"]]
    fig = figures.coverage_bars_figure(names, list(frame["coverage_pct"]), lang, width_in=7.1, bar_in=0.27,
                                       reference_pct=data.kpi["coverage_pct"])
    pdf.image_png(figures.png(fig, dpi=200), 180, fig.get_size_inches()[1] * 25.4)
    pdf.note(t("ev.reference_line", lang, pct=fmt_pct(data.kpi["coverage_pct"], lang)))
    pdf.h2(t("ev.sectors_table", lang))
    by_gap = data.sectors.assign(name=[i18n.sector_label(s, lang) for s in data.sectors["sektor"]])
    rows = _coverage_rows(by_gap, lang, ["name"])
    pdf.data_table([t("col.sector", lang), *_numbers_headings(lang)], rows, (60, 30, 30, 30, 30),
                   ("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"), size=9, line_height=5)
    zero = data.zero_cells()
    pdf.h2(t("ev.zero_cells", lang, count=fmt_int(len(zero), lang)))
    if zero.empty:
        pdf.para(t("ev.zero_cells_none", lang))
    else:
        pdf.note(t("ev.zero_cells_note", lang))
        _cells_table(pdf, zero, lang)
    pdf.h2(t("ev.largest_gaps", lang))
    _cells_table(pdf, data.cells.head(LARGEST_GAPS), lang)


def _reach(pdf: DocPDF, data: ReportData, lang: str) -> None:
    # A document travels beyond the roles that may see detail: small cells are always hidden here.
    pdf.new_page()
    pdf.h1(t("reach.section", lang))
    pdf.h2(t("reach.by_age", lang))
    ages = reach.sex_age_table(reach.group_ages(data.reached, "region"), show_small=False)
    shown = reach.display(ages.rename_axis("umur_kelompok").reset_index(), lang)
    pdf.data_table(list(shown.columns), shown.astype(str).to_numpy().tolist(), (40,) + (30,) * (shown.shape[1] - 1),
                   ("LEFT",) + ("RIGHT",) * (shown.shape[1] - 1), size=9, line_height=5)
    pdf.h2(t("reach.by_kecamatan", lang))
    summary = reach.sex_summary(reach.group_ages(data.reached, "kecamatan"), "kecamatan", show_small=False)
    shown = reach.display(summary.drop(columns=["kode_kecamatan"]), lang)
    rows = [[*r[:-1], fmt_pct(r[-1], lang)] for r in shown.itertuples(index=False)]
    pdf.data_table(list(shown.columns), rows, (50, 35, 35, 35), ("LEFT", "RIGHT", "RIGHT", "RIGHT"),
                   size=9, line_height=5)
    pdf.note(t("reach.note", lang, date=fmt_date(data.as_of, lang), n=settings.SMALL_CELL_MIN))


def _usulan(pdf: DocPDF, data: ReportData, lang: str) -> None:
    # Counts only: the candidates' names and NIK never leave the Usulan page's admin downloads.
    pdf.new_page()
    pdf.h1(t("usulan.ev_section", lang))
    pdf.para(t("usulan.ev_intro", lang, date=fmt_date(data.as_of, lang), weeks=settings.USULAN_STALL_WEEKS))
    if data.usulan.empty:
        pdf.para(t("usulan.none", lang))
        return
    counts = [t(label, lang) for label in funnel.COLUMNS.values()]
    widths, align = (25,) * len(counts), ("RIGHT",) * len(counts)
    pdf.h2(t("usulan.by_kecamatan", lang))
    per_kecamatan = funnel.by_kecamatan(data.usulan)
    rows = [[r.kecamatan, *(fmt_int(getattr(r, c), lang) for c in funnel.COLUMNS)] for r in per_kecamatan.itertuples()]
    total = ["Total", *(fmt_int(int(data.usulan[c].sum()), lang) for c in funnel.COLUMNS)]
    pdf.data_table([t("usulan.col_kecamatan", lang), *counts], rows + [total], (55, *widths), ("LEFT", *align),
                   size=9, line_height=5, bold_rows={len(rows)})
    pdf.h2(t("usulan.by_desa", lang))
    rows = [[r.desa, r.kecamatan, *(fmt_int(getattr(r, c), lang) for c in funnel.COLUMNS)]
            for r in data.usulan.itertuples()]
    pdf.data_table([t("usulan.col_desa", lang), t("usulan.col_kecamatan", lang), *counts], rows,
                   (30, 25, *widths), ("LEFT", "LEFT", *align), size=8, line_height=4.4)


def _cells_table(pdf: DocPDF, cells: pd.DataFrame, lang: str) -> None:
    rows = [[r.desa, r.kecamatan, i18n.sector_label(r.sektor, lang), fmt_int(r.sasaran_workers, lang),
             fmt_int(r.protected_workers, lang), fmt_pct(r.coverage_pct, lang), fmt_int(r.gap_workers, lang)]
            for r in cells.itertuples()]
    pdf.data_table([t("col.desa", lang), t("col.kecamatan", lang), t("col.sector", lang),
                    *_numbers_headings(lang)], rows, (30, 25, 33, 21, 22, 22, 27),
                   ("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"), size=8, line_height=4.4)


def _trend(pdf: DocPDF, data: ReportData, lang: str) -> None:
    pdf.new_page()
    pdf.h1(t("ev.sec_trend", lang))
    weeks = data.weeks
    if weeks.empty:
        pdf.para(t("ev.trend_none", lang))
        return
    target = settings.TARGET_WORKERS_2026 if not data.is_filtered else None
    fig = figures.trend_figure(weeks, lang, width_in=7.1, height_in=3.9, target=target, launch=settings.LAUNCH_DATE,
                               programme=data.programme_weeks if target else None,
                               programme_label=indicators.name("programme_protected", lang))
    pdf.image_png(figures.png(fig, dpi=200), 180, 3.9 * 25.4)
    pdf.ln(3)
    pdf.h2(t("ev.trend_last", lang, weeks=TREND_WEEKS))
    last = weeks.tail(TREND_WEEKS).iloc[::-1]
    before = weeks["protected_workers"].shift(1).tail(TREND_WEEKS).iloc[::-1]
    rows = [[i18n.fmt_date_short(r.week_start, lang), i18n.fmt_date_short(r.week_end, lang),
             fmt_int(r.new_workers, lang), fmt_int(r.protected_workers, lang),
             i18n.fmt_signed(r.protected_workers - b, lang)]
            for r, b in zip(last.itertuples(), before, strict=True)]
    pdf.data_table([t(k, lang) for k in ("col.week_start", "col.week_end", "col.new_workers", "col.protected",
                                          "col.change")], rows, (36, 36, 36, 36, 36),
                   ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"), size=8.5, line_height=4.8)
    pdf.h2(t("ev.lapsing", lang, days=data.lapsing_days))
    if data.lapsing.empty:
        pdf.para(t("ev.lapsing_none", lang))
        return
    rows = [[r.desa, r.kecamatan, fmt_int(r.lapsing_workers, lang), fmt_date(r.first_paid_until, lang)]
            for r in data.lapsing.head(LARGEST_GAPS).itertuples()]
    pdf.data_table([t(k, lang) for k in ("col.desa", "col.kecamatan", "col.lapsing", "col.first_paid_until")],
                   rows, (50, 45, 40, 45), ("LEFT", "LEFT", "RIGHT", "LEFT"), size=8.5, line_height=4.8)


def method_paragraphs(data: ReportData, lang: str) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the methodology page; also written to the workbook."""
    definitions = [t("method.protected", lang), t("method.sasaran", lang),
                   show.method_text(data.headlines.region, t("doc.region", lang), lang), t("method.coverage", lang),
                   t("method.gap", lang), t("method.week", lang),
                   t("method.lapsing", lang, days=data.lapsing_days), cost_formula(data, lang)]
    active = int(data.batches["withdrawn_at"].isna().sum()) if len(data.batches) else 0
    sources = [t("method.src_extract", lang, count=active),
               t("method.src_sasaran", lang), *filter(None, [show.version_text(data.status, lang)]),
               t("method.src_codes", lang), maps.attribution(lang) + ".",
               t("method.src_rates", lang),
               t("method.src_programme", lang, target=fmt_int(settings.TARGET_WORKERS_2026, lang),
                  verified=fmt_int(settings.VERIFIED_WORKERS_2026, lang))]
    if data.is_sample:
        sources.append(t("method.src_sample", lang))
    return [(t("method.definitions", lang), definitions), (t("method.sources", lang), sources)]


def _method(pdf: DocPDF, data: ReportData, lang: str) -> None:
    pdf.new_page()
    pdf.h1(t("ev.sec_method", lang))
    for heading, paragraphs in method_paragraphs(data, lang):
        pdf.h2(heading)
        for text in paragraphs:
            bold = text == t("method.src_sample", lang)
            pdf.para("• " + text, size=9.5, style="B" if bold else "", height=5)
            pdf.ln(1.5)
        pdf.ln(2)
    sectors = ", ".join(i18n.sector_label(code, lang) for code in domain.SECTORS)
    pdf.note(f"{t('col.sector', lang)}: {sectors}.")


def _catalogue(pdf: DocPDF, data: ReportData, lang: str) -> None:
    # The indicator catalogue: what every figure in this report counts, and how.
    pdf.new_page()
    pdf.h1(t("ind.title", lang))
    pdf.note(t("ind.intro", lang))
    table = indicators.catalogue_table(lang, data.lapsing_days)
    pdf.data_table(list(table.columns[:6]), table.iloc[:, :6].values.tolist(), (13, 30, 45, 30, 32, 30),
                   ("LEFT",) * 6, size=7.5, line_height=3.8)
