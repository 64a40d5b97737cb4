"""Labels shared by the whole app: pages, filters, headline figures, charts, maps, plan, reports page."""

# One flat dict, grouped by area (prefix before the dot). Add keys inside their area;
# tests check both languages are present, non-empty, and use the same {placeholders}.
LABELS: dict[str, dict[str, str]] = {
    # --- app
    "app.title": {
        "id": "Dasbor Cakupan Jamsostek Pekerja Rentan Gianyar",
        "en": "Gianyar Vulnerable Workers Jamsostek Coverage Dashboard",
    },
    # --- pages (navigation titles)
    "page.summary": {"id": "Ringkasan", "en": "Summary"},
    "page.map": {"id": "Peta", "en": "Map"},
    "page.sectors": {"id": "Sektor", "en": "Sectors"},
    "page.trend": {"id": "Tren", "en": "Trend"},
    "page.plan": {"id": "Rencana", "en": "Plan"},
    "page.reports": {"id": "Laporan", "en": "Reports"},
    "page.upload": {"id": "Unggah Data", "en": "Upload"},
    "page.history": {"id": "Riwayat & Rincian", "en": "History & details"},
    "page.meeting": {"id": "Rapat", "en": "Meeting"},
    # --- sidebar filters
    "filter.as_of": {"id": "Per tanggal", "en": "As of"},
    "filter.kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "filter.sector": {"id": "Sektor", "en": "Sector"},
    "filter.program": {"id": "Program", "en": "Programme"},
    "filter.funding": {"id": "Sumber iuran", "en": "Funding source"},
    "filter.language": {"id": "Bahasa", "en": "Language"},
    "filter.all": {"id": "Semua", "en": "All"},
    "filter.as_of_help": {
        "id": "Data terakhir: {date}. Tanggal lain menghitung siapa yang terlindungi pada hari itu.",
        "en": "Latest data: {date}. Another date counts who was protected on that day.",
    },
    # --- headline metrics
    "metric.protected": {"id": "Pekerja terlindungi", "en": "Protected workers"},
    "metric.coverage": {"id": "Cakupan", "en": "Coverage"},
    "metric.sasaran": {"id": "Sasaran (estimasi)", "en": "Target population (estimate)"},
    "metric.gap": {"id": "Kesenjangan", "en": "Gap (workers)"},
    "metric.lapsing": {"id": "Berakhir dalam {days} hari", "en": "Lapsing within {days} days"},
    # --- notices
    "notice.sample": {
        "id": "Data contoh (sintetis), bukan data BPJS Ketenagakerjaan yang sebenarnya. "
        "Angka hanya untuk peragaan.",
        "en": "Sample (synthetic) data, not real BPJS Ketenagakerjaan data. "
        "Figures are for demonstration only.",
    },
    "notice.sample_short": {"id": "Data contoh (sintetis)", "en": "Sample data (synthetic)"},
    "notice.data_as_of": {
        "id": "Data per {date} · batch terakhir {file}",
        "en": "Data as of {date} · last batch {file}",
    },
    "notice.view_as_of": {"id": "Tampilan per {date}", "en": "View as of {date}"},
    "notice.url_invalid": {
        "id": "Nilai yang tidak dikenal di tautan diabaikan ({keys}); nilai bawaan dipakai.",
        "en": "Unknown values in the link were ignored ({keys}); defaults are used instead.",
    },
    "notice.no_data": {"id": "Tidak ada data untuk pilihan ini.", "en": "No data for this selection."},
    "notice.loading": {"id": "Memuat data…", "en": "Loading data…"},
    # --- table column headers
    "col.kode_desa": {"id": "Kode desa", "en": "Village code"},
    "col.desa": {"id": "Desa", "en": "Village (desa)"},
    "col.kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "col.sector": {"id": "Sektor", "en": "Sector"},
    "col.sasaran": {"id": "Sasaran", "en": "Target population"},
    "col.protected": {"id": "Terlindungi", "en": "Protected"},
    "col.coverage_pct": {"id": "Cakupan %", "en": "Coverage %"},
    "col.gap": {"id": "Kesenjangan", "en": "Gap"},
    "col.kode_kecamatan": {"id": "Kode kecamatan", "en": "District code"},
    "col.week_start": {"id": "Minggu mulai", "en": "Week starting"},
    "col.week_end": {"id": "Sampai", "en": "Until"},
    "col.new_workers": {"id": "Pendaftar baru", "en": "New enrolments"},
    "col.protected_week_ago": {"id": "Terlindungi minggu lalu", "en": "Protected a week ago"},
    "col.change": {"id": "Perubahan", "en": "Change"},
    "col.lapsing": {"id": "Segera berakhir", "en": "Lapsing soon"},
    "col.first_paid_until": {"id": "Berakhir paling awal", "en": "Earliest paid-until"},
    # --- page sections (Ringkasan, Sektor, Tren)
    "section.kecamatan": {"id": "Cakupan per kecamatan", "en": "Coverage by district"},
    "section.lowest_desa": {"id": "Desa dengan cakupan terendah", "en": "Villages with the lowest coverage"},
    "section.heatmap": {"id": "Kesenjangan per desa dan sektor", "en": "Gap by village and sector"},
    "section.heatmap_note": {
        "id": "Angka = pekerja belum terlindungi; makin gelap makin besar. Tanda × = ada sasaran "
        "tetapi belum ada yang terlindungi. Desa diurutkan menurut kesenjangan.",
        "en": "Numbers = workers not yet protected; darker is larger. × = a target population but no one "
        "protected yet. Villages are sorted by gap.",
    },
    "section.desa_shown": {"id": "Desa ditampilkan", "en": "Villages shown"},
    "section.largest_gaps": {"id": "Kelompok belum terlindungi terbesar", "en": "Largest uncovered groups"},
    "section.largest_gaps_note": {
        "id": "Baris berlatar jingga: belum ada pekerja terlindungi di kelompok itu.",
        "en": "Rows on orange: no one in that group is protected yet.",
    },
    "section.protected_target": {"id": "Pekerja terlindungi menuju target", "en": "Protected workers toward the target"},
    "section.weekly": {"id": "Pendaftaran baru per minggu", "en": "New enrolments per week"},
    "section.week_change": {"id": "Perubahan sejak minggu lalu per kecamatan", "en": "Change since last week by district"},
    "section.lapsing": {
        "id": "Peserta yang berakhir dalam {days} hari, per desa",
        "en": "Participants lapsing within {days} days, by village",
    },
    "section.target_input": {"id": "Target pekerja", "en": "Target (workers)"},
    "section.target_invalid": {
        "id": "Target harus bilangan bulat positif; dipakai {target}.",
        "en": "The target must be a positive whole number; using {target}.",
    },
    "section.weekly_table": {"id": "Tabel per minggu", "en": "Weekly table"},
    "section.target_province": {
        "id": "Target 13.200 pekerja dan peluncuran 1.136 pekerja adalah program Kabupaten Gianyar: tidak digambar "
              "untuk seluruh provinsi.",
        "en": "The 13,200-worker target and the 1,136-worker launch are Gianyar regency's programme: not drawn for "
              "the whole province.",
    },
    "section.target_regency_only": {
        "id": "Target berlaku untuk seluruh kabupaten: garis target muncul bila semua filter berisi Semua.",
        "en": "The targets are for the whole regency: target lines show when every filter is set to All.",
    },
    "section.target_help": {
        "id": "Bawaan: target 2026 menurut Perbup Gianyar 35/2025 ({target}); {verified} setelah verifikasi.",
        "en": "Default: the 2026 target of Perbup Gianyar 35/2025 ({target}); {verified} after verification.",
    },
    # --- chart labels
    "chart.coverage_pct": {"id": "Cakupan (%)", "en": "Coverage (%)"},
    "chart.gap_workers": {"id": "Pekerja belum terlindungi", "en": "Workers not yet protected"},
    "chart.zero_coverage": {"id": "× belum ada yang terlindungi", "en": "× no one protected yet"},
    "chart.protected": {"id": "Pekerja terlindungi", "en": "Protected workers"},
    "chart.target": {"id": "Target: {count}", "en": "Target: {count}"},
    "chart.verified": {"id": "Terverifikasi: {count}", "en": "Verified: {count}"},
    "chart.new_workers": {"id": "Pendaftar baru", "en": "New enrolments"},
    "chart.week": {"id": "Minggu mulai", "en": "Week starting"},
    "chart.change": {"id": "Perubahan pekerja terlindungi", "en": "Change in protected workers"},
    "chart.workers": {"id": "Pekerja", "en": "Workers"},
    "chart.launch": {"id": "Peluncuran {date}: {count} pekerja", "en": "Launch {date}: {count} workers"},
    # --- downloads
    "download.csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "download.xlsx": {"id": "Unduh XLSX", "en": "Download XLSX"},
    # --- map (Peta page)
    "map.attribution": {"id": "Batas wilayah: BPS, via OCHA HDX (cod-ab-idn), CC BY-IGO",
                        "en": "Boundaries: BPS, via OCHA HDX (cod-ab-idn), CC BY-IGO"},
    "map.metric": {"id": "Ukuran yang dipetakan", "en": "Mapped measure"},
    "map.metric.coverage": {"id": "Cakupan (%)", "en": "Coverage (%)"},
    "map.metric.gap": {"id": "Kesenjangan (pekerja)", "en": "Gap (workers)"},
    "map.metric.protected": {"id": "Pekerja terlindungi", "en": "Protected workers"},
    "map.level": {"id": "Wilayah", "en": "Areas"},
    "map.level.desa": {"id": "Desa", "en": "Villages (desa)"},
    "map.level.kecamatan": {"id": "Kecamatan", "en": "Districts (kecamatan)"},
    "map.no_data": {"id": "Tidak ada data sasaran", "en": "No target data"},
    "map.loading": {"id": "Menyiapkan peta…", "en": "Preparing the map…"},
    "map.click_hint": {
        "id": "Klik sebuah desa di peta untuk melihat rinciannya.",
        "en": "Click a village on the map to see its details.",
    },
    "map.unavailable": {
        "id": "Peta tidak dapat ditampilkan: batas wilayah tidak tersedia. Tabel di bawah tetap lengkap.",
        "en": "The map cannot be shown: boundaries are unavailable. The table below is complete.",
    },
    "map.unavailable_detail": {"id": "Rincian masalah", "en": "Details of the problem"},
    "map.table.desa": {"id": "Tabel per desa", "en": "Table by village"},
    "map.table.kecamatan": {"id": "Tabel per kecamatan", "en": "Table by district"},
    "map.click_hint_kecamatan": {
        "id": "Pilih tampilan Desa untuk mengklik desa dan melihat rinciannya.",
        "en": "Switch to the village view to click a village and see its details.",
    },
    "map.boundary_note": {
        "id": "Batas desa BPS 2020 (via OCHA HDX, lisensi CC BY-IGO), disederhanakan untuk layar; "
        "kode dan nama desa menurut Kepmendagri. Peta tanpa layanan ubin: berfungsi tanpa internet.",
        "en": "BPS 2020 village boundaries (via OCHA HDX, CC BY-IGO licence), simplified for the screen; "
        "village codes and names per the Kemendagri decree. No map tiles: works without internet.",
    },
    "map.panel.sectors_covered": {"id": "Sektor yang sudah terjangkau", "en": "Sectors reached"},
    "map.panel.sectors_uncovered": {"id": "Sektor yang belum terjangkau", "en": "Sectors not yet reached"},
    "map.panel.sectors": {"id": "Cakupan per sektor", "en": "Coverage by sector"},
    "map.panel.trend": {"id": "Pekerja terlindungi per minggu", "en": "Protected workers by week"},
    "map.panel.lapsing": {"id": "Berakhir dalam {days} hari", "en": "Lapsing within {days} days"},
    "map.panel.none": {"id": "Tidak ada", "en": "None"},
    "map.panel.clear": {"id": "Tutup rincian desa", "en": "Close village details"},
    # --- expansion planner (Rencana page)
    "col.protected_now": {"id": "Terlindungi sekarang", "en": "Protected now"},
    "col.to_enrol": {"id": "Didaftarkan", "en": "To enrol"},
    "col.total_to_enrol": {"id": "Jumlah didaftarkan", "en": "Total to enrol"},
    "col.coverage_pct_before": {"id": "Cakupan sekarang %", "en": "Coverage now %"},
    "col.protected_after": {"id": "Terlindungi sesudah", "en": "Protected after"},
    "col.coverage_pct_after": {"id": "Cakupan sesudah %", "en": "Coverage after %"},
    "col.gap_after": {"id": "Kesenjangan sesudah", "en": "Gap after"},
    "col.measure": {"id": "Ukuran", "en": "Measure"},
    "plan.intro": {
        "id": "Berapa pekerja yang dapat dilindungi anggaran, dan di desa serta sektor mana. "
        "Rencana dihitung untuk wilayah dan sektor yang dipilih di sisi kiri; filter program dan "
        "sumber iuran tidak dipakai, karena siapa pun yang sudah terlindungi tidak perlu didaftarkan lagi.",
        "en": "How many workers the budget protects, and in which villages and sectors. The plan covers "
        "the district and sector chosen on the left; the programme and funding filters are not used, "
        "because anyone already protected needs no new enrolment.",
    },
    "plan.inputs": {"id": "Anggaran dan aturan prioritas", "en": "Budget and priority rule"},
    "plan.budget_line": {"id": "Anggaran {source} (Rp)", "en": "{source} budget (Rp)"},
    "plan.budget_help": {
        "id": "Rencana 2026 sekitar Rp2 miliar dari APBD (Perbup Gianyar 35/2025).",
        "en": "About Rp2 billion from the APBD is planned for 2026 (Perbup Gianyar 35/2025).",
    },
    "plan.other_sources": {"id": "Sumber lain (opsional)", "en": "Other sources (optional)"},
    "plan.months": {"id": "Lama perlindungan (bulan)", "en": "Months of coverage"},
    "plan.contribution": {"id": "Iuran per pekerja per bulan (Rp)", "en": "Contribution per worker per month (Rp)"},
    "plan.contribution_help": {
        "id": "Bawaan {total} = JKK {jkk} + JKM {jkm} (PP 44/2015, iuran terendah pekerja bukan penerima upah).",
        "en": "Default {total} = JKK {jkk} + JKM {jkm} (PP 44/2015, the lowest rate for non-wage workers).",
    },
    "plan.renew": {
        "id": "Perpanjang dulu {count} peserta APBD yang sekarang terlindungi",
        "en": "First renew the {count} APBD-funded workers protected now",
    },
    "plan.renew_help": {
        "id": "Iuran mereka dibayar kabupaten: bila aktif, anggaran membayar perpanjangan mereka lebih dulu, "
        "sisanya untuk pekerja baru.",
        "en": "The regency pays their contributions: when on, the budget pays their renewal first and the "
        "rest buys new workers.",
    },
    "plan.rule": {"id": "Aturan prioritas", "en": "Priority rule"},
    "plan.rule_help": {
        "id": "Jumlah pekerja tidak bergantung pada aturan; aturan hanya menentukan di desa dan sektor mana "
        "mereka didaftarkan. Tidak ada kelompok yang menerima lebih dari kesenjangannya.",
        "en": "The number of workers does not depend on the rule; the rule only decides in which villages "
        "and sectors they are enrolled. No group gets more than its gap.",
    },
    "plan.rule_gap": {"id": "Kesenjangan terbesar", "en": "Largest gap"},
    "plan.rule_coverage": {"id": "Cakupan terendah", "en": "Lowest coverage %"},
    "plan.rule_weights": {"id": "Bobot kerentanan sektor", "en": "Sector vulnerability weights"},
    "plan.rule_mix": {"id": "Campuran berbobot", "en": "Weighted mix"},
    "plan.weights": {"id": "Bobot kerentanan per sektor", "en": "Vulnerability weight per sector"},
    "plan.weights_help": {
        "id": "Dipakai aturan bobot dan campuran. 0 = paling akhir, 1 = paling rentan. Perkiraan proyek ini, "
        "bukan skala resmi: ubah sesuai kebijakan daerah.",
        "en": "Used by the weights and mix rules. 0 = last in line, 1 = most vulnerable. This project's "
        "estimate, not an official scale: change it to the region's policy.",
    },
    "plan.weight": {"id": "Bobot", "en": "Weight"},
    "plan.mix": {"id": "Porsi dalam campuran", "en": "Shares in the mix"},
    "plan.mix_gap": {"id": "Kesenjangan", "en": "Gap"},
    "plan.mix_coverage": {"id": "Cakupan rendah", "en": "Low coverage"},
    "plan.mix_weights": {"id": "Bobot sektor", "en": "Sector weights"},
    "plan.submit": {"id": "Hitung rencana", "en": "Compute the plan"},
    "plan.computing": {"id": "Menghitung rencana…", "en": "Computing the plan…"},
    "plan.invalid": {"id": "Masukan tidak dapat dipakai: {reason}", "en": "The inputs cannot be used: {reason}"},
    "plan.bad_money": {
        "id": "\"{text}\" tidak terbaca sebagai jumlah rupiah. Contoh: 2.000.000.000 atau 2 miliar.",
        "en": "\"{text}\" is not a rupiah amount. For example: 2,000,000,000 or 2 billion.",
    },
    "plan.bad_mix": {
        "id": "Aturan campuran memerlukan sedikitnya satu porsi di atas 0.",
        "en": "The mix rule needs at least one share above 0.",
    },
    "plan.name_empty": {"id": "Beri nama skenario dulu.", "en": "Give the scenario a name first."},
    "plan.name_too_long": {"id": "Nama skenario paling banyak {limit} karakter.",
                           "en": "A scenario name has at most {limit} characters."},
    "plan.name_control": {"id": "Nama skenario memuat karakter yang tidak dapat dipakai.",
                          "en": "The scenario name holds characters that cannot be used."},
    "plan.name_not_text": {"id": "Nama skenario harus berupa teks.", "en": "A scenario name must be text."},
    "plan.no_cells": {
        "id": "Tidak ada sasaran untuk pilihan ini, jadi tidak ada yang dapat direncanakan.",
        "en": "There is no target population for this selection, so there is nothing to plan.",
    },
    "plan.card_funded": {"id": "Pekerja dilindungi anggaran", "en": "Workers the budget protects"},
    "plan.card_funded_help": {
        "id": "{renewal} perpanjangan + {new} pekerja baru, masing-masing {months} bulan.",
        "en": "{renewal} renewals + {new} new workers, {months} months each.",
    },
    "plan.card_new": {"id": "Pekerja baru", "en": "New workers"},
    "plan.card_new_delta": {"id": "{renewal} perpanjangan", "en": "{renewal} renewals"},
    "plan.card_cost": {"id": "Biaya", "en": "Cost"},
    "plan.card_cost_help": {
        "id": "{workers} pekerja × {months} bulan × {rate}.",
        "en": "{workers} workers × {months} months × {rate}.",
    },
    "plan.card_leftover": {"id": "Sisa anggaran", "en": "Budget left over"},
    "plan.card_leftover_help": {
        "id": "Anggaran {budget} dikurangi biaya; kurang dari iuran satu pekerja, atau semua kesenjangan "
        "sudah tertutup.",
        "en": "The budget of {budget} less the cost: less than one worker's contributions, or every gap is "
        "closed.",
    },
    "plan.card_coverage": {"id": "Cakupan sesudah rencana", "en": "Coverage after the plan"},
    "plan.card_coverage_delta": {"id": "{delta} poin dari {before}", "en": "{delta} points from {before}"},
    "plan.card_full_cost": {"id": "Biaya cakupan penuh", "en": "Cost of full coverage"},
    "plan.card_full_cost_help": {
        "id": "Menutup seluruh kesenjangan ({gap} pekerja) selama {months} bulan, ditambah semua perpanjangan "
        "({renewals} pekerja), apa pun pilihan perpanjangan.",
        "en": "Closing every gap ({gap} workers) for {months} months, plus every renewal ({renewals} workers), "
        "whatever the renewal choice.",
    },
    "plan.all_gaps_closed": {
        "id": "Anggaran cukup untuk menutup seluruh kesenjangan; sisa {leftover}.",
        "en": "The budget closes every gap; {leftover} is left over.",
    },
    "plan.renewals_only": {
        "id": "Anggaran hanya cukup untuk {renewal} dari {count} perpanjangan; tidak ada pekerja baru. "
        "{lapsed} pekerja berakhir pada tanggal iurannya dan tidak dihitung di cakupan sesudah rencana.",
        "en": "The budget pays only {renewal} of the {count} renewals; no new workers. {lapsed} workers lapse "
        "on their paid-until date and are not counted in the coverage after the plan.",
    },
    "plan.renewals_off": {
        "id": "Perpanjangan tidak dibiayai rencana ini: {lapsed} dari {count} pekerja program berakhir pada "
        "tanggal iurannya dan tidak dihitung di cakupan sesudah rencana (kecuali dibayar dari anggaran lain).",
        "en": "Renewals are not paid by this plan: {lapsed} of the {count} programme workers lapse on their "
        "paid-until date and are not counted in the coverage after the plan (unless paid from another budget).",
    },
    "plan.card_coverage_help": {
        "id": "Hanya yang tetap terlindungi: terlindungi sekarang, dikurangi {lapsed} dari {count} perpanjangan "
        "yang tidak dibiayai (berakhir pada tanggal iurannya), ditambah pekerja baru.",
        "en": "Only those who stay protected: protected now, less {lapsed} of the {count} renewals not paid (they "
        "lapse on their paid-until), plus the new workers.",
    },
    "plan.maps": {"id": "Peta cakupan sebelum dan sesudah rencana", "en": "Coverage map before and after the plan"},
    "plan.map_before": {"id": "Sekarang (per {date})", "en": "Now (as of {date})"},
    "plan.map_after": {"id": "Sesudah rencana", "en": "After the plan"},
    "plan.map_note": {
        "id": "Kelas warna sama pada kedua peta. Cakupan desa = terlindungi ÷ sasaran semua sektor.",
        "en": "Both maps use the same colour classes. Village coverage = protected ÷ target of all sectors.",
    },
    "plan.kecamatan": {"id": "Per kecamatan, sekarang dan sesudah rencana", "en": "By district, now and after the plan"},
    "plan.kecamatan_note": {
        "id": "Kesenjangan dijumlahkan per desa dan sektor: kelebihan di satu sektor tidak menutup "
        "kekurangan di sektor lain.",
        "en": "The gap is summed over villages and sectors: a surplus in one sector does not fill another's gap.",
    },
    "plan.inverse": {"id": "Anggaran untuk mencapai target cakupan", "en": "Budget needed for a coverage target"},
    "plan.inverse_target": {"id": "Target cakupan (%)", "en": "Coverage target (%)"},
    "plan.inverse_result": {
        "id": "Untuk cakupan {target} diperlukan **{budget}**: {new} pekerja baru{renewal}, {months} bulan × {rate}.",
        "en": "Reaching {target} coverage needs **{budget}**: {new} new workers{renewal}, {months} months × {rate}.",
    },
    "plan.inverse_reached": {
        "id": "Cakupan {target} sudah tercapai (sekarang {now}); anggaran {budget} hanya untuk {count} perpanjangan.",
        "en": "{target} coverage is reached already (now {now}); {budget} pays only the {count} renewals.",
    },
    "plan.inverse_renewal": {"id": " dan {count} perpanjangan", "en": " and {count} renewals"},
    "plan.lists": {"id": "Daftar tindak lanjut per desa", "en": "Lists to act on, by village"},
    "plan.lists_note": {
        "id": "Berapa pekerja dari sektor mana yang didaftarkan di tiap desa. File XLSX berisi satu lembar per "
        "kecamatan, untuk camat dan kepala desa.",
        "en": "How many workers of which sector to enrol in each village. The XLSX file has one sheet per "
        "district, for the camat and the village heads.",
    },
    "plan.lists_empty": {"id": "Rencana ini tidak mendaftarkan pekerja baru.", "en": "This plan enrols no new workers."},
    "plan.download_workbook": {"id": "Unduh XLSX per kecamatan", "en": "Download XLSX by district"},
    "plan.workbook_title": {"id": "Rencana perluasan: pekerja yang didaftarkan", "en": "Expansion plan: workers to enrol"},
    "plan.workbook_note": {
        "id": "Anggaran {budget} · {months} bulan × {rate} · aturan: {rule} · data per {date}",
        "en": "Budget {budget} · {months} months × {rate} · rule: {rule} · data as of {date}",
    },
    "plan.scenarios": {"id": "Skenario tersimpan", "en": "Saved scenarios"},
    "plan.scenario_name": {"id": "Nama skenario", "en": "Scenario name"},
    "plan.save": {"id": "Simpan skenario", "en": "Save scenario"},
    "plan.saved": {"id": "Skenario \"{name}\" disimpan.", "en": "Scenario \"{name}\" saved."},
    "plan.exists": {
        "id": "Skenario \"{name}\" sudah ada. Centang \"Timpa\" untuk menggantinya.",
        "en": "Scenario \"{name}\" exists already. Tick \"Overwrite\" to replace it.",
    },
    "plan.overwrite": {"id": "Timpa skenario bernama sama", "en": "Overwrite a scenario of the same name"},
    "plan.compare": {"id": "Bandingkan skenario", "en": "Compare scenarios"},
    "plan.none_saved": {"id": "Belum ada skenario tersimpan.", "en": "No scenario saved yet."},
    "plan.delete": {"id": "Hapus skenario", "en": "Delete scenario"},
    "plan.deleted": {"id": "Skenario \"{name}\" dihapus.", "en": "Scenario \"{name}\" deleted."},
    "plan.compare_kecamatan": {"id": "Pekerja baru per kecamatan", "en": "New workers by district"},
    "plan.row_as_of": {"id": "Data per", "en": "Data as of"},
    "plan.row_saved_at": {"id": "Disimpan", "en": "Saved"},
    "plan.row_budget": {"id": "Anggaran", "en": "Budget"},
    "plan.row_months": {"id": "Bulan", "en": "Months"},
    "plan.row_contribution": {"id": "Iuran per bulan", "en": "Contribution per month"},
    "plan.row_rule": {"id": "Aturan prioritas", "en": "Priority rule"},
    "plan.row_renewals": {"id": "Perpanjangan", "en": "Renewals"},
    "plan.row_new": {"id": "Pekerja baru", "en": "New workers"},
    "plan.row_funded": {"id": "Pekerja dilindungi anggaran", "en": "Workers the budget protects"},
    "plan.row_cost": {"id": "Biaya", "en": "Cost"},
    "plan.row_leftover": {"id": "Sisa anggaran", "en": "Left over"},
    "plan.row_coverage_before": {"id": "Cakupan sebelum", "en": "Coverage before"},
    "plan.row_coverage_after": {"id": "Cakupan sesudah", "en": "Coverage after"},
    "plan.row_full_cost": {"id": "Biaya cakupan penuh", "en": "Cost of full coverage"},
    "plan.yes": {"id": "ya", "en": "yes"},
    "plan.no": {"id": "tidak", "en": "no"},
    # --- language names (shown in their own language in the switch)
    "lang.id": {"id": "Bahasa Indonesia", "en": "Bahasa Indonesia"},
    "lang.en": {"id": "English", "en": "English"},
}
