"""Verify an usulan (candidate list): a status and the reasons for it, per candidate. Pure: no store, no UI.

A candidate is *rejected* when its NIK cannot be a NIK, its age from the NIK is outside the programme's
limits (settings.USULAN_MIN_AGE..USULAN_MAX_AGE), its NIK repeats an earlier row of the list, its sector
is not one of domain.SECTORS, it is already protected, or it is already proposed in another list. It is
*flagged* (kept, to be looked at) when its NIK's regency code is not the region's: people move. Otherwise
it is *verified*. A verifier may override a flag or a rejection with a note (usulan.store), never here.
Reason texts never quote a NIK (personal data, UU 27/2022).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from jamsostek import domain, settings

VERIFIED, FLAGGED, REJECTED = "verified", "flagged", "rejected"
STATUSES = (VERIFIED, FLAGGED, REJECTED)
REGION_NIK_PREFIX = "5104"  # province 51 (Bali), regency 04 (Gianyar) as a NIK's first four digits

REASONS: dict[str, tuple[str, str]] = {  # code -> (Indonesian, English); the order is the order shown
    "nik_invalid": ("NIK tidak sah: harus 16 angka dengan tanggal lahir yang benar",
                    "Invalid NIK: must be 16 digits with a valid birth date"),
    "age_out_of_range": ("Usia di luar batas program ({low}–{high} tahun)",
                         "Age outside the programme's limits ({low}–{high} years)"),
    "duplicate_in_list": ("NIK sama dengan baris {first} daftar ini", "Same NIK as row {first} of this list"),
    "sector_unknown": ("Sektor tidak dikenal", "Unknown sector"),
    "already_protected": ("Sudah terlindungi JKK dan JKM", "Already protected by JKK and JKM"),
    "proposed_elsewhere": ("Sudah diusulkan di daftar lain", "Already proposed in another list"),
    "region_other": ("NIK terbit di luar Kabupaten Gianyar (pindahan?)",
                     "NIK issued outside Gianyar regency (moved in?)"),
}
FLAG_ONLY = frozenset({"region_other"})  # reasons that flag a candidate instead of rejecting it
RESULT_COLUMNS = ["status", "reasons", "birth_date", "age_years"]


def birth_date(nik: str, on: date) -> date | None:
    """The birth date in a NIK's digits 7-12 (DDMMYY, day + 40 for women), or None when it is no date.

    The century is the one that puts the birth on or before `on` (a NIK holds two year digits only).
    """
    if len(nik) != 16 or not (nik.isascii() and nik.isdigit()):
        return None
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    day = day - 40 if day > 40 else day
    for century in (2000, 1900):
        try:
            born = date(century + year, month, day)
        except ValueError:
            return None
        if born <= on:
            return born
    return None


def nik_valid(nik: str, on: date) -> bool:
    """16 ASCII digits, a province code 11-99 and a real birth date no later than `on`."""
    return birth_date(nik, on) is not None and 11 <= int(nik[:2]) <= 99


def age_on(born: date, on: date) -> int:
    """Whole years from `born` to `on` (a birthday counts on its day)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def reason_text(code: str, lang: str = "id", **values) -> str:
    """The reason's sentence in `lang` ('id' or 'en')."""
    values = {"low": settings.USULAN_MIN_AGE, "high": settings.USULAN_MAX_AGE, "first": "?"} | values
    return REASONS[code][0 if lang == "id" else 1].format(**values)


def _reasons(nik: str, sektor: str, on: date, first_row: int | None, protected: frozenset[str],
             elsewhere: frozenset[str], ages: tuple[int, int]) -> tuple[list[str], date | None]:
    born = birth_date(nik, on)
    if born is None or not nik_valid(nik, on):
        return ["nik_invalid"] + (["sector_unknown"] if sektor not in domain.SECTORS else []), None
    found = []
    if not ages[0] <= age_on(born, on) <= ages[1]:
        found.append("age_out_of_range")
    if first_row is not None:
        found.append("duplicate_in_list")
    if sektor not in domain.SECTORS:
        found.append("sector_unknown")
    if nik in protected:
        found.append("already_protected")
    if nik in elsewhere:
        found.append("proposed_elsewhere")
    if not nik.startswith(REGION_NIK_PREFIX):
        found.append("region_other")
    return found, born


def status_of(reasons: Iterable[str]) -> str:
    """rejected if any reason rejects, flagged if only flags remain, verified when there is none."""
    reasons = set(reasons)
    if reasons - FLAG_ONLY:
        return REJECTED
    return FLAGGED if reasons else VERIFIED


def verify(candidates: pd.DataFrame, on: date, protected: Iterable[str] = (),
           proposed_elsewhere: Iterable[str] = (), ages: tuple[int, int] | None = None) -> pd.DataFrame:
    """Each candidate (columns row_number, nik, sektor) with status, reasons (codes joined by ';'), birth
    date and age. `protected`: NIKs the store holds with JKK and JKM; `proposed_elsewhere`: NIKs in other
    lists. Rows keep their order; the first of repeated NIKs is judged on its own, later ones are duplicates.
    """
    ages = ages or (settings.USULAN_MIN_AGE, settings.USULAN_MAX_AGE)
    protected, elsewhere = frozenset(protected), frozenset(proposed_elsewhere)
    first_seen: dict[str, int] = {}
    out = []
    for row, nik, sektor in zip(candidates["row_number"], candidates["nik"].astype(str).str.strip(),
                                candidates["sektor"].astype(str)):
        found, born = _reasons(nik, sektor, on, first_seen.get(nik), protected, elsewhere, ages)
        first_seen.setdefault(nik, int(row))
        out.append((status_of(found), ";".join(found), born, age_on(born, on) if born else None))
    result = pd.DataFrame(out, columns=RESULT_COLUMNS, index=candidates.index)
    return pd.concat([candidates, result.astype({"age_years": "Int64"})], axis=1)


def first_rows(candidates: pd.DataFrame) -> Mapping[str, int]:
    """NIK -> the row it first appears in (for the duplicate reason's text)."""
    firsts = candidates.drop_duplicates("nik")
    return dict(zip(firsts["nik"].astype(str), firsts["row_number"].astype(int)))
