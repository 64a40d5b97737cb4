"""`python -m jamsostek init` and `ingest`: build the store, load extract files.

Exit codes of `ingest` (README, Ingest): 0 every file loaded (or already loaded) without a rejected row;
3 partly loaded (rows rejected, or some files refused while others loaded); 4 nothing loaded;
5 the store is in use by the running app; 2 the command itself is wrong (argparse).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from jamsostek.access import privacy
from jamsostek.i18n import t
from jamsostek.sample import store as sample_store
from jamsostek.ingest import bulk, dates, headers, profiles, readers, rejections
from jamsostek.ingest import load as ingest
from jamsostek.store import db, shared

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL, EXIT_REFUSED, EXIT_BUSY = 0, 2, 3, 4, 5


def register(commands: argparse._SubParsersAction) -> None:
    """Add the init and ingest commands."""
    p = commands.add_parser("init", help="build the store from the shipped sample if it does not exist")
    p.set_defaults(run=run_init)
    p = commands.add_parser("ingest", help="load extract files (CSV/XLSX/Parquet) into the store; exit 0 all "
                            "loaded, 3 partly, 4 nothing, 5 store in use by the app")
    p.add_argument("files", nargs="+")
    p.add_argument("--user", default=None, help="who loads the files (batch history; default: the OS user)")
    p.add_argument("--profile", default=None, help="a column mapping saved in the Upload screen, by name")
    p.add_argument("--map", action="append", default=[], type=column_mapping, metavar='"KOLOM=FIELD"',
                   help='map a column by hand, e.g. --map "KEL/DS=desa" (FIELD: a field key or template header)')
    p.add_argument("--as-of", type=day, default=None, metavar="TTTT-BB-HH",
                   help="the date the data is as of (default: the date in the file name, else its latest start)")
    p.add_argument("--date-order", choices=(dates.DMY, dates.MDY), default=None,
                   help="day/month order of dates like 03/11/2025 (default: decided per file, day first)")
    p.add_argument("--bulk", action="store_true",
                   help="stream CSV files beyond the upload limits in chunks (operators; millions of rows)")
    p.set_defaults(run=run_ingest)


def column_mapping(text: str) -> tuple[str, str]:
    """'Kolom di berkas=FIELD' -> (column, field); argparse reports a wrong one."""
    column, sep, name = text.rpartition("=")
    field = headers.field_named(name) if name.strip() else ""
    if not sep or not column.strip() or field is None:
        fields = ", ".join(sorted(headers.FIELDS))
        raise argparse.ArgumentTypeError(t("ingest.cli.bad_map", "id", text=text, fields=fields))
    return column.strip(), field


def day(text: str) -> date:
    """A date given on the command line (2026-11-20 or 20-11-2026)."""
    parsed = dates.parse_dates(pd.Series([text])).iloc[0]
    if pd.isna(parsed):
        raise argparse.ArgumentTypeError(t("ingest.cli.bad_date", "id", text=text))
    return parsed.date()


def run_init(args: argparse.Namespace) -> int:
    """Print the store's path, building it first when missing."""
    print(sample_store.ensure_store())
    return EXIT_OK


def run_ingest(args: argparse.Namespace) -> int:
    """Load each file in its own transaction; the exit code says whether all, some or nothing was loaded."""
    # Under the writer lock: with the app in shared mode (JAMSOSTEK_SHARED=1) this runs while it serves, and
    # every replica sees the new batches when the command ends; a one-process app holds the store (exit 5).
    try:
        with shared.writer(sample_store.ensure_store()) as con:
            return _ingest_all(con, args)
    except db.Error as error:
        if "lock" not in str(error).lower():
            raise
        print(t("ingest.cli.busy", "id"), file=sys.stderr)
        return EXIT_BUSY


def _ingest_all(con: db.Connection, args: argparse.Namespace) -> int:
    os_user = getpass.getuser()
    try:
        override = profiles.load(con, args.profile) if args.profile else {}
    except profiles.ProfileError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    override |= dict(args.map)
    outcomes = [_ingest_one(con, Path(name), args, override or None, args.user or os_user, os_user)
                for name in args.files]
    if all(o == EXIT_OK for o in outcomes):
        return EXIT_OK
    return EXIT_REFUSED if all(o == EXIT_REFUSED for o in outcomes) else EXIT_PARTIAL


def _ingest_one(con: db.Connection, path: Path, args: argparse.Namespace, override: dict[str, str] | None,
                loaded_by: str, os_user: str) -> int:
    """Load one file and report it; its exit code alone (0 loaded, 3 partly, 4 refused)."""
    try:
        # Parquet, and CSV when asked (--bulk), are streamed in chunks (same rules, same report, operator limits);
        # everything else is read as an upload is, with the same limits.
        load = bulk.ingest_bulk if bulk.wants_bulk(path, args.bulk) else ingest.ingest_file
        result = load(con, path, loaded_by=loaded_by, header_override=override, as_of=args.as_of,
                      date_order=args.date_order)
    except readers.ExtractError as error:
        print(f"{path.name}: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as error:
        print(f"{path.name}: {error.strerror or error}", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as error:  # noqa: BLE001 - a bug must not stop the other files or print cell values
        print(t("ingest.cli.unexpected", "id", file=path.name, kind=type(error).__name__), file=sys.stderr)
        return EXIT_REFUSED
    print(result.summary())
    for row in result.reasons_count().itertuples():
        print(f"  {row.rows:>6}  {row.reason_code}")
    if not result.rejections.empty:
        print(f"  laporan / report: {rejections.write_rejection_report(result)}")
    if result.batch_id is not None and not result.already_loaded:
        privacy.record_audit(con, f"{os_user} (cli)", privacy.UPLOAD_COMMIT, result.audit_detail())
    if result.already_loaded or (result.batch_id is not None and not result.rows_rejected):
        return EXIT_OK
    return EXIT_PARTIAL if result.batch_id is not None else EXIT_REFUSED
