"""Deterministic SYNTHETIC sample extracts shaped like a BPJS Ketenagakerjaan participant export.

`write_sample()` writes data/sample/: the launch batch (xlsx), a full snapshot on SAMPLE_AS_OF
(csv), the estimated target population per desa x sector (see sample/target.py), and a messy
extract with a list of its bad rows (see sample_messy). Nobody in these files exists; the
cohorts below are modelled on public reporting (../shared/reference/DOMAIN.md) and every
number not stated there is an assumption documented in data/sample/README.md.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.xml.functions import tostring

from jamsostek import settings
from jamsostek.domain import EXTRACT_COLUMNS, SECTORS
from jamsostek.sample.messy import write_messy
from jamsostek.sample.people import Cohort, build_people
from jamsostek.sample.target import estimate_sasaran, wilayah

SAMPLE_AS_OF = date(2026, 11, 20)  # the sample's extract date ("today" in the demo)
DEFAULT_SEED = 51_04
LAUNCH_PAID_UNTIL = date(2025, 12, 31)
YEAR_END_2026 = date(2026, 12, 31)
MID_2026 = date(2026, 6, 30)

LAUNCH_FILE = "peserta_2025-11-03_perdana.xlsx"
SNAPSHOT_FILE = f"peserta_{SAMPLE_AS_OF.isoformat()}.csv"
SASARAN_FILE = "sasaran_desa_sektor.csv"
MESSY_FILE = "peserta_berantakan.csv"
MESSY_EXPECTED_FILE = "peserta_berantakan.expected.csv"

# Cells the programme has not reached: sasaran > 0 but nobody protected on SAMPLE_AS_OF,
# so the dashboard has visible gaps. (Pering's fishers enrolled themselves once and lapsed.)
GAP_CELLS = (
    ("Pering", "nelayan"), ("Tulikup", "nelayan"), ("Kedewatan", "pengrajin"),
    ("Taro", "pekerja_adat"), ("Beng", "tukang_bangunan"), ("Buahan Kaja", "lainnya"),
)
LOW_REACH_DESA = {"Bresela": 0.15, "Manukaya": 0.15}  # desa the socialisation barely reached

_APBD_2026 = {"lainnya": 0.15, "pekerja_adat": 1.5}
_DROPPED = ((0.015, MID_2026),)
SNAPSHOT_PLAN: tuple[Cohort, ...] = (
    Cohort("perdana", "APBD", settings.LAUNCH_WORKERS, settings.LAUNCH_DATE, YEAR_END_2026,
           drops=((0.02, LAUNCH_PAID_UNTIL), (0.02, MID_2026)),
           affinity={"lainnya": 0.0, "nelayan": 6.0, "pekerja_adat": 2.0}, craft_boost=4.0),
    Cohort("apbd_2026_01", "APBD", 2_100, date(2026, 1, 5), YEAR_END_2026, _DROPPED, _APBD_2026, 2.0),
    Cohort("apbd_2026_03", "APBD", 1_500, date(2026, 3, 2), YEAR_END_2026, _DROPPED, _APBD_2026, 2.0),
    Cohort("apbd_2026_05", "APBD", 1_200, date(2026, 5, 4), YEAR_END_2026, _DROPPED, _APBD_2026, 2.0),
    Cohort("apbd_2026_07", "APBD", 1_000, date(2026, 7, 6), YEAR_END_2026, (), _APBD_2026, 2.0),
    Cohort("apbd_2026_09", "APBD", 900, date(2026, 9, 7), YEAR_END_2026, (), _APBD_2026, 2.0),
    Cohort("apbd_2026_11", "APBD", 650, date(2026, 11, 16), YEAR_END_2026, (), _APBD_2026, 2.0),
    Cohort("mandiri", "MANDIRI", 1_900, (date(2025, 1, 6), SAMPLE_AS_OF), None, jht_share=0.25,
           affinity={"lainnya": 2.0, "pedagang_kecil": 1.5, "pekerja_adat": 0.5, "buruh_harian": 0.7}),
    Cohort("mandiri_pering", "MANDIRI", 3, (date(2025, 2, 3), date(2025, 4, 28)), date(2025, 7, 31),
           cell=("Pering", "nelayan")),
    Cohort("apbdes_2025", "APBDES", 40, date(2025, 6, 2), LAUNCH_PAID_UNTIL,
           affinity={"pekerja_adat": 5.0}, desa=("Singapadu Kaler",)),
    Cohort("apbdes_2026", "APBDES", 300, date(2026, 2, 2), YEAR_END_2026,
           affinity={"pekerja_adat": 5.0, "buruh_harian": 1.5},
           desa=("Batuan", "Kemenuh", "Keramas", "Bedulu", "Sidan", "Pejeng Kangin", "Sayan", "Sebatu",
                 "Melinggih", "Kelusa")),
    Cohort("csr_2025", "CSR", 120, date(2025, 8, 1), date(2026, 7, 31),
           affinity={"pengrajin": 6.0}, desa=("Celuk", "Mas", "Batubulan")),
    Cohort("csr_2026", "CSR", 160, date(2026, 4, 1), date(2027, 3, 31),
           desa=("Ubud", "Peliatan", "Sayan", "Lodtunduh", "Singakerta")),
    Cohort("dbhcht_2026", "DBHCHT", 6, date(2026, 6, 1), YEAR_END_2026,
           affinity={"petani": 20.0}, desa=("Kerta", "Buahan", "Puhu")),
)
# People who appear only in the messy extract: new this week, and the persons behind bad rows.
MESSY_PLAN: tuple[Cohort, ...] = (
    Cohort("baru_mandiri", "MANDIRI", 100, (date(2026, 11, 14), SAMPLE_AS_OF), None, jht_share=0.2,
           affinity={"lainnya": 2.0, "pedagang_kecil": 1.5}),
    Cohort("baru_apbdes", "APBDES", 40, date(2026, 11, 16), YEAR_END_2026,
           affinity={"pekerja_adat": 5.0}, desa=("Kenderan",)),
    Cohort("baru_salah", "MANDIRI", 60, (date(2026, 11, 9), SAMPLE_AS_OF), None),
)


def cells() -> pd.DataFrame:
    """Desa x sector cells with the geography, the sasaran and the programme's reach weight."""
    geo = wilayah()
    grid = geo.merge(pd.DataFrame({"sektor": list(SECTORS)}), how="cross")
    grid = grid.merge(estimate_sasaran()[["kode_desa", "sektor", "sasaran_workers"]], on=["kode_desa", "sektor"])
    reach = grid["desa"].map(LOW_REACH_DESA).fillna(1.0)
    gap = pd.Series(list(zip(grid["desa"], grid["sektor"]))).isin(GAP_CELLS).to_numpy()
    grid["reach"] = grid["sasaran_workers"] * reach * np.where(gap, 0.0, 1.0)
    return grid


