import csv
import re
import unicodedata
from datetime import date, timedelta

import openpyxl
import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.sample import extracts as sample
from jamsostek.domain import EXTRACT_COLUMNS, FUNDING_SOURCES, PROGRAMS, SECTORS
from jamsostek.ingest.occupations import sector_for
from jamsostek.sample.messy import FORCED_DESA_TEXT, HEADER_TEXT, KINDS, NAMESAKES
from jamsostek.sample import target

WILAYAH = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
NAME_OF = WILAYAH.set_index("kode_desa")["desa"]
COASTAL_DESA = sorted(NAME_OF[sorted(target.coastal_codes())])
CRAFT_VILLAGES = sorted(target.wilayah().loc[target.wilayah()["craft"], "desa"])
LAUNCH_SECTORS = set(SECTORS) - {"lainnya"}
AS_OF = pd.Timestamp(sample.SAMPLE_AS_OF)
FILES = (sample.LAUNCH_FILE, sample.SNAPSHOT_FILE, sample.SASARAN_FILE, sample.MESSY_FILE, sample.MESSY_EXPECTED_FILE)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    paths = sample.write_sample(out)
    assert [p.name for p in paths] == list(FILES)
    return out


def read_clean(path):
    if path.suffix == ".xlsx":
        frame = pd.read_excel(path, dtype={"NIK": str, "NO KPJ": str})
    else:
        frame = pd.read_csv(path, dtype=str)
        for column in ("TGL LAHIR", "TGL KEPESERTAAN", "TGL AKHIR"):
            frame[column] = pd.to_datetime(frame[column], format="%d-%m-%Y")
    frame["sektor"] = frame["JENIS PEKERJAAN"].map(sector_for)
    return frame


@pytest.fixture(scope="module")
def launch(fresh):
    return read_clean(fresh / sample.LAUNCH_FILE)


@pytest.fixture(scope="module")
def snapshot(fresh):
    frame = read_clean(fresh / sample.SNAPSHOT_FILE)
    covered = frame["PROGRAM"].str.contains("JKK") & frame["PROGRAM"].str.contains("JKM")
    frame["protected"] = covered & (frame["TGL KEPESERTAAN"] <= AS_OF) & (frame["TGL AKHIR"] >= AS_OF)
    return frame


@pytest.fixture(scope="module")
def sasaran(fresh):
    return pd.read_csv(fresh / sample.SASARAN_FILE, dtype={"kode_desa": str})


# --- determinism -------------------------------------------------------------------------------


def test_same_seed_writes_identical_files(fresh, tmp_path):
    sample.write_sample(tmp_path)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (fresh / name).read_bytes(), name


def test_other_seed_gives_other_people():
    first, other = sample.generate_participants(500, seed=1), sample.generate_participants(500, seed=2)
    assert not first["NIK"].equals(other["NIK"])


@pytest.mark.parametrize("name", FILES)
def test_committed_files_equal_a_fresh_generation(fresh, name):
    assert (settings.SAMPLE_DIR / name).read_bytes() == (fresh / name).read_bytes(), (
        f"data/sample/{name} drifted: run `python -m jamsostek sample` and commit"
    )


def test_sample_files_stay_small():
    assert sum((settings.SAMPLE_DIR / name).stat().st_size for name in FILES) < 3_000_000


# --- clean extracts ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", [sample.LAUNCH_FILE, sample.SNAPSHOT_FILE])
def test_clean_files_have_exactly_the_extract_columns(fresh, name):
    frame = read_clean(fresh / name)
    assert list(frame.columns[:-1]) == list(EXTRACT_COLUMNS)


def test_launch_batch_is_the_launch(launch):
    assert len(launch) == settings.LAUNCH_WORKERS == 1_136
    assert (launch["TGL KEPESERTAAN"] == pd.Timestamp(settings.LAUNCH_DATE)).all()
    assert (launch["TGL AKHIR"] == pd.Timestamp("2025-12-31")).all()
    assert set(launch["SUMBER IURAN"]) == {"APBD"}
    assert set(launch["PROGRAM"]) == {"JKK, JKM"}
    assert set(launch["STATUS"]) == {"AKTIF"}
    assert set(launch["sektor"]) == LAUNCH_SECTORS


def test_launch_xlsx_has_text_nik_and_real_dates(fresh):
    sheet = openpyxl.load_workbook(fresh / sample.LAUNCH_FILE).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, (c for c in sheet[2])))
    assert isinstance(row["NIK"].value, str) and row["NIK"].number_format == "@"
    assert row["TGL KEPESERTAAN"].is_date and row["TGL KEPESERTAAN"].number_format == "DD-MM-YYYY"


