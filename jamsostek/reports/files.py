"""The documents by kind: how each is built and named, shared by the Laporan page and the CLI."""

from __future__ import annotations

import re
from collections.abc import Callable

from jamsostek.reports import card, desa_sheet, evidence, workbook
from jamsostek.reports.collect import ReportData

# kind -> (file stem, extension, builder)
KINDS: dict[str, tuple[str, str, Callable[[ReportData, str], bytes]]] = {
    "evidence": ("bukti_paritrana", "pdf", evidence.build_evidence_pdf),
    "workbook": ("tabel_cakupan", "xlsx", workbook.build_workbook),
    "card": ("kartu_rapat", "png", card.build_card_png),
    "desa": ("lembar_desa", "pdf", desa_sheet.build_desa_sheets),
}
MIME = {"pdf": "application/pdf", "png": "image/png",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def build(kind: str, data: ReportData, lang: str = "id") -> bytes:
    """Bytes of one document kind."""
    return KINDS[kind][2](data, lang)


def file_name(kind: str, data: ReportData, lang: str = "id", desa: str | None = None) -> str:
    """e.g. bukti_paritrana_2026-11-20.pdf, tabel_cakupan_2026-11-20_ubud_en.xlsx, lembar_desa_2026-11-20_mas.pdf."""
    stem, ext, _ = KINDS[kind]
    parts = [stem, data.as_of.isoformat()]
    if data.filters.kecamatan:
        names = data.kecamatan.set_index("kode_kecamatan")["kecamatan"]
        parts.append(slug(names.get(data.filters.kecamatan, data.filters.kecamatan)))
    for value in (data.filters.sektor, data.filters.program, data.filters.sumber, desa):
        if value:
            parts.append(slug(value))
    if lang != "id":
        parts.append(lang)
    return "_".join(parts) + "." + ext


def mime(kind: str) -> str:
    """Media type of a document kind, for downloads."""
    return MIME[KINDS[kind][1]]


def slug(text: str) -> str:
    """Lower-case letters, digits and hyphens only: safe in a file name on every system."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"
