"""The rejection report of one ingested file: a CSV an officer can open next to the extract."""

from __future__ import annotations

from pathlib import Path

from jamsostek import settings

REPORT_COLUMNS = {"row_number": "BARIS", "field": "KOLOM", "reason_id": "ALASAN", "reason_en": "REASON"}


def rejection_table(result) -> "pd.DataFrame":  # noqa: F821 - pandas frame from IngestResult
    """Rejections with Indonesian headers; row numbers as a spreadsheet shows them (header = 1)."""
    return result.rejections[list(REPORT_COLUMNS)].rename(columns=REPORT_COLUMNS)


def write_rejection_report(result, folder: Path | None = None) -> Path:
    """Write <file>-<sha8>.ditolak.csv under the cache folder and return its path."""
    folder = folder or settings.cache_dir() / "rejections"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{Path(result.file_name).stem}-{result.sha256[:8]}.ditolak.csv"
    rejection_table(result).to_csv(path, index=False, encoding="utf-8-sig")
    return path