def test_artisans_concentrate_in_the_craft_villages(launch):
    artisans = launch[launch["sektor"].eq("pengrajin")]
    assert artisans["DESA/KELURAHAN"].isin(CRAFT_VILLAGES).mean() > 0.4  # 5 of 70 desa


@pytest.mark.parametrize("name", [sample.LAUNCH_FILE, sample.SNAPSHOT_FILE])
def test_fishers_only_in_coastal_desa(fresh, name):
    frame = read_clean(fresh / name)
    fishers = frame[frame["sektor"].eq("nelayan")]
    assert len(fishers) > 0
    assert set(fishers["DESA/KELURAHAN"]) <= set(COASTAL_DESA)


@pytest.mark.parametrize("name", [sample.LAUNCH_FILE, sample.SNAPSHOT_FILE])
def test_desa_and_kecamatan_are_real_and_match(fresh, name):
    frame = read_clean(fresh / name)
    real = set(zip(WILAYAH["desa"], WILAYAH["kecamatan"]))
    assert set(zip(frame["DESA/KELURAHAN"], frame["KECAMATAN"])) <= real
    assert frame["sektor"].notna().all()


@pytest.mark.parametrize("name", [sample.LAUNCH_FILE, sample.SNAPSHOT_FILE])
def test_nik_kpj_birth_date_and_sex_are_consistent(fresh, name):
    frame = read_clean(fresh / name)
    codes = WILAYAH.drop_duplicates("kecamatan").set_index("kecamatan")["kode_kecamatan"]
    kecamatan_code = frame["KECAMATAN"].map(codes)
    assert frame["NIK"].str.fullmatch(r"5104\d{12}").all() and frame["NIK"].is_unique
    assert (frame["NIK"].str[4:6] == kecamatan_code.str[-2:]).all()
    day = frame["TGL LAHIR"].dt.day + frame["JENIS KELAMIN"].map({"L": 0, "P": 40})
    date_part = day.map("{:02d}".format) + frame["TGL LAHIR"].dt.strftime("%m%y")
    assert (frame["NIK"].str[6:12] == date_part).all()
    assert (frame["NIK"].str[12:] != "0000").all()
    assert frame["NO KPJ"].str.fullmatch(r"\d{11}").all() and frame["NO KPJ"].is_unique
    assert frame["PENGHASILAN"].astype(int).between(1_000_000, 3_000_000).all()


# --- snapshot ----------------------------------------------------------------------------------


def test_snapshot_keeps_the_launch_participants(launch, snapshot):
    kept = snapshot[snapshot["NIK"].isin(launch["NIK"])]
    assert len(kept) == len(launch)
    renewed = kept["TGL AKHIR"].eq(pd.Timestamp("2026-12-31"))
    assert 0.9 < renewed.mean() < 1.0  # most renewed, a few dropped


def test_snapshot_funding_mix(snapshot):
    count = snapshot["SUMBER IURAN"].value_counts()
    assert set(count.index) <= set(FUNDING_SOURCES)
    assert 7_500 <= count["APBD"] <= 8_700
    assert 300 <= count["MANDIRI"] <= 2_500
    assert count["APBDES"] > 0 and count["CSR"] > 0 and 0 < count["DBHCHT"] <= 10


def test_snapshot_has_new_lapsing_and_lapsed_participants(snapshot):
    week = snapshot["TGL KEPESERTAAN"].between(AS_OF - timedelta(days=6), AS_OF)
    lapsing = snapshot["protected"] & (snapshot["TGL AKHIR"] <= AS_OF + timedelta(days=settings.LAPSING_WINDOW_DAYS))
    lapsed = snapshot["TGL AKHIR"] < AS_OF
    assert week.sum() > 0 and lapsing.sum() > 0 and lapsed.sum() > 0
    assert (snapshot["TGL KEPESERTAAN"] <= AS_OF).all()
    assert (snapshot["STATUS"] == lapsed.map({True: "NON AKTIF", False: "AKTIF"})).all()


# --- sasaran -----------------------------------------------------------------------------------


def test_sasaran_covers_every_desa_and_sector(sasaran):
    assert list(sasaran.columns) == ["kode_desa", "sektor", "sasaran_workers", "sasaran_low", "sasaran_high"]
    assert len(sasaran) == 70 * 8
    assert set(sasaran["kode_desa"]) == set(WILAYAH["kode_desa"])
    assert set(sasaran["sektor"]) == set(SECTORS)
    assert not sasaran.duplicated(["kode_desa", "sektor"]).any()
    assert (sasaran["sasaran_workers"] >= 0).all()
    # 507.746 people x 267.054/469.777 working x 50,68 % informal = 146.281,9
    assert sasaran["sasaran_workers"].sum() == 146_282
    assert (sasaran["sasaran_low"] <= sasaran["sasaran_workers"]).all()
    assert (sasaran["sasaran_workers"] <= sasaran["sasaran_high"]).all()


