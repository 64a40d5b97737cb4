"""Extract files -> validated rows -> the DuckDB store, in one transaction per file.

A file already loaded (same SHA-256) changes nothing. Every batch has the date its data is as of
(given, in the file name, or its latest TGL KEPESERTAAN); a NIK seen again updates that person's
record only when the new batch is as of a later date, so an old extract loaded late cannot undo a
newer one. Withdrawing a batch gives each of its NIKs back the record of the next newest batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from jamsostek.access import privacy
from jamsostek.store import db
from jamsostek.ingest import readers
from jamsostek.geo import wilayah
from jamsostek.i18n import fmt_int, t
from jamsostek.ingest import rejections
from jamsostek.ingest import sasaran as versions
from jamsostek.sasaran import estimate
from jamsostek.ingest.validate import Validated, Validator


@dataclass
class IngestResult:
    """What happened to one file: its batch id (None when nothing was loaded), the counts and the rejections.

    The counts add up: rows_total = rows_accepted + rows_rejected + rows_blank + rows_duplicate.
    """

    file_name: str
    sha256: str
    batch_id: int | None
    rows_total: int
    rows_accepted: int
    rows_rejected: int
    rows_blank: int = 0
    rows_duplicate: int = 0
    already_loaded: bool = False
    rejections: pd.DataFrame = field(default_factory=pd.DataFrame)
    as_of: date | None = None
    not_overridden: int = 0  # NIKs whose record stays, held by a batch as of a later date

    @classmethod
    def of(cls, file_name: str, sha256: str, checked: Validated) -> IngestResult:
        """The counts of a checked file, before it is loaded."""
        return cls(file_name, sha256, None, checked.rows_total, len(checked.accepted), checked.rows_rejected,
                   checked.rows_blank, checked.rows_duplicate, rejections=checked.rejections)

    def summary(self, lang: str = "id") -> str:
        """One line for the console or a notice."""
        if self.already_loaded:
            return t("ingest.summary.already", lang, file=self.file_name, batch=self.batch_id)
        text = t("ingest.summary", lang, file=self.file_name, **self.counts(lang))
        if self.not_overridden:
            text += t("ingest.summary.not_overridden", lang, rows=fmt_int(self.not_overridden, lang))
        return text

    def counts(self, lang: str = "id") -> dict[str, str]:
        """The four counts and their total, formatted for `lang`."""
        return {k: fmt_int(getattr(self, f"rows_{k}"), lang)
                for k in ("accepted", "rejected", "blank", "duplicate", "total")}

    def audit_detail(self) -> str:
        """What the audit row of this load says (browser and command line alike)."""
        return (f"batch {self.batch_id}; {self.file_name}; sha256 {self.sha256[:16]}; per {self.as_of}; "
                f"{self.rows_accepted} dimuat, {self.rows_rejected} ditolak, {self.rows_blank} kosong, "
                f"{self.rows_duplicate} ganda dari {self.rows_total}")

    def reasons_count(self, lang: str = "id") -> pd.DataFrame:
        """Rejected rows counted by reason (a row can have several problems)."""
        return rejections.count_by_reason(self.rejections, lang)


_DATE_IN_NAME = (re.compile(r"(?<!\d)(20\d\d)-?(\d\d)-?(\d\d)(?!\d)"),
                 re.compile(r"(?<!\d)(\d\d)-(\d\d)-(20\d\d)(?!\d)"))


def date_in_name(file_name: str) -> date | None:
    """The date a file name carries (peserta_2026-11-20.csv, ekstrak_20261120.xlsx, data 20-11-2026.csv)."""
    for pattern, order in zip(_DATE_IN_NAME, ((0, 1, 2), (2, 1, 0))):
        if found := pattern.search(file_name):
            parts = [int(found.group(i + 1)) for i in order]
            try:
                return date(*parts)
            except ValueError:
                continue
    return None


def as_of_date(file_name: str, accepted: pd.DataFrame, given: date | None = None) -> date | None:
    """The date a file's data is as of: given (asked at upload / --as-of), else in its name, else its latest start."""
    if given:
        return given
    latest = max(accepted["tgl_kepesertaan"]) if len(accepted) else None
    named = date_in_name(file_name)
    # A record cannot start after the day its extract was made: a name older than the data is a wrong name.
    return max(d for d in (named, latest) if d) if named or latest else None


