"""Batch history and withdrawal for data admins; every withdrawal is audited."""

from __future__ import annotations

import pandas as pd

from jamsostek import i18n
from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.access import privacy
from jamsostek.i18n import t
from jamsostek.reports import downloads
from jamsostek.ingest.rejections import table as rejection_table
from jamsostek.ingest.upload import UploadRefused, notice

SHA_SHOWN = 12  # enough to tell files apart on screen; the full hash stays in the store


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as an admin screen shows it: formula-like text (a file named '=cmd|...') neutralised first.

    Streamlit's table toolbar downloads what is shown as CSV, bypassing the app's own download guard.
    """
    return frame.map(downloads.neutralise)


def batches(con: db.Connection) -> pd.DataFrame:
    """Every batch, newest first, including withdrawn ones (queries/batches.sql)."""
    return db.run_query(con, "batches")


def _when(value: object) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%d-%m-%Y %H:%M")


def history_table(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Batches for the history table: file, short SHA-256, counts, who, when and status, in `lang`."""
    def status(row) -> str:
        if pd.notna(row.withdrawn_at):
            return t("history.status.withdrawn", lang, when=_when(row.withdrawn_at), who=row.withdrawn_by)
        return t("history.status.sample" if row.is_sample else "history.status.active", lang)

    columns = {
        "history.col.batch": frame["batch_id"].astype(int),
        "history.col.file": frame["file_name"],
        "history.col.sha": frame["sha256"].str[:SHA_SHOWN],
        "history.col.total": frame["rows_total"].astype(int),
        "history.col.accepted": frame["rows_accepted"].astype(int),
        "history.col.rejected": frame["rows_rejected"].astype(int),
        "ingest.history.blank": frame["rows_blank"].fillna(0).astype(int),
        "ingest.history.duplicate": frame["rows_duplicate"].fillna(0).astype(int),
        "history.col.extract_date": frame["extract_date"].map(lambda d: i18n.fmt_date_short(d, lang)),
        "history.col.loaded_by": frame["loaded_by"],
        "history.col.loaded_at": frame["loaded_at"].map(_when),
        "history.col.status": [status(r) for r in frame.itertuples()],
    }
    return shown(pd.DataFrame({t(k, lang): v for k, v in columns.items()}))


def active_batches(con: db.Connection) -> pd.DataFrame:
    """Batches that are still loaded (candidates for withdrawal), newest first."""
    frame = batches(con)
    return frame[frame["withdrawn_at"].isna()].reset_index(drop=True)


def withdraw(con: db.Connection, batch_id: int, actor: str) -> None:
    """Withdraw a loaded batch (its rows removed, coverage recomputed) and audit it; raises UploadRefused."""
    frame = batches(con)
    row = frame[frame["batch_id"] == int(batch_id)]
    if row.empty:
        raise UploadRefused(notice("batch_unknown", True, batch=int(batch_id)))
    if pd.notna(row.iloc[0]["withdrawn_at"]):
        raise UploadRefused(notice("batch_withdrawn", True, batch=int(batch_id)))
    ingest.withdraw_batch(con, int(batch_id), actor)
    r = row.iloc[0]
    privacy.record_audit(con, actor, privacy.BATCH_WITHDRAW,
                         f"batch {int(batch_id)}; {r['file_name']}; sha256 {r['sha256'][:16]}; "
                         f"{int(r['rows_accepted'])} baris ditarik")


def rejections(con: db.Connection, batch_id: int) -> pd.DataFrame:
    """The stored rejections of one batch as BARIS / KOLOM / ALASAN (redacted)."""
    frame = db.run_query(con, "batch_rejections", batch_id=int(batch_id))
    return shown(rejection_table(frame))


def audit_table(con: db.Connection, lang: str = "id", limit: int = 200) -> pd.DataFrame:
    """The newest audit rows with headers in `lang`."""
    frame = privacy.audit_log(con, limit)
    return shown(pd.DataFrame({
        t("history.col.when", lang): frame["logged_at"].map(_when),
        t("history.col.actor", lang): frame["actor"],
        t("history.col.action", lang): frame["action"],
        t("history.col.detail", lang): frame["detail"].fillna(""),
    }))