def test_sasaran_has_fishers_only_on_the_coast(sasaran):
    desa = sasaran["kode_desa"].map(WILAYAH.set_index("kode_desa")["desa"])
    fishers = sasaran[sasaran["sektor"].eq("nelayan")]
    coastal = desa[fishers.index].isin(COASTAL_DESA)
    assert (fishers.loc[~coastal, "sasaran_workers"] == 0).all()
    assert (fishers.loc[coastal, "sasaran_workers"] > 0).all()
    assert (sasaran.loc[~sasaran["sektor"].eq("nelayan"), "sasaran_workers"] > 0).all()


def test_some_cells_have_sasaran_but_nobody_protected(sasaran, snapshot):
    desa_code = WILAYAH.set_index("desa")["kode_desa"]
    protected = snapshot[snapshot["protected"]].assign(kode_desa=lambda f: f["DESA/KELURAHAN"].map(desa_code))
    counts = protected.groupby(["kode_desa", "sektor"]).size().rename("protected")
    cells = sasaran.merge(counts.reset_index(), on=["kode_desa", "sektor"], how="left").fillna({"protected": 0})
    gaps = cells[(cells["sasaran_workers"] > 0) & (cells["protected"] == 0)]
    assert len(gaps) >= 3
    named = {(desa_code[d], s) for d, s in sample.GAP_CELLS}
    assert named <= set(zip(gaps["kode_desa"], gaps["sektor"]))


# --- messy extract -----------------------------------------------------------------------------

DESA_NAMES = {re.sub(r"\s+", " ", n.upper()): d for d, b in zip(WILAYAH["desa"], WILAYAH["nama_bps"]) for n in (d, b)}


MONTHS = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGT", "SEP", "OKT", "NOP", "DES")


def plain(text):
    """What a careful reader makes of a cell: NFKC, digits of any script as 0-9, no zero-width space."""
    text = unicodedata.normalize("NFKC", text).replace("\u200b", "")
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text).strip()


def parse_date(text):
    text = plain(text)
    if re.fullmatch(r"\d{5}", text):  # an Excel day number
        day = date(1899, 12, 30) + timedelta(days=int(text))
        return day if date(2015, 1, 1) <= day <= date(2100, 12, 31) else None
    if named := re.fullmatch(r"(\d{1,2}) ([A-Z]{3}) (\d{4})", text.upper()):
        return date(int(named[3]), MONTHS.index(named[2]) + 1, int(named[1]))
    match = re.fullmatch(r"(\d{2})[/-](\d{2})[/-](\d{4})", text)
    try:
        return date(int(match[3]), int(match[2]), int(match[1])) if match else None
    except ValueError:
        return None


def desa_of(text):
    key = re.sub(r"\s+", " ", plain(text).upper()).strip()
    key = re.sub(r"^(DS\.|DESA|KEL\.|KELURAHAN) ", "", key)
    return DESA_NAMES.get(key)


def nik_ok(nik):
    if not re.fullmatch(r"\d{16}", nik):
        return False
    day, month = int(nik[6:8]) % 40, int(nik[8:10])
    return 1 <= day <= 31 and 1 <= month <= 12


def problem(row, earlier_rows, earlier_niks):
    """The one problem of a messy row, checked independently of the generator."""
    if not any(value.strip() for value in row.values()):
        return "blank_row"
    if tuple(row.values()) in earlier_rows:
        return "duplicate_row"
    if re.fullmatch(r"\d,\d+E\+\d+", row["NIK"]):
        return "nik_scientific"
    if not nik_ok(plain(row["NIK"])):
        return "nik_invalid"
    if plain(row["NIK"]) in earlier_niks:
        return "nik_repeated"
    if re.search(r"[\u0400-\u04ff]", row["DESA/KELURAHAN"]):
        return "desa_script"
    if row["DESA/KELURAHAN"] in NAMESAKES and not row["KECAMATAN"]:
        return "desa_namesake"
    if desa_of(row["DESA/KELURAHAN"]) is None:
        return "desa_unknown"
    start, end = parse_date(row["TGL KEPESERTAAN"]), parse_date(row["TGL AKHIR"])
    if re.fullmatch(r"\d{5}", row["TGL AKHIR"]) and end is None:
        return "date_excel_number"
    if start is None or end is None:
        return "date_invalid"
    if not set(re.split(r"[,\s]+", row["PROGRAM"].upper().strip())) <= set(PROGRAMS):
        return "program_unknown"
    if row["SUMBER IURAN"].strip().upper() not in FUNDING_SOURCES:
        return "funding_unknown"
    if end < start:
        return "dates_reversed"
    return None


