"""A messy SYNTHETIC extract, as files really arrive, plus the list of its bad rows.

The file is what Indonesian-locale Excel writes with "CSV UTF-8": ';'-separated, UTF-8 with a
byte-order mark, CRLF line ends, dates dd/mm/yyyy or dd-mm-yyyy, incomes with dotted thousands.
Headers are spelled as real exports write them (KEL/DESA, TMT KEPESERTAAN ...), and some valid rows
hold digits of other scripts, full-width or invisible characters, month names and Excel day numbers.
Most rows are valid (payments by existing self-paid participants and new enrolments in the
week before the extract date); the bad rows each carry exactly one problem, listed with its
spreadsheet row number (header = row 1) in the companion .expected.csv.
"""

from __future__ import annotations

import csv
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

from jamsostek.domain import EXTRACT_COLUMNS
from jamsostek.sample.target import wilayah

KINDS = (
    "nik_scientific", "nik_invalid", "desa_unknown", "date_invalid", "duplicate_row",
    "nik_repeated", "program_unknown", "funding_unknown", "dates_reversed", "blank_row",
    "desa_script", "desa_namesake", "date_excel_number",
)
# Rows made bad by changing one field of an otherwise valid row (sum = size of cohort baru_salah).
BAD_ROWS = {
    "nik_scientific": 10, "nik_invalid": 8, "desa_unknown": 8, "date_invalid": 8,
    "program_unknown": 6, "funding_unknown": 6, "dates_reversed": 6,
    "desa_script": 3, "desa_namesake": 3, "date_excel_number": 2,
}
# Headers as real exports write them (issue 14), instead of the template's (domain.EXTRACT_COLUMNS).
HEADER_TEXT = {"DESA/KELURAHAN": "KEL/DESA", "TGL KEPESERTAAN": "TMT KEPESERTAAN",
               "TGL AKHIR": "TANGGAL AKHIR IURAN", "SUMBER IURAN": "SUMBER PEMBIAYAAN"}
NAMESAKES = ("Abianbase", "Buruan", "Pupuan", "Kedisan")  # also desa of other Bali regencies
LOOK_ALIKE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "A": "\u0410", "E": "\u0415", "O": "\u041e"}  # Cyrillic
FAR_SERIALS = ("12345", "99999")  # Excel day numbers of 1933 and 2173
# Valid cells in the forms copy-paste and other locales give them (rows, in the order of valid rows).
FULL_WIDTH, ARABIC_INDIC = 0xFEE0, 0x0660 - ord("0")
MONTHS_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop", "Des")
DUPLICATE_ROWS, REPEATED_NIKS, BLANK_ROWS = 10, 8, 6
PAYMENTS = 230  # existing self-paid participants whose payment this week extends TGL AKHIR
PAID_TO = date(2026, 12, 31)
OTHER_REGENCY_NIK = ("517101", "510502")  # valid: residents registered in Denpasar / Klungkung

BAD_NIK = (lambda n: n[:-1], lambda n: n[:6] + "O" + n[7:], lambda n: n + "0")  # 15 digits, letter, 17
UNKNOWN_DESA = (("Kuta", "Kuta"), ("Desa Antah", None), ("Legian", "Kuta"), ("Penatih", "Denpasar Timur"))
BAD_DATES = (
    ("TGL KEPESERTAAN", "31-02-2026"), ("TGL KEPESERTAAN", "kemarin"), ("TGL KEPESERTAAN", "2026/13/01"),
    ("TGL AKHIR", "31/11/2026"), ("TGL KEPESERTAAN", "00/11/2026"),
)
UNKNOWN_PROGRAMS = ("JKN", "JKK, JKN", "BPJS", "JKK, JKM, JKN", "JAMSOSTEK")
UNKNOWN_FUNDING = ("APBN", "YAYASAN", "BANSOS", "HIBAH")
# Spellings the brief names; the first valid row of each desa uses it.
FORCED_DESA_TEXT = {"Batubulan Kangin": "DS. BATUBULAN KANGIN", "Singakerta": "Singekerta",
                    "Ubud": "Kel. Ubud", "Mas": "Desa Mas"}
FUNDING_TEXT = {"MANDIRI": "Mandiri", "APBDES": "APBDes", "APBD": "Apbd", "CSR": "csr", "DBHCHT": "Dbhcht"}

EXCEL_EPOCH = datetime(1899, 12, 30)
_DESA = {r.desa: (bool(r.kelurahan), r.nama_bps) for r in wilayah().itertuples()}


def _date(value: date, sep: str) -> str:
    return value.strftime(f"%d{sep}%m{sep}%Y")


def _desa_text(desa: str, rnd: random.Random, forced: set[str]) -> str:
    if desa in FORCED_DESA_TEXT and desa not in forced:
        forced.add(desa)
        return FORCED_DESA_TEXT[desa]
    kelurahan, bps = _DESA[desa]
    prefix = "Kel. " if kelurahan else "DS. "
    options = [desa, desa.upper(), desa.lower(), prefix + desa.upper(),
               ("Kelurahan " if kelurahan else "Desa ") + desa, f"  {desa} ", desa.upper().replace(" ", "  ")]
    text = rnd.choices(options, weights=[30, 25, 8, 10, 10, 10, 7])[0]
    return bps if bps != desa and rnd.random() < 0.5 else text


