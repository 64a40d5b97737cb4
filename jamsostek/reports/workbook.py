"""The report's tables as one XLSX workbook: one sheet per table, headers in the document language.

Cells hold raw numbers and dates (formatted by Excel, so they stay sortable and summable); the
number formats, frozen header, column widths and formula-injection guard come from export.to_xlsx_bytes.
"""

from __future__ import annotations

from datetime import datetime, time

import pandas as pd

from jamsostek import i18n
from jamsostek.reports import downloads as export
from jamsostek.analysis import indicators
from jamsostek.reports import evidence
from jamsostek.reports.collect import ReportData
from jamsostek.i18n import t


def sheets(data: ReportData, lang: str = "id") -> dict[str, pd.DataFrame]:
    """Sheet name -> table with translated headers, in the order they appear in the workbook."""
    c = _columns(lang)
    return {
        t("wb.summary", lang): _summary(data, lang),
        t("wb.kecamatan", lang): data.kecamatan.rename(columns=c)[
            [c["kode_kecamatan"], c["kecamatan"], *_numbers(c)]],
        t("wb.desa", lang): data.desa.assign(apbd=_apbd(data)).rename(columns=c)[
            [c["kode_desa"], c["desa"], c["kecamatan"], *_numbers(c), c["apbd"]]],
        t("wb.sectors", lang): data.sectors.assign(sektor=_sector_names(data.sectors, lang)).rename(columns=c)[
            [c["sektor"], *_numbers(c)]],
        t("wb.cells", lang): data.cells.assign(sektor=_sector_names(data.cells, lang)).rename(columns=c)[
            [c["kode_desa"], c["desa"], c["kecamatan"], c["sektor"], *_numbers(c)]],
        t("wb.weeks", lang): data.weeks.rename(columns=c)[
            [c["week_start"], c["week_end"], c["new_workers"], c["protected_workers"]]],
        t("wb.lapsing", lang): data.lapsing.rename(columns=c)[
            [c["kode_desa"], c["desa"], c["kecamatan"], c["lapsing_workers"], c["first_paid_until"]]],
        t("wb.programme", lang): _programme(data, lang),
        t("wb.batches", lang): _batches(data, lang),
        t("wb.method", lang): _method(data, lang),
        t("ind.title", lang): indicators.catalogue_table(lang, data.lapsing_days),
    }


def build_workbook(data: ReportData, lang: str = "id") -> bytes:
    """The workbook as XLSX bytes (same data and language, same bytes)."""
    note = t("doc.filters", lang, text=evidence.filters_text(data, lang))
    if data.is_sample:
        note = f"{t('notice.sample_short', lang)} · {note}"
    rebuilt = evidence.rebuilt_text(data, lang)
    if rebuilt:
        note = f"{note} · {rebuilt}"
    return export.to_xlsx_bytes(
        sheets(data, lang),
        title=t("wb.title", lang, date=i18n.fmt_date(data.as_of, lang)),
        note=note,
        generated_at=datetime.combine(data.as_of, time(0)),
    )


def _columns(lang: str) -> dict[str, str]:
    keys = {
        "kode_kecamatan": "col.kode_kecamatan", "kecamatan": "col.kecamatan", "kode_desa": "col.kode_desa",
        "desa": "col.desa", "sektor": "col.sector", "sasaran_workers": "col.sasaran",
        "protected_workers": "col.protected", "coverage_pct": "col.coverage_pct", "gap_workers": "col.gap",
        "week_start": "col.week_start", "week_end": "col.week_end", "new_workers": "col.new_workers",
        "lapsing_workers": "col.lapsing", "first_paid_until": "col.first_paid_until", "apbd": "doc.col_apbd",
    }
    return {column: t(key, lang) for column, key in keys.items()}


def _numbers(c: dict[str, str]) -> list[str]:
    return [c["sasaran_workers"], c["protected_workers"], c["coverage_pct"], c["gap_workers"]]


def _sector_names(frame: pd.DataFrame, lang: str) -> list[str]:
    return [i18n.sector_label(code, lang) for code in frame["sektor"]]


def _apbd(data: ReportData) -> list[int]:
    apbd = data.desa_apbd.set_index("kode_desa")["protected_workers"]
    return [int(apbd.get(code, 0)) for code in data.desa["kode_desa"]]


SUMMARY_FIGURES = ("protected", "new_week", "lapsing", "sasaran", "coverage", "gap")  # indicator keys


def _summary(data: ReportData, lang: str) -> pd.DataFrame:
    h = data.headlines
    row = {t("filter.as_of", lang): data.as_of,
           **{h.label(key, lang): h.value(key) for key in SUMMARY_FIGURES[:1]},
           t("col.protected_week_ago", lang): data.kpi["protected_workers_week_ago"],
           t("col.change", lang): data.protected_delta,
           **{h.label(key, lang): h.value(key) for key in SUMMARY_FIGURES[1:]}}
    return pd.DataFrame([row])


def _programme(data: ReportData, lang: str) -> pd.DataFrame:
    # One row per indicator (code, name, number, comparison): the same rows as the PDF's programme table.
    h = data.headlines
    return pd.DataFrame({
        t("ind.col.code", lang): [indicators.BY_KEY[k].code for k in evidence.PROGRAMME_ROWS],
        t("ind.col.name", lang): [h.label(k, lang) for k in evidence.PROGRAMME_ROWS],
        t("wb.value", lang): [h.value(k) for k in evidence.PROGRAMME_ROWS],
        t("wb.comparison", lang): [h.sub(k, lang) or "" for k in evidence.PROGRAMME_ROWS],
    })


def _batches(data: ReportData, lang: str) -> pd.DataFrame:
    b = data.batches[data.batches["withdrawn_at"].isna()].sort_values("batch_id")
    return pd.DataFrame({
        t("doc.col_batch", lang): b["batch_id"].astype("int64"),
        t("doc.col_file", lang): b["file_name"].astype(object),  # uploaded names: the injection guard applies
        t("doc.col_extract_date", lang): b["extract_date"],
        t("doc.col_rows_accepted", lang): b["rows_accepted"].astype("int64"),
        t("doc.col_rows_rejected", lang): b["rows_rejected"].astype("int64"),
        t("doc.col_is_sample", lang): [t("doc.col_yes" if v else "doc.col_no", lang) for v in b["is_sample"]],
        t("doc.col_loaded_at", lang): b["loaded_at"],
    })


def _method(data: ReportData, lang: str) -> pd.DataFrame:
    lines = []
    for heading, paragraphs in evidence.method_paragraphs(data, lang):
        lines += [heading, *paragraphs, ""]
    return pd.DataFrame({t("wb.text", lang): lines[:-1]})
