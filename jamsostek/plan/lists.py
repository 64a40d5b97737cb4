"""Lists to act on from a plan: per desa, how many workers of which sector to enrol; a workbook per kecamatan.

The camat gets one sheet for the kecamatan, the kepala desa reads the desa's rows in it. Numbers stay
numbers (the workbook formats them); headers and sector names are in the chosen language.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from jamsostek.plan import allocation as al
from jamsostek import domain, i18n
from jamsostek.reports import downloads as export

# Columns of one row per desa x sector to enrol, and their header labels.
ROW_COLUMNS = ["kode_desa", "desa", "sektor", "sasaran_workers", "protected_workers", "gap_workers",
               "allocated_workers"]
LABELS = {
    "kode_kecamatan": "col.kode_kecamatan", "kecamatan": "col.kecamatan", "kode_desa": "col.kode_desa",
    "desa": "col.desa", "sektor": "col.sector", "sasaran_workers": "col.sasaran",
    "protected_workers": "col.protected_now", "gap_workers": "col.gap", "allocated_workers": "col.to_enrol",
}


def enrolment_rows(plan: al.Plan) -> pd.DataFrame:
    """Desa x sector cells the plan enrols workers in (raw codes and counts), by kecamatan, desa, most first."""
    rows = plan.allocation[plan.allocation["allocated_workers"] > 0]
    rows = rows.sort_values(["kode_kecamatan", "kode_desa", "allocated_workers", "sektor"],
                            ascending=[True, True, False, True])
    return rows[["kode_kecamatan", "kecamatan", *ROW_COLUMNS]].reset_index(drop=True)


def desa_list(plan: al.Plan, lang: str = "id") -> pd.DataFrame:
    """One row per desa with workers to enrol: kecamatan, desa, total, then one column per sector (localized)."""
    rows = enrolment_rows(plan)
    sectors = [s for s in domain.SECTORS if s in set(rows["sektor"])]  # the domain's order, not alphabetical
    wide = rows.pivot_table(index=["kode_kecamatan", "kecamatan", "kode_desa", "desa"], columns="sektor",
                            values="allocated_workers", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=sectors, fill_value=0).astype("int64")
    wide.insert(0, "total", wide.sum(axis=1))
    wide = wide.reset_index().drop(columns="kode_kecamatan")
    headers = {"kecamatan": i18n.t("col.kecamatan", lang), "kode_desa": i18n.t("col.kode_desa", lang),
               "desa": i18n.t("col.desa", lang), "total": i18n.t("col.total_to_enrol", lang)}
    headers |= {s: i18n.sector_label(s, lang) for s in sectors}
    wide.columns.name = None
    return wide.rename(columns=headers)


def localized_rows(rows: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """enrolment_rows() columns in `lang`: headers translated, sector codes as names."""
    out = rows.copy()
    out["sektor"] = out["sektor"].map(lambda code: i18n.sector_label(code, lang) if code in domain.SECTORS
                                      else code)
    return out.rename(columns={c: i18n.t(LABELS[c], lang) for c in out.columns})


def kecamatan_sheets(plan: al.Plan, lang: str = "id") -> dict[str, pd.DataFrame]:
    """One table per kecamatan of the plan (name -> rows to enrol, localized), ordered by kecamatan code.

    Every kecamatan of the plan gets a sheet, even with nothing to enrol, so each camat finds one.
    """
    rows = enrolment_rows(plan)
    kecamatan = plan.allocation[["kode_kecamatan", "kecamatan"]].drop_duplicates().sort_values("kode_kecamatan")
    return {name: localized_rows(rows.loc[rows["kode_kecamatan"] == code, ROW_COLUMNS], lang)
            for code, name in kecamatan.itertuples(index=False)}


def workbook(plan: al.Plan, lang: str = "id", *, title: str | None = None, note: str | None = None,
             generated_at: datetime | None = None) -> bytes:
    """XLSX with one sheet per kecamatan (desa, sector, sasaran, protected, gap, to enrol)."""
    sheets = kecamatan_sheets(plan, lang)
    if not sheets:
        raise ValueError("the plan has no cells, so there is no kecamatan to list")
    return export.to_xlsx_bytes(sheets, title=title, note=note, generated_at=generated_at)
