"""Extract files -> validated rows -> the DuckDB store, in one transaction per file.

A file already loaded (same SHA-256) changes nothing. A NIK seen again in a later file updates that
person's record (the participant table keeps the latest batch's row) instead of counting twice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from jamsostek import settings
from jamsostek.store import db
from jamsostek.ingest import readers
from jamsostek.geo import wilayah
from jamsostek.ingest.validate import Validated, Validator


@dataclass
class IngestResult:
    """What happened to one file: its batch id (None when nothing was loaded) and the rejections."""

    file_name: str
    sha256: str
    batch_id: int | None
    rows_total: int
    rows_accepted: int
    rows_rejected: int
    already_loaded: bool = False
    rejections: pd.DataFrame = field(default_factory=pd.DataFrame)

    def summary(self, lang: str = "id") -> str:
        """One line for the console or a notice."""
        if self.already_loaded:
            return (f"{self.file_name}: sudah dimuat sebelumnya (batch {self.batch_id}), tidak ada perubahan"
                    if lang == "id" else f"{self.file_name}: already loaded (batch {self.batch_id}), nothing changed")
        if lang == "id":
            return (f"{self.file_name}: {self.rows_accepted} baris dimuat, {self.rows_rejected} ditolak "
                    f"dari {self.rows_total}")
        return f"{self.file_name}: {self.rows_accepted} rows loaded, {self.rows_rejected} rejected of {self.rows_total}"

    def reasons_count(self, lang: str = "id") -> pd.DataFrame:
        """Rejections counted by reason code (a row can have several problems)."""
        if self.rejections.empty:
            return pd.DataFrame(columns=["reason_code", "rows"])
        counts = self.rejections.groupby("reason_code")["row_number"].nunique()
        return counts.rename("rows").reset_index().sort_values("rows", ascending=False, ignore_index=True)


def validate_extract(raw: readers.RawExtract, region: str | None = None) -> Validated:
    """Apply the row rules to a file already read (no store involved: this is the preview)."""
    rows = raw.rows.rename(columns=raw.header_map)
    return Validator(region).validate(rows)


def ingest_file(con: db.Connection, path: Path, loaded_by: str = "cli", is_sample: bool = False) -> IngestResult:
    """Read, validate and load one extract file from disk."""
    raw = readers.read_extract_path(Path(path))
    return commit_extract(con, raw, validate_extract(raw), loaded_by=loaded_by, is_sample=is_sample)


def commit_extract(con: db.Connection, raw: readers.RawExtract, checked: Validated,
                   loaded_by: str, is_sample: bool = False) -> IngestResult:
    """Load the accepted rows of a checked file as a new batch: all of it, or on any error nothing."""
    result = IngestResult(raw.file_name, raw.sha256, None, checked.rows_total, len(checked.accepted),
                          checked.rows_rejected, rejections=checked.rejections)
    existing = db.fetch_value(con, "batch_find", sha256=raw.sha256)
    if existing is not None:
        result.batch_id, result.already_loaded = int(existing), True
        result.rows_accepted = result.rows_rejected = 0
        return result
    if checked.accepted.empty:
        return result
    extract_date = max(checked.accepted["tgl_kepesertaan"])
    with db.transaction(con):
        batch_id = db.next_id(con, "batch_seq")
        db.execute(con, "batch_insert", batch_id=batch_id, file_name=raw.file_name, sha256=raw.sha256,
                   rows_total=checked.rows_total, rows_accepted=len(checked.accepted),
                   rows_rejected=checked.rows_rejected, extract_date=extract_date,
                   is_sample=is_sample, loaded_by=loaded_by)
        db.stage(con, "staged_enrolment", checked.accepted)
        db.execute(con, "enrolment_insert", batch_id=batch_id)
        db.stage(con, "staged_rejection", checked.rejections)
        db.execute(con, "rejection_insert", batch_id=batch_id)
        take_batch(con, batch_id)
    result.batch_id = batch_id
    return result


def withdraw_batch(con: db.Connection, batch_id: int, actor: str) -> None:
    """Remove a batch's rows and recompute every participant's current record, in one transaction."""
    with db.transaction(con):
        db.execute(con, "participant_forget", batch_id=batch_id)
        db.execute(con, "batch_withdraw", batch_id=batch_id, actor=actor)
        db.execute(con, "participant_restore")
        refresh_cells(con)


def take_batch(con: db.Connection, batch_id: int) -> None:
    """Make a just-loaded (newest) batch's rows the current records of its NIKs; call inside the load's transaction."""
    # Incremental: the same result as jamsostek/store/sql/participant_rebuild.sql (kept for repairs and tests),
    # without re-reading every earlier batch on each load.
    db.execute(con, "participant_upsert", batch_id=batch_id)
    refresh_cells(con)


def refresh_cells(con: db.Connection) -> None:
    """After participant changed (inside that transaction): recount the questions' cells, bump the data version."""
    db.execute(con, "protection_cell_rebuild")
    db.execute(con, "data_version_bump")


def rebuild_participants(con: db.Connection) -> None:
    """Recompute every current record from the loaded batches (a repair; loads and withdrawals are incremental)."""
    with db.transaction(con):
        db.execute(con, "participant_rebuild")
        refresh_cells(con)


def load_reference(con: db.Connection, sasaran_csv: Path, region: str | None = None) -> None:
    """Load the region's desa and the sasaran estimate (replacing what was there)."""
    sasaran = pd.read_csv(sasaran_csv, dtype={"kode_desa": str, "sektor": str, "sasaran_workers": int})
    with db.transaction(con):
        db.stage(con, "staged_wilayah", wilayah.load_wilayah(region))
        db.stage(con, "staged_sasaran", sasaran)
        db.execute(con, "reference_load")
        db.execute(con, "data_version_bump")


SAMPLE_FILES = ("peserta_2025-11-03_perdana.xlsx", "peserta_2026-11-20.csv")
SAMPLE_SASARAN = "sasaran_desa_sektor.csv"


def build_sample_store(path: Path) -> list[IngestResult]:
    """Create a store at `path` from the shipped sample (reference data, sasaran, extracts)."""
    con = db.connect(path)
    try:
        load_reference(con, settings.SAMPLE_DIR / SAMPLE_SASARAN)
        return [ingest_file(con, settings.SAMPLE_DIR / name, loaded_by="sample", is_sample=True)
                for name in SAMPLE_FILES]
    finally:
        con.close()


def ensure_store(path: Path | None = None) -> Path:
    """The store's path, building it from the shipped sample on first run (atomically)."""
    path = Path(path or settings.db_path())
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f"{path.name}.building-{os.getpid()}")
    building.unlink(missing_ok=True)
    build_sample_store(building)
    building.replace(path)
    return path
