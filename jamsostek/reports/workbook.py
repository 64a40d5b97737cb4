"""The report's tables as one XLSX workbook: one sheet per table, headers in the document language.

Cells hold raw numbers and dates (formatted by Excel, so they stay sortable and summable); the
number formats, frozen header, column widths and formula-injection guard come from export.to_xlsx_bytes.
"""

from __future__ import annotations

from datetime import datetime, time

import pandas as pd

from jamsostek import export, i18n, settings
from jamsostek.reports import evidence
from jamsostek.reports.collect import ReportData
from jamsostek.reports.texts import tr

RP_FORMAT = "#,##0"


def sheets(data: ReportData, lang: str = "id") -> dict[str, pd.DataFrame]:
    """Sheet name -> table with translated headers, in the order they appear in the workbook."""
    c = _columns(lang)
    return {
        tr("wb.summary", lang): _summary(data, lang),
        tr("wb.kecamatan", lang): data.kecamatan.rename(columns=c)[
            [c["kode_kecamatan"], c["kecamatan"], *_numbers(c)]],
        tr("wb.desa", lang): data.desa.assign(apbd=_apbd(data)).rename(columns=c)[
            [c["kode_desa"], c["desa"], c["kecamatan"], *_numbers(c), c["apbd"]]],
        tr("wb.sectors", lang): data.sectors.assign(sektor=_sector_names(data.sectors, lang)).rename(columns=c)[
            [c["sektor"], *_numbers(c)]],
        tr("wb.cells", lang): data.cells.assign(sektor=_sector_names(data.cells, lang)).rename(columns=c)[
            [c["kode_desa"], c["desa"], c["kecamatan"], c["sektor"], *_numbers(c)]],
        tr("wb.weeks", lang): data.weeks.rename(columns=c)[
            [c["week_start"], c["week_end"], c["new_workers"], c["protected_workers"]]],
        tr("wb.lapsing", lang): data.lapsing.rename(columns=c)[
            [c["kode_desa"], c["desa"], c["kecamatan"], c["lapsing_workers"], c["first_paid_until"]]],
        tr("wb.programme", lang): _programme(data, lang),
        tr("wb.batches", lang): _batches(data, lang),
        tr("wb.method", lang): _method(data, lang),
    }


def build_workbook(data: ReportData, lang: str = "id") -> bytes:
    """The workbook as XLSX bytes (same data and language, same bytes)."""
    note = tr("doc.filters", lang, text=evidence.filters_text(data, lang))
    if data.is_sample:
        note = f"{tr('notice.sample_short', lang)} · {note}"
    return export.to_xlsx_bytes(
        sheets(data, lang),
        title=tr("wb.title", lang, date=i18n.fmt_date(data.as_of, lang)),
        note=note,
        generated_at=datetime.combine(data.as_of, time(0)),
        number_formats={tr("prog.cost", lang): RP_FORMAT},
    )


def _columns(lang: str) -> dict[str, str]:
    keys = {
        "kode_kecamatan": "col.kode_kecamatan", "kecamatan": "col.kecamatan", "kode_desa": "col.kode_desa",
        "desa": "col.desa", "sektor": "col.sector", "sasaran_workers": "col.sasaran",
        "protected_workers": "col.protected", "coverage_pct": "col.coverage_pct", "gap_workers": "col.gap",
        "week_start": "col.week_start", "week_end": "col.week_end", "new_workers": "col.new_workers",
        "lapsing_workers": "col.lapsing", "first_paid_until": "col.first_paid_until", "apbd": "doc.col_apbd",
    }
    return {column: tr(key, lang) for column, key in keys.items()}


def _numbers(c: dict[str, str]) -> list[str]:
    return [c["sasaran_workers"], c["protected_workers"], c["coverage_pct"], c["gap_workers"]]


def _sector_names(frame: pd.DataFrame, lang: str) -> list[str]:
    return [i18n.sector_label(code, lang) for code in frame["sektor"]]


def _apbd(data: ReportData) -> list[int]:
    apbd = data.desa_apbd.set_index("kode_desa")["protected_workers"]
    return [int(apbd.get(code, 0)) for code in data.desa["kode_desa"]]


def _summary(data: ReportData, lang: str) -> pd.DataFrame:
    k = data.kpi
    row = {
        tr("filter.as_of", lang): data.as_of,
        tr("metric.protected", lang): k["protected_workers"],
        tr("col.protected_week_ago", lang): k["protected_workers_week_ago"],
        tr("col.change", lang): data.protected_delta,
        tr("metric.new_week", lang): k["new_workers_week"],
        tr("metric.lapsing", lang, days=data.lapsing_days): k["lapsing_workers"],
        tr("col.sasaran", lang): k["sasaran_workers"],
        tr("col.coverage_pct", lang): k["coverage_pct"],
        tr("col.gap", lang): k["gap_workers"],
    }
    return pd.DataFrame([row])


def _programme(data: ReportData, lang: str) -> pd.DataFrame:
    p = data.programme
    row = {
        tr("prog.launch", lang, date=i18n.fmt_date(settings.LAUNCH_DATE, lang)): p.launch_workers,
        tr("prog.protected_now", lang): p.protected_workers,
        tr("prog.growth", lang): p.growth_workers,
        tr("prog.apbd_now", lang): p.apbd_protected_workers,
        tr("prog.target", lang, target=i18n.fmt_int(p.target_workers, lang)) + " %": p.target_pct,
        tr("prog.worker_months", lang): p.worker_months,
        tr("prog.cost", lang): p.cost_rp,
    }
    return pd.DataFrame([row])


def _batches(data: ReportData, lang: str) -> pd.DataFrame:
    b = data.batches[data.batches["withdrawn_at"].isna()].sort_values("batch_id")
    return pd.DataFrame({
        tr("doc.col_batch", lang): b["batch_id"].astype("int64"),
        tr("doc.col_file", lang): b["file_name"].astype(object),  # uploaded names: the injection guard applies
        tr("doc.col_extract_date", lang): b["extract_date"],
        tr("doc.col_rows_accepted", lang): b["rows_accepted"].astype("int64"),
        tr("doc.col_rows_rejected", lang): b["rows_rejected"].astype("int64"),
        tr("doc.col_is_sample", lang): [tr("doc.col_yes" if v else "doc.col_no", lang) for v in b["is_sample"]],
        tr("doc.col_loaded_at", lang): b["loaded_at"],
    })


def _method(data: ReportData, lang: str) -> pd.DataFrame:
    lines = []
    for heading, paragraphs in evidence.method_paragraphs(data, lang):
        lines += [heading, *paragraphs, ""]
    return pd.DataFrame({tr("wb.text", lang): lines[:-1]})
