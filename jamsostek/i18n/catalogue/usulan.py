"""Labels of the usulan (candidate) funnel page (pages/usulan.py, ui/usulan_view.py)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "page.usulan": {"id": "Usulan", "en": "Candidates"},
    "usulan.intro": {"id": "Calon peserta diusulkan per desa, diverifikasi Disnaker, didaftarkan di BPJS Ketenagakerjaan, lalu terhitung terdaftar saat ekstrak memuat NIK-nya dengan JKK dan JKM.", "en": "Candidates are proposed per desa, verified by Disnaker, registered with BPJS Ketenagakerjaan, and count as enrolled when an extract holds their NIK with JKK and JKM."},
    "usulan.funnel_title": {"id": "Alur usulan", "en": "Candidate funnel"},
    "usulan.none": {"id": "Belum ada daftar usulan.", "en": "No candidate list yet."},
    "usulan.by_kecamatan": {"id": "Per kecamatan", "en": "By kecamatan"},
    "usulan.by_desa": {"id": "Per desa", "en": "By desa"},
    "usulan.col_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "usulan.col_desa": {"id": "Desa", "en": "Desa"},
    "usulan.col_proposed": {"id": "Diusulkan", "en": "Proposed"},
    "usulan.col_verified": {"id": "Lolos verifikasi", "en": "Verified"},
    "usulan.col_registered": {"id": "Didaftarkan", "en": "Registered"},
    "usulan.col_enrolled": {"id": "Terdaftar", "en": "Enrolled"},
    "usulan.col_stalled": {"id": "Tertahan", "en": "Stalled"},
    "usulan.stalled_help": {"id": "Tertahan: didaftarkan lebih dari {weeks} minggu lalu tetapi belum terlindungi JKK dan JKM.", "en": "Stalled: registered more than {weeks} weeks ago but not yet protected by JKK and JKM."},
    "usulan.col_row": {"id": "Baris", "en": "Row"},
    "usulan.col_reason": {"id": "Alasan", "en": "Reason"},
    "usulan.verify_title": {"id": "Verifikasi", "en": "Verification"},
    "usulan.col_list": {"id": "Daftar", "en": "List"},
    "usulan.col_nik": {"id": "NIK", "en": "NIK"},
    "usulan.col_name": {"id": "Nama", "en": "Name"},
    "usulan.col_sector": {"id": "Sektor", "en": "Sector"},
    "usulan.col_status": {"id": "Status", "en": "Status"},
    'usulan.col_note': {'id': 'Catatan verifikator', 'en': "Verifier's note"},
    "usulan.status.verified": {"id": "Lolos", "en": "Verified"},
    "usulan.status.flagged": {"id": "Perlu diperiksa", "en": "To check"},
    "usulan.status.rejected": {"id": "Ditolak", "en": "Rejected"},
}
