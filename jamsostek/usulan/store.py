"""Candidate lists in the store: propose (verified on the way in), override, register, read. Every write is
one transaction and one audit row; the audit names counts and row numbers, never a NIK or a name.

Callers in the app run these through ui.context.write (the writer lock in shared mode), like every write.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from jamsostek import settings
from jamsostek.access import privacy
from jamsostek.store import db
from jamsostek.usulan import verify

CANDIDATE_COLUMNS = ["row_number", "nik", "nama", "sektor", "no_hp"]
OVERRIDE_STATUSES = (verify.VERIFIED, verify.REJECTED)
# A verifier can accept a flag or a doubtful rejection, not a NIK that is no NIK or a repeated row.
NOT_OVERRIDABLE = frozenset({"nik_invalid", "duplicate_in_list"})


class OverrideRefused(ValueError):
    """A decision the store will not record; `code` names why (status, note_missing, no_candidate,
    not_overridable) for the page to say in the reader's language."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def ensure_tables(con: db.Connection) -> None:
    """Create the usulan tables if this store has none yet (safe to call every time)."""
    db.ensure(con, "usulan_schema")


def protected_niks(con: db.Connection, niks: list[str], as_of: date) -> set[str]:
    """Which of `niks` the store holds protected by JKK and JKM on `as_of`."""
    return set(db.run_query(con, "usulan_protected_niks", niks=list(niks), as_of=as_of)["nik"])


def proposed_niks(con: db.Connection, niks: list[str]) -> set[str]:
    """Which of `niks` are in a stored list already, not rejected there."""
    return set(db.run_query(con, "usulan_proposed_niks", niks=list(niks))["nik"])


def judge(con: db.Connection, candidates: pd.DataFrame, on: date) -> pd.DataFrame:
    """The candidates with verify's status and reasons, matched against the store on `on`."""
    niks = list(candidates["nik"].astype(str))
    return verify.verify(candidates, on, protected=protected_niks(con, niks, on),
                         proposed_elsewhere=proposed_niks(con, niks))


def propose(con: db.Connection, kode_desa: str, candidates: pd.DataFrame, actor: str, on: date,
            source_file: str | None = None, at: datetime | None = None) -> int:
    """Verify and store one desa's candidate list (columns CANDIDATE_COLUMNS), audited; returns its id.

    `at` is when it was proposed (default now): the sample round (sample/usulan.py) gives fixed times.
    """
    if candidates.empty:
        raise ValueError("a candidate list needs at least one candidate")
    ensure_tables(con)
    with db.transaction(con):
        judged = judge(con, candidates[CANDIDATE_COLUMNS], on)
        staged = judged[CANDIDATE_COLUMNS + ["status", "reasons"]].astype({"row_number": "int64"})
        db.stage(con, "staged_usulan_candidates", staged)
        db.execute(con, "usulan_list_insert", kode_desa=kode_desa, proposed_by=actor,
                   source_file=privacy.scrub(con, source_file), verified_on=on, at=at)
        list_id = int(db.fetch_value(con, "usulan_list_last"))
        db.execute(con, "data_version_bump")
        counts = judged["status"].value_counts()
        summary = ", ".join(f"{s} {int(counts.get(s, 0))}" for s in verify.STATUSES)
        privacy.record_audit(con, actor, privacy.USULAN_PROPOSE,
                             f"list {list_id}: desa {kode_desa}, {len(judged)} candidates ({summary})")
    return list_id


def override(con: db.Connection, list_id: int, row_number: int, status: str, note: str, actor: str,
             at: datetime | None = None) -> None:
    """A verifier's decision on one candidate (verified or rejected) with a note it cannot do without."""
    if status not in OVERRIDE_STATUSES:
        raise OverrideRefused("status", f"an override is one of {OVERRIDE_STATUSES}")
    if not (note or "").strip():
        raise OverrideRefused("note_missing", "an override needs a note")
    current = candidates(con).query("list_id == @list_id and row_number == @row_number")
    if current.empty:
        raise OverrideRefused("no_candidate", f"no candidate in row {row_number} of list {list_id}")
    if status == verify.VERIFIED and set(current.iloc[0]["reasons"].split(";")) & NOT_OVERRIDABLE:
        raise OverrideRefused("not_overridable", "an invalid or repeated NIK cannot be accepted")
    with db.transaction(con):
        db.fetch_row(con, "usulan_override", list_id=int(list_id), row_number=int(row_number),
                     override_status=status, override_note=privacy.scrub(con, note.strip()), override_by=actor,
                     at=at)
        db.execute(con, "data_version_bump")
        privacy.record_audit(con, actor, privacy.USULAN_OVERRIDE,
                             f"list {list_id} row {row_number}: {status}; {note.strip()}")


def register_batch(con: db.Connection, actor: str, kode_desa: str | None = None,
                   on: date | None = None, at: datetime | None = None) -> pd.DataFrame:
    """Mark the verified candidates not registered yet (of one desa, or all) as registered (at `at`, default
    now), and return exactly those (candidates' columns): the rows of the registration file this marking is for."""
    ensure_tables(con)
    with db.transaction(con):
        marked = set(db.fetch_rows(con, "usulan_register", kode_desa=kode_desa, at=at))
        db.execute(con, "data_version_bump")
        privacy.record_audit(con, actor, privacy.USULAN_EXPORT,
                             f"registration file, desa {kode_desa or 'all'}: {len(marked)} newly registered")
    everyone = candidates(con, kode_desa, on)
    keys = zip(everyone["list_id"], everyone["row_number"])
    return everyone[[key in marked for key in keys]].reset_index(drop=True)


def register(con: db.Connection, actor: str, kode_desa: str | None = None, at: datetime | None = None) -> int:
    """Mark the verified candidates (of one desa, or all) as registered, once (at `at`, default now); how many
    were new."""
    return len(register_batch(con, actor, kode_desa, at=at))


def candidates(con: db.Connection, kode_desa: str | None = None, as_of: date | None = None) -> pd.DataFrame:
    """Every stored candidate (NIK and names: for usulan.verify roles only), with its enrolment."""
    ensure_tables(con)
    return db.run_query(con, "usulan_candidates", kode_desa=kode_desa, as_of=as_of or date.today(),
                        stall_weeks=settings.USULAN_STALL_WEEKS)


def funnel(con: db.Connection, as_of: date) -> pd.DataFrame:
    """Counts per desa: proposed, verified, registered, enrolled, stalled (for every role)."""
    ensure_tables(con)
    return db.run_query(con, "usulan_funnel", as_of=as_of, stall_weeks=settings.USULAN_STALL_WEEKS)



SINCE_STAGES = ("proposed_workers", "verified_workers", "registered_workers", "enrolled_workers")


def since(con: db.Connection, date_from: date | None, date_to: date) -> dict[str, int]:
    """How many candidates were proposed, verified, registered, enrolled after `date_from` (None: ever) up to
    `date_to` (queries/usulan_since.sql): counts only, for every role."""
    ensure_tables(con)
    row = db.run_query(con, "usulan_since", date_from=date_from, date_to=date_to).iloc[0]
    return {stage: int(row[stage]) for stage in SINCE_STAGES}
