"""Labels of the province view (JAMSOSTEK_REGION=51): kabupaten level, Indonesian first.

Kept apart from i18n.LABELS so the province work does not touch the shared table; `t` falls back to
i18n.t, so one call serves both.
"""

from __future__ import annotations

from jamsostek import i18n

LABELS: dict[str, dict[str, str]] = {
    "col.kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "map.level.kabupaten": {"id": "Kabupaten/kota", "en": "Regencies (kabupaten)"},
    "map.table.kabupaten": {"id": "Tabel per kabupaten/kota", "en": "Table by regency"},
    "map.click_hint_kabupaten": {
        "id": "Pilih tampilan Kecamatan atau Desa untuk melihat lebih rinci; klik desa untuk rinciannya.",
        "en": "Switch to the district or village view for more detail; click a village for its details.",
    },
}


def t(key: str, lang: str = "id", **fmt: object) -> str:
    """Label `key` from the province labels, else from i18n.LABELS; KeyError when neither has it."""
    if key in LABELS:
        i18n._check_lang(lang)
        return LABELS[key][lang].format(**fmt)
    return i18n.t(key, lang, **fmt)
