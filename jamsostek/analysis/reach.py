"""Who is reached: protected workers by sex and age group (read from the NIK), with small cells hidden from viewers.

queries/protected_by_sex_age.sql counts per desa x sex x year of age; this module groups the ages, sums to
kecamatan or region, and hides every count of 1 to SMALL_CELL_MIN - 1 for people who may not see detail
(a desa x sex x age cell of two people nearly names them).
"""

from __future__ import annotations

import math

import pandas as pd

from jamsostek import i18n, settings

# (label, lowest age, highest age); BPU participants enrol from working age, so the first group starts low.
AGE_GROUPS = (("< 25", 0, 24), ("25–34", 25, 34), ("35–44", 35, 44), ("45–54", 45, 54), ("55–64", 55, 64),
              ("≥ 65", 65, 200))
UNKNOWN = "?"
SEXES = ("L", "P")
HIDDEN = -1  # a hidden count in a shown frame; written as "< 5"
LEVEL_KEYS = {"desa": ["kode_desa", "desa", "kecamatan"], "kecamatan": ["kode_kecamatan", "kecamatan"], "region": []}


def age_group(age: object) -> str:
    """The label of the age group of an age in whole years ('?' when unknown)."""
    if age is None or (isinstance(age, float) and math.isnan(age)) or pd.isna(age):
        return UNKNOWN
    return next(label for label, low, high in AGE_GROUPS if low <= int(age) <= high)


def group_ages(rows: pd.DataFrame, level: str = "desa") -> pd.DataFrame:
    """Protected workers per area x sex x age group (every group present, zeros included) at `level`."""
    keys = LEVEL_KEYS[level]
    frame = rows.assign(umur_kelompok=rows["umur"].map(age_group),
                        jenis_kelamin=rows["jenis_kelamin"].fillna(UNKNOWN))
    counts = frame.groupby([*keys, "jenis_kelamin", "umur_kelompok"], dropna=False)["protected_workers"].sum()
    groups = [label for label, _, _ in AGE_GROUPS] + [UNKNOWN]
    sexes = [*SEXES, UNKNOWN]
    areas = frame[keys].drop_duplicates() if keys else pd.DataFrame(index=[0])
    grid = areas.merge(pd.DataFrame({"jenis_kelamin": sexes}), how="cross").merge(
        pd.DataFrame({"umur_kelompok": groups}), how="cross")
    counts = counts.reset_index().astype({"jenis_kelamin": str, "umur_kelompok": str})  # also when empty
    out = grid.merge(counts, on=[*keys, "jenis_kelamin", "umur_kelompok"], how="left")
    out["protected_workers"] = out["protected_workers"].fillna(0).astype("int64")
    # The unknown sex or age appear only where someone has them: no empty "?" rows in every desa.
    unknown = out["jenis_kelamin"].eq(UNKNOWN) | out["umur_kelompok"].eq(UNKNOWN)
    return out[~unknown | (out["protected_workers"] > 0)].reset_index(drop=True)


def hide_small(counts: pd.Series, show_small: bool) -> pd.Series:
    """Counts with 1..SMALL_CELL_MIN-1 replaced by HIDDEN unless `show_small` (zero stays zero)."""
    if show_small:
        return counts
    return counts.where(~counts.between(1, settings.SMALL_CELL_MIN - 1), HIDDEN)


def sex_age_table(grouped: pd.DataFrame, show_small: bool) -> pd.DataFrame:
    """One area's grouped counts as age group rows x sex columns plus a row total, small cells hidden.

    Hidden for viewers: every cell of 1..SMALL_CELL_MIN-1 people; when that hides exactly one cell, also the
    smallest other non-zero cell (else the area's protected total, shown elsewhere, gives it back); and a
    row's total when any cell of the row is hidden.
    """
    wide = grouped.pivot_table(index="umur_kelompok", columns="jenis_kelamin", values="protected_workers",
                               aggfunc="sum", fill_value=0)
    rows = [label for label, _, _ in AGE_GROUPS] + ([UNKNOWN] if UNKNOWN in wide.index else [])
    columns = [*SEXES, *([UNKNOWN] if UNKNOWN in wide.columns else [])]
    wide = wide.reindex(index=rows, columns=columns, fill_value=0).astype("int64")
    total = wide.sum(axis=1)
    if not show_small:
        cells = wide.stack()
        hidden = cells.between(1, settings.SMALL_CELL_MIN - 1)
        if hidden.sum() == 1 and (cells[~hidden] > 0).any():
            hidden[cells[~hidden & (cells > 0)].idxmin()] = True
        wide = cells.mask(hidden, HIDDEN).unstack().reindex(index=rows, columns=columns)
        total = total.mask(wide.eq(HIDDEN).any(axis=1), HIDDEN)
    return wide.assign(total=total).astype("int64")


def sex_summary(grouped: pd.DataFrame, level: str, show_small: bool) -> pd.DataFrame:
    """Per area: men, women and women's share in % of those whose sex is known, small counts hidden.

    The share is hidden with a hidden count (with the other count it would give the hidden one back).
    """
    keys = LEVEL_KEYS[level] or ["_all"]
    frame = grouped.assign(_all="") if not LEVEL_KEYS[level] else grouped
    out = frame.pivot_table(index=keys, columns="jenis_kelamin", values="protected_workers", aggfunc="sum",
                            fill_value=0).reindex(columns=list(SEXES), fill_value=0).astype("int64")
    known = out["L"] + out["P"]
    out["women_pct"] = 100.0 * out["P"] / known.where(known > 0)
    for sex in SEXES:
        out[sex] = hide_small(out[sex], show_small)
    out["women_pct"] = out["women_pct"].mask(out[list(SEXES)].eq(HIDDEN).any(axis=1))
    return out.reset_index().drop(columns=["_all"], errors="ignore")


def display(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Counts as text for a table (thousands separators, HIDDEN as '< 5'), headers in `lang`."""
    hidden = f"< {settings.SMALL_CELL_MIN}"
    out = frame.copy()
    for column in out.columns:  # the share stays a number: tables format "%" columns themselves
        if column != "women_pct" and pd.api.types.is_integer_dtype(out[column]):
            out[column] = out[column].map(lambda v: hidden if v == HIDDEN else i18n.fmt_int(v, lang))
    return out.rename(columns=column_labels(out.columns, lang))


def column_labels(columns, lang: str) -> dict[str, str]:
    """Headers in `lang` for the columns this module makes."""
    names = {"L": "reach.men", "P": "reach.women", UNKNOWN: "reach.unknown", "total": "reach.total",
             "women_pct": "reach.women_pct", "desa": "col.desa", "kecamatan": "col.kecamatan",
             "umur_kelompok": "reach.age_group"}
    return {c: i18n.t(names[c], lang) for c in columns if c in names}


def region_tables(rows: pd.DataFrame, show_small: bool) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Ringkasan's three views of protected_by_sex_age: (the region's ages, its age x sex table, men and
    women per kecamatan), small cells hidden unless `show_small`. One function, so a page can share them."""
    ages = group_ages(rows, "region")
    return ages, sex_age_table(ages, show_small), sex_summary(group_ages(rows, "kecamatan"), "kecamatan", show_small)
