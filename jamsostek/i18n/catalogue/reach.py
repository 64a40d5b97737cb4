"""Labels of 'who is reached': protected workers by sex and age group (jamsostek/analysis/reach.py)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "reach.section": {"id": "Siapa yang terlindungi", "en": "Who is protected"},
    "reach.men": {"id": "Laki-laki", "en": "Men"},
    "reach.women": {"id": "Perempuan", "en": "Women"},
    "reach.unknown": {"id": "Tidak diketahui", "en": "Unknown"},
    "reach.total": {"id": "Jumlah", "en": "Total"},
    "reach.women_pct": {"id": "% perempuan", "en": "% women"},
    "reach.age_group": {"id": "Kelompok umur", "en": "Age group"},
    "reach.by_kecamatan": {"id": "Menurut kecamatan", "en": "By district (kecamatan)"},
    "reach.by_age": {"id": "Menurut jenis kelamin dan kelompok umur", "en": "By sex and age group"},
    "reach.note": {
        "id": "Jenis kelamin dan umur dibaca dari NIK (digit 7–12 = tanggal lahir, tanggal + 40 untuk "
        "perempuan), umur pada {date}. Sel dengan kurang dari {n} orang ditampilkan sebagai \"< {n}\" "
        "(UU 27/2022 PDP).",
        "en": "Sex and age are read from the NIK (digits 7–12 = birth date, day + 40 for women), age on "
        "{date}. Cells of fewer than {n} people are shown as \"< {n}\" (Law 27/2022 on personal data).",
    },
    "reach.note_detail": {
        "id": "Anda melihat semua sel, juga yang kurang dari {n} orang; penampil melihat \"< {n}\".",
        "en": "You see every cell, also those under {n} people; viewers see \"< {n}\".",
    },
}
