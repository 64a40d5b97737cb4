"""Labels of the meeting screens (Rapat page, minutes, map comparison, data-quality note)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # --- the page
    "meeting.intro": {
        "id": "Rapat perencanaan mingguan (Disnaker, Bappeda, camat, BPJS Ketenagakerjaan). Setiap rapat "
        "membekukan angkanya pada tanggal data tertentu, agar rapat berikutnya dapat melihat apa yang berubah "
        "dan apa yang sudah dikerjakan. Angka rapat berlaku untuk seluruh kabupaten; filter di kiri tidak dipakai.",
        "en": "The weekly planning meeting (Disnaker, Bappeda, camat, BPJS Ketenagakerjaan). Each meeting "
        "freezes its figures on a data date, so the next meeting sees what changed and what was done. "
        "Meeting figures cover the whole regency; the filters on the left are not used.",
    },
    "meeting.none": {
        "id": "Belum ada rapat yang dicatat. Buat rapat pertama dengan “Rapat baru”.",
        "en": "No meeting recorded yet. Create the first one with “New meeting”.",
    },
    "meeting.name": {"id": "Rapat {date}", "en": "Meeting of {date}"},
    "meeting.figures_as_of": {"id": "angka per {date}", "en": "figures as of {date}"},
    "meeting.pick": {"id": "Rapat", "en": "Meeting"},
    "meeting.compare_with": {"id": "Dibandingkan dengan", "en": "Compared with"},
    "meeting.new": {"id": "Rapat baru", "en": "New meeting"},
    "meeting.new_help": {
        "id": "Angka seluruh kabupaten pada tanggal data dibekukan untuk rapat ini dan tidak berubah lagi, "
        "juga setelah data baru diunggah.",
        "en": "The regency's figures on the data date are frozen for this meeting and never change again, "
        "even after new data is uploaded.",
    },
    "meeting.date": {"id": "Tanggal rapat", "en": "Meeting date"},
    "meeting.as_of": {"id": "Angka per tanggal", "en": "Figures as of"},
    "meeting.as_of_help": {
        "id": "Bawaan: tanggal data terakhir. Pekerja terlindungi dihitung pada tanggal ini.",
        "en": "Default: the latest data date. Protected workers are counted on this date.",
    },
    "meeting.title": {"id": "Judul (opsional)", "en": "Title (optional)"},
    "meeting.create": {"id": "Buat rapat dan bekukan angka", "en": "Create meeting and freeze figures"},
    "meeting.created": {"id": "Rapat {date} dicatat; angkanya dibekukan.", "en": "Meeting of {date} recorded; its figures are frozen."},
    "meeting.exists": {
        "id": "Sudah ada rapat pada {date}. Pilih rapat itu di daftar, atau pakai tanggal lain.",
        "en": "There is already a meeting on {date}. Pick it in the list, or use another date.",
    },
    "meeting.bad_title": {
        "id": "Judul tidak dapat disimpan (terlalu panjang atau memuat NIK).",
        "en": "The title cannot be saved (too long, or it holds a NIK).",
    },
    "meeting.record": {
        "id": "Angka dibekukan per {as_of} · batch {batches} · SHA-256 {sha}… {mark}",
        "en": "Figures frozen as of {as_of} · batches {batches} · SHA-256 {sha}… {mark}",
    },
    "meeting.record_help": {
        "id": "Sidik jari (SHA-256) angka rapat: {sha}. Dihitung ulang dari angka tersimpan setiap kali halaman dibuka.",
        "en": "Fingerprint (SHA-256) of the meeting's figures: {sha}. Recomputed from the stored figures on every view.",
    },
    "meeting.hash_ok": {"id": "✓ cocok", "en": "✓ matches"},
    "meeting.hash_bad": {"id": "✗ TIDAK cocok", "en": "✗ does NOT match"},
    "meeting.hash_bad_long": {
        "id": "Angka tersimpan rapat ini tidak lagi cocok dengan sidik jarinya: angka telah diubah di luar aplikasi.",
        "en": "This meeting's stored figures no longer match their fingerprint: they were changed outside the app.",
    },
    "meeting.scope": {"id": "Seluruh kabupaten (tanpa filter)", "en": "Whole regency (no filters)"},
    "meeting.first": {"id": "Tidak ada (rapat pertama)", "en": "None (first meeting)"},
    "meeting.first_short": {"id": "rapat pertama", "en": "first meeting"},
    "meeting.first_info": {
        "id": "Ini rapat pertama: belum ada rapat sebelumnya untuk dibandingkan. Angka di bawah adalah posisi per {date}.",
        "en": "This is the first meeting: there is no earlier one to compare with. The figures below stand as of {date}.",
    },
    "meeting.since_caption": {
        "id": "Sejak {before} (angka per {before_as_of}) sampai angka per {as_of}.",
        "en": "Since the {before} (figures as of {before_as_of}) up to figures as of {as_of}.",
    },
    "meeting.since_count": {"id": "{delta} sejak rapat lalu", "en": "{delta} since last meeting"},
    "meeting.since_points": {"id": "{delta} poin sejak rapat lalu", "en": "{delta} points since last meeting"},
    "meeting.yes": {"id": "ya", "en": "yes"},
    "meeting.no": {"id": "tidak", "en": "no"},
    "meeting.tab.since": {"id": "Sejak rapat lalu", "en": "Since the last meeting"},
    "meeting.tab.actions": {"id": "Tindak lanjut", "en": "Actions"},
    "meeting.tab.map": {"id": "Peta perbandingan", "en": "Comparison map"},
    "meeting.tab.minutes": {"id": "Notulen", "en": "Minutes"},
    "meeting.card.new_since": {"id": "Pendaftar baru", "en": "New enrolments"},
    "meeting.card.new_first": {"id": "Peserta terdaftar", "en": "Participants enrolled"},
    "meeting.card.new_help": {
        "id": "Kenaikan jumlah peserta yang terdaftar (TGL KEPESERTAAN sampai tanggal angka), termasuk "
        "pendaftaran yang baru masuk lewat batch data setelah rapat lalu.",
        "en": "The rise in participants enrolled (TGL KEPESERTAAN up to the figures' date), including "
        "enrolments that arrived in data batches after the last meeting.",
    },
    "meeting.card.lapsed_since": {"id": "Peserta berhenti", "en": "Lapsed"},
    "meeting.card.lapsed_first": {"id": "Peserta berhenti", "en": "Lapsed participants"},
    "meeting.card.lapsed_help": {
        "id": "Kenaikan jumlah peserta yang masa iurannya (TGL AKHIR) sudah lewat; bersih setelah perpanjangan.",
        "en": "The rise in participants whose paid-until date (TGL AKHIR) has passed; net of renewals.",
    },
    "meeting.card.up": {"id": "Desa naik kelas", "en": "Villages up a class"},
    "meeting.card.down": {"id": "Desa turun kelas", "en": "Villages down a class"},
    "meeting.card.class_help": {
        "id": "Kelas warna cakupan yang tetap dari peta (sama untuk kedua rapat).",
        "en": "The map's fixed coverage colour classes (the same for both meetings).",
    },
    "meeting.card.zero": {"id": "Kelompok masih nol", "en": "Groups still at zero"},
    "meeting.card.zero_help": {
        "id": "Kelompok desa × sektor (di {sectors} sektor) dengan sasaran tetapi belum ada yang terlindungi, "
        "pada rapat ini dan rapat pembanding.",
        "en": "Village × sector groups (in {sectors} sectors) with a target population but no one protected, "
        "at this meeting and at the one compared with.",
    },
    "meeting.sec.kecamatan": {"id": "Perubahan per kecamatan", "en": "Change by district"},
    "meeting.sec.kecamatan_first": {"id": "Posisi per kecamatan", "en": "Standing by district"},
    "meeting.sec.all_desa_first": {"id": "Semua desa", "en": "All villages"},
    "meeting.sec.moves": {"id": "Desa yang berpindah kelas warna", "en": "Villages that changed colour class"},
    "meeting.moves_note": {
        "id": "Baris berlatar jingga: desa turun kelas. Kelas warna = kelas tetap peta cakupan.",
        "en": "Rows on orange: villages that went down a class. Classes = the coverage map's fixed classes.",
    },
    "meeting.sec.zero": {"id": "Sektor yang masih nol", "en": "Sectors still at zero"},
    "meeting.zero_note": {
        "id": "Kelompok desa × sektor dengan sasaran tetapi tanpa pekerja terlindungi, pada kedua rapat.",
        "en": "Village × sector groups with a target population and no protected worker, at both meetings.",
    },
    "meeting.sec.all_desa": {"id": "Semua desa: perubahan sejak rapat lalu", "en": "All villages: change since last meeting"},
    "meeting.move.up": {"id": "naik", "en": "up"},
    "meeting.move.down": {"id": "turun", "en": "down"},
    "meeting.move.same": {"id": "tetap", "en": "same"},
    "meeting.move.no_data": {"id": "tanpa data sasaran", "en": "no target data"},
    "meeting.fact.date": {"id": "Tanggal rapat", "en": "Meeting date"},
    "meeting.fact.as_of": {"id": "Angka per tanggal", "en": "Figures as of"},
    "meeting.fact.data_as_of": {"id": "Data terakhir saat itu", "en": "Latest data then"},
    "meeting.fact.batches": {"id": "Batch data", "en": "Data batches"},
    "meeting.fact.compared": {"id": "Dibandingkan dengan", "en": "Compared with"},
    "meeting.fact.created": {"id": "Dicatat", "en": "Recorded"},
    "meeting.fact.scope": {"id": "Cakupan angka", "en": "Scope of figures"},
    "meeting.fact.hash": {"id": "SHA-256 angka", "en": "SHA-256 of figures"},
    # --- actions (tindak lanjut)
    "action.status.baru": {"id": "Baru", "en": "New"},
    "action.status.berjalan": {"id": "Berjalan", "en": "In progress"},
    "action.status.selesai": {"id": "Selesai", "en": "Done"},
    "action.status.batal": {"id": "Batal", "en": "Cancelled"},
    "action.summary": {
        "id": "{total} tindak lanjut dalam agenda · {open} masih terbuka · {overdue} terlambat · {carried} dibawa dari rapat sebelumnya",
        "en": "{total} actions on the agenda · {open} still open · {overdue} overdue · {carried} carried from earlier meetings",
    },
    "action.none": {
        "id": "Belum ada tindak lanjut untuk rapat ini. Catat yang disepakati di bawah.",
        "en": "No actions for this meeting yet. Record what was agreed below.",
    },
    "action.overdue_note": {
        "id": "Baris berlatar jingga: terlambat (tenggat sebelum {date} dan belum selesai).",
        "en": "Rows on orange: overdue (due before {date} and not done).",
    },
    "action.add": {"id": "Catat tindak lanjut", "en": "Record an action"},
    "action.area": {"id": "Desa atau kecamatan", "en": "Village or district"},
    "action.area.desa": {"id": "Desa {name}", "en": "Village {name}"},
    "action.area.kecamatan": {"id": "Kecamatan {name}", "en": "District {name}"},
    "action.what_placeholder": {
        "id": "mis. Sosialisasi kepada kelompok nelayan bersama kepala desa",
        "en": "e.g. Briefing for the fishers' group with the village head",
    },
    "action.who_placeholder": {"id": "mis. Camat Sukawati / BPJS TK Cabang Gianyar", "en": "e.g. Camat Sukawati / BPJS TK Gianyar branch"},
    "action.add_button": {"id": "Simpan tindak lanjut", "en": "Save action"},
    "action.added": {"id": "Tindak lanjut dicatat.", "en": "Action recorded."},
    "action.edit": {"id": "Perbarui status", "en": "Update status"},
    "action.pick": {"id": "Tindak lanjut", "en": "Action"},
    "action.save": {"id": "Simpan perubahan", "en": "Save changes"},
    "action.saved": {"id": "Tindak lanjut #{id} diperbarui.", "en": "Action #{id} updated."},
    "action.version": {
        "id": "Versi {version}, terakhir diubah oleh {who} ({when}).",
        "en": "Version {version}, last changed by {who} ({when}).",
    },
    "action.conflict": {
        "id": "Tindak lanjut #{id} sudah diubah oleh {who} pukul {when} (status sekarang: {status}) sejak Anda "
        "membukanya. Perubahan Anda TIDAK disimpan, agar tidak menimpa perubahan itu. Isian Anda: {tried}. "
        "Periksa nilai terbaru di formulir, lalu simpan lagi bila masih perlu.",
        "en": "Action #{id} was changed by {who} at {when} (status now: {status}) after you opened it. Your "
        "change was NOT saved, so as not to overwrite theirs. What you entered: {tried}. Check the latest "
        "values in the form, then save again if still needed.",
    },
    "action.conflict_busy": {
        "id": "Tindak lanjut #{id} sedang disimpan oleh orang lain pada saat yang sama. Perubahan Anda TIDAK "
        "disimpan. Isian Anda: {tried}. Tunggu sebentar, periksa nilai terbaru, lalu simpan lagi bila masih perlu.",
        "en": "Someone else is saving action #{id} at this very moment. Your change was NOT saved. What you "
        "entered: {tried}. Wait a moment, check the latest values, then save again if still needed.",
    },
    "action.required": {"id": "Isi tindakan dan penanggung jawabnya.", "en": "Fill in the action and who is responsible."},
    "action.personal_data": {
        "id": "Teks tampaknya memuat NIK. Notulen dibagikan luas: tulis tentang desa, bukan tentang orang.",
        "en": "The text seems to hold a NIK. Minutes are shared widely: write about the village, not a person.",
    },
    "action.invalid": {"id": "Tidak dapat disimpan: {detail}", "en": "Cannot be saved: {detail}"},
    # --- map comparison
    "compare.first": {
        "id": "Peta perbandingan memerlukan dua rapat. Buat rapat berikutnya untuk membandingkan.",
        "en": "The comparison map needs two meetings. Create the next meeting to compare.",
    },
    "compare.mode": {"id": "Tampilan", "en": "View"},
    "compare.mode.side": {"id": "Berdampingan", "en": "Side by side"},
    "compare.mode.change": {"id": "Perubahan", "en": "Change"},
    "compare.same_classes": {
        "id": "Kedua peta memakai kelas warna tetap yang sama, sehingga warna yang sama berarti rentang yang sama.",
        "en": "Both maps use the same fixed colour classes, so one colour means one range on both.",
    },
    "compare.change_caption": {
        "id": "Perubahan dari angka per {before} ke angka per {now}. Kelas tetap di sekitar “tetap”.",
        "en": "Change from the figures as of {before} to those as of {now}. Fixed classes around “no change”.",
    },
    "compare.change_coverage": {"id": "Perubahan cakupan", "en": "Change in coverage"},
    "compare.change_protected": {"id": "Perubahan terlindungi", "en": "Change in protected"},
    "compare.unit_points": {"id": " poin", "en": " points"},
    "compare.class.down_big": {"id": "turun ≥ {small}{unit}", "en": "down ≥ {small}{unit}"},
    "compare.class.down": {"id": "turun {least}–{top_small}{unit}", "en": "down {least}–{top_small}{unit}"},
    "compare.class.same": {"id": "tetap", "en": "no change"},
    "compare.class.up": {"id": "naik {least}–{top_small}{unit}", "en": "up {least}–{top_small}{unit}"},
    "compare.class.up_mid": {"id": "naik {small}–{top}{unit}", "en": "up {small}–{top}{unit}"},
    "compare.class.up_big": {"id": "naik ≥ {big}{unit}", "en": "up ≥ {big}{unit}"},
    "compare.before": {"id": "Sebelum", "en": "Before"},
    "compare.now": {"id": "Sekarang", "en": "Now"},
    "compare.change": {"id": "Perubahan", "en": "Change"},
    # --- data quality beside the map legend
    "quality.unlocated": {
        "id": "Tidak terpetakan: {count} baris (desa tidak dikenal {desa} · NIK tidak sah {nik})",
        "en": {"one": "Not on the map: {count} row (unknown village {desa} · invalid NIK {nik})",
               "other": "Not on the map: {count} rows (unknown village {desa} · invalid NIK {nik})"},
    },
    "quality.no_target_desa": {"id": "{count} desa tanpa sasaran (warna “tidak ada data”)",
                               "en": {"one": "{count} village without a target (“no data” colour)",
                                      "other": "{count} villages without a target (“no data” colour)"}},
    "quality.no_target_kecamatan": {"id": "{count} kecamatan tanpa sasaran (warna “tidak ada data”)",
                                    "en": {"one": "{count} district without a target (“no data” colour)",
                                           "other": "{count} districts without a target (“no data” colour)"}},
    "quality.no_target_kabupaten": {"id": "{count} kabupaten tanpa sasaran (warna “tidak ada data”)",
                                     "en": {"one": "{count} regency without a target (“no data” colour)",
                                            "other": "{count} regencies without a target (“no data” colour)"}},
    "quality.help": {
        "id": "Baris data yang ditolak saat diunggah karena desanya tidak dapat ditentukan atau NIK-nya tidak sah, "
        "dari batch yang sedang dimuat. Baris ini tidak dihitung di peta.",
        "en": "Data rows rejected at upload because their village could not be determined or their NIK is "
        "invalid, from the batches now loaded. They are not counted on the map.",
    },
    "quality.per_batch": {"id": "Baris tidak terpetakan per batch (admin)", "en": "Rows not on the map by batch (admin)"},
    "quality.report_link": {"id": "Buka laporan baris ditolak (Riwayat)", "en": "Open the rejected-rows report (History)"},
    # --- minutes
    "minutes.title": {"id": "Notulen", "en": "Minutes"},
    "minutes.header": {"id": "Notulen rapat perencanaan", "en": "Planning meeting minutes"},
    "minutes.intro": {
        "id": "Notulen memuat angka yang dibekukan untuk rapat ini, perbandingan dengan rapat pembanding, "
        "tindak lanjut, dan sidik jari SHA-256 angka berikut:",
        "en": "The minutes hold this meeting's frozen figures, the comparison with the meeting compared with, "
        "the actions, and this SHA-256 fingerprint of the figures:",
    },
    "minutes.xlsx": {"id": "Notulen (XLSX)", "en": "Minutes (XLSX)"},
    "minutes.pdf": {"id": "Notulen (PDF)", "en": "Minutes (PDF)"},
    "minutes.note": {"id": "Angka per {date} · SHA-256 {sha}", "en": "Figures as of {date} · SHA-256 {sha}"},
    "minutes.hash_note": {
        "id": "SHA-256 dihitung dari angka yang dibekukan (baris diurutkan, angka dibulatkan 6 desimal); "
        "dasbor menghitungnya ulang untuk memeriksa bahwa angka tidak berubah.",
        "en": "The SHA-256 is taken of the frozen figures (sorted rows, numbers rounded to 6 decimals); the "
        "dashboard recomputes it to check the figures did not change.",
    },
    "minutes.actions_note": {
        "id": "Status per {date}. Berlatar jingga: terlambat.",
        "en": "Status as of {date}. Shaded orange: overdue.",
    },
    "minutes.no_actions": {"id": "Tidak ada tindak lanjut.", "en": "No actions."},
    "minutes.no_moves": {"id": "Tidak ada desa yang berpindah kelas warna.", "en": "No village changed colour class."},
    "minutes.no_zero": {"id": "Tidak ada kelompok yang masih nol.", "en": "No group is still at zero."},
    "minutes.sheet.meeting": {"id": "Rapat", "en": "Meeting"},
    "minutes.sheet.headline": {"id": "Angka utama", "en": "Headline figures"},
    "minutes.sheet.actions": {"id": "Tindak lanjut", "en": "Actions"},
    "minutes.sheet.kecamatan": {"id": "Per kecamatan", "en": "By district"},
    "minutes.sheet.moves": {"id": "Desa pindah kelas", "en": "Villages changing class"},
    "minutes.sheet.zero": {"id": "Kelompok masih nol", "en": "Groups still at zero"},
    "minutes.sheet.zero_sector": {"id": "Sektor yang masih nol", "en": "Sectors still at zero"},
    "minutes.sheet.desa": {"id": "Per desa", "en": "By village"},
    # --- table columns
    "mcol.wilayah": {"id": "Wilayah", "en": "Area"},
    "mcol.protected_before": {"id": "Terlindungi sebelum", "en": "Protected before"},
    "mcol.protected_now": {"id": "Terlindungi sekarang", "en": "Protected now"},
    "mcol.protected_change": {"id": "Perubahan terlindungi", "en": "Change in protected"},
    "mcol.coverage_pct_before": {"id": "Cakupan sebelum %", "en": "Coverage before %"},
    "mcol.coverage_pct_now": {"id": "Cakupan sekarang %", "en": "Coverage now %"},
    "mcol.coverage_change_pts": {"id": "Perubahan cakupan (poin)", "en": "Coverage change (points)"},
    "mcol.new_enrolments": {"id": "Pendaftar baru", "en": "New enrolments"},
    "mcol.newly_lapsed": {"id": "Berhenti", "en": "Lapsed"},
    "mcol.class_before": {"id": "Kelas sebelum", "en": "Class before"},
    "mcol.class_now": {"id": "Kelas sekarang", "en": "Class now"},
    "mcol.class_move": {"id": "Arah", "en": "Direction"},
    "mcol.desa_count": {"id": "Jumlah desa", "en": "Villages"},
    "mcol.measure": {"id": "Ukuran", "en": "Measure"},
    "mcol.before": {"id": "Rapat pembanding", "en": "Compared meeting"},
    "mcol.now": {"id": "Rapat ini", "en": "This meeting"},
    "mcol.change": {"id": "Perubahan", "en": "Change"},
    "mcol.participants": {"id": "Peserta terdaftar", "en": "Participants enrolled"},
    "mcol.lapsed": {"id": "Peserta berhenti", "en": "Lapsed participants"},
    "mcol.what": {"id": "Tindakan", "en": "Action"},
    "mcol.who": {"id": "Penanggung jawab", "en": "Responsible"},
    "mcol.due_date": {"id": "Tenggat", "en": "Due"},
    "mcol.status": {"id": "Status", "en": "Status"},
    "mcol.note": {"id": "Catatan", "en": "Note"},
    "mcol.agreed_on": {"id": "Disepakati", "en": "Agreed on"},
    "mcol.is_carried": {"id": "Dari rapat sebelumnya", "en": "Carried over"},
    "mcol.is_overdue": {"id": "Terlambat", "en": "Overdue"},
    "mcol.action_id": {"id": "No.", "en": "No."},
    "mcol.updated_by": {"id": "Diubah oleh", "en": "Changed by"},
    "mcol.item": {"id": "Hal", "en": "Item"},
    "mcol.value": {"id": "Isi", "en": "Value"},
    "mcol.batch": {"id": "Batch", "en": "Batch"},
    "mcol.file": {"id": "Berkas", "en": "File"},
    "mcol.rows_total": {"id": "Baris", "en": "Rows"},
    "mcol.unlocated_rows": {"id": "Desa tidak dikenal", "en": "Unknown village"},
    "mcol.bad_nik_rows": {"id": "NIK tidak sah", "en": "Invalid NIK"},
    "mcol.unplaced_rows": {"id": "Tidak terpetakan", "en": "Not on the map"},
}
