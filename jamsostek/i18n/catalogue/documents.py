"""Words of the printed documents: the longer prose only the evidence PDF, workbook, card and desa sheets need."""

from __future__ import annotations


LABELS: dict[str, dict[str, str]] = {
    # --- every document
    "doc.region": {"id": "Kabupaten Gianyar, Bali", "en": "Gianyar Regency, Bali"},
    "doc.sample_banner": {"id": "DATA CONTOH (SINTETIS)", "en": "SAMPLE DATA (SYNTHETIC)"},
    "doc.page": {"id": "Halaman {page} dari {pages}", "en": "Page {page} of {pages}"},
    "doc.as_of": {"id": "Data per {date}", "en": "Data as of {date}"},
    "doc.filters": {"id": "Filter: {text}", "en": "Filters: {text}"},
    "doc.filters_none": {
        "id": "seluruh kabupaten; semua sektor, program dan sumber iuran",
        "en": "whole regency; all sectors, programmes and funding sources",
    },
    "doc.estimate": {"id": "estimasi", "en": "estimate"},
    # --- evidence report
    "ev.title": {
        "id": "Cakupan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan",
        "en": "Employment Social Security Coverage of Vulnerable Workers",
    },
    "ev.subtitle": {
        "id": "Bahan bukti Paritrana Award · Program Perisai Aman (Perbup Gianyar 35/2025)",
        "en": "Paritrana Award evidence · Perisai Aman programme (Perbup Gianyar 35/2025)",
    },
    "ev.header": {
        "id": "Cakupan Jamsostek Pekerja Rentan · Kabupaten Gianyar · data per {date}",
        "en": "Vulnerable workers' Jamsostek coverage · Gianyar Regency · data as of {date}",
    },
    "ev.contents": {"id": "Isi", "en": "Contents"},
    "ev.batches": {"id": "Batch data yang dipakai", "en": "Data batches used"},
    "ev.batches_none": {"id": "Belum ada batch data yang dimuat.", "en": "No data batch has been loaded yet."},
    "ev.sec_kpi": {"id": "Angka utama", "en": "Headline figures"},
    "ev.sec_map": {"id": "Peta cakupan per desa", "en": "Coverage map by village"},
    "ev.sec_kecamatan": {"id": "Cakupan per kecamatan", "en": "Coverage by district"},
    "ev.sec_desa": {"id": "Cakupan per desa", "en": "Coverage by village"},
    "ev.sec_sectors": {"id": "Sektor yang belum terjangkau", "en": "Sectors not yet reached"},
    "ev.sec_trend": {"id": "Tren mingguan", "en": "Weekly trend"},
    "ev.sec_programme": {"id": "Program Perisai Aman (APBD)", "en": "The Perisai Aman programme (APBD)"},
    "ev.sec_method": {"id": "Metodologi dan sumber", "en": "Methodology and sources"},
    "ev.kpi_note": {
        "id": "Angka untuk filter di sampul; sama dengan angka dasbor untuk filter dan tanggal yang sama.",
        "en": "Figures for the filters on the cover; equal to the dashboard's for the same filters and date.",
    },
    "ev.map_outside": {"id": "Di luar pilihan", "en": "Outside the selection"},
    "ev.scale_km": {"id": "{km} km", "en": "{km} km"},
    "ev.north": {"id": "U", "en": "N"},
    "ev.map_note": {
        "id": "Kelas warna tetap (bukan kuantil), sama dengan peta di dasbor, sehingga peta dari tanggal "
        "berbeda dapat dibandingkan. Garis tebal: batas kecamatan. Arsiran: belum ada yang terlindungi.",
        "en": "Fixed colour classes (not quantiles), the same as the dashboard's map, so maps of different "
        "dates compare. Thick lines: district borders. Hatching: no one protected yet.",
    },
    "ev.map_unavailable": {
        "id": "Peta tidak tersedia: batas wilayah tidak dapat dibaca ({reason}). Tabel per desa tetap lengkap.",
        "en": "Map unavailable: the boundaries could not be read ({reason}). The village table is complete.",
    },
    "ev.desa_note": {
        "id": "Diurutkan menurut kode desa. Baris tebal: desa dengan sasaran tetapi belum ada yang terlindungi.",
        "en": "Sorted by village code. Bold rows: villages with a target population but no one protected yet.",
    },
    "ev.reference_line": {
        "id": "Garis putus-putus: cakupan keseluruhan pilihan ini, {pct}.",
        "en": "Dashed line: the coverage of the whole selection, {pct}.",
    },
    "ev.sub_sasaran": {"id": "estimasi; lihat metodologi", "en": "estimate; see the methodology"},
    "ev.sub_gap": {"id": "pekerja belum terlindungi", "en": "workers not yet protected"},
    "ev.sub_new": {"id": "7 hari sampai {date}", "en": "7 days up to {date}"},
    "ev.sub_lapsing": {"id": "perlu diperpanjang", "en": "need renewing"},
    "ev.sectors_table": {"id": "Cakupan per sektor", "en": "Coverage by sector"},
    "ev.zero_cells": {
        "id": "Kelompok desa × sektor yang belum terjangkau ({count})",
        "en": "Village × sector groups not yet reached ({count})",
    },
    "ev.zero_cells_note": {
        "id": "Ada sasaran, tetapi belum ada pekerja terlindungi. Diurutkan menurut sasaran.",
        "en": "A target population, but no one protected yet. Sorted by target population.",
    },
    "ev.zero_cells_none": {
        "id": "Setiap kelompok desa × sektor dengan sasaran sudah punya pekerja terlindungi.",
        "en": "Every village × sector group with a target population has someone protected.",
    },
    "ev.largest_gaps": {"id": "Kesenjangan terbesar (desa × sektor)", "en": "Largest gaps (village × sector)"},
    "ev.trend_last": {"id": "{weeks} minggu terakhir", "en": "Last {weeks} weeks"},
    "ev.trend_none": {"id": "Belum ada pendaftaran sampai tanggal ini.", "en": "No enrolment up to this date."},
    "ev.lapsing": {
        "id": "Segera berakhir (dalam {days} hari) per desa",
        "en": "Lapsing within {days} days, by village",
    },
    "ev.lapsing_none": {"id": "Tidak ada peserta yang segera berakhir.", "en": "No participant lapses soon."},
    # --- programme figures (whole regency)
    "prog.intro": {
        "id": "Pada {date} Pemerintah Kabupaten Gianyar meluncurkan perlindungan JKK dan JKM bagi pekerja "
        "rentan di MPP Gianyar: {count} pekerja pertama didaftarkan dengan iuran dari APBD. Angka di bawah "
        "untuk seluruh kabupaten, apa pun filternya.",
        "en": "On {date} Gianyar Regency launched JKK and JKM protection for vulnerable workers at MPP "
        "Gianyar: the first {count} workers were enrolled with contributions paid from the regency budget "
        "(APBD). The figures below are for the whole regency, whatever the filters.",
    },
    "prog.cost_formula": {
        "id": "Iuran program terpakai (estimasi) = {months} bulan-pekerja × {rate} (JKK {jkk} + JKM {jkm} per "
        "pekerja per bulan, PP 44/2015) = {cost}. Satu bulan-pekerja = satu bulan kalender ketika seorang "
        "peserta yang iurannya dibayar program ({sources}), dengan JKK dan JKM, terlindungi sedikitnya satu "
        "hari, sampai tanggal laporan. Ini estimasi, bukan angka realisasi anggaran.",
        "en": "Programme contributions used (estimate) = {months} worker-months × {rate} (JKK {jkk} + JKM {jkm} "
        "per worker per month, PP 44/2015) = {cost}. One worker-month = one calendar month in which a "
        "participant paid by the programme ({sources}) with JKK and JKM was protected on at least one day, up "
        "to the report date. An estimate, not the budget's recorded spending.",
    },
    # --- methodology
    "method.definitions": {"id": "Definisi", "en": "Definitions"},
    "method.protected": {
        "id": "Terlindungi: peserta dengan JKK dan JKM aktif pada tanggal laporan (TGL KEPESERTAAN ≤ tanggal "
        "≤ TGL AKHIR, yaitu tanggal iuran dibayar sampai). Setiap NIK dihitung sekali, dengan catatan dari "
        "batch terbaru.",
        "en": "Protected: a participant with both JKK and JKM active on the report date (TGL KEPESERTAAN ≤ "
        "date ≤ TGL AKHIR, the paid-until date). Each NIK counts once, with its record from the latest batch.",
    },
    "method.sasaran": {
        "id": "Sasaran: estimasi jumlah pekerja informal rentan per desa dan sektor. BPS tidak menerbitkan "
        "angka per desa, sehingga sasaran adalah estimasi dan dilabeli demikian.",
        "en": "Target population (sasaran): the estimated number of vulnerable informal workers per village "
        "and sector. BPS publishes no village figures, so the target population is an estimate and "
        "labelled as such.",
    },
    "method.coverage": {
        "id": "Cakupan % = terlindungi ÷ sasaran × 100, rumus indikator Satu Data 06.02.021 / SDG 8.8.1(a) "
        "untuk pekerja bukan penerima upah.",
        "en": "Coverage % = protected ÷ target population × 100, the formula of Satu Data indicator "
        "06.02.021 / SDG 8.8.1(a) for non-wage workers.",
    },
    "method.gap": {
        "id": "Kesenjangan = sasaran − terlindungi (paling kecil 0): pekerja yang masih perlu didaftarkan.",
        "en": "Gap = target population − protected (at least 0): workers still to be enrolled.",
    },
    "method.week": {
        "id": "Minggu ini: 7 hari yang berakhir pada tanggal laporan (d−6 … d), sama di semua kartu, tabel, "
        "grafik, dokumen dan kartu rapat. Baru minggu ini: peserta dengan JKK dan JKM yang mulai terdaftar "
        "dalam minggu itu. Tabel mingguan: minggu-minggu 7 hari yang berakhir pada tanggal laporan, angka "
        "terlindungi pada hari terakhir tiap minggu.",
        "en": "This week: the 7 days ending on the report date (d−6 … d), the same on every card, table, "
        "chart, document and the meeting card. New this week: participants with JKK and JKM who enrolled in "
        "that week. Weekly table: 7-day weeks ending on the report date, protected on each week's last day.",
    },
    "method.lapsing": {
        "id": "Segera berakhir: terlindungi sekarang, tetapi iuran dibayar hanya sampai kurang dari {days} "
        "hari lagi.",
        "en": "Lapsing: protected now, but paid until less than {days} days from now.",
    },
    "method.sources": {"id": "Sumber", "en": "Sources"},
    "method.src_extract": {
        "id": "Kepesertaan: ekstrak peserta BPJS Ketenagakerjaan, {count} batch (lihat sampul); "
        "hanya angka agregat, tanpa data pribadi.",
        "en": {"one": "Participation: BPJS Ketenagakerjaan participant extracts, {count} batch (see the cover); "
               "aggregates only, no personal data.",
               "other": "Participation: BPJS Ketenagakerjaan participant extracts, {count} batches (see the cover); "
               "aggregates only, no personal data."},
    },
    "method.src_sasaran": {
        "id": "Sasaran: estimasi dari penduduk desa Sensus Penduduk 2010 (BPS), penduduk kabupaten terbaru "
        "(BPS pertengahan 2024 untuk Gianyar; Dukcapil Juni 2022 untuk kabupaten lain), Sakernas (BPS Bali) "
        "dan asumsi sektor bernama; bukan hitungan BPS per desa (tidak dipublikasikan).",
        "en": "Target population: an estimate from the 2010 census village populations (BPS), the latest "
        "regency population (BPS mid-2024 for Gianyar; Dukcapil June 2022 for the other regencies), Sakernas "
        "(BPS Bali) and named sector assumptions; not a BPS village count (none is published).",
    },
    "method.src_codes": {
        "id": "Kode dan nama wilayah: Kepmendagri 300.2.2-2138/2025 (70 desa/kelurahan, 7 kecamatan).",
        "en": "Area codes and names: Kepmendagri 300.2.2-2138/2025 (70 villages, 7 districts).",
    },
    "method.src_rates": {
        "id": "Iuran: PP 44/2015 (JKK 1 % penghasilan, minimal Rp10.000; JKM Rp6.800 per bulan).",
        "en": "Contributions: PP 44/2015 (JKK 1 % of income, at least Rp10,000; JKM Rp6,800 a month).",
    },
    "method.src_programme": {
        "id": "Program: peluncuran 3 November 2025 (posmerdeka.com); Perbup Gianyar 35/2025 \"Perisai Aman\", "
        "target {target} pekerja, {verified} setelah verifikasi pertama (lensabali.id; bali.antaranews.com).",
        "en": "Programme: launch on 3 November 2025 (posmerdeka.com); Perbup Gianyar 35/2025 \"Perisai Aman\", "
        "target {target} workers, {verified} after the first verification (lensabali.id; bali.antaranews.com).",
    },
    "method.src_sample": {
        "id": "Laporan ini memakai DATA CONTOH (SINTETIS): tidak ada orang di dalamnya yang nyata, dan "
        "angkanya hanya untuk peragaan.",
        "en": "This report uses SAMPLE (SYNTHETIC) DATA: nobody in it exists and its figures are for "
        "demonstration only.",
    },
    # --- Lembar Desa
    "desa.title": {"id": "Lembar Desa {desa}", "en": "Village sheet: {desa}"},
    "desa.title_kelurahan": {"id": "Lembar Kelurahan {desa}", "en": "Village sheet: {desa} (kelurahan)"},
    "desa.for": {
        "id": "Untuk Perbekel (Kepala Desa) {desa} · Kecamatan {kecamatan} · data per {date}",
        "en": "For the head of village (Perbekel) of {desa} · {kecamatan} district · data as of {date}",
    },
    "desa.for_kelurahan": {
        "id": "Untuk Lurah {desa} · Kecamatan {kecamatan} · data per {date}",
        "en": "For the Lurah of {desa} · {kecamatan} district · data as of {date}",
    },
    "desa.rank": {
        "id": "Peringkat cakupan {rank} dari {count} desa di Kecamatan {kecamatan}",
        "en": {"one": "Coverage rank {rank} of {count} village in {kecamatan} district",
               "other": "Coverage rank {rank} of {count} villages in {kecamatan} district"},
    },
    "desa.sectors": {
        "id": "Cakupan per sektor dan pekerja yang perlu didaftarkan",
        "en": "Coverage by sector and workers to enrol",
    },
    "desa.to_enrol": {"id": "Perlu didaftarkan", "en": "To enrol"},
    "desa.not_reached": {"id": "belum terjangkau", "en": "not yet reached"},
    "desa.zero_note": {
        "id": "Baris berwarna: sektor dengan sasaran yang belum punya pekerja terlindungi.",
        "en": "Shaded rows: sectors with a target population but no one protected yet.",
    },
    "desa.no_sectors": {"id": "Tidak ada sasaran untuk desa ini.", "en": "No target population for this village."},
    "desa.trend": {"id": "Pekerja terlindungi per minggu sejak {date}", "en": "Protected workers by week since {date}"},
    "desa.locator": {"id": "Letak desa", "en": "Location"},
    "desa.programme": {"id": "Kontribusi program", "en": "The programme's contribution"},
    "desa.programme_text": {
        "id": "{apbd} dari {protected} pekerja terlindungi di desa ini ({share}) iurannya dibayar APBD "
        "Kabupaten Gianyar: {rate} per pekerja per bulan (JKK {jkk} + JKM {jkm}). Pekerja tidak membayar apa pun.",
        "en": "{apbd} of the {protected} protected workers in this village ({share}) have their contribution "
        "paid by the regency budget: {rate} per worker per month (JKK {jkk} + JKM {jkm}). Workers pay nothing.",
    },
    "desa.lapsing": {
        "id": "{count} pekerja iurannya berakhir dalam {days} hari (paling awal {date}): pastikan diperpanjang.",
        "en": "Paid-until date within {days} days for {count} of them (earliest {date}): make sure these are renewed.",
    },
    "desa.social": {"id": "Bahan sosialisasi", "en": "Text to share"},
    "desa.social_text": {
        "id": "Pemerintah Kabupaten Gianyar melalui program Perisai Aman membayar iuran BPJS Ketenagakerjaan "
        "bagi pekerja rentan: Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM). Di {desa} sudah "
        "{protected} dari sekitar {sasaran} pekerja rentan yang terlindungi ({coverage}); masih sekitar {gap} "
        "pekerja yang belum, terutama {sectors}. Bila terjadi kecelakaan kerja, perawatan ditanggung sesuai "
        "kebutuhan medis; bila peserta meninggal dunia, ahli waris menerima santunan JKM Rp42 juta. "
        "Mari data pekerja yang belum terdaftar dan sampaikan melalui kantor desa.",
        "en": "Through the Perisai Aman programme, Gianyar Regency pays BPJS Ketenagakerjaan contributions for "
        "vulnerable workers: work accident (JKK) and death (JKM) protection. In {desa}, {protected} of about "
        "{sasaran} vulnerable workers are protected ({coverage}); about {gap} are not yet, mostly {sectors}. "
        "After a work accident, treatment is covered as medically needed; if a participant dies, the heirs "
        "receive the JKM benefit of Rp42 million. List the workers not yet enrolled and pass the list on "
        "through the village office.",
    },
    "desa.social_done": {
        "id": "Pemerintah Kabupaten Gianyar melalui program Perisai Aman membayar iuran BPJS Ketenagakerjaan "
        "(JKK dan JKM) bagi pekerja rentan. Di {desa} sudah {protected} pekerja terlindungi ({coverage}). "
        "Pastikan pekerja baru juga didaftarkan dan iuran yang akan berakhir diperpanjang.",
        "en": "Through the Perisai Aman programme, Gianyar Regency pays BPJS Ketenagakerjaan contributions "
        "(JKK and JKM) for vulnerable workers. In {desa}, {protected} workers are protected ({coverage}). "
        "Make sure new workers are enrolled too and lapsing contributions are renewed.",
    },
    "desa.and": {"id": "dan", "en": "and"},
    # --- weekly meeting card
    "card.title": {"id": "Jamsostek Pekerja Rentan Gianyar", "en": "Gianyar Vulnerable Workers' Jamsostek"},
    "card.week": {"id": "Minggu {start} – {end}", "en": "Week {start} – {end}"},
    "card.of_sasaran": {"id": "dari sasaran {sasaran} (estimasi)", "en": "of {sasaran} target (estimate)"},
    "card.map": {"id": "Cakupan per desa", "en": "Coverage by village"},
    # --- workbook
    "wb.summary": {"id": "Ringkasan", "en": "Summary"},
    "wb.item": {"id": "Ukuran", "en": "Measure"},
    "wb.value": {"id": "Nilai", "en": "Value"},
    "doc.rebuilt": {
        "id": "Angka per {date} dihitung ulang dari ekstrak yang dimuat sesudahnya: {files}. Setiap NIK memakai "
        "catatannya di ekstrak terbaru (tanggal iuran, STATUS), jadi angka dapat berbeda dari laporan yang dibuat "
        "pada {date} itu sendiri.",
        "en": "Figures for {date} are rebuilt from extract(s) loaded since: {files}. Each NIK uses its record in "
        "the latest extract (paid-until, STATUS), so they can differ from a report made on {date} itself.",
    },
    "wb.comparison": {"id": "Pembanding", "en": "Compared with"},
    "wb.kecamatan": {"id": "Kecamatan", "en": "Districts"},
    "wb.desa": {"id": "Desa", "en": "Villages"},
    "wb.sectors": {"id": "Sektor", "en": "Sectors"},
    "wb.cells": {"id": "Desa x sektor", "en": "Village x sector"},
    "wb.weeks": {"id": "Mingguan", "en": "Weekly"},
    "wb.lapsing": {"id": "Segera berakhir", "en": "Lapsing"},
    "wb.programme": {"id": "Program", "en": "Programme"},
    "wb.batches": {"id": "Batch data", "en": "Data batches"},
    "wb.method": {"id": "Metodologi", "en": "Methodology"},
    "wb.text": {"id": "Keterangan", "en": "Note"},
    "wb.title": {
        "id": "Cakupan Jamsostek Pekerja Rentan Gianyar, data per {date}",
        "en": "Gianyar vulnerable workers' Jamsostek coverage, data as of {date}",
    },
    # --- extra column headers
    "doc.col_batch": {"id": "Batch", "en": "Batch"},
    "doc.col_file": {"id": "Berkas", "en": "File"},
    "doc.col_extract_date": {"id": "Tanggal data", "en": "Data date"},
    "doc.col_rows_accepted": {"id": "Baris dimuat", "en": "Rows loaded"},
    "doc.col_rows_rejected": {"id": "Baris ditolak", "en": "Rows rejected"},
    "doc.col_loaded_at": {"id": "Dimuat pada", "en": "Loaded at"},
    "doc.col_is_sample": {"id": "Data contoh", "en": "Sample data"},
    "doc.col_apbd": {"id": "Iuran APBD", "en": "Paid by APBD"},
    "doc.col_yes": {"id": "ya", "en": "yes"},
    "doc.col_no": {"id": "tidak", "en": "no"},
    # --- Laporan page
    "ui.intro": {
        "id": "Dokumen memakai filter dan bahasa di panel samping, dengan angka yang sama dengan dasbor. "
        "Perintah `python -m jamsostek report` membuat berkas yang sama untuk laporan mingguan terjadwal.",
        "en": "Documents use the filters and language in the sidebar, with the same figures as the dashboard. "
        "The command `python -m jamsostek report` makes the same files for a scheduled weekly run.",
    },
    "ui.evidence": {"id": "Laporan bukti (PDF, A4)", "en": "Evidence report (PDF, A4)"},
    "ui.evidence_help": {
        "id": "Sampul, angka utama, peta, cakupan per kecamatan dan desa, sektor, tren, program, metodologi.",
        "en": "Cover, headline figures, map, coverage by district and village, sectors, trend, programme, "
        "methodology.",
    },
    "ui.workbook": {"id": "Tabel (XLSX)", "en": "Tables (XLSX)"},
    "ui.workbook_help": {"id": "Satu lembar per tabel, dengan judul kolom.", "en": "One sheet per table."},
    "ui.card": {"id": "Kartu rapat mingguan (PNG)", "en": "Weekly meeting card (PNG)"},
    "ui.card_help": {
        "id": "Satu gambar untuk dibagikan di grup pesan.",
        "en": "One image to share in a messaging group.",
    },
    "ui.desa_all": {"id": "Lembar desa, semua desa (PDF)", "en": "Village sheets, all villages (PDF)"},
    "ui.desa_help": {
        "id": "Satu halaman per desa untuk Perbekel/Lurah: cakupan, sektor yang perlu didaftarkan, tren, "
        "kontribusi program dan bahan sosialisasi.",
        "en": "One page per village for its head: coverage, sectors to enrol, trend, the programme's "
        "contribution and a text to share.",
    },
    "ui.desa_one": {"id": "Lembar satu desa (PDF)", "en": "Sheet for one village (PDF)"},
    "ui.choose_desa": {"id": "Desa", "en": "Village"},
    "ui.download": {"id": "Unduh", "en": "Download"},
    "ui.building": {"id": "Menyusun dokumen…", "en": "Building the document…"},
    "ui.preview": {"id": "Pratinjau kartu rapat", "en": "Meeting card preview"},
}