def _scaled(plan: tuple[Cohort, ...], n: int) -> list[tuple[Cohort, int]]:
    sizes = np.array([c.n for c in plan], dtype=float)
    scaled = np.floor(sizes / sizes.sum() * n).astype(int)
    scaled[np.argsort(-(sizes / sizes.sum() * n - scaled), kind="stable")[: n - scaled.sum()]] += 1
    return [(c, int(k)) for c, k in zip(plan, scaled) if k > 0]


def population(plan: list[tuple[Cohort, int]], seed: int, as_of: date) -> pd.DataFrame:
    """All people of a plan, one row each, with NIK/KPJ assigned across the whole population."""
    return build_people(np.random.default_rng([seed, 2]), cells(), plan, as_of)


def generate_participants(n: int, seed: int = DEFAULT_SEED, as_of: date = SAMPLE_AS_OF) -> pd.DataFrame:
    """n synthetic participants with the snapshot's cohort mix; columns = EXTRACT_COLUMNS keys."""
    return to_extract(population(_scaled(SNAPSHOT_PLAN, n), seed, as_of))


def to_extract(people: pd.DataFrame) -> pd.DataFrame:
    """Rename internal columns to the export's column names, in the export's order."""
    return people.rename(columns={v: k for k, v in EXTRACT_COLUMNS.items()})[list(EXTRACT_COLUMNS)]


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in ("TGL LAHIR", "TGL KEPESERTAAN", "TGL AKHIR"):
        out[column] = pd.to_datetime(out[column]).dt.strftime("%d-%m-%Y")
    return out


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a clean extract: comma-separated UTF-8, dates DD-MM-YYYY, LF line ends."""
    _dates_as_text(frame).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def launch_batch(people: pd.DataFrame) -> pd.DataFrame:
    """The launch file as it looked on 3 Nov 2025: everyone paid until 31 Dec 2025 and active."""
    launch = people[people["cohort"].eq("perdana")].assign(tgl_akhir=pd.Timestamp(LAUNCH_PAID_UNTIL), status="AKTIF")
    return to_extract(launch.sort_values("no_kpj"))


def snapshot(people: pd.DataFrame) -> pd.DataFrame:
    """The full extract on SAMPLE_AS_OF, ordered by enrolment date and KPJ number."""
    rows = people[~people["cohort"].isin([c.name for c in MESSY_PLAN])]
    return to_extract(rows.sort_values(["tgl_kepesertaan", "no_kpj"], kind="stable"))


def write_xlsx(frame: pd.DataFrame, path: Path, stamp: datetime) -> Path:
    """Write an extract as xlsx with text NIK/KPJ, real dates, and byte-stable zip contents."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Peserta"
    ws.append(list(frame.columns))
    dates = {"TGL LAHIR", "TGL KEPESERTAAN", "TGL AKHIR"}
    for record in frame.itertuples(index=False):
        ws.append([value.date() if name in dates else (int(value) if name == "PENGHASILAN" else value)
                   for name, value in zip(frame.columns, record)])
    for column, name in zip(ws.iter_cols(min_row=2), frame.columns):
        fmt = "DD-MM-YYYY" if name in dates else "#,##0" if name == "PENGHASILAN" else "@"
        for cell in column:
            cell.number_format = fmt
    ws.freeze_panes = "A2"
    wb.properties.creator = "jamsostek sample generator (SYNTHETIC data)"
    wb.properties.title = "Data sintetis / synthetic sample, not real participants"
    wb.properties.created = stamp
    buffer = io.BytesIO()
    wb.save(buffer)
    wb.properties.modified = stamp  # openpyxl stamps "now" on save; restore the fixed time
    path.write_bytes(_stable_zip(buffer.getvalue(), tostring(wb.properties.to_tree()), stamp))
    return path


