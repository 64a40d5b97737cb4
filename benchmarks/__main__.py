"""python -m benchmarks [--store PATH]: build (or use) a store, then print each benchmark's table.

Add a benchmark by writing benchmarks/<name>.py with run() -> (title, rows) and listing it in SECTIONS
(or in ON_REQUEST when it takes minutes: it then runs only when named with --only).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path

SECTIONS = ["benchmarks.pages", "benchmarks.maps", "benchmarks.reports"]
# Minutes each: python -m benchmarks --only scale [--sizes 200k,2M,10M]; --only load [--viewers 1,10,50];
# --only browser; --only replicas; --only soak [--minutes 30]
ON_REQUEST = ["benchmarks.scale", "benchmarks.load", "benchmarks.browser", "benchmarks.replicas", "benchmarks.soak"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--store", help="existing DuckDB store (default: build the sample in a tmp dir)")
    parser.add_argument("--only", action="append", help="run only these sections (e.g. pages, scale)")
    parser.add_argument("--sizes", help="rows per synthetic extract for the scale section (e.g. 200k,2M)")
    parser.add_argument("--viewers", help="concurrent viewers per round for the load section (e.g. 1,10,50)")
    parser.add_argument("--pages", help="pages for the load section (e.g. ringkasan,peta)")
    parser.add_argument("--minutes", type=float, help="how long the soak section runs (default 30)")
    parser.add_argument("--server-flag", action="append", default=[], metavar="FLAG=VALUE",
                        help="extra `streamlit run` flag for the load section (e.g. server.fileWatcherType=auto)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jamsostek-bench-") as tmp:
        os.environ.setdefault("JAMSOSTEK_CACHE_DIR", str(Path(tmp) / "cache"))
        if args.store:
            os.environ["JAMSOSTEK_DB"] = str(Path(args.store).resolve())
        else:
            os.environ["JAMSOSTEK_DB"] = str(Path(tmp) / "jamsostek.duckdb")
        from benchmarks.report import print_table
        from jamsostek.sample import store as sample_store

        start = time.perf_counter()
        sample_store.ensure_store()
        print(f"store: {os.environ['JAMSOSTEK_DB']} (ready in {time.perf_counter() - start:.1f} s)")
        for name in SECTIONS + ON_REQUEST:
            short = name.rsplit(".", 1)[-1]
            if (args.only and short not in args.only) or (not args.only and name in ON_REQUEST):
                continue
            module = import_module(name)
            if short == "scale" and args.sizes:
                tables = [module.run(module.parse_sizes(args.sizes))]
            elif short == "load":
                tables = module.run(**_load_options(module, args))
            elif short == "soak" and args.minutes:
                tables = [module.run(args.minutes)]
            else:
                tables = [module.run()]
            for title, rows in tables:
                print_table(title, rows)
    return 0


def _load_options(module, args) -> dict:
    options = {"flags": [part for flag in args.server_flag for part in ("--" + flag.split("=", 1)[0],
                                                                        flag.split("=", 1)[1])]}
    if args.viewers:
        options["viewers"] = module.parse_counts(args.viewers)
    if args.pages:
        options["pages"] = [p.strip() for p in args.pages.split(",") if p.strip()]
    return options


if __name__ == "__main__":
    sys.exit(main())