@pytest.fixture(scope="module")
def messy(fresh):
    with open(fresh / sample.MESSY_FILE, encoding="utf-8-sig", newline="") as handle:
        header = {text: canonical for canonical, text in HEADER_TEXT.items()}
        rows = [{header.get(k, k): v for k, v in row.items()} for row in csv.DictReader(handle, delimiter=";")]
    expected = pd.read_csv(fresh / sample.MESSY_EXPECTED_FILE)
    return rows, expected


def test_messy_file_is_semicolon_utf8_bom_crlf(fresh):
    raw = (fresh / sample.MESSY_FILE).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNIK;NAMA;NO KPJ;") and b"\r\n" in raw
    frame = pd.read_csv(fresh / sample.MESSY_FILE, sep=";", dtype=str, encoding="utf-8-sig", skip_blank_lines=False)
    assert list(frame.columns) == [HEADER_TEXT.get(h, h) for h in EXTRACT_COLUMNS]  # headers as exports write them
    assert 300 <= len(frame) <= 600


def test_expected_lists_exactly_the_bad_rows(messy):
    rows, expected = messy
    assert set(expected["kind"]) == set(KINDS)
    assert expected["row_number"].is_unique
    found, seen_rows, seen_niks = {}, set(), set()
    for number, row in enumerate(rows, start=2):  # header is row 1
        kind = problem(row, seen_rows, seen_niks)
        seen_rows.add(tuple(row.values()))
        if kind:
            found[number] = kind
        else:
            seen_niks.add(plain(row["NIK"]))
    assert found == dict(zip(expected["row_number"], expected["kind"]))


def test_messy_valid_rows_are_mostly_valid_and_bring_new_people(messy, snapshot):
    rows, expected = messy
    bad = set(expected["row_number"])
    valid = [row for number, row in enumerate(rows, start=2) if number not in bad]
    assert 0.75 <= len(valid) / len(rows) <= 0.9
    for row in valid:
        desa = desa_of(row["DESA/KELURAHAN"])
        kecamatan = re.sub(r"^KEC\. ", "", row["KECAMATAN"].strip().upper())
        assert WILAYAH.set_index("desa").at[desa, "kecamatan"].upper() == kecamatan
        assert sector_for(row["JENIS PEKERJAAN"]) is not None
    week_start = sample.SAMPLE_AS_OF - timedelta(days=6)
    new = [r for r in valid if r["NIK"] not in set(snapshot["NIK"])
           and week_start <= parse_date(r["TGL KEPESERTAAN"]) <= sample.SAMPLE_AS_OF]
    assert len(new) >= 100
    spellings = {row["DESA/KELURAHAN"] for row in valid}
    assert set(FORCED_DESA_TEXT.values()) <= spellings


def test_messy_valid_rows_hold_the_forms_real_files_bring(messy):
    rows, expected = messy
    valid = [row for number, row in enumerate(rows, start=2) if number not in set(expected["row_number"])]
    niks = [row["NIK"] for row in valid]
    assert sum(n[0] == "５" for n in niks) >= 3 and sum(n[0] == "٥" for n in niks) >= 2
    assert sum("\u200b" in n for n in niks) >= 2
    assert sum(bool(re.fullmatch(r"\d{1,2} [A-Za-z]{3} \d{4}", r["TGL KEPESERTAAN"])) for r in valid) >= 5
    assert sum(bool(re.fullmatch(r"\d{5}", r["TGL AKHIR"])) for r in valid) >= 4
    assert sum(r["DESA/KELURAHAN"] != plain(r["DESA/KELURAHAN"]) for r in valid) >= 4


# --- scale generator and documentation ---------------------------------------------------------


def test_generate_participants_scales_and_stays_consistent():
    frame = sample.generate_participants(20_000, seed=3)
    assert len(frame) == 20_000 and list(frame.columns) == list(EXTRACT_COLUMNS)
    assert frame["NIK"].is_unique and frame["NO KPJ"].is_unique
    assert frame["NIK"].str.fullmatch(r"5104\d{12}").all()
    share = frame["SUMBER IURAN"].value_counts(normalize=True)
    assert 0.7 < share["APBD"] < 0.85
    assert sample.generate_participants(500, seed=3).equals(sample.generate_participants(500, seed=3))


def test_readme_documents_the_assumptions():
    text = (settings.SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    for name in [*COASTAL_DESA, *CRAFT_VILLAGES, *(d for d, _ in sample.GAP_CELLS), *FILES]:
        assert name in text, name
    assert "ESTIMATE" in text and "SYNTHETIC" in text
