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