def ingest_file(con: db.Connection, path: Path, loaded_by: str = "cli", is_sample: bool = False,
                header_override: dict[str, str] | None = None, as_of: date | None = None,
                date_order: str | None = None, limits: readers.Limits = readers.Limits()) -> IngestResult:
    """Read, validate and load one extract file from disk."""
    raw = readers.read_extract_path(Path(path), limits, header_override)
    checked = Validator(date_order=date_order).validate(raw.fields())
    return commit_extract(con, raw, checked, loaded_by=loaded_by, is_sample=is_sample, as_of=as_of)


def not_overridden(con: db.Connection, nik: pd.Series, as_of: date | None) -> int:
    """How many of these NIKs hold a record from a batch as of a later date (a batch as of `as_of` keeps them)."""
    if as_of is None or nik.empty:
        return 0
    cursor = con.cursor()  # its own view of staged_nik: the caller's connection may hold an open result
    try:
        db.stage(cursor, "staged_nik", pd.DataFrame({"nik": nik.astype(str)}))
        return int(db.fetch_value(cursor, "participant_newer_count", as_of=as_of) or 0)
    finally:
        cursor.close()


def commit_extract(con: db.Connection, raw: readers.RawExtract, checked: Validated,
                   loaded_by: str, is_sample: bool = False, as_of: date | None = None) -> IngestResult:
    """Load the accepted rows of a checked file as a new batch: all of it, or on any error nothing."""
    # The file name is shown on every page: a NIK or a name in it (theirs or one already stored) is masked.
    file_name = privacy.scrub(con, raw.file_name, checked.accepted.get("nama", ()))
    result = IngestResult.of(file_name, raw.sha256, checked)
    existing = db.fetch_value(con, "batch_find", sha256=raw.sha256)
    if existing is not None:
        result.batch_id, result.already_loaded = int(existing), True
        result.rows_accepted = result.rows_rejected = 0
        return result
    if checked.accepted.empty:
        return result
    result.as_of = as_of_date(raw.file_name, checked.accepted, as_of)
    with db.transaction(con):
        batch_id = db.next_id(con, "batch_seq")
        db.execute(con, "batch_insert", batch_id=batch_id, file_name=file_name, sha256=raw.sha256,
                   rows_total=checked.rows_total, rows_accepted=len(checked.accepted),
                   rows_rejected=checked.rows_rejected, rows_blank=checked.rows_blank,
                   rows_duplicate=checked.rows_duplicate, extract_date=result.as_of,
                   is_sample=is_sample, loaded_by=loaded_by)
        db.stage(con, "staged_enrolment", checked.accepted)
        db.execute(con, "enrolment_insert", batch_id=batch_id)
        db.stage(con, "staged_rejection", checked.rejections)
        db.execute(con, "rejection_insert", batch_id=batch_id)
        result.not_overridden = int(db.fetch_value(con, "batch_not_overriding", batch_id=batch_id))
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
    """Make a just-loaded batch's rows the current records of its NIKs where it is the newest; inside the load's transaction."""
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


def load_reference(con: db.Connection, sasaran_csv: Path | None = None, region: str | None = None) -> None:
    """Load the region's desa and a sasaran table (default: the estimate from public statistics), replacing both."""
    if sasaran_csv is None:
        sasaran = estimate.estimate(region)
    else:
        sasaran = pd.read_csv(sasaran_csv, dtype={"kode_desa": str, "sektor": str})
    with db.transaction(con):
        db.stage(con, "staged_wilayah", wilayah.load_wilayah(region))
        db.stage(con, "staged_sasaran", sasaran)
        db.execute(con, "reference_load")
        versions.load_estimate(con, sasaran)
        db.execute(con, "data_version_bump")


SAMPLE_FILES = ("peserta_2025-11-03_perdana.xlsx", "peserta_2026-11-20.csv")
SAMPLE_SASARAN = "sasaran_desa_sektor.csv"
