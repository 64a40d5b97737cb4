"""Command line: python -m jamsostek <command>. One parser tree; each area registers its own commands.

An area's `cli.py` has `register(commands)`, which adds its subparsers with `set_defaults(run=...)`;
`run(args)` returns the exit code. `--help` lists every command; tests/test_cli.py holds the README to it.
"""

from __future__ import annotations

import argparse
import sys

from jamsostek import i18n, settings
from jamsostek.access import cli as access_cli
from jamsostek.geo import cli as geo_cli
from jamsostek.geo import wilayah
from jamsostek.ingest import cli as ingest_cli
from jamsostek.reports import cli as reports_cli
from jamsostek.sample import cli as sample_cli
from jamsostek.store import cli as store_cli

AREAS = (ingest_cli, sample_cli, geo_cli, reports_cli, access_cli, store_cli)


def parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    root = argparse.ArgumentParser(prog="python -m jamsostek", description=__doc__.splitlines()[0])
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for area in AREAS:
        area.register(commands)
    return root


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command; its exit code (2 for a usage error, as argparse does)."""
    try:
        args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # --help and usage errors
        return int(stop.code or 0)
    problems = settings.problems(wilayah.region_codes())
    for problem in problems:
        print(f"{i18n.setting_problem(problem, 'id')}\n{i18n.setting_problem(problem, 'en')}", file=sys.stderr)
    return 2 if problems else args.run(args)
