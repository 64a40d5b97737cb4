"""python -m benchmarks [--store PATH]: build (or use) a store, then print each benchmark's table.

Add a benchmark by writing benchmarks/<name>.py with run() -> (title, rows) and listing it in SECTIONS.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path

SECTIONS = ["benchmarks.pages", "benchmarks.maps"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--store", help="existing DuckDB store (default: build the sample in a tmp dir)")
    parser.add_argument("--only", action="append", help="run only these sections (e.g. pages)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jamsostek-bench-") as tmp:
        os.environ.setdefault("JAMSOSTEK_CACHE_DIR", str(Path(tmp) / "cache"))
        if args.store:
            os.environ["JAMSOSTEK_DB"] = str(Path(args.store).resolve())
        else:
            os.environ["JAMSOSTEK_DB"] = str(Path(tmp) / "jamsostek.duckdb")
        from benchmarks.report import print_table
        from jamsostek import ingest

        start = time.perf_counter()
        ingest.ensure_store()
        print(f"store: {os.environ['JAMSOSTEK_DB']} (ready in {time.perf_counter() - start:.1f} s)")
        for name in SECTIONS:
            if args.only and name.rsplit(".", 1)[-1] not in args.only:
                continue
            title, rows = import_module(name).run()
            print_table(title, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
