"""Labels of the layouts and views: the app heading, the active-view line, phone lists, map classes, the meeting screen."""

LABELS: dict[str, dict[str, str]] = {
    # --- the heading every page carries
    "view.app": {"id": "Perlindungan Pekerja Rentan · {region}", "en": "Vulnerable workers' protection · {region}"},
    "view.whole_region": {"id": "Seluruh {region}", "en": "All of {region}"},
    "view.kecamatan": {"id": "Kec. {name}", "en": "{name} district"},
    "view.sector": {"id": "sektor {name}", "en": "sector {name}"},
    "view.program": {"id": "program {name}", "en": "programme {name}"},
    "view.funding": {"id": "iuran {name}", "en": "paid by {name}"},
    "view.as_of": {"id": "per {date}", "en": "as of {date}"},
    "view.choose": {"id": "Pilih", "en": "Choose an option"},
    "view.shown": {"id": "Yang ditampilkan: {view}", "en": "Showing: {view}"},
    # --- plan inputs
    "plan.read_as": {"id": "\"{text}\" dibaca sebagai {amount}.", "en": "\"{text}\" read as {amount}."},
    # --- map classes
    "map.classes": {"id": "Kelas warna", "en": "Colour classes"},
    "map.classes.tetap": {"id": "Tetap", "en": "Fixed"},
    "map.classes.kuantil": {"id": "Kuantil", "en": "Quantiles"},
    "map.classes.sasaran": {"id": "Terhadap target", "en": "Against target"},
    "map.classes_help": {
        "id": "Tetap: batas yang sama di setiap tanggal (bisa dibandingkan). Kuantil: jumlah wilayah kira-kira "
              "sama di tiap kelas. Terhadap target: bagian dari target cakupan {target}.",
        "en": "Fixed: the same edges on every date (comparable). Quantiles: about as many areas in each class. "
              "Against target: share of the {target} coverage target.",
    },
    "map.outside": {"id": "Di luar kelas", "en": "Outside classes"},
    "map.of_target": {"id": "{low}–{high} % target", "en": "{low}–{high} % of target"},
    "map.at_target": {"id": "≥ target ({target})", "en": "≥ target ({target})"},
    "map.zero_target": {"id": "0 (belum ada)", "en": "0 (none yet)"},
    "map.tap_kecamatan": {
        "id": "Ketuk kecamatan untuk melihat desanya.",
        "en": "Tap a district to see its desa.",
    },
    # --- Sektor on a phone
    "sector.phone_zero": {"id": "Kelompok tanpa satu pun peserta ({count})",
                          "en": "Groups without a single participant ({count})"},
    "sector.phone_gaps": {"id": "Kesenjangan terbesar", "en": "Largest gaps"},
    "sector.phone_note": {
        "id": "Di layar sempit daftar ini menggantikan peta panas; buka di layar lebar untuk petanya.",
        "en": "On a narrow screen this list replaces the heatmap; open on a wide screen for the grid.",
    },
    "sector.phone_line": {"id": "{desa} · {sector}: kurang {gap} ({coverage})",
                          "en": "{desa} · {sector}: {gap} short ({coverage})"},
    # --- the projector view
    "screen.title": {"id": "Rapat mingguan", "en": "Weekly meeting"},
    "screen.zero_card": {"id": "Kelompok tanpa peserta", "en": "Groups with no participant"},
    "screen.week": {"id": "Perubahan minggu ini", "en": "This week's change"},
    "screen.zero": {"id": "Kelompok desa × sektor tanpa peserta", "en": "Desa × sector groups with no participant"},
    "screen.zero_none": {"id": "Tidak ada kelompok tanpa peserta.", "en": "No group is without participants."},
    "screen.more": {"id": "… dan {count} kelompok lagi", "en": "… and {count} more groups"},
    "screen.kecamatan": {"id": "Perubahan per kecamatan", "en": "Change per district"},
    "screen.back": {"id": "Kembali ke dasbor", "en": "Back to the dashboard"},
    "screen.open": {"id": "Layar proyektor", "en": "Projector screen"},
    "page.screen": {"id": "Layar rapat", "en": "Meeting screen"},
}
