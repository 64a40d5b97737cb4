"""Labels of the sasaran estimate and its range (jamsostek/sasaran)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "sasaran.with_range": {"id": "{value} (kisaran {low}–{high})", "en": "{value} (range {low}–{high})"},
    "sasaran.col_low": {"id": "Sasaran rendah", "en": "Target, low"},
    "sasaran.col_high": {"id": "Sasaran tinggi", "en": "Target, high"},
    "sasaran.panel": {
        "id": "Sasaran (estimasi): {value}",
        "en": "Target population (estimate): {value}",
    },
    "sasaran.method": {
        "id": "Sasaran dihitung dari statistik publik: penduduk tiap desa pada Sensus Penduduk 2010 (BPS), "
        "diskalakan ke angka penduduk kabupaten terbaru, × bagian yang bekerja, × bagian pekerja informal "
        "(Sakernas), lalu dibagi ke sektor (nelayan hanya di desa pesisir, pengrajin dibobot ke desa "
        "kerajinan). Setiap langkah adalah asumsi bernama dengan sumber (data/reference/sasaran_*.csv). "
        "Kisaran rendah–tinggi memakai angka terendah dan tertinggi dari sumber tiap langkah: "
        "{region}: {value} pekerja, kisaran {low}–{high}.",
        "en": "The target population is computed from public statistics: each village's population at the "
        "2010 census (BPS), scaled to the latest regency population figure, × the share who work, × the "
        "informal share (Sakernas), then split over sectors (fishers only in coastal villages, artisans "
        "weighted to craft villages). Every step is a named assumption with a source "
        "(data/reference/sasaran_*.csv). The low–high range uses the lowest and highest figure among each "
        "step's sources: {region}: {value} workers, range {low}–{high}.",
    },
    "sasaran.version_estimate": {"id": "Sasaran: estimasi statistik publik",
                                 "en": "Target: public-statistics estimate"},
    "sasaran.version_official": {"id": "Sasaran: {name} (resmi{date})", "en": "Target: {name} (official{date})"},
    "sasaran.meeting_version": {"id": "sasaran: {name}", "en": "target: {name}"},
    "sasaran.estimate_name": {"id": "Estimasi statistik publik", "en": "Public-statistics estimate"},
    "sasaran.kind_estimate": {"id": "estimasi", "en": "estimate"},
    "sasaran.kind_official": {"id": "resmi", "en": "official"},
    "sasaran.col_id": {"id": "Versi", "en": "Version"},
    "sasaran.col_name": {"id": "Nama", "en": "Name"},
    "sasaran.col_kind": {"id": "Jenis", "en": "Kind"},
    "sasaran.col_date": {"id": "Tanggal data", "en": "Data date"},
    "sasaran.col_desa": {"id": "Desa", "en": "Villages"},
    "sasaran.col_by": {"id": "Oleh", "en": "By"},
    "sasaran.col_active": {"id": "Aktif", "en": "Active"},
    "sasaran.col_row": {"id": "Baris", "en": "Row"},
    "sasaran.col_column": {"id": "Kolom", "en": "Column"},
    "sasaran.col_value": {"id": "Isi", "en": "Value"},
    "sasaran.col_reason": {"id": "Alasan", "en": "Reason"},
    "sasaran.upload_title": {"id": "Sasaran resmi", "en": "Official target population"},
    "sasaran.upload_help": {
        "id": "Unggah tabel sasaran per desa × sektor (CSV/XLSX) bila Bappeda atau Disnaker punya angka resmi "
        "(mis. agregat Regsosek/DTSEN). Kolom: KODE DESA (atau DESA dan KECAMATAN), SEKTOR (kode atau nama: "
        "petani, nelayan, …), SASARAN (bilangan bulat ≥ 0). Setiap desa wilayah harus ada; sektor tanpa baris "
        "dihitung 0. Versi disimpan dengan nama dan tanggal di samping estimasi; yang aktif dipakai semua "
        "halaman dan dokumen.",
        "en": "Upload a target table per village × sector (CSV/XLSX) when Bappeda or Disnaker hold official "
        "counts (e.g. Regsosek/DTSEN aggregates). Columns: KODE DESA (or DESA and KECAMATAN), SEKTOR (code or "
        "name: petani, nelayan, …), SASARAN (a whole number ≥ 0). Every village of the region must be there; a "
        "sector without a row counts 0. Versions are stored with a name and date beside the estimate; the "
        "active one is used by every page and document.",
    },
    "sasaran.file": {"id": "Berkas sasaran", "en": "Target file"},
    "sasaran.name": {"id": "Nama versi", "en": "Version name"},
    "sasaran.data_date": {"id": "Tanggal data (menurut sumber)", "en": "Data date (as the source says)"},
    "sasaran.make_active": {"id": "Jadikan sasaran aktif", "en": "Make it the active target"},
    "sasaran.submit": {"id": "Periksa dan simpan", "en": "Check and store"},
    "sasaran.choose_active": {"id": "Sasaran aktif", "en": "Active target"},
    "sasaran.activate": {"id": "Pakai versi ini", "en": "Use this version"},
    "sasaran.activated": {"id": "Sasaran aktif sekarang: {name}.", "en": "The active target is now: {name}."},
    "sasaran.need_file_and_name": {"id": "Pilih berkas dan isi nama versi.",
                                   "en": "Choose a file and name the version."},
    "sasaran.refused": {
        "id": "Tabel tidak disimpan: {count} masalah. Perbaiki baris berikut lalu unggah lagi.",
        "en": "The table was not stored: {count} problems. Fix these rows and upload again.",
    },
    "sasaran.stored": {"id": "Versi {id} \"{name}\" disimpan: {total} pekerja.",
                       "en": "Version {id} \"{name}\" stored: {total} workers."},
    "sasaran.province_note": {
        "id": "Sasaran tersedia untuk ke-9 kabupaten/kota; peserta contoh hanya ada di Gianyar.",
        "en": "The target population covers all 9 regencies; the sample participants live in Gianyar only.",
    },
}