def _stable_zip(data: bytes, core_xml: bytes, stamp: datetime) -> bytes:
    # Re-pack with fixed member times (and the fixed core properties) so a seed gives the same bytes.
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = core_xml if info.filename == "docProps/core.xml" else src.read(info.filename)
            dst.writestr(zipfile.ZipInfo(info.filename, stamp.timetuple()[:6]), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_sample(out_dir: Path = settings.SAMPLE_DIR, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the sample files into out_dir and return their paths (same seed, same files)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plan = [(c, c.n) for c in SNAPSHOT_PLAN + MESSY_PLAN]
    people = population(plan, seed, SAMPLE_AS_OF)
    launch_stamp = datetime.combine(settings.LAUNCH_DATE, datetime.min.time())
    paths = [
        write_xlsx(launch_batch(people), out_dir / LAUNCH_FILE, launch_stamp),
        write_csv(snapshot(people), out_dir / SNAPSHOT_FILE),
    ]
    estimate_sasaran().to_csv(out_dir / SASARAN_FILE, index=False, lineterminator="\n")
    paths.append(out_dir / SASARAN_FILE)
    paths += write_messy(people, out_dir / MESSY_FILE, out_dir / MESSY_EXPECTED_FILE, seed, SAMPLE_AS_OF)
    return paths

