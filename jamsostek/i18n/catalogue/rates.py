"""Labels of contribution pricing by funding source and month (jamsostek/plan/rates.py)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "rates.start": {"id": "Mulai bulan", "en": "First month"},
    "rates.start_help": {
        "id": "Bulan pertama yang dibayar. Harga tiap sumber dana mengikuti aturan yang berlaku di tiap bulan "
        "(PP 50/2025: keringanan 50 % April–Desember 2026, kecuali iuran dari APBN/APBD).",
        "en": "The first month paid for. Each funding source is priced by the rule in force in each month "
        "(PP 50/2025: 50 % off April–December 2026, except contributions paid from APBN/APBD).",
    },
    "rates.title": {"id": "Harga per sumber dana, {start} – {end}",
                    "en": "Price per funding source, {start} – {end}"},
    "rates.col_source": {"id": "Sumber dana", "en": "Funding source"},
    "rates.col_budget": {"id": "Anggaran", "en": "Budget"},
    "rates.col_cost_per_worker": {"id": "Biaya per pekerja (seluruh bulan)", "en": "Cost per worker (all months)"},
    "rates.col_discounted": {"id": "Bulan dengan keringanan", "en": "Months at the discount"},
    "rates.col_workers": {"id": "Pekerja dibiayai", "en": "Workers funded"},
    "rates.col_spent": {"id": "Terpakai", "en": "Spent"},
    "rates.note": {
        "id": "Tarif dasar {base} per pekerja per bulan (PP 44/2015). PP 50/2025 (22 Des 2025) memberi "
        "keringanan 50 % iuran JKK+JKM peserta BPU untuk iuran April–Desember 2026 (di luar sektor "
        "transportasi), kecuali yang dibayar melalui APBN/APBD: APBD dan DBHCHT tetap penuh; CSR dan APBDes "
        "dengan keringanan (APBDes: belum pasti, pastikan dengan kantor cabang). Pekerja dibeli per sumber "
        "mulai APBD; perpanjangan memakai pekerja pertama. Tabel tarif: data/reference/iuran_bpu.csv.",
        "en": "Base rate {base} per worker per month (PP 44/2015). PP 50/2025 (22 Dec 2025) halves BPU "
        "JKK+JKM contributions for April–December 2026 (outside transport), except those paid through "
        "APBN/APBD: APBD and DBHCHT stay at the full rate; CSR and APBDes get the discount (APBDes: not "
        "certain, check with the branch office). Workers are bought source by source starting with APBD; "
        "renewals take the first ones. Rates table: data/reference/iuran_bpu.csv.",
    },
}
