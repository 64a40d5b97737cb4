"""Labels of roles, demo mode, idle sign-out and the password asked again before personal data."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "access.role.viewer": {"id": "pembaca", "en": "viewer"},
    "access.role.notulis": {"id": "notulis rapat", "en": "meeting note-taker"},
    "access.role.perencana": {"id": "perencana", "en": "planner"},
    "access.role.pengusul": {"id": "pengusul desa/kecamatan", "en": "desa/kecamatan proposer"},
    "access.role.admin": {"id": "admin data", "en": "data admin"},
    "access.role.demo": {"id": "pengunjung mode demo", "en": "demo-mode visitor"},
    "access.demo_banner": {
        "id": "**Mode demo** (JAMSOSTEK_DEMO): siapa pun yang membuka dasbor ini dapat mencatat rapat, tindak "
        "lanjut dan skenario tanpa masuk; semuanya tercatat atas nama **demo**. Untuk presentasi di laptop "
        "saja, bukan untuk server kantor.",
        "en": "**Demo mode** (JAMSOSTEK_DEMO): anyone who opens this dashboard can record meetings, actions and "
        "scenarios without signing in; all of it is recorded under the name **demo**. For a laptop "
        "presentation only, not for the office server.",
    },
    "access.need_role": {
        "id": "Menyimpan di sini memerlukan akun {roles}. Tanpa masuk, bagian ini hanya dapat dibaca.",
        "en": "Saving here needs a {roles} account. Without signing in this part is read-only.",
    },
    "access.role_cannot": {
        "id": "Akun Anda ({role}) hanya dapat membaca bagian ini; menyimpan memerlukan akun {roles}.",
        "en": "Your account ({role}) can only read this part; saving needs a {roles} account.",
    },
    "access.or": {"id": " atau ", "en": " or "},
    "access.idle_signed_out": {
        "id": "Anda otomatis keluar setelah {minutes} menit tanpa aktivitas. Masuk lagi untuk melanjutkan.",
        "en": "You were signed out after {minutes} minutes without activity. Sign in again to continue.",
    },
    "access.confirm_title": {"id": "Ketik kata sandi sekali lagi", "en": "Type your password once more"},
    "access.confirm_help": {
        "id": "Menampilkan NIK lengkap dan mengunduh daftar rinci memerlukan kata sandi yang baru saja diketik "
        "(berlaku {minutes} menit), agar layar yang ditinggal terbuka tidak membuka data pribadi.",
        "en": "Showing full NIKs and downloading the detail list need a password typed just now "
        "(valid for {minutes} minutes), so a screen left open does not open personal data.",
    },
    "access.confirm_submit": {"id": "Konfirmasi", "en": "Confirm"},
    "access.confirmed": {
        "id": "Kata sandi dikonfirmasi; NIK lengkap dan unduhan rinci terbuka selama {minutes} menit.",
        "en": "Password confirmed; full NIKs and the detail download are open for {minutes} minutes.",
    },
    "access.confirm_wrong": {"id": "Kata sandi salah.", "en": "Wrong password."},
}
