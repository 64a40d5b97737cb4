"""Labels of the sasaran estimate and its range (jamsostek/sasaran)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "sasaran.with_range": {"id": "{value} (kisaran {low}–{high})", "en": "{value} (range {low}–{high})"},
    "sasaran.col_low": {"id": "Sasaran rendah", "en": "Target, low"},
    "sasaran.col_high": {"id": "Sasaran tinggi", "en": "Target, high"},
    "sasaran.panel": {
        "id": "Sasaran (estimasi): {value}",
        "en": "Target population (estimate): {value}",
    },
    "sasaran.method": {
        "id": "Sasaran dihitung dari statistik publik: penduduk tiap desa pada Sensus Penduduk 2010 (BPS), "
        "diskalakan ke angka penduduk kabupaten terbaru, × bagian yang bekerja, × bagian pekerja informal "
        "(Sakernas), lalu dibagi ke sektor (nelayan hanya di desa pesisir, pengrajin dibobot ke desa "
        "kerajinan). Setiap langkah adalah asumsi bernama dengan sumber (data/reference/sasaran_*.csv). "
        "Kisaran rendah–tinggi memakai angka terendah dan tertinggi dari sumber tiap langkah: "
        "{region}: {value} pekerja, kisaran {low}–{high}.",
        "en": "The target population is computed from public statistics: each village's population at the "
        "2010 census (BPS), scaled to the latest regency population figure, × the share who work, × the "
        "informal share (Sakernas), then split over sectors (fishers only in coastal villages, artisans "
        "weighted to craft villages). Every step is a named assumption with a source "
        "(data/reference/sasaran_*.csv). The low–high range uses the lowest and highest figure among each "
        "step's sources: {region}: {value} workers, range {low}–{high}.",
    },
    "sasaran.province_note": {
        "id": "Sasaran tersedia untuk ke-9 kabupaten/kota; peserta contoh hanya ada di Gianyar.",
        "en": "The target population covers all 9 regencies; the sample participants live in Gianyar only.",
    },
}
