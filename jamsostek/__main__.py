"""python -m jamsostek: see jamsostek/cli.py."""

import sys

from jamsostek.cli import main

if __name__ == "__main__":
    sys.exit(main())
