"""`python -m jamsostek sample`: write the synthetic sample extracts."""

from __future__ import annotations

import argparse
from pathlib import Path

from jamsostek import settings


def register(commands: argparse._SubParsersAction) -> None:
    """Add the sample command."""
    p = commands.add_parser("sample", help="write the synthetic sample extracts (deterministic)")
    p.add_argument("--out", default=str(settings.SAMPLE_DIR))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write data/sample/ (or --out) and print each file."""
    from jamsostek.sample import extracts

    for path in extracts.write_sample(Path(args.out)):
        print(path)
    return 0
