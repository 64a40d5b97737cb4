"""Labels of the usulan funnel's counts where other pages show them: Rapat's 'since the last meeting' and the
desa panel of Peta (jamsostek/usulan/funnel.py). The Usulan page has its own (catalogue/usulan.py)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "funnel.stage.proposed": {"id": "Diusulkan", "en": "Proposed"},
    "funnel.stage.verified": {"id": "Terverifikasi", "en": "Verified"},
    "funnel.stage.registered": {"id": "Didaftarkan", "en": "Registered"},
    "funnel.stage.enrolled": {"id": "Menjadi peserta", "en": "Enrolled"},
    "funnel.stage.proposed_help": {
        "id": "Calon peserta dalam daftar usulan desa yang masuk dalam periode ini.",
        "en": "Candidates in the desa's proposal lists received in this period."},
    "funnel.stage.verified_help": {
        "id": "Calon yang lolos verifikasi (atau diterima verifikator) dalam periode ini.",
        "en": "Candidates who passed verification (or were accepted by a verifier) in this period."},
    "funnel.stage.registered_help": {
        "id": "Calon terverifikasi yang masuk berkas pendaftaran ke BPJS Ketenagakerjaan dalam periode ini.",
        "en": "Verified candidates put in the registration file for BPJS Ketenagakerjaan in this period."},
    "funnel.stage.enrolled_help": {
        "id": "Calon terverifikasi yang terlindungi JKK dan JKM, dengan tanggal kepesertaan dalam periode ini.",
        "en": "Verified candidates protected by JKK and JKM, with a start date in this period."},
    "funnel.line": {
        "id": "{proposed} diusulkan → {verified} terverifikasi → {registered} didaftarkan → {enrolled} menjadi "
        "peserta",
        "en": "{proposed} proposed → {verified} verified → {registered} registered → {enrolled} enrolled"},
    "funnel.rapat.heading": {"id": "Usulan calon peserta sejak rapat lalu",
                             "en": "Candidate proposals (usulan) since the last meeting"},
    "funnel.rapat.heading_first": {"id": "Usulan calon peserta sampai rapat ini",
                                   "en": "Candidate proposals (usulan) up to this meeting"},
    "funnel.rapat.note": {
        "id": "Antara tanggal rapat {before} dan {now}. Dihitung dari data sekarang, tidak dibekukan bersama "
        "angka rapat.",
        "en": "Between the meeting dates {before} and {now}. Counted from the store now, not frozen with the "
        "meeting's figures."},
    "funnel.rapat.note_first": {
        "id": "Sampai tanggal rapat {now}. Dihitung dari data sekarang, tidak dibekukan bersama angka rapat.",
        "en": "Up to the meeting date {now}. Counted from the store now, not frozen with the meeting's figures."},
    "funnel.panel.heading": {"id": "Usulan calon peserta", "en": "Candidate proposals (usulan)"},
}
