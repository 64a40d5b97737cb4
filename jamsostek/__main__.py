"""Command line: python -m jamsostek <command>. Run with --help for the list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jamsostek import settings


def cmd_sample(args: argparse.Namespace) -> int:
    from jamsostek.sample import extracts as sample

    for path in sample.write_sample(Path(args.out)):
        print(path)
    return 0


def cmd_boundaries(args: argparse.Namespace) -> int:
    from jamsostek.geo import boundaries

    try:
        for path in boundaries.build_layers(force=args.force):
            print(path)
    except boundaries.BoundariesUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from jamsostek.ingest import load as ingest

    print(ingest.ensure_store())
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from jamsostek.ingest import bulk
    from jamsostek.store import db
    from jamsostek.ingest import load as ingest
    from jamsostek.ingest import readers
    from jamsostek.ingest import rejections as reports_rejected

    con = db.connect(ingest.ensure_store())
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
            print(f"  laporan / report: {reports_rejected.write_rejection_report(result)}")
    con.close()
    return status


def cmd_bench(args: argparse.Namespace) -> int:
    from benchmarks import scale

    return scale.main(["--sizes", args.sizes] + (["--no-page"] if args.no_page else []))


DELEGATED = {
    "add-admin": "add or update a data-admin sign-in (argon2 hash in secrets.toml)",
    "report": "write the evidence PDF, workbook, meeting card and desa sheets for one date",
}


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command."""
    parser = argparse.ArgumentParser(prog="python -m jamsostek", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("init", help="build the store from the shipped sample if it does not exist")
    p.set_defaults(run=cmd_init)
    p = commands.add_parser("sample", help="write the synthetic sample extracts (deterministic)")
    p.add_argument("--out", default=str(settings.SAMPLE_DIR))
    p.set_defaults(run=cmd_sample)
    p = commands.add_parser("boundaries", help="obtain, verify and simplify the desa boundaries")
    p.add_argument("--force", action="store_true", help="rebuild even if the cache is fresh")
    p.set_defaults(run=cmd_boundaries)
    p = commands.add_parser("ingest", help="load extract files (CSV/XLSX/Parquet) into the store")
    p.add_argument("files", nargs="+")
    p.add_argument("--user", default="cli", help="who loads the files (kept in the batch history)")
    p.set_defaults(run=cmd_ingest)
    p = commands.add_parser("bench", help="scale benchmark: synthetic extracts through bulk ingest, queries, "
                                          "a page and pandas (minutes for millions of rows)")
    p.add_argument("--sizes", default="200000,2000000", help="rows per extract, comma-separated (200k,2M,10M)")
    p.add_argument("--no-page", action="store_true", help="skip the Ringkasan page run")
    p.set_defaults(run=cmd_bench)

    # Commands with their own argument parsers: the rest of the line is theirs (python -m jamsostek report -h).
    for name, text in DELEGATED.items():
        commands.add_parser(name, help=text, add_help=False)

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["add-admin"]:
        from jamsostek.access import auth

        return auth.add_admin_cli(argv[1:])
    if argv[:1] == ["report"]:
        from jamsostek.reports.cli import report_cli

        return report_cli(argv[1:])
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
