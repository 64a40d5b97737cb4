"""Labels of the province view (JAMSOSTEK_REGION=51): kabupaten level."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "col.kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "map.level.kabupaten": {"id": "Kabupaten/kota", "en": "Regencies (kabupaten)"},
    "map.table.kabupaten": {"id": "Tabel per kabupaten/kota", "en": "Table by regency"},
    "map.click_hint_kabupaten": {
        "id": "Pilih tampilan Kecamatan atau Desa untuk melihat lebih rinci; klik desa untuk rinciannya.",
        "en": "Switch to the district or village view for more detail; click a village for its details.",
    },
}
