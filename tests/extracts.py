"""Small extract files made in memory for the upload, hostile-input, crash and concurrency tests."""

from __future__ import annotations

import csv
import hashlib
import io

import openpyxl

from jamsostek.store import db

HEADER = ["NIK", "NAMA", "NO KPJ", "TGL LAHIR", "JENIS KELAMIN", "JENIS PEKERJAAN", "DESA/KELURAHAN",
          "KECAMATAN", "PROGRAM", "TGL KEPESERTAAN", "TGL AKHIR", "STATUS", "SUMBER IURAN", "PENGHASILAN"]
# (desa, kecamatan) of Gianyar, used in turn so rows spread over several desa.
GIANYAR = [("Batubulan", "Sukawati"), ("Ketewel", "Sukawati"), ("Mas", "Ubud"), ("Keramas", "Blahbatuh")]
# Desa of Kota Denpasar (51.71): a file for another regency.
DENPASAR = [("Penatih", "Denpasar Timur"), ("Sanur Kaja", "Denpasar Selatan"), ("Kesiman", "Denpasar Timur"),
            ("Sumerta Kelod", "Denpasar Timur")]


def nik(i: int, kecamatan: str = "01") -> str:
    """A structurally valid Gianyar NIK, different for each i below 280,000."""
    day, serial = 1 + (i // 9999) % 28, 1 + i % 9999
    return f"5104{kecamatan}{day:02d}0590{serial:04d}"


def row(i: int, places=GIANYAR, start: str = "05-01-2026", end: str = "31-12-2026", **cells: str) -> list[str]:
    """One valid extract row (person i); keyword arguments replace cells by header (spaces and / as _)."""
    desa, kecamatan = places[i % len(places)]
    values = {
        "NIK": nik(i), "NAMA": f"Peserta Uji {i}", "NO KPJ": f"9{i:010d}", "TGL LAHIR": "15-05-1990",
        "JENIS KELAMIN": "L", "JENIS PEKERJAAN": "PETANI/PEKEBUN", "DESA/KELURAHAN": desa, "KECAMATAN": kecamatan,
        "PROGRAM": "JKK, JKM", "TGL KEPESERTAAN": start, "TGL AKHIR": end, "STATUS": "AKTIF",
        "SUMBER IURAN": "APBD", "PENGHASILAN": "1.500.000",
    }
    by_key = {h.replace("/", "_").replace(" ", "_"): h for h in HEADER}
    for key, value in cells.items():
        values[by_key[key]] = value
    return [values[h] for h in HEADER]


def rows(n: int, first: int = 0, **kwargs) -> list[list[str]]:
    """n valid rows for persons first .. first+n-1."""
    return [row(i, **kwargs) for i in range(first, first + n)]


def csv_bytes(records: list[list[str]], sep: str = ";", encoding: str = "utf-8", bom: bool = False,
              header: list[str] = HEADER) -> bytes:
    """A CSV file as an officer's Excel writes it (cells holding the separator are quoted)."""
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows([header, *records])
    text = out.getvalue()
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def xlsx_bytes(records: list[list[str]], sheets: int = 1, header: list[str] = HEADER) -> bytes:
    """An XLSX workbook with the rows on its first sheet (and empty extra sheets)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Peserta"
    ws.append(header)
    for record in records:
        ws.append(record)
    for k in range(1, sheets):
        book.create_sheet(f"Lain {k}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def snapshot(con: db.Connection) -> dict:
    """Everything a refused or failed load must leave exactly as it was."""
    tables = {
        "batch": "select * from batch order by batch_id",
        "enrolment": "select * from enrolment order by batch_id, nik",
        "participant": "select * from participant order by nik",
        "rejection": "select * from rejection order by batch_id, row_number, field, reason_code",
    }
    digest = {}
    for name, sql in tables.items():
        rows_ = con.execute(sql).fetchall()
        digest[name] = (len(rows_), hashlib.sha256(repr(rows_).encode()).hexdigest())
    digest["data_version"] = db.data_version(con)
    return digest
