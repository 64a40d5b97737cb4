"""`python -m jamsostek report`: write every document for one date, for a scheduled weekly run."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from jamsostek import i18n, settings
from jamsostek.store import db
from jamsostek.geo import wilayah
from jamsostek.analysis.filters import Filters
from jamsostek.reports import desa_sheet, files
from jamsostek.reports.collect import ReportData, collect


DESCRIPTION = "Write the evidence PDF, workbook, meeting card and desa sheets."


def register(commands: argparse._SubParsersAction) -> None:
    """Add the report command."""
    p = commands.add_parser("report", help="write the evidence PDF, workbook, meeting card and desa sheets "
                                           "for one date", description=DESCRIPTION)
    add_arguments(p)
    p.set_defaults(run=run)


def parser() -> argparse.ArgumentParser:
    """The report command on its own (for report_cli)."""
    return add_arguments(argparse.ArgumentParser(prog="python -m jamsostek report", description=DESCRIPTION))


def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Arguments of the report command."""
    p.add_argument("--as-of", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="report date (default: the latest data date in the store)")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write the files into")
    p.add_argument("--lang", choices=i18n.LANGS, default="id", help="document language (default id)")
    p.add_argument("--kecamatan", default=None, help="one kecamatan, by code (51.04.05) or name (Ubud)")
    p.add_argument("--per-desa", action="store_true", help="also write one PDF per desa into DIR/lembar_desa_<date>/")
    p.add_argument("--db", type=Path, default=None, help=f"store (default ${settings.ENV_DB} or {settings.DEFAULT_DB})")
    return p


def report_cli(argv: list[str] | None = None) -> int:
    """Run the report command from its own arguments (argv without the command name)."""
    return run(parser().parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Write every document; 0 on success, 2 when the store or an argument cannot be used."""
    path = args.db or settings.db_path()
    if not Path(path).exists():
        print(f"Penyimpanan tidak ada / store not found: {path} (python -m jamsostek init)", file=sys.stderr)
        return 2
    try:
        kecamatan = _kecamatan_code(args.kecamatan)
        con = db.connect(path, read_only=True)
    except (ValueError, db.Error) as error:
        print(error, file=sys.stderr)
        return 2
    try:
        as_of = args.as_of or _data_as_of(con)
        data = collect(con, Filters(as_of=as_of, kecamatan=kecamatan))
    finally:
        con.close()
    for written in write_reports(data, args.out, args.lang, per_desa=args.per_desa):
        print(written)
    return 0


def write_reports(data: ReportData, out: Path, lang: str = "id", per_desa: bool = False) -> list[Path]:
    """Write every document kind into `out` (and one PDF per desa when asked); return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in files.KINDS:
        target = out / files.file_name(kind, data, lang)
        target.write_bytes(files.build(kind, data, lang))
        written.append(target)
    if per_desa:
        folder = out / files.file_name("desa", data, lang).removesuffix(".pdf")
        folder.mkdir(exist_ok=True)
        for row in data.desa.itertuples():
            target = folder / f"{row.kode_desa}_{files.slug(row.desa)}.pdf"
            target.write_bytes(desa_sheet.build_desa_sheets(data, lang, [row.kode_desa]))
            written.append(target)
    return written


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _kecamatan_code(value: str | None) -> str | None:
    if not value:
        return None
    known = wilayah.kecamatan_list(settings.region())
    for row in known.itertuples():
        if value.strip().lower() in (row.kode_kecamatan, row.kecamatan.lower()):
            return row.kode_kecamatan
    raise ValueError(f"kecamatan tidak dikenal / unknown kecamatan {value!r}: "
                     + ", ".join(f"{r.kode_kecamatan} {r.kecamatan}" for r in known.itertuples()))


def _data_as_of(con: db.Connection) -> date:
    value = db.run_query(con, "data_status").iloc[0]["data_as_of"]
    return date.today() if pd.isna(value) else pd.Timestamp(value).date()


if __name__ == "__main__":
    sys.exit(report_cli())
