"""A candidate list file for one desa: read through the extracts' safe readers, checked all or nothing.

The file (CSV or XLSX, the extracts' limits, encodings and header spellings) needs NIK, NAMA, a sector
column (SEKTOR, PEKERJAAN, JENIS PEKERJAAN ...) and a desa column (DESA, KEL/DESA ...: the Kemendagri code,
its 10 digits, or the name); NO HP is optional. Every row must name the desa the list is for and a name:
a row that does not is a problem (row as the spreadsheet shows it, column, reason in id and en) and nothing
is stored. The NIK and the sector are judged per candidate by usulan.verify, not here: a wrong NIK is a
rejected candidate, not a refused file. No message quotes a NIK or a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from jamsostek.geo import wilayah
from jamsostek.ingest import headers, occupations, readers
from jamsostek.usulan.store import CANDIDATE_COLUMNS

REQUIRED = ("nik", "nama", "pekerjaan", "desa")
LIMITS = readers.Limits(max_bytes=5 * readers.MB, max_rows=5_000)  # a desa's list: hundreds of rows at most
PHONE_HEADERS = frozenset({  # header tokens (headers.tokens: sorted, NO written out as NOMOR)
    ("HP", "NOMOR"), ("HP", "NOMOR", "WA"), ("HP",), ("HANDPHONE", "NOMOR"), ("KONTAK",), ("NOMOR", "TELEPON"),
    ("TELEPON",), ("NOMOR", "WA"),
})
PROBLEM_COLUMNS = ["row_number", "column", "reason_id", "reason_en"]
REASONS = {  # code -> (Indonesian, English)
    "desa_other": ("Baris ini untuk desa lain: satu daftar untuk satu desa ({desa}).",
                   "This row is for another desa: one list is for one desa ({desa})."),
    "desa_unknown": ("Desa tidak dikenal di wilayah ini.", "Desa not known in this region."),
    "nama_missing": ("NAMA kosong.", "NAMA is empty."),
    "nik_missing": ("NIK kosong.", "NIK is empty."),
}


@dataclass(frozen=True)
class Checked:
    """A list's candidates (CANDIDATE_COLUMNS) when every row is fine, else its problems (nothing to store)."""

    candidates: pd.DataFrame
    problems: pd.DataFrame

    @property
    def ok(self) -> bool:
        """True when the list can be stored."""
        return self.problems.empty


def read_list(data: bytes, file_name: str) -> readers.RawExtract:
    """The file's text cells; raises readers.ExtractError (Indonesian and English) when it cannot be read."""
    return readers.read_extract(data, file_name, LIMITS, required=REQUIRED)


def _phone_column(raw: readers.RawExtract) -> str | None:
    return next((h for h in raw.unmapped if headers.tokens(h) in PHONE_HEADERS), None)


def _desa_code(text: str, matcher: wilayah.DesaMatcher, known: set[str]) -> str | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10:
        code = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
        return code if code in known else None
    return text.strip() if text.strip() in known else matcher.match(text).kode_desa


def _problem(row: int, column: str, code: str, **values) -> dict:
    return dict(zip(PROBLEM_COLUMNS, (row, column, *(t.format(**values) for t in REASONS[code]))))


def check_list(raw: readers.RawExtract, kode_desa: str, region: str | None = None) -> Checked:
    """Candidates of `kode_desa` from a read file, or every row's problem (see the module docstring)."""
    desa = wilayah.load_wilayah(region)
    known, matcher = set(desa["kode_desa"]), wilayah.DesaMatcher(region)
    desa_name = dict(zip(desa["kode_desa"], desa["desa"])).get(kode_desa, kode_desa)
    column = {f: h for h, f in raw.header_map.items()}
    phone = _phone_column(raw)
    rows, problems = [], []
    for record in raw.rows.to_dict("records"):
        row = int(record["_row"])
        nik, nama = record[column["nik"]].strip(), " ".join(record[column["nama"]].split())
        code = _desa_code(record[column["desa"]], matcher, known)
        if not nik:
            problems.append(_problem(row, column["nik"], "nik_missing"))
        if not nama:
            problems.append(_problem(row, column["nama"], "nama_missing"))
        if code is None:
            problems.append(_problem(row, column["desa"], "desa_unknown"))
        elif code != kode_desa:
            problems.append(_problem(row, column["desa"], "desa_other", desa=desa_name))
        sector_text = record[column["pekerjaan"]].strip()
        sektor = occupations.sector_for(sector_text) or sector_text  # unknown: verify says so per candidate
        rows.append((row, nik, nama, sektor, record[phone].strip() if phone else ""))
    if problems:
        return Checked(pd.DataFrame(columns=CANDIDATE_COLUMNS), pd.DataFrame(problems, columns=PROBLEM_COLUMNS))
    return Checked(pd.DataFrame(rows, columns=CANDIDATE_COLUMNS), pd.DataFrame(columns=PROBLEM_COLUMNS))
