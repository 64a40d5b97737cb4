"""Labels of ingest: why a file is refused, file-level notices of an upload, load summaries."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # --- a file that cannot be read (readers.ExtractError); the fix is always said
    "ingest.file.too_large": {
        "id": 'Berkas terlalu besar: {size}, batas {limit}. Pisahkan berkas per kecamatan.',
        "en": 'File too large: {size}, limit {limit}. Split the file by kecamatan.',
    },
    "ingest.file.empty": {
        "id": 'Berkas {name} kosong. Ekspor ulang data peserta.',
        "en": 'File {name} is empty. Export the data again.',
    },
    "ingest.file.unsupported_type": {
        "id": "Jenis berkas '{ext}' tidak didukung. Buka di Excel lalu simpan sebagai .xlsx atau .csv.",
        "en": "File type '{ext}' is not supported. Open it in Excel and save it as .xlsx or .csv.",
    },
    "ingest.file.old_excel": {
        "id": 'Berkas ini format Excel lama (.xls) atau Excel berkunci kata sandi. Buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai .xlsx atau .csv.',
        "en": 'This is an old Excel file (.xls) or a password-protected workbook. Open it in Excel, remove any password, and save it as .xlsx or .csv.',
    },
    "ingest.file.invalid_file": {
        "id": 'Isi berkas bukan berkas CSV/XLSX yang valid{detail}. Buka di Excel lalu simpan sebagai .xlsx atau .csv.',
        "en": 'The content is not a valid CSV/XLSX file{detail}. Open it in Excel and save it as .xlsx or .csv.',
    },
    "ingest.file.zip_bomb": {
        "id": 'Isi XLSX terlalu besar setelah dibuka ({size}, rasio {ratio}x; batas {limit}, {max_ratio}x). Simpan data peserta saja sebagai .csv atau pisahkan per kecamatan.',
        "en": 'XLSX content too large once unpacked ({size}, ratio {ratio}x; limits {limit}, {max_ratio}x). Save only the participant data as .csv or split it by kecamatan.',
    },
    "ingest.file.too_many_sheets": {
        "id": 'Berkas berisi {count} lembar (sheet), batas {limit}. Simpan lembar data peserta saja ke berkas baru.',
        "en": 'The workbook has {count} sheets, limit {limit}. Save only the participant sheet to a new file.',
    },
    "ingest.file.too_many_columns": {
        "id": 'Terlalu banyak kolom: {count}, batas {limit}. Hapus kolom yang tidak diperlukan.',
        "en": 'Too many columns: {count}, limit {limit}. Delete the columns not needed.',
    },
    "ingest.file.too_many_rows": {
        "id": 'Terlalu banyak baris: lebih dari {limit}. Pisahkan berkas per kecamatan.',
        "en": 'Too many rows: more than {limit}. Split the file by kecamatan.',
    },
    "ingest.file.missing_columns": {
        "id": "Kolom wajib tidak ditemukan: {missing}.{columns} Pilih artinya di "
              "Pemetaan kolom pada layar Unggah; pada baris perintah tambahkan --map \"{example}=FIELD\" "
              "(FIELD mis. desa, tgl_akhir) atau --profile NAMA. Judul baru dapat ditambahkan ke "
              "data/reference/header_synonyms.csv.",
        "en": "Required columns not found: {missing}.{columns} Choose their meaning "
              "under Column mapping on the Upload screen; on the command line add --map \"{example}=FIELD\" "
              "(FIELD e.g. desa, tgl_akhir) or --profile NAME. New headers can be added to "
              "data/reference/header_synonyms.csv.",
    },
    "ingest.file.duplicate_column": {
        "id": "Kolom '{first}' dan '{second}' sama-sama berarti {field}. Hapus atau ganti nama salah satunya, atau pilih pemetaan kolom secara manual.",
        "en": "Columns '{first}' and '{second}' both mean {field}. Delete or rename one of them, or map the columns manually.",
    },
    "ingest.file.ragged_rows": {
        "id": 'Baris {rows} berisi lebih banyak sel daripada judul kolom ({width}). Periksa tanda pemisah dan tanda kutip di baris tersebut.',
        "en": 'Rows {rows} have more cells than the header ({width}). Check the separators and quotes in those rows.',
    },
    "ingest.file.no_data": {
        "id": 'Berkas hanya berisi judul kolom, tanpa data peserta. Ekspor ulang datanya.',
        "en": 'The file holds only a header, no participant rows. Export the data again.',
    },
    "ingest.detail.line": {"id": " (baris {line} tidak terbaca: periksa tanda kutip)",
                           "en": " (line {line} unreadable: check the quotes)"},
    "ingest.detail.unknown": {"id": " Kolom yang tidak dikenali: {unknown}.", "en": " Columns not recognised: {unknown}."},
    "ingest.detail.found": {"id": " Judul kolom yang ada: {found}.", "en": " Headers found: {found}."},
    "ingest.detail.holds": {"id": " (isinya {kind})", "en": " (it holds {kind})"},
    # --- file-level notices of an upload (upload.Notice)
    "ingest.notice.duplicate": {
        "id": 'Berkas ini sudah dimuat sebagai batch {batch} ({file}, {when}, oleh {who}). Tidak ada yang diubah. Bila datanya memang baru, periksa apakah berkas yang benar yang dipilih.',
        "en": 'This file was already loaded as batch {batch} ({file}, {when}, by {who}). Nothing was changed. If the data really is new, check that the right file was chosen.',
    },
    "ingest.notice.other_region": {
        "id": 'Berkas ini tampaknya untuk kabupaten lain: {rows} dari {total} baris berisi desa di {regency}, bukan di {region}. Tidak ada yang dimuat; minta ekstrak untuk {region}.',
        "en": 'This file seems to be for another regency: {rows} of {total} rows name villages in {regency}, not in {region}. Nothing was loaded; ask for the {region} extract.',
    },
    "ingest.notice.nothing_accepted": {
        "id": 'Tidak ada baris yang lolos pemeriksaan, jadi tidak ada yang dapat dimuat. Lihat alasan penolakan di bawah, perbaiki berkasnya, lalu unggah lagi.',
        "en": 'No row passed the checks, so there is nothing to load. See the reasons below, fix the file and upload it again.',
    },
    "ingest.notice.some_rejected": {
        "id": "{rejected} dari {total} baris ditolak dan tidak akan dimuat; {accepted} baris akan dimuat; "
              "{blank} baris kosong dan {duplicate} baris ganda persis dilewati. Unduh daftar baris yang "
              "ditolak untuk diperbaiki.",
        "en": "{rejected} of {total} rows are rejected and will not be loaded; {accepted} rows will be loaded; "
              "{blank} blank rows and {duplicate} exact duplicates are skipped. Download the rejected rows "
              "to fix them.",
    },
    "ingest.notice.date_order_unsettled": {
        "id": "Tidak ada tanggal di berkas ini yang memastikan urutan hari dan bulan (semua angka pertama dan "
              "kedua 12 atau kurang), jadi tanggal dibaca sebagai hari-bulan-tahun. Bila berkas ditulis "
              "bulan-hari-tahun, pilih urutan itu di bawah.",
        "en": "No date in this file settles the order of day and month (every first and second number is 12 "
              "or less), so dates are read as day-month-year. If the file writes month-day-year, choose that "
              "order below.",
    },
    "ingest.notice.older_extract": {
        "id": "Berkas ini berisi data per {as_of}. {rows} peserta di dalamnya sudah memiliki data dari batch "
              "yang lebih baru; data mereka tidak akan diubah oleh berkas ini.",
        "en": "This file holds data as of {as_of}. {rows} of its participants already have a record from a "
              "newer batch; this file will not change those records.",
    },
    "ingest.notice.not_ready": {
        "id": 'Tidak ada berkas yang siap dimuat. Unggah berkas terlebih dahulu.',
        "en": 'No file is ready to load. Upload a file first.',
    },
    "ingest.notice.batch_unknown": {
        "id": 'Batch {batch} tidak ada.',
        "en": 'Batch {batch} does not exist.',
    },
    "ingest.notice.batch_withdrawn": {
        "id": 'Batch {batch} sudah ditarik sebelumnya.',
        "en": 'Batch {batch} was already withdrawn.',
    },
    # --- what a load did (load.IngestResult.summary)
    "ingest.summary": {
        "id": "{file}: {accepted} baris dimuat, {rejected} ditolak, {blank} kosong, {duplicate} ganda persis "
              "(jumlah {total} baris)",
        "en": "{file}: {accepted} rows loaded, {rejected} rejected, {blank} blank, {duplicate} exact duplicates "
              "({total} rows in all)",
    },
    "ingest.summary.already": {
        "id": "{file}: sudah dimuat sebelumnya (batch {batch}), tidak ada perubahan",
        "en": "{file}: already loaded (batch {batch}), nothing changed",
    },
    "ingest.summary.not_overridden": {
        "id": "; {rows} peserta tetap memakai data dari batch yang lebih baru",
        "en": "; {rows} participants keep the record of a newer batch",
    },
    # --- the command line (ingest/cli.py)
    "ingest.cli.busy": {
        "id": "Penyimpanan data sedang dibuka oleh aplikasi dasbor: muat berkas lewat halaman Unggah di "
              "aplikasi, atau hentikan aplikasi sebentar lalu jalankan perintah ini lagi.",
        "en": "The data store is open in the dashboard app: load the file through the app's Upload page, or "
              "stop the app for a moment and run this command again.",
    },
    "ingest.cli.unexpected": {
        "id": "{file}: kesalahan tak terduga ({kind}); tidak ada yang dimuat dari berkas ini. Berkas lain tetap "
              "dimuat. Laporkan ke pengelola aplikasi.",
        "en": "{file}: unexpected error ({kind}); nothing was loaded from this file. Other files still load. "
              "Report it to the app's maintainer.",
    },
    "ingest.cli.bad_map": {
        "id": "--map \"{text}\" tidak dapat dipakai: tulis \"Kolom di berkas=FIELD\"; FIELD salah satu dari {fields} "
              "atau judul templat (mis. DESA/KELURAHAN).",
        "en": "--map \"{text}\" cannot be used: write \"Column in the file=FIELD\"; FIELD one of {fields} "
              "or a template header (e.g. DESA/KELURAHAN).",
    },
    "ingest.cli.bad_date": {
        "id": "Tanggal '{text}' tidak dapat dibaca: tulis TTTT-BB-HH atau HH-BB-TTTT (mis. 2026-11-20).",
        "en": "Date '{text}' cannot be read: write YYYY-MM-DD or DD-MM-YYYY (e.g. 2026-11-20).",
    },
    # --- the upload screen (ui/upload_view.py)
    "ingest.ui.rows_blank": {"id": "Baris kosong", "en": "Blank rows"},
    "ingest.ui.rows_duplicate": {"id": "Ganda persis", "en": "Exact duplicates"},
    "ingest.ui.counts_add_up": {
        "id": "Baris data = akan dimuat + ditolak + kosong + ganda persis. Baris kosong dan baris yang sama persis "
              "dengan baris sebelumnya dilewati tanpa dianggap salah.",
        "en": "Data rows = to be loaded + rejected + blank + exact duplicates. Blank rows and rows identical to "
              "an earlier row are skipped without counting as errors.",
    },
    "ingest.ui.as_of": {"id": "Data per tanggal", "en": "Data as of"},
    "ingest.ui.as_of_help": {
        "id": "Tanggal ekstrak dibuat. Diambil dari nama berkas bila ada, selain itu tanggal kepesertaan terbaru "
              "di dalamnya. Data peserta hanya diganti oleh batch dengan tanggal yang lebih baru.",
        "en": "The date the extract was made. Taken from the file name when it has one, else the latest start "
              "date in it. A participant's record is only replaced by a batch as of a later date.",
    },
    "ingest.ui.date_order": {"id": "Urutan tanggal di berkas", "en": "Date order in the file"},
    "ingest.ui.order_dmy": {"id": "hari-bulan-tahun (03/11/2025)", "en": "day-month-year (03/11/2025)"},
    "ingest.ui.order_mdy": {"id": "bulan-hari-tahun (11/03/2025)", "en": "month-day-year (11/03/2025)"},
    "ingest.ui.profile_pick": {"id": "Profil kolom tersimpan yang cocok", "en": "Saved column profile that fits"},
    "ingest.ui.profile_apply": {"id": "Pakai profil", "en": "Use profile"},
    "ingest.ui.profile_name": {"id": "Simpan pemetaan ini sebagai profil", "en": "Save this mapping as a profile"},
    "ingest.ui.profile_placeholder": {"id": "mis. Ekspor BPJS cabang Gianyar", "en": "e.g. BPJS Gianyar branch export"},
    "ingest.ui.profile_save": {"id": "Simpan profil", "en": "Save profile"},
    "ingest.ui.profile_saved": {
        "id": "Profil '{name}' tersimpan. Berkas berikutnya dengan judul kolom yang sama akan ditawari profil ini; "
              "di baris perintah: --profile \"{name}\".",
        "en": "Profile '{name}' saved. The next file with the same headers will be offered it; on the command "
              "line: --profile \"{name}\".",
    },
    # --- the table of rejected rows (ingest/rejections.py), on screen and in the CSV report
    "ingest.col.row": {"id": "BARIS", "en": "ROW"},
    "ingest.col.column": {"id": "KOLOM", "en": "COLUMN"},
    "ingest.col.reason": {"id": "ALASAN", "en": "REASON"},
    # --- batch history columns (ingest/batches.py), next to history.col.* of admin.py
    "ingest.history.blank": {"id": "Kosong", "en": "Blank"},
    "ingest.history.duplicate": {"id": "Ganda persis", "en": "Exact duplicates"},
}
