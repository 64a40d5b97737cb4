"""Row rules for participant extracts: which rows can be loaded, and why the others cannot.

Input: a DataFrame of text cells whose columns are canonical field names (domain.EXTRACT_COLUMNS
values) plus `_row`, the row number a spreadsheet shows. Output: rows ready for the store, and one
rejection per problem found. Rules are vectorised so large extracts can be checked chunk by chunk.
Messages never quote a NIK (personal data, UU 27/2022).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from jamsostek import domain, settings
from jamsostek.geo import wilayah
from jamsostek.geo.wilayah import DesaMatcher
from jamsostek.ingest import cells, dates
from jamsostek.ingest.dates import parse_dates  # noqa: F401 - part of this module's API
from jamsostek.ingest.occupations import sector_for

# Reason code -> (Indonesian, English). {value} is the offending cell where it is not personal data.
REASONS: dict[str, tuple[str, str]] = {
    "blank_row": ("Baris kosong", "Blank row"),
    "duplicate_row": ("Baris ganda: sama persis dengan baris {value}", "Duplicate row: identical to row {value}"),
    "nik_missing": ("NIK kosong", "NIK is empty"),
    "nik_scientific": (
        "NIK rusak oleh Excel (notasi ilmiah, digit hilang); simpan kolom NIK sebagai Teks lalu ekspor ulang",
        "NIK mangled by Excel into scientific notation (digits lost); format the NIK column as Text and re-export",
    ),
    "nik_rounded": (
        "NIK tersimpan sebagai angka di Excel sehingga digit terakhirnya bisa terbulatkan; format kolom NIK "
        "sebagai Teks lalu ekspor ulang",
        "NIK stored as a number in Excel, so its last digits may have been rounded; format the NIK column as "
        "Text and re-export",
    ),
    "nik_invalid": ("NIK tidak sah: harus 16 angka dengan kode wilayah dan tanggal lahir yang benar",
                    "Invalid NIK: must be 16 digits with a valid region code and birth date"),
    "nik_repeated": ("NIK sudah muncul di baris {value}", "NIK already appears in row {value}"),
    "desa_missing": ("Desa/kelurahan kosong", "Desa/kelurahan is empty"),
    "desa_unknown": ("Desa/kelurahan '{value}' tidak dikenal di wilayah ini",
                     "Desa/kelurahan '{value}' is not known in this region"),
    "desa_script": ("Nama desa '{value}' memuat huruf bukan Latin (mis. Sirilik) yang mirip huruf biasa; "
                    "ketik ulang nama desanya", "Desa name '{value}' holds non-Latin letters (e.g. Cyrillic) "
                    "that look like ordinary ones; type the name again"),
    "desa_namesake": ("Desa '{value}' juga ada di kabupaten lain di Bali; isi kolom KECAMATAN agar tidak salah "
                      "tempat", "A desa named '{value}' also exists in another Bali regency; fill in KECAMATAN "
                      "so it is not misplaced"),
    "kecamatan_mismatch": ("Desa '{value}' tidak berada di kecamatan yang tertulis",
                           "Desa '{value}' is not in the kecamatan given"),
    "desa_ambiguous": ("Nama desa '{value}' ada di beberapa kecamatan; isi kolom KECAMATAN",
                       "Desa name '{value}' exists in several kecamatan; fill in KECAMATAN"),
    "occupation_unknown": ("Jenis pekerjaan '{value}' tidak dikenali", "Occupation '{value}' not recognised"),
    "program_unknown": ("Program '{value}' tidak dikenal (yang sah: JKK, JKM, JHT)",
                        "Programme '{value}' unknown (valid: JKK, JKM, JHT)"),
    "funding_unknown": ("Sumber iuran '{value}' tidak dikenal (yang sah: APBD, APBDes, DBHCHT, CSR, Mandiri)",
                        "Funding source '{value}' unknown (valid: APBD, APBDes, DBHCHT, CSR, Mandiri)"),
    "status_unknown": ("Status '{value}' tidak dikenal (yang sah: AKTIF, NON AKTIF, MENINGGAL, KELUAR)",
                       "Status '{value}' unknown (valid: AKTIF, NON AKTIF, MENINGGAL, KELUAR)"),
    "date_invalid": ("Tanggal '{value}' tidak sah (gunakan HH-BB-TTTT, mis. 03-11-2025)",
                     "Date '{value}' invalid (use DD-MM-YYYY, e.g. 03-11-2025)"),
    "date_excel_number": ("Tanggal '{value}' adalah angka tanggal Excel di luar 2015-2100; format kolom sebagai "
                          "Tanggal lalu ekspor ulang", "Date '{value}' is an Excel day number outside 2015-2100; "
                          "format the column as Date and re-export"),
    "dates_reversed": ("TGL AKHIR sebelum TGL KEPESERTAAN", "Paid-until date is before the start date"),
}

STORE_COLUMNS = ["row_number", "nik", "nama", "no_kpj", "tgl_lahir", "jenis_kelamin", "sektor", "kode_desa",
                 "jkk", "jkm", "jht", "tgl_kepesertaan", "tgl_akhir", "status", "sumber_iuran", "penghasilan_rp"]

_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")
_FUNDING = {re.sub(r"[^A-Z]", "", k): k for k in domain.FUNDING_SOURCES} | {"SWADAYA": "MANDIRI", "PRIBADI": "MANDIRI"}
SKIPPED = ("blank_row", "duplicate_row")  # counted on their own: neither is a row with a problem


@dataclass
class Validated:
    """Rows ready for the store, and one rejection row per problem (row_number, field, reason)."""

    accepted: pd.DataFrame
    rejections: pd.DataFrame
    rows_total: int

    def _rows(self, codes) -> int:
        return int(self.rejections.loc[self.rejections["reason_code"].isin(codes), "row_number"].nunique())

    @property
    def rows_rejected(self) -> int:
        """Number of distinct source rows with at least one problem (blank and repeated lines not counted)."""
        return self._rows(set(REASONS) - set(SKIPPED))

    @property
    def rows_blank(self) -> int:
        """Blank rows between data rows."""
        return self._rows(["blank_row"])

    @property
    def rows_duplicate(self) -> int:
        """Rows identical to an earlier row of the same file."""
        return self._rows(["duplicate_row"])


def reason_text(code: str, value: object = "", lang: str = "id") -> str:
    """Human text of a rejection reason in the chosen language."""
    template = REASONS[code][0 if lang == "id" else 1]
    return template.format(value=value)


def _col(rows: pd.DataFrame, field: str) -> pd.Series:
    if field in rows:
        return cells.clean_column(rows[field])
    return pd.Series("", index=rows.index, dtype=str)


def nik_numbers(nik: pd.Series) -> pd.Series:
    """Each NIK as an integer (0 where it is not exactly 16 ASCII digits): cheaper to check and to remember."""
    shaped = nik.str.fullmatch(r"[0-9]{16}").fillna(False).astype(bool)
    numbers = nik.where(shaped, "0").astype("int64[pyarrow]").to_numpy(dtype=np.int64)
    return pd.Series(numbers, index=nik.index)


def _nik_valid(number: pd.Series) -> pd.Series:
    # Digits: province (2), regency (2), kecamatan (2), day (+40 for women), month, year (2), serial (4).
    province = number // 10**14
    day = number // 10**8 % 100 % 40
    month = number // 10**6 % 100
    return number.gt(0) & province.between(11, 99) & day.between(1, 31) & month.between(1, 12)


def _programs(text: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    codes, uniques = pd.factorize(text, use_na_sentinel=False)
    flags, unknown = _program_flags(pd.Series(uniques, dtype=text.dtype))
    flags = pd.DataFrame({k: v.to_numpy(dtype=bool)[codes] for k, v in flags.items()}, index=text.index)
    return flags, pd.Series(unknown.to_numpy(dtype=bool)[codes], index=text.index)


def _program_flags(text: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    tokens = text.str.upper().str.split(r"[\s,;/+&]+", regex=True)
    flags = pd.DataFrame({p.lower(): tokens.map(lambda ts, p=p: p in ts) for p in domain.PROGRAMS})
    known = set(domain.PROGRAMS) | {""}
    unknown = tokens.map(lambda ts: not set(ts) <= known) | ~flags.any(axis=1)
    return flags, unknown


def status_codes(text: pd.Series) -> pd.Series:
    """The store's code of each STATUS cell (domain.STATUS_SPELLINGS); "" where blank, NA where unknown."""
    letters = text.str.upper().str.replace(r"[^A-Z]", "", regex=True)
    return letters.map(domain.STATUS_SPELLINGS).where(text.ne(""), "")


