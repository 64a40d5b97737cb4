"""The funnel's two downloads, from usulan.store.candidates: the registration file for the BPJS
Ketenagakerjaan branch (verified candidates only) and, per desa, the list for the kepala desa (everyone
proposed: accepted or not, and why). Both hold names and NIK: admins only (usulan.verify), audited by
the caller (store.register / privacy.USULAN_EXPORT).

No public template of a branch's collective BPU registration was found, so the registration file uses the
column names of the extract template the branch already exports (domain.EXTRACT_COLUMNS: NIK, NAMA, TGL
LAHIR, JENIS KELAMIN, JENIS PEKERJAAN, DESA/KELURAHAN, KECAMATAN, PROGRAM) plus NO HP and KODE DESA
(README, Usulan).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from jamsostek import domain
from jamsostek.access import privacy
from jamsostek.reports import downloads
from jamsostek.usulan import verify

REGISTRATION_COLUMNS = ["NO", "NIK", "NAMA", "TGL LAHIR", "JENIS KELAMIN", "NO HP", "JENIS PEKERJAAN",
                        "KODE DESA", "DESA/KELURAHAN", "KECAMATAN", "PROGRAM"]
LETTER_COLUMNS = ["NO", "NAMA", "NIK", "SEKTOR", "KEPUTUSAN", "ALASAN"]
DECISIONS = {verify.VERIFIED: "Diterima", verify.REJECTED: "Tidak diterima", verify.FLAGGED: "Perlu diperiksa"}


def _sex(nik: str) -> str:
    return "P" if int(nik[6:8]) > 40 else "L"  # day + 40 for women


def registration_frame(candidates: pd.DataFrame, on: date) -> pd.DataFrame:
    """One row per decided-verified candidate, in REGISTRATION_COLUMNS (the NIK in full: the branch needs it)."""
    chosen = candidates[candidates["decided_status"] == verify.VERIFIED]
    rows = [(i, c.nik, c.nama, verify.birth_date(c.nik, on).strftime("%d-%m-%Y"), _sex(c.nik), c.no_hp or "",
             domain.SECTORS[c.sektor]["id"], c.kode_desa, c.desa, c.kecamatan, "JKK JKM")
            for i, c in enumerate(chosen.itertuples(index=False), start=1)]
    return pd.DataFrame(rows, columns=REGISTRATION_COLUMNS)


def _why(reasons: str, override_note: object) -> str:
    texts = [verify.reason_text(code, "id") for code in filter(None, reasons.split(";"))]
    if isinstance(override_note, str) and override_note:
        texts.append(f"Diputuskan verifikator: {override_note}")
    return "; ".join(texts)


def letter_frame(candidates: pd.DataFrame, kode_desa: str) -> pd.DataFrame:
    """One desa's candidates for the kepala desa: name, masked NIK, sector, decision and why (Indonesian)."""
    desa = candidates[candidates["kode_desa"] == kode_desa]
    rows = [(i, c.nama, privacy.mask_nik(c.nik), domain.SECTORS.get(c.sektor, {}).get("id", c.sektor),
             DECISIONS[c.decided_status], _why(c.reasons, c.override_note))
            for i, c in enumerate(desa.itertuples(index=False), start=1)]
    return pd.DataFrame(rows, columns=LETTER_COLUMNS)


def registration_csv(candidates: pd.DataFrame, on: date) -> bytes:
    """The registration file as CSV (UTF-8 with BOM, formula-like text neutralised)."""
    return downloads.to_csv_bytes(registration_frame(candidates, on))


def letter_csv(candidates: pd.DataFrame, kode_desa: str) -> bytes:
    """The kepala desa's list as CSV."""
    return downloads.to_csv_bytes(letter_frame(candidates, kode_desa))
