"""`python -m jamsostek backup` and `restore`: copies of the store, and putting one back."""

from __future__ import annotations

import argparse
import sys

from jamsostek import settings
from jamsostek.store import backup


def register(commands: argparse._SubParsersAction) -> None:
    """Add the backup and restore commands."""
    p = commands.add_parser("backup", help="copy the store (consistent, checked) and keep the newest N copies")
    p.add_argument("--dir", default=None, help="folder of the backups (default JAMSOSTEK_BACKUP_DIR or data/backups)")
    p.add_argument("--keep", type=int, default=settings.BACKUP_KEEP,
                   help=f"backups kept, newest first; older ones are deleted (default {settings.BACKUP_KEEP})")
    p.set_defaults(run=run_backup)
    p = commands.add_parser("restore", help="put a backup in place of the store (the replaced store is kept beside it)")
    p.add_argument("file", help="a backup made by `backup`")
    p.add_argument("--user", default="cli", help="who restores (written to the audit log)")
    p.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Print the new backup's path; 1 when the backup could not be made."""
    folder = args.dir or settings.backup_dir()
    try:
        made = backup.backup(settings.db_path(), folder, args.keep)
    except backup.BackupError as error:
        print(f"backup: {error}", file=sys.stderr)
        return 1
    print(made)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup; 1 when the file is not a usable backup or the store cannot be replaced."""
    try:
        kept = backup.restore(args.file, settings.db_path(), args.user)
    except backup.BackupError as error:
        print(f"restore: {error}", file=sys.stderr)
        return 1
    print(f"{settings.db_path()} <- {args.file}")
    if kept:
        print(f"  the replaced store is kept at {kept}")
    return 0