def _money(text: pd.Series) -> pd.Series:
    digits = text.str.replace(r"(?i)rp|\s", "", regex=True).str.replace(r"[.,]00$", "", regex=True)
    whole = digits.str.replace(r"[.,]", "", regex=True)
    # Only plain whole rupiah (up to 15 digits) count; '1.2e-82' or an overflowing number is no income.
    return pd.to_numeric(whole.where(whole.str.fullmatch(r"[0-9]{1,15}", na=False)), errors="coerce").astype("Int64")


class Validator:
    """Applies the row rules of one region; build once, use for every chunk of a file."""

    def __init__(self, region: str | None = None, date_order: str | None = None):
        self.matcher = DesaMatcher(region)
        self.namesakes = namesakes(region)
        self.first_row_of_nik = FirstSeen()
        self.first_row_of_line = FirstSeen()
        # Day/month order: given, or decided by the first chunk whose dates settle it (then kept for the file).
        self.date_order, self.date_order_settled = date_order or dates.DMY, date_order is not None

    def _decide_date_order(self, text: dict[str, pd.Series]) -> None:
        if not self.date_order_settled:
            self.date_order, self.date_order_settled = dates.file_order(
                *(text[f] for f in ("tgl_kepesertaan", "tgl_akhir", "tgl_lahir")))

    def validate(self, rows: pd.DataFrame) -> Validated:
        """Check every row; NIK and line duplicates are remembered across chunks of the same file."""
        problems: list[pd.DataFrame] = []

        def flag(mask: pd.Series, field: str, code: str, values: pd.Series | None = None) -> None:
            if mask.any():
                vals = values[mask] if values is not None else pd.Series("", index=rows.index[mask])
                problems.append(pd.DataFrame({"row_number": rows.loc[mask, "_row"].astype(int), "field": field,
                                              "reason_code": code, "value": vals.astype(str)}))

        fields = [f for f in domain.EXTRACT_COLUMNS.values()]
        text = {f: _col(rows, f) for f in fields}
        row_numbers = rows["_row"].astype("int64")
        blank = pd.concat(text.values(), axis=1).eq("").all(axis=1)
        flag(blank, "", "blank_row")
        live = ~blank
        line_key = pd.util.hash_pandas_object(pd.DataFrame(text), index=False)
        first_line = self.first_row_of_line.first_rows(line_key, row_numbers, live)
        duplicate = live & first_line.notna()
        flag(duplicate, "", "duplicate_row", first_line)
        live &= ~duplicate

        nik = text["nik"].str.replace(r"[\s']", "", regex=True)
        scientific = nik.str.match(_SCIENTIFIC.pattern)
        rounded = nik.str.startswith(cells.ROUNDED_MARK)
        flag(live & nik.eq(""), "NIK", "nik_missing")
        flag(live & scientific, "NIK", "nik_scientific")
        flag(live & rounded, "NIK", "nik_rounded")
        nik_number = nik_numbers(nik)
        flag(live & nik.ne("") & ~scientific & ~rounded & ~_nik_valid(nik_number), "NIK", "nik_invalid")

        kode_desa, desa_reason = self._match_desa(text["desa"], text["kecamatan"])
        foreign = per_unique(text["desa"], lambda v: v.map(cells.foreign_letters)).astype(bool)
        desa_reason = desa_reason.mask(foreign, "desa_script")
        namesake = per_unique(text["desa"], lambda v: v.map(wilayah.normalise).isin(self.namesakes)).astype(bool)
        desa_reason = desa_reason.mask(desa_reason.isna() & namesake & text["kecamatan"].eq(""), "desa_namesake")
        for code in ("desa_missing", "desa_unknown", "desa_script", "desa_namesake", "kecamatan_mismatch",
                     "desa_ambiguous"):
            flag(live & desa_reason.eq(code), "DESA/KELURAHAN", code, text["desa"])

        sektor = per_unique(text["pekerjaan"], lambda v: v.map(sector_for))
        flag(live & sektor.isna(), "JENIS PEKERJAAN", "occupation_unknown", text["pekerjaan"])
        programs, program_unknown = _programs(text["program"])
        flag(live & program_unknown, "PROGRAM", "program_unknown", text["program"])
        sumber = per_unique(text["sumber_iuran"],
                            lambda v: v.str.upper().str.replace(r"[^A-Z]", "", regex=True).map(_FUNDING))
        flag(live & sumber.isna(), "SUMBER IURAN", "funding_unknown", text["sumber_iuran"])
        status = per_unique(text["status"], status_codes)
        flag(live & status.isna(), "STATUS", "status_unknown", text["status"])
        self._decide_date_order(text)
        start, end = (per_unique(text[f], self._parse_dates) for f in ("tgl_kepesertaan", "tgl_akhir"))
        for field, stamps, label in (("tgl_kepesertaan", start, "TGL KEPESERTAAN"), ("tgl_akhir", end, "TGL AKHIR")):
            unread = live & stamps.isna()
            serial = dates.is_excel_serial(text[field][unread]).reindex(text[field].index, fill_value=False)
            flag(unread & ~serial, label, "date_invalid", text[field])
            flag(unread & serial, label, "date_excel_number", text[field])
        flag(live & (end < start), "TGL AKHIR", "dates_reversed")

        bad_rows = pd.concat(problems)["row_number"].unique() if problems else []
        ok = live & ~row_numbers.isin(bad_rows)
        first_nik = self.first_row_of_nik.first_rows(nik_number, row_numbers, ok)
        repeated = ok & first_nik.notna()
        flag(repeated, "NIK", "nik_repeated", first_nik)
        ok &= ~repeated

        accepted = pd.DataFrame({
            "row_number": row_numbers.astype(int), "nik": nik, "nama": text["nama"], "no_kpj": text["no_kpj"],
            "tgl_lahir": _as_date(per_unique(text["tgl_lahir"], self._parse_dates)),
            "jenis_kelamin": text["jenis_kelamin"].str.upper(),
            "sektor": sektor, "kode_desa": kode_desa, **programs,
            "tgl_kepesertaan": _as_date(start), "tgl_akhir": _as_date(end), "status": status.where(status.ne(""), None),
            "sumber_iuran": sumber, "penghasilan_rp": per_unique(text["penghasilan"], _money),
        })[ok][STORE_COLUMNS].reset_index(drop=True)
        return Validated(accepted, _rejection_frame(problems), len(rows))

    def _parse_dates(self, text: pd.Series) -> pd.Series:
        return parse_dates(text, self.date_order)

    def _match_desa(self, desa: pd.Series, kecamatan: pd.Series) -> tuple[pd.Series, pd.Series]:
        # An extract repeats a few hundred (desa, kecamatan) pairs: match each pair once.
        desa_code, desa_names = pd.factorize(desa, use_na_sentinel=False)
        kec_code, kec_names = pd.factorize(kecamatan, use_na_sentinel=False)
        width = max(len(kec_names), 1)
        codes, pairs = pd.factorize(desa_code * width + kec_code)
        matches = [self.matcher.match(desa_names[p // width], kec_names[p % width]) for p in pairs]
        kode = np.array([m.kode_desa for m in matches] + [None], dtype=object)[codes]
        reason = np.array([m.reason for m in matches] + [None], dtype=object)[codes]
        return pd.Series(kode, index=desa.index, dtype=object), pd.Series(reason, index=desa.index, dtype=object)


class FirstSeen:
    """Keys met so far in one file, with the row where each first appeared (sorted arrays, not a dict).

    A 10-million-row file keeps 10 million keys: as two numpy arrays that is 160 MB, as a dict of
    strings it would be several GB.
    """

    def __init__(self):
        self.keys = np.empty(0, dtype=np.uint64)
        self.rows = np.empty(0, dtype=np.int64)

    def first_rows(self, keys: pd.Series, row_numbers: pd.Series, mask: pd.Series) -> pd.Series:
        """Row where each masked key (an integer) was first seen in this file, NA for first sightings."""
        out = np.full(len(keys), -1, dtype=np.int64)
        where = np.flatnonzero(mask.to_numpy(dtype=bool))
        key = keys.to_numpy().astype(np.uint64)[where]
        row = row_numbers.to_numpy(dtype=np.int64)[where]
        earlier = np.full(len(key), -1, dtype=np.int64)
        if len(self.keys) and len(key):
            pos = np.searchsorted(self.keys, key).clip(max=len(self.keys) - 1)
            hit = self.keys[pos] == key
            earlier[hit] = self.rows[pos[hit]]
        new = np.flatnonzero(earlier < 0)
        # Rows arrive in file order, so a key's first occurrence in the chunk is its first row.
        unique, first, inverse = np.unique(key[new], return_index=True, return_inverse=True)
        again = first[inverse] != np.arange(len(new))
        earlier[new[again]] = row[new][first[inverse]][again]
        at = np.searchsorted(self.keys, unique)
        self.keys = np.insert(self.keys, at, unique)
        self.rows = np.insert(self.rows, at, row[new][first])
        out[where] = earlier
        return pd.Series(out, index=keys.index, dtype="Int64").where(out >= 0)


def per_unique(values: pd.Series, func) -> pd.Series:
    """func applied to each distinct value once and spread back over the rows (extracts repeat values)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    result = func(pd.Series(uniques, dtype=values.dtype)).iloc[codes]
    result.index = values.index
    return result


@cache
def namesakes(region: str | None = None) -> frozenset[str]:
    """Desa names (normalised) of the region that also name a desa of another regency of its province."""
    region = region or settings.region()
    if "." not in region:  # a province-wide store places every desa of the province itself
        return frozenset()
    province = wilayah.load_wilayah(region.split(".")[0])
    inside = province["kode_desa"].str.startswith(region + ".")
    names = province["desa"].map(wilayah.normalise)
    return frozenset(set(names[inside]) & set(names[~inside]))


def _as_date(stamps: pd.Series) -> pd.Series:
    return per_unique(stamps, lambda v: v.dt.date)


def _rejection_frame(problems: list[pd.DataFrame]) -> pd.DataFrame:
    columns = ["row_number", "field", "reason_code", "reason_id", "reason_en"]
    if not problems:
        return pd.DataFrame(columns=columns).astype({"row_number": int})
    frame = pd.concat(problems, ignore_index=True)
    frame["reason_id"] = [reason_text(c, v, "id") for c, v in zip(frame["reason_code"], frame["value"])]
    frame["reason_en"] = [reason_text(c, v, "en") for c, v in zip(frame["reason_code"], frame["value"])]
    return frame.sort_values(["row_number", "field"], kind="stable")[columns].reset_index(drop=True)
