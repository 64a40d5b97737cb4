"""Start-up messages for settings that cannot work (jamsostek.settings.problems), shown in both languages."""

LABELS: dict[str, dict[str, str]] = {
    "settings.title": {"id": "Pengaturan belum benar", "en": "A setting is wrong"},
    "settings.region": {
        "id": "{name} = '{value}' bukan kode wilayah yang dikenal. Gunakan kode Kemendagri sebuah kabupaten/kota "
        "di Bali atau provinsinya: {known} (Gianyar: 51.04).",
        "en": "{name} = '{value}' is not a known area code. Use the Kemendagri code of a regency or city in Bali, "
        "or of the province: {known} (Gianyar: 51.04).",
    },
    "settings.flag": {
        "id": "{name} = '{value}' tidak dipahami. Tulis 1 (ya) atau 0 (tidak).",
        "en": "{name} = '{value}' is not understood. Write 1 (yes) or 0 (no).",
    },
    "settings.db_folder": {
        "id": "{name} = '{value}': folder untuk penyimpanan data ini tidak ada. Buat foldernya atau pilih "
        "jalur lain.",
        "en": "{name} = '{value}': the folder for this data store does not exist. Create it or choose another path.",
    },
    "settings.funding": {
        "id": "{name} = '{value}': sumber iuran tidak dikenal. Tulis satu atau beberapa dari {known}, dipisah koma "
        "(bawaan: APBD).",
        "en": "{name} = '{value}': unknown funding source. Write one or more of {known}, separated by commas "
        "(default: APBD).",
    },
    "settings.fix": {
        "id": "Perbaiki variabel lingkungan di atas (lihat README, bagian Settings), lalu jalankan ulang aplikasi.",
        "en": "Fix the environment variable above (see README, section Settings), then start the app again.",
    },
}