def _row(p: pd.Series, rnd: random.Random, forced: set[str], as_of: date,
         end: date | None = None, income: int | None = None) -> dict[str, str]:
    """One valid row in the messy file's habits (case, prefixes, separators, dotted thousands)."""
    sep = "/" if rnd.random() < 0.7 else "-"
    end = end or p["tgl_akhir"].date()
    kecamatan = p["kecamatan"]
    title = p["pekerjaan"]
    row = {
        "NIK": p["nik"],
        "NAMA": p["nama"] if rnd.random() < 0.85 else p["nama"].title(),
        "NO KPJ": p["no_kpj"],
        "TGL LAHIR": _date(p["tgl_lahir"].date(), sep),
        "JENIS KELAMIN": p["jenis_kelamin"] if rnd.random() < 0.85 else
        {"L": "LAKI-LAKI", "P": "PEREMPUAN"}[p["jenis_kelamin"]],
        "JENIS PEKERJAAN": rnd.choices([title, title.title(), title.lower(), title.replace("/", " / ")],
                                       weights=[60, 20, 10, 10])[0],
        "DESA/KELURAHAN": _desa_text(p["desa"], rnd, forced),
        "KECAMATAN": rnd.choices([kecamatan, kecamatan.upper(), "Kec. " + kecamatan, kecamatan.lower()],
                                 weights=[45, 30, 20, 5])[0],
        "PROGRAM": rnd.choices([p["program"], p["program"].replace(", ", ","), p["program"].lower()],
                               weights=[70, 20, 10])[0],
        "TGL KEPESERTAAN": _date(p["tgl_kepesertaan"].date(), sep),
        "TGL AKHIR": _date(end, sep),
        "STATUS": "AKTIF" if end >= as_of else "NON AKTIF",
        "SUMBER IURAN": p["sumber_iuran"] if rnd.random() < 0.7 else FUNDING_TEXT[p["sumber_iuran"]],
        "PENGHASILAN": f"{income or int(p['penghasilan']):,}".replace(",", "."),
    }
    if rnd.random() < 0.2:
        row["STATUS"] = row["STATUS"].title()
    return row


def _spoil(row: dict[str, str], kind: str, i: int, p: pd.Series, rnd: random.Random) -> str:
    """Give a valid row exactly one problem of the given kind; return the field concerned."""
    if kind == "nik_scientific":
        row["NIK"] = f"{int(p['nik']):.5E}".replace(".", ",")
        return "NIK"
    if kind == "nik_invalid":
        row["NIK"] = BAD_NIK[i % len(BAD_NIK)](p["nik"])
        return "NIK"
    if kind == "desa_unknown":
        desa, kecamatan = UNKNOWN_DESA[i % len(UNKNOWN_DESA)]
        row["DESA/KELURAHAN"], row["KECAMATAN"] = desa, kecamatan or row["KECAMATAN"]
        return "DESA/KELURAHAN"
    if kind == "date_invalid":
        column, text = BAD_DATES[i % len(BAD_DATES)]
        row[column] = text
        return column
    if kind == "program_unknown":
        row["PROGRAM"] = UNKNOWN_PROGRAMS[i % len(UNKNOWN_PROGRAMS)]
        return "PROGRAM"
    if kind == "funding_unknown":
        row["SUMBER IURAN"] = UNKNOWN_FUNDING[i % len(UNKNOWN_FUNDING)]
        return "SUMBER IURAN"
    if kind == "desa_script":
        desa = row["DESA/KELURAHAN"]
        letter = next(c for c in desa if c in LOOK_ALIKE)
        row["DESA/KELURAHAN"] = desa.replace(letter, LOOK_ALIKE[letter], 1)
        return "DESA/KELURAHAN"
    if kind == "desa_namesake":
        row["DESA/KELURAHAN"], row["KECAMATAN"] = NAMESAKES[i % len(NAMESAKES)], ""
        return "DESA/KELURAHAN"
    if kind == "date_excel_number":
        row["TGL AKHIR"] = FAR_SERIALS[i % len(FAR_SERIALS)]
        return "TGL AKHIR"
    if kind == "dates_reversed":
        end = p["tgl_kepesertaan"].date() - timedelta(days=rnd.randint(20, 120))
        row["TGL AKHIR"], row["STATUS"] = end.strftime("%d-%m-%Y"), "NON AKTIF"
        return "TGL AKHIR"
    raise ValueError(kind)


