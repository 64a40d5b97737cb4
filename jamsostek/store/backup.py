"""Backups of the store and restoring one: consistent copies taken under the writer lock, checked, pruned.

A backup is the store file itself, checkpointed and copied while the writer lock is held (so no write is
half in it), then opened read-only to prove it is a store. `jamsostek-<UTC time>-v<data version>.duckdb`
names sort by time; the retention rule keeps the newest `keep`. Restore puts a checked backup in place of
the store under the same lock, keeps the store it replaces beside it, and moves the data version past the
old one so no cached answer of the replaced data survives.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from jamsostek.store import db, shared

PATTERN = "jamsostek-*.duckdb"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why, for the person at the console."""


def table_names(con: db.Connection) -> list[str]:
    """The store's tables, in name order."""
    return [row[0] for row in con.execute(db.load_statement("table_names")).fetchall()]


def read_tables(path: Path) -> dict[str, pd.DataFrame]:
    """Every table of the store at `path` (read-only), rows in a fixed order, for comparisons."""
    con = db.connect(path, read_only=True)
    try:
        frames = {name: con.table(name).df() for name in table_names(con)}
    finally:
        con.close()
    return {name: frame.sort_values(list(frame.columns), ignore_index=True, na_position="first")
            for name, frame in frames.items()}


def check(path: Path) -> dict[str, int]:
    """Rows per table of a store file; BackupError when it is not a readable jamsostek store."""
    try:
        con = db.connect(path, read_only=True)
    except db.Error as error:
        raise BackupError(f"{path}: not a readable DuckDB store ({error})") from error
    try:
        rows = {name: int(con.table(name).count("*").fetchall()[0][0]) for name in table_names(con)}
        if "meta" not in rows or "participant" not in rows:
            raise BackupError(f"{path}: a DuckDB file, but not a jamsostek store (no meta/participant table)")
        return rows
    finally:
        con.close()


def _open_quiet(store: Path) -> db.Connection:
    """The store open read-write with everything checkpointed into the main file."""
    try:
        con = db.connect(store)
    except db.Error as error:
        raise BackupError(
            f"{store}: cannot open the store ({error}). An app started without JAMSOSTEK_SHARED=1 keeps it "
            "open; stop it, or serve it in shared mode (deploy/), and try again") from error
    con.execute("checkpoint")
    return con


def backup(store: Path, folder: Path, keep: int, now: datetime | None = None) -> Path:
    """Copy the store into `folder`, check the copy, prune to the newest `keep`; the new backup's path."""
    if keep < 1:
        raise BackupError("keep must be at least 1: the newest backup is never deleted")
    store, folder = Path(store), Path(folder)
    if not store.exists():
        raise BackupError(f"{store}: no store there (JAMSOSTEK_DB)")
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    with shared.locked(store):
        con = _open_quiet(store)
        version = db.data_version(con)
        con.close()
        target = folder / f"jamsostek-{stamp}-v{version}.duckdb"
        shared.atomic_copy(store, target)
    check(target)
    prune(folder, keep)
    return target


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups in `folder` (by the time in their names); the deleted."""
    old = sorted(Path(folder).glob(PATTERN))[:-keep]
    for path in old:
        path.unlink()
    return old


def restore(backup_file: Path, store: Path, actor: str) -> Path | None:
    """Put a backup in place of the store; the path the replaced store was kept at (None if there was none)."""
    backup_file, store = Path(backup_file), Path(store)
    check(backup_file)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    kept = store.with_name(f"{store.name}.before-restore-{stamp}")
    with shared.locked(store):
        old_version = -1
        if store.exists():
            con = _open_quiet(store)
            old_version = db.data_version(con)
            con.close()
        incoming = store.with_name(f".{store.name}.restoring")
        shared.atomic_copy(backup_file, incoming)
        con = db.connect(incoming)  # brings a backup made by an older version up to the schema
        try:
            with db.transaction(con):
                version = max(old_version, db.data_version(con)) + 1
                db.execute(con, "data_version_set", version=version)
                db.execute(con, "audit_insert", actor=actor, action="restore", detail=backup_file.name)
            con.execute("checkpoint")
        finally:
            con.close()
        if store.exists():
            store.replace(kept)
        incoming.replace(store)
        if shared.read_dir(store).exists():
            shared.publish_locked(store)
    return kept if kept.exists() else None
