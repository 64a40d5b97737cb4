"""One store, several app processes: one writer at a time, readers on published read copies.

DuckDB lets one process open a file read-write, or many processes read-only, never both at once. So in
shared mode (JAMSOSTEK_SHARED=1, the office deployment) no process keeps the store open. A write takes an
exclusive lock (`<store>.lock`), opens the store read-write, commits, checkpoints and closes it, then
publishes an immutable copy `<store>.read/<n>.duckdb` and turns the `<store>.read/current` link to it
(a symlink replaced in one rename, so a reader sees the old copy or the new one, never half of one).
Readers open the newest copy read-only and move to a newer one at their next question; a question
already running finishes on the copy it began on (its file stays readable while open, even once pruned).
The same lock serialises backup and restore with every writer.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

from jamsostek.store import db

KEEP_COPIES = 3  # published copies kept; older ones are deleted
_CURRENT = "current"


def lock_path(store: Path) -> Path:
    """The lock file every writer, backup and restore of `store` holds while it works."""
    return store.with_name(f"{store.name}.lock")


def read_dir(store: Path) -> Path:
    """Folder of the published read copies of `store`."""
    return store.with_name(f"{store.name}.read")


@contextlib.contextmanager
def locked(store: Path) -> Iterator[None]:
    """Hold the store's exclusive lock (waits for the writer before us)."""
    store.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path(store), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def writer(store: Path) -> Iterator[db.Connection]:
    """The store open read-write for one unit of work; afterwards a new read copy (when copies are in use).

    Publishes even when the work raised: a function that commits in several steps may have committed some.
    """
    store = Path(store)
    with locked(store):
        # A published store was brought up to the schema by prepare(); without copies, connect does it.
        con = db.connect(store, create=not read_dir(store).exists())
        try:
            yield con
        finally:
            # Everything into the main file: the copy below must not need the WAL. (If a failed unit of work
            # left DuckDB unable to checkpoint now, closing checkpoints what was committed.)
            with contextlib.suppress(db.Error):
                con.execute("checkpoint")
            con.close()
            if read_dir(store).exists():
                publish_locked(store)


def prepare(store: Path) -> None:
    """Bring the store up to the schema and publish a copy of it; each replica calls this on start."""
    with locked(store):
        db.connect(store).close()
        publish_locked(store)


def current(store: Path) -> Path | None:
    """The newest published read copy of `store`, or None before the first."""
    try:
        return read_dir(store) / os.readlink(read_dir(store) / _CURRENT)
    except FileNotFoundError:
        return None


def atomic_copy(source: Path, target: Path) -> None:
    """Copy a file so that `target` appears whole or not at all (written beside it, synced, renamed)."""
    partial = target.with_name(f".{target.name}.partial")
    shutil.copyfile(source, partial)
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    partial.replace(target)


def publish(store: Path) -> Path:
    """Publish a read copy of the store as it is now (taking the lock)."""
    with locked(store):
        return publish_locked(store)


def publish_locked(store: Path) -> Path:
    """Copy the closed, checkpointed store to the next numbered read copy and point `current` at it."""
    folder = read_dir(store)
    folder.mkdir(exist_ok=True)
    newest = current(store)
    number = int(newest.stem) + 1 if newest else 1
    target = folder / f"{number:08d}.duckdb"
    atomic_copy(store, target)
    link = folder / f".{_CURRENT}.partial"
    link.unlink(missing_ok=True)
    link.symlink_to(target.name)
    link.replace(folder / _CURRENT)
    for old in sorted(folder.glob("*.duckdb"))[:-KEEP_COPIES]:
        old.unlink()  # a reader that still has it open keeps reading it (POSIX); new questions go to `target`
    return target


class Reader:
    """A process's read-only connection to the newest read copy, reopened when a newer one is published."""

    def __init__(self, store: Path):
        self.store = Path(store)
        self._lock = threading.Lock()
        self._path: Path | None = None
        self._con: db.Connection | None = None

    def connection(self) -> db.Connection:
        """The connection to the newest copy (publishing the first one if there is none yet)."""
        newest = current(self.store) or publish(self.store)
        with self._lock:
            if newest != self._path:
                # The old connection is not closed here: cursors taken from it hold their own reference,
                # so a question running on it ends normally and the connection goes when they do.
                self._con, self._path = db.connect(newest, read_only=True), newest
            return self._con