def messy_rows(people: pd.DataFrame, seed: int, as_of: date) -> tuple[list[list[str]], list[tuple[int, str, str]]]:
    """Rows of the messy file (without header) and (row_number, kind, field) of each bad row."""
    rnd = random.Random(seed)
    forced: set[str] = set()
    paying = people[people["cohort"].eq("mandiri")
                    & people["tgl_akhir"].between(pd.Timestamp(as_of - timedelta(days=60)),
                                                  pd.Timestamp(as_of + timedelta(days=30)))]
    chosen = paying.sort_values("no_kpj").iloc[sorted(rnd.sample(range(len(paying)), PAYMENTS))]
    new = people[people["cohort"].isin(["baru_mandiri", "baru_apbdes"])].copy()
    for k, prefix in enumerate(OTHER_REGENCY_NIK):
        new.iloc[k * 7, new.columns.get_loc("nik")] = prefix + new.iloc[k * 7]["nik"][6:]
    entries = [(_row(p, rnd, forced, end=PAID_TO, as_of=as_of), None, "", p) for _, p in chosen.iterrows()]
    entries += [(_row(p, rnd, forced, as_of=as_of), None, "", p) for _, p in new.iterrows()]
    bad = people[people["cohort"].eq("baru_salah")]
    kinds = [kind for kind, count in BAD_ROWS.items() for _ in range(count)]
    for i, (kind, (_, p)) in enumerate(zip(kinds, bad.iterrows())):
        row = _row(p, rnd, forced, as_of=as_of)
        entries.append((row, kind, _spoil(row, kind, i, p, rnd), p))
    _odd_forms([row for row, kind, _, _ in entries if kind is None], rnd)
    rnd.shuffle(entries)
    return _with_repeats(entries, rnd, as_of)


def _shift(text: str, offset: int) -> str:
    return "".join(chr(ord(c) + offset) if c.isdigit() else c for c in text)


def _odd_forms(valid: list[dict[str, str]], rnd: random.Random) -> None:
    """Give a few valid rows cells in forms that must still load: other digit scripts, full-width and
    invisible characters, month names, Excel day numbers."""
    rows = rnd.sample(valid, 22)
    for row in rows[:3]:
        row["NIK"] = _shift(row["NIK"], FULL_WIDTH)  # ５１０４…
    for row in rows[3:5]:
        row["NIK"] = _shift(row["NIK"], ARABIC_INDIC)  # ٥١٠٤…
    for row in rows[5:7]:
        row["NIK"] = row["NIK"][:8] + "\u200b" + row["NIK"][8:]  # a zero-width space from copy-paste
    for row in rows[7:9]:
        row["DESA/KELURAHAN"] = "".join(chr(ord(c) + FULL_WIDTH) if "!" <= c <= "~" else c
                                        for c in row["DESA/KELURAHAN"])
    for row in rows[9:11]:
        row["DESA/KELURAHAN"] = "\u00a0" + row["DESA/KELURAHAN"].strip() + "\u00a0"
    for row in rows[11:18]:
        when = datetime.strptime(row["TGL KEPESERTAAN"].replace("/", "-"), "%d-%m-%Y")
        row["TGL KEPESERTAAN"] = f"{when.day} {MONTHS_ID[when.month - 1]} {when.year}"  # 3 Nop 2026
    for row in rows[18:22]:
        when = datetime.strptime(row["TGL AKHIR"].replace("/", "-"), "%d-%m-%Y")
        row["TGL AKHIR"] = str((when - EXCEL_EPOCH).days)  # a date cell saved as a number: 46387


def _with_repeats(entries: list, rnd: random.Random, as_of: date) -> tuple[list[list[str]], list[tuple[int, str, str]]]:
    # Each entry gets a sort key; copies sort after their original.
    keyed = [(float(k), row, kind, field) for k, (row, kind, field, _) in enumerate(entries)]
    valid = [k for k, (_, kind, _, _) in enumerate(entries) if kind is None]
    originals = rnd.sample(valid, DUPLICATE_ROWS + REPEATED_NIKS)
    top = float(len(entries))
    for j, k in enumerate(originals):
        row, _, _, p = entries[k]
        if j < DUPLICATE_ROWS:
            copy, kind, field = dict(row), "duplicate_row", ""
        else:
            copy = _row(p, rnd, set(FORCED_DESA_TEXT), as_of=as_of,
                        income=int(p["penghasilan"]) + 250_000, end=p["tgl_akhir"].date() + timedelta(days=31))
            kind, field = "nik_repeated", "NIK"
        keyed.append((rnd.uniform(k + 0.5, top), copy, kind, field))
    # Blank rows sit between data rows: trailing ones are Excel debris a reader may rightly drop.
    blanks = [rnd.uniform(1, top - 1) for _ in range(BLANK_ROWS)]
    keyed += [(key, dict.fromkeys(EXTRACT_COLUMNS, ""), "blank_row", "") for key in blanks]
    keyed.sort(key=lambda item: item[0])
    rows = [[item[1][c] for c in EXTRACT_COLUMNS] for item in keyed]
    problems = [(n + 2, kind, field) for n, (_, _, kind, field) in enumerate(keyed) if kind]
    return rows, problems


def write_messy(people: pd.DataFrame, path: Path, expected_path: Path, seed: int, as_of: date) -> list[Path]:
    """Write the messy extract and its .expected.csv (row_number, kind, field); return both paths."""
    rows, problems = messy_rows(people, seed, as_of)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow([HEADER_TEXT.get(h, h) for h in EXTRACT_COLUMNS])
        writer.writerows(rows)
    with open(expected_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["row_number", "kind", "field"])
        writer.writerows(problems)
    return [path, expected_path]
