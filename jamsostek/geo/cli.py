"""`python -m jamsostek boundaries`: obtain, verify and simplify the boundary layers."""

from __future__ import annotations

import argparse
import sys

from jamsostek.geo import boundaries


def register(commands: argparse._SubParsersAction) -> None:
    """Add the boundaries command."""
    p = commands.add_parser("boundaries", help="obtain, verify and simplify the desa boundaries")
    p.add_argument("--force", action="store_true", help="rebuild even if the cache is fresh")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the layers; 2 with the reason when the upstream files cannot be had."""
    try:
        for path in boundaries.build_layers(force=args.force):
            print(path)
    except boundaries.BoundariesUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    return 0
