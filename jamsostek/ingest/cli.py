"""`python -m jamsostek init` and `ingest`: build the store, load extract files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jamsostek.ingest import bulk, readers, rejections
from jamsostek.ingest import load as ingest
from jamsostek.store import shared


def register(commands: argparse._SubParsersAction) -> None:
    """Add the init and ingest commands."""
    p = commands.add_parser("init", help="build the store from the shipped sample if it does not exist")
    p.set_defaults(run=run_init)
    p = commands.add_parser("ingest", help="load extract files (CSV/XLSX/Parquet) into the store")
    p.add_argument("files", nargs="+")
    p.add_argument("--user", default="cli", help="who loads the files (kept in the batch history)")
    p.set_defaults(run=run_ingest)


def run_init(args: argparse.Namespace) -> int:
    """Print the store's path, building it first when missing."""
    print(ingest.ensure_store())
    return 0


def run_ingest(args: argparse.Namespace) -> int:
    """Load each file in its own transaction; 2 when any file was refused."""
    # Under the writer lock: with the app in shared mode (JAMSOSTEK_SHARED=1) this runs while it serves,
    # and every replica sees the new batches when the command ends.
    with shared.writer(ingest.ensure_store()) as con:
        return _ingest_all(con, args)


def _ingest_all(con, args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            # Parquet, and CSV above the upload limit, are streamed in chunks (same rules, same report).
            load = bulk.ingest_bulk if bulk.wants_bulk(path) else ingest.ingest_file
            result = load(con, path, loaded_by=args.user)
        except readers.ExtractError as error:
            print(f"{name}: {error}", file=sys.stderr)
            status = 2
            continue
        except OSError as error:
            print(f"{name}: {error.strerror or error}", file=sys.stderr)
            status = 2
            continue
        print(result.summary())
        for row in result.reasons_count().itertuples():
            print(f"  {row.rows:>6}  {row.reason_code}")
        if not result.rejections.empty:
            print(f"  laporan / report: {rejections.write_rejection_report(result)}")
    return status
