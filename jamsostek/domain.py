"""Vocabulary of the domain: sectors, programmes, funding sources, extract columns."""

from __future__ import annotations

# The seven sectors named at the launch (3 Nov 2025), plus "lainnya" for other
# informal occupations so that no participant is dropped for an unusual job title.
SECTORS: dict[str, dict[str, str]] = {
    "pedagang_kecil": {"id": "Pedagang kecil", "en": "Small traders"},
    "petani": {"id": "Petani", "en": "Farmers"},
    "buruh_harian": {"id": "Buruh harian", "en": "Daily labourers"},
    "nelayan": {"id": "Nelayan", "en": "Fishers"},
    "tukang_bangunan": {"id": "Tukang bangunan", "en": "Construction workers"},
    "pengrajin": {"id": "Pengrajin", "en": "Artisans"},
    "pekerja_adat": {"id": "Pekerja adat", "en": "Customary (adat) workers"},
    "lainnya": {"id": "Lainnya", "en": "Other informal"},
}

PROGRAMS = ("JKK", "JKM", "JHT")

# Who pays the contribution (SUMBER IURAN).
FUNDING_SOURCES: dict[str, dict[str, str]] = {
    "APBD": {"id": "APBD (kabupaten)", "en": "APBD (regency budget)"},
    "APBDES": {"id": "APBDes (desa)", "en": "APBDes (village budget)"},
    "DBHCHT": {"id": "DBHCHT", "en": "DBHCHT (tobacco excise)"},
    "CSR": {"id": "CSR", "en": "CSR"},
    "MANDIRI": {"id": "Mandiri", "en": "Self-paid"},
}

# STATUS as BPJS Ketenagakerjaan exports spell it (upper case, letters only) -> the store's code.
# Only AKTIF leaves protection to the dates; any other status ends it on the extract's date, whatever
# TGL AKHIR says (README, Definitions). A blank STATUS is "not stated": the dates decide. A spelling not
# listed here is refused with a reason, not guessed.
ACTIVE_STATUS = "AKTIF"
STATUS_SPELLINGS: dict[str, str] = {
    "AKTIF": "AKTIF", "ACTIVE": "AKTIF",
    "NONAKTIF": "NONAKTIF", "TIDAKAKTIF": "NONAKTIF", "NONACTIVE": "NONAKTIF", "INACTIVE": "NONAKTIF",
    "MENINGGAL": "MENINGGAL", "MENINGGALDUNIA": "MENINGGAL", "WAFAT": "MENINGGAL", "DECEASED": "MENINGGAL",
    "KELUAR": "KELUAR", "MENGUNDURKANDIRI": "KELUAR", "BERHENTI": "KELUAR", "RESIGN": "KELUAR",
}

# Canonical extract columns, as a BPJS Ketenagakerjaan participant export names them,
# mapped to the field names used in code and in the store.
EXTRACT_COLUMNS: dict[str, str] = {
    "NIK": "nik",
    "NAMA": "nama",
    "NO KPJ": "no_kpj",
    "TGL LAHIR": "tgl_lahir",
    "JENIS KELAMIN": "jenis_kelamin",
    "JENIS PEKERJAAN": "pekerjaan",
    "DESA/KELURAHAN": "desa",
    "KECAMATAN": "kecamatan",
    "PROGRAM": "program",
    "TGL KEPESERTAAN": "tgl_kepesertaan",
    "TGL AKHIR": "tgl_akhir",
    "STATUS": "status",
    "SUMBER IURAN": "sumber_iuran",
    "PENGHASILAN": "penghasilan",
}
REQUIRED_FIELDS = ("nik", "pekerjaan", "desa", "program", "tgl_kepesertaan", "tgl_akhir", "sumber_iuran")
