"""Labels of the data-admin screens (sign-in, upload, batch history, detail lists)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # --- sign-in
    "auth.title": {"id": "Masuk", "en": "Sign in"},
    # Ignored credential entries ({user} is empty when the entry has no usable name).
    "auth.warning.not_argon2": {
        "id": "Kredensial '{user}' di {source} bukan hash argon2 dan diabaikan.",
        "en": "The credential for '{user}' in {source} is not an argon2 hash and was ignored.",
    },
    "auth.warning.bad_username": {
        "id": "Sebuah entri di {source} memiliki nama pengguna tidak sah dan diabaikan.",
        "en": "An entry in {source} has an invalid username and was ignored.",
    },
    "auth.warning.bad_entry": {
        "id": "Sebuah entri di {source} tidak berbentuk nama:hash dan diabaikan.",
        "en": "An entry in {source} is not of the form name:hash and was ignored.",
    },
    "auth.warning.unreadable": {
        "id": "{source} tidak dapat dibaca dan diabaikan.",
        "en": "{source} could not be read and was ignored.",
    },
    # Sign-in outcomes: never whether the username exists.
    "auth.result.signed_in": {"id": "Berhasil masuk.", "en": "Signed in."},
    "auth.result.wrong": {"id": "Nama pengguna atau kata sandi salah.",
                          "en": "Wrong username or password."},
    "auth.result.locked_seconds": {
        "id": "Terlalu banyak percobaan gagal. Coba lagi dalam {count} detik.",
        "en": {"one": "Too many failed attempts. Try again in {count} second.",
               "other": "Too many failed attempts. Try again in {count} seconds."},
    },
    "auth.result.locked": {
        "id": "Terlalu banyak percobaan gagal. Coba lagi dalam {count} menit.",
        "en": {"one": "Too many failed attempts. Try again in {count} minute.",
               "other": "Too many failed attempts. Try again in {count} minutes."},
    },
    "auth.admin_title": {"id": "Masuk sebagai admin data", "en": "Sign in as data admin"},
    "auth.username": {"id": "Nama pengguna", "en": "Username"},
    "auth.password": {"id": "Kata sandi", "en": "Password"},
    "auth.submit": {"id": "Masuk", "en": "Sign in"},
    "auth.sign_out": {"id": "Keluar", "en": "Sign out"},
    "auth.signed_in_as": {"id": "Masuk sebagai **{user}** ({role})", "en": "Signed in as **{user}** ({role})"},
    "auth.admin_only": {
        "id": "Halaman ini hanya untuk admin data. Masuk dengan akun admin untuk melanjutkan.",
        "en": "This page is for data admins only. Sign in with an admin account to continue.",
    },
    "auth.viewer_required": {
        "id": "Dasbor ini memerlukan akun. Masuk untuk melihat data.",
        "en": "This dashboard requires an account. Sign in to see the data.",
    },
    "auth.no_admins": {
        "id": "Belum ada akun admin. Petugas server membuatnya dengan perintah "
        "`python -m jamsostek add-admin NAMA` (kata sandi disimpan sebagai hash argon2).",
        "en": "No admin account exists yet. The server operator creates one with "
        "`python -m jamsostek add-admin NAME` (the password is stored as an argon2 hash).",
    },
    "auth.empty": {"id": "Isi nama pengguna dan kata sandi.", "en": "Enter a username and a password."},
    # --- upload page
    "upload.choose": {"id": "Pilih berkas ekstrak (CSV atau XLSX)", "en": "Choose an extract file (CSV or XLSX)"},
    "upload.help": {
        "id": "Batas: {size} MB, {rows} baris, {sheets} lembar. CSV dengan pemisah , ; atau tab; "
        "UTF-8 (dengan/tanpa BOM) atau Windows-1252.",
        "en": "Limits: {size} MB, {rows} rows, {sheets} sheets. CSV separated by , ; or tab; "
        "UTF-8 (with or without BOM) or Windows-1252.",
    },
    "upload.steps": {
        "id": "1 Pilih berkas · 2 Periksa pemetaan kolom dan pratinjau · 3 Baca laporan pemeriksaan · "
        "4 Muat atau batalkan. Tidak ada yang disimpan sebelum tombol **Muat**.",
        "en": "1 Choose a file · 2 Check the column mapping and preview · 3 Read the validation report · "
        "4 Load or cancel. Nothing is saved before the **Load** button.",
    },
    "upload.file_info": {
        "id": "**{file}** · {count} baris · SHA-256 `{sha}` · {encoding}{separator}{sheet}",
        "en": {"one": "**{file}** · {count} row · SHA-256 `{sha}` · {encoding}{separator}{sheet}",
               "other": "**{file}** · {count} rows · SHA-256 `{sha}` · {encoding}{separator}{sheet}"},
    },
    "upload.separator": {"id": " · pemisah {sep}", "en": " · separator {sep}"},
    "upload.sheet": {"id": " · lembar '{sheet}'", "en": " · sheet '{sheet}'"},
    "upload.mapping": {"id": "Pemetaan kolom", "en": "Column mapping"},
    "upload.mapping_help": {
        "id": "Kolom dikenali otomatis. Ubah bila salah, lalu tekan **Terapkan pemetaan**. "
        "Kolom wajib: {required}.",
        "en": "Columns are recognised automatically. Change any that are wrong, then press **Apply mapping**. "
        "Required columns: {required}.",
    },
    "upload.mapping_column": {"id": "Kolom di berkas", "en": "Column in the file"},
    "upload.mapping_example": {"id": "contoh: {example}", "en": "example: {example}"},
    "upload.mapping_ignore": {"id": "(abaikan)", "en": "(ignore)"},
    "upload.mapping_apply": {"id": "Terapkan pemetaan", "en": "Apply mapping"},
    "upload.mapping_failed": {
        "id": "Kolom wajib belum dikenali. Pilih arti setiap kolom di bawah, lalu tekan **Terapkan pemetaan**.",
        "en": "Required columns were not recognised. Choose what each column means below, "
        "then press **Apply mapping**.",
    },
    "upload.preview": {"id": "Pratinjau ({rows} baris pertama, data pribadi disamarkan)",
                       "en": "Preview (first {rows} rows, personal data masked)"},
    "upload.report": {"id": "Laporan pemeriksaan", "en": "Validation report"},
    "upload.rows_total": {"id": "Baris data", "en": "Data rows"},
    "upload.rows_accepted": {"id": "Akan dimuat", "en": "To be loaded"},
    "upload.rows_rejected": {"id": "Ditolak", "en": "Rejected"},
    "upload.by_reason": {"id": "Baris ditolak per alasan", "en": "Rejected rows by reason"},
    "upload.reason": {"id": "Alasan", "en": "Reason"},
    "upload.rows": {"id": "Baris", "en": "Rows"},
    "upload.rejected_rows": {"id": "Baris yang ditolak", "en": "Rejected rows"},
    "upload.download_rejected": {"id": "Unduh baris ditolak (CSV)", "en": "Download rejected rows (CSV)"},
    "upload.all_ok": {"id": "Semua baris lolos pemeriksaan.", "en": "Every row passed the checks."},
    "upload.commit": {"id": "Muat {count} baris ke dasbor",
                      "en": {"one": "Load {count} row into the dashboard", "other": "Load {count} rows into the dashboard"}},
    "upload.cancel": {"id": "Batalkan", "en": "Cancel"},
    "upload.committed": {
        "id": "Batch {batch} dimuat: {count} baris dari {file}. Angka di semua halaman sudah diperbarui.",
        "en": {"one": "Batch {batch} loaded: {count} row from {file}. Figures on every page are updated.",
               "other": "Batch {batch} loaded: {count} rows from {file}. Figures on every page are updated."},
    },
    "upload.cancelled": {"id": "Dibatalkan. Tidak ada yang disimpan.", "en": "Cancelled. Nothing was saved."},
    "upload.see_history": {"id": "Lihat riwayat batch", "en": "See the batch history"},
    "upload.unexpected": {
        "id": "Berkas tidak dapat diproses karena kesalahan tak terduga. Tidak ada yang disimpan.",
        "en": "The file could not be processed because of an unexpected error. Nothing was saved.",
    },
    # --- batch history
    "history.batches": {"id": "Riwayat batch", "en": "Batch history"},
    "history.col.batch": {"id": "Batch", "en": "Batch"},
    "history.col.file": {"id": "Berkas", "en": "File"},
    "history.col.sha": {"id": "SHA-256", "en": "SHA-256"},
    "history.col.total": {"id": "Baris", "en": "Rows"},
    "history.col.accepted": {"id": "Dimuat", "en": "Loaded"},
    "history.col.rejected": {"id": "Ditolak", "en": "Rejected"},
    "history.col.extract_date": {"id": "Tanggal data", "en": "Data date"},
    "history.col.loaded_by": {"id": "Oleh", "en": "By"},
    "history.col.loaded_at": {"id": "Waktu muat", "en": "Loaded at"},
    "history.col.status": {"id": "Status", "en": "Status"},
    "history.status.active": {"id": "aktif", "en": "active"},
    "history.status.withdrawn": {"id": "ditarik {when} oleh {who}", "en": "withdrawn {when} by {who}"},
    "history.status.sample": {"id": "aktif (contoh)", "en": "active (sample)"},
    "history.none": {"id": "Belum ada batch.", "en": "No batches yet."},
    "history.withdraw": {"id": "Tarik batch", "en": "Withdraw a batch"},
    "history.withdraw_help": {
        "id": "Menarik batch menghapus baris-barisnya dan menghitung ulang cakupan. Tercatat di log audit.",
        "en": "Withdrawing a batch removes its rows and recomputes the coverage. It is written to the audit log.",
    },
    "history.withdraw_pick": {"id": "Batch yang ditarik", "en": "Batch to withdraw"},
    "history.withdraw_confirm": {
        "id": "Saya yakin menarik batch {batch} ({file}, {count} baris)",
        "en": {"one": "I am sure I want to withdraw batch {batch} ({file}, {count} row)",
               "other": "I am sure I want to withdraw batch {batch} ({file}, {count} rows)"},
    },
    "history.withdraw_button": {"id": "Tarik batch", "en": "Withdraw batch"},
    "history.withdrawn": {
        "id": "Batch {batch} ditarik. Cakupan dihitung ulang.",
        "en": "Batch {batch} withdrawn. Coverage recomputed.",
    },
    "history.nothing_active": {"id": "Tidak ada batch aktif.", "en": "No active batch."},
    "history.rejections": {"id": "Baris ditolak per batch", "en": "Rejected rows by batch"},
    "history.audit": {"id": "Log audit", "en": "Audit log"},
    "history.audit_help": {
        "id": "Siapa melakukan apa dan kapan: masuk, unggah, penarikan, pembukaan NIK, ekspor rincian.",
        "en": "Who did what and when: sign-ins, uploads, withdrawals, NIK reveals, detail exports.",
    },
    "history.col.when": {"id": "Waktu", "en": "When"},
    "history.col.actor": {"id": "Siapa", "en": "Who"},
    "history.col.action": {"id": "Tindakan", "en": "Action"},
    "history.col.detail": {"id": "Rincian", "en": "Detail"},
    # --- participant detail list
    "detail.title": {"id": "Rincian peserta per desa", "en": "Participants by village"},
    "detail.help": {
        "id": "Data pribadi (UU 27/2022). NIK disamarkan kecuali 4 digit terakhir. Membuka NIK lengkap dan "
        "mengunduh rincian tercatat di log audit.",
        "en": "Personal data (UU 27/2022). NIK is masked except its last 4 digits. Revealing full NIKs and "
        "downloading the details are written to the audit log.",
    },
    "detail.desa": {"id": "Desa", "en": "Village (desa)"},
    "detail.reveal": {"id": "Tampilkan NIK lengkap (tercatat di log audit)",
                      "en": "Show full NIK (written to the audit log)"},
    "detail.export": {"id": "Unduh rincian (CSV, tercatat di log audit)",
                      "en": "Download details (CSV, written to the audit log)"},
    "detail.count": {"id": "{count} peserta, {protected} terlindungi per {date}",
                     "en": {"one": "{count} participant, {protected} protected on {date}",
                            "other": "{count} participants, {protected} protected on {date}"}},
    "detail.col.nik": {"id": "NIK", "en": "NIK"},
    "detail.col.nama": {"id": "Nama", "en": "Name"},
    "detail.col.kpj": {"id": "No KPJ", "en": "KPJ number"},
    "detail.col.programs": {"id": "Program", "en": "Programmes"},
    "detail.col.start": {"id": "Mulai", "en": "Start"},
    "detail.col.paid_until": {"id": "Dibayar s.d.", "en": "Paid until"},
    "detail.col.funding": {"id": "Sumber iuran", "en": "Funding"},
    "detail.col.protected": {"id": "Terlindungi", "en": "Protected"},
    "detail.yes": {"id": "ya", "en": "yes"},
    "detail.no": {"id": "tidak", "en": "no"},
}
