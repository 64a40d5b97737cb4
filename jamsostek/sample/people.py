"""Vectorised generation of synthetic participants: people, enrolment dates, NIK and KPJ numbers.

Everything is drawn from one numpy Generator so that a seed gives the same rows every time.
Names are built from invented syllables; NIK, NO KPJ and birth dates are consistent with each
other but belong to nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa

from jamsostek.domain import FUNDING_SOURCES, SECTORS

SECTOR_KEYS = tuple(SECTORS)
FUNDING_KEYS = tuple(FUNDING_SOURCES)
REGENCY_NIK = "5104"
MONTHLY_STOP_HAZARD = 0.05  # chance a self-paid participant stops paying in a given month

# Titles as the export writes them (keys of occupations.OCCUPATION_ALIASES), with weights.
SECTOR_TITLES: dict[str, dict[str, float]] = {
    "pedagang_kecil": {
        "PEDAGANG": 6, "PEDAGANG KECIL": 2, "PEDAGANG PASAR": 2, "PEDAGANG CANANG": 1, "PEDAGANG ACUNG": 1,
    },
    "petani": {"PETANI/PEKEBUN": 8, "BURUH TANI/PERKEBUNAN": 2, "PETERNAK": 1},
    "buruh_harian": {"BURUH HARIAN LEPAS": 8, "BURUH ANGKUT": 1, "BURUH PASAR": 1},
    "nelayan": {"NELAYAN/PERIKANAN": 8, "BURUH NELAYAN/PERIKANAN": 2},
    "tukang_bangunan": {"TUKANG BANGUNAN": 4, "TUKANG BATU": 3, "TUKANG KAYU": 2, "TUKANG LAS/PANDAI BESI": 1},
    "pengrajin": {"PENGRAJIN": 5, "PENGRAJIN PERAK": 2, "PENGRAJIN KAYU": 2, "PEMAHAT BATU": 1, "PENGRAJIN BAMBU": 1},
    "pekerja_adat": {"PEKERJA ADAT": 2, "PEMANGKU": 3, "PRAJURU ADAT": 3, "PECALANG": 2, "SERATI BANTEN": 2},
    "lainnya": {"SOPIR": 3, "PENJAHIT": 2, "TUKANG OJEK": 2, "MONTIR": 1, "PENATA RIAS": 1, "PEMANDU WISATA": 1},
}
FEMALE_SHARE = {
    "pedagang_kecil": 0.65, "petani": 0.45, "buruh_harian": 0.35, "nelayan": 0.05,
    "tukang_bangunan": 0.05, "pengrajin": 0.50, "pekerja_adat": 0.30, "lainnya": 0.45,
}
MEDIAN_INCOME_RP = {
    "pedagang_kecil": 1_800_000, "petani": 1_500_000, "buruh_harian": 1_700_000, "nelayan": 1_600_000,
    "tukang_bangunan": 2_200_000, "pengrajin": 1_900_000, "pekerja_adat": 1_200_000, "lainnya": 2_000_000,
}
MALE_BIRTH_ORDER = ("I WAYAN", "I PUTU", "I GEDE", "I MADE", "I KADEK", "I NENGAH", "I NYOMAN", "I KOMANG", "I KETUT")
FEMALE_BIRTH_ORDER = (
    "NI WAYAN", "NI PUTU", "NI LUH", "NI MADE", "NI KADEK", "NI NENGAH", "NI NYOMAN", "NI KOMANG", "NI KETUT",
)
# Given names are invented from syllables, so they look Balinese but are no one's.
_HEADS = ("KA", "SU", "WI", "DAR", "MER", "AS", "PAR", "GUN", "SAN", "RAT", "TAN", "JE", "LO", "BRA", "NYA", "PU")
_MIDS = ("RA", "MA", "TI", "DA", "LA", "NA", "GI", "SA", "KA", "YU")
_MALE_ENDS = ("WAN", "TA", "NA", "SA", "DANA", "GATA", "YASA")
_FEMALE_ENDS = ("WATI", "NI", "RI", "YANTI", "SARI", "DEWI", "TINI")


def _given(ends: tuple[str, ...]) -> list[str]:
    return [h + m + e for h in _HEADS for m in _MIDS for e in ends]


MALE_NAMES = tuple(f"{b} {g}" for b in MALE_BIRTH_ORDER for g in _given(_MALE_ENDS))
FEMALE_NAMES = tuple(f"{b} {g}" for b in FEMALE_BIRTH_ORDER for g in _given(_FEMALE_ENDS))
NAMES = MALE_NAMES + FEMALE_NAMES
TITLES = tuple(title for titles in SECTOR_TITLES.values() for title in titles)


@dataclass(frozen=True)
class Cohort:
    """A group enrolled the same way: who pays, when they started and until when they are paid."""

    name: str
    funding: str
    n: int
    start: date | tuple[date, date]  # one enrolment date, or a range of continuous enrolment
    end: date | None = None  # paid-until for all; None = self-paid monthly/quarterly model
    drops: tuple[tuple[float, date], ...] = ()  # (share, paid-until) of those not renewed
    affinity: dict[str, float] = field(default_factory=dict)  # sector weight multipliers
    craft_boost: float = 1.0  # extra weight of artisans in the five craft villages
    desa: tuple[str, ...] = ()  # only these desa (names); empty = all
    cell: tuple[str, str] | None = None  # exactly this (desa, sector), gaps allowed
    jht_share: float = 0.0


def cell_weights(cells: pd.DataFrame, cohort: Cohort) -> np.ndarray:
    """Probability of each desa x sector cell for one cohort (cells need desa, sektor, reach, craft)."""
    if cohort.cell:
        hit = cells["desa"].eq(cohort.cell[0]) & cells["sektor"].eq(cohort.cell[1])
        return (hit / hit.sum()).to_numpy(dtype=float)
    weight = cells["reach"] * cells["sektor"].map(lambda s: cohort.affinity.get(s, 1.0)).astype(float)
    weight = weight * np.where(cells["craft"] & cells["sektor"].eq("pengrajin"), cohort.craft_boost, 1.0)
    if cohort.desa:
        weight = weight * cells["desa"].isin(cohort.desa)
    weight = weight.to_numpy(dtype=float)
    return weight / weight.sum()


def _start_dates(rng: np.random.Generator, cohort: Cohort, n: int) -> np.ndarray:
    if isinstance(cohort.start, date):
        return np.full(n, np.datetime64(cohort.start, "D"))
    first, last = (np.datetime64(d, "D") for d in cohort.start)
    days = np.arange(first, last + 1)
    # Self-paid enrolment grows over time (socialisation after the launch): linear ramp 1 -> 3.
    ramp = 1.0 + 2.0 * np.arange(len(days)) / max(len(days) - 1, 1)
    return np.sort(rng.choice(days, size=n, p=ramp / ramp.sum()))


def _self_paid_until(rng: np.random.Generator, start: np.ndarray, as_of: date) -> np.ndarray:
    """Paid-until under monthly/quarterly/half-yearly/yearly payment with a monthly stop hazard."""
    n = len(start)
    period = rng.choice(np.array([1, 3, 6, 12]), size=n, p=[0.6, 0.25, 0.1, 0.05])
    start_m = start.astype("datetime64[M]")
    elapsed = (np.datetime64(as_of, "M") - start_m).astype(np.int64) + 1
    needed = -(-elapsed // period)  # periods needed to be paid up this month
    stop = rng.geometric(1.0 - (1.0 - MONTHLY_STOP_HAZARD) ** period)  # periods paid before stopping
    ahead = ((rng.random(n) < 0.25) & (period == 1)).astype(np.int64)  # some monthly payers pay a month ahead
    periods = np.where(stop < needed, stop, needed + ahead)
    return (start_m + periods * period).astype("datetime64[D]") - np.timedelta64(1, "D")


def _end_dates(rng: np.random.Generator, cohort: Cohort, start: np.ndarray, as_of: date) -> np.ndarray:
    if cohort.end is None:
        return _self_paid_until(rng, start, as_of)
    end = np.full(len(start), np.datetime64(cohort.end, "D"))
    draw = rng.random(len(start))
    low = 0.0
    for share, paid_until in cohort.drops:
        end[(draw >= low) & (draw < low + share)] = np.datetime64(paid_until, "D")
        low += share
    return end


def draw_cohort(rng: np.random.Generator, cells: pd.DataFrame, cohort: Cohort, n: int, as_of: date) -> dict:
    """n people of one cohort as integer codes and dates: cell, sex, birth, job, income, dates."""
    cell = rng.choice(len(cells), size=n, p=cell_weights(cells, cohort))
    sector = _codes(cells["sektor"], SECTOR_KEYS)[cell]
    female = rng.random(n) < np.array([FEMALE_SHARE[s] for s in SECTOR_KEYS])[sector]
    start = _start_dates(rng, cohort, n)
    age_days = (np.clip(rng.normal(41, 11, n), 18, 64) * 365.25).astype(np.int64)
    income = np.exp(rng.normal(0, 0.25, n)) * np.array([MEDIAN_INCOME_RP[s] for s in SECTOR_KEYS])[sector]
    male_name = rng.integers(0, len(MALE_NAMES), n)
    female_name = rng.integers(0, len(FEMALE_NAMES), n) + len(MALE_NAMES)
    return {
        "cell": cell,
        "female": female,
        "tgl_lahir": start - age_days.astype("timedelta64[D]"),
        "tgl_kepesertaan": start,
        "tgl_akhir": _end_dates(rng, cohort, start, as_of),
        "title": _titles(rng, sector),
        "penghasilan": (np.clip(income, 1_000_000, 3_000_000) / 50_000).round().astype(np.int64) * 50_000,
        "name": np.where(female, female_name, male_name),
        "jht": rng.random(n) < cohort.jht_share,
    }


def _codes(values: pd.Series, categories: tuple[str, ...]) -> np.ndarray:
    return pd.Categorical(values, categories=categories).codes.astype(np.int64)


def _titles(rng: np.random.Generator, sector: np.ndarray) -> np.ndarray:
    titles = np.empty(len(sector), dtype=np.int64)
    for code, key in enumerate(SECTOR_KEYS):
        mask = sector == code
        first = TITLES.index(next(iter(SECTOR_TITLES[key])))
        weights = np.array(list(SECTOR_TITLES[key].values()), dtype=float)
        titles[mask] = first + rng.choice(len(weights), size=int(mask.sum()), p=weights / weights.sum())
    return titles


def nik_numbers(region: np.ndarray, birth: np.ndarray, female: np.ndarray) -> np.ndarray:
    """16-digit NIKs: region (6 digits), birth date DDMMYY (day + 40 for women), serial from 0001."""
    years = birth.astype("datetime64[Y]")
    months = birth.astype("datetime64[M]")
    day = (birth - months.astype("datetime64[D]")).astype(np.int64) + 1 + np.where(female, 40, 0)
    month = (months - years.astype("datetime64[M]")).astype(np.int64) + 1
    date_part = day * 10_000 + month * 100 + (years.astype(np.int64) + 1970) % 100
    key = region.astype(np.int64) * 10**6 + date_part
    # The serial counts people sharing region and birth date, in order, as Dukcapil numbers them.
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]]
    position = np.arange(len(key))
    serial = np.empty(len(key), dtype=np.int64)
    serial[order] = position - np.maximum.accumulate(np.where(first, position, 0)) + 1
    if serial.max(initial=0) > 9_999:
        raise ValueError("more than 9,999 people share a kecamatan and birth date")
    return key * 10**4 + serial


def kpj_numbers(rng: np.random.Generator, start: np.ndarray) -> np.ndarray:
    """Unique 11-digit KPJ numbers: enrolment year (2 digits) and a spread-out 9-digit sequence."""
    n = len(start)
    step = max(1, min(89, 899_999_999 // max(n, 1)))
    sequence = rng.permutation(n) * step + rng.integers(0, step, n)
    year = start.astype("datetime64[Y]").astype(np.int64) + 1970
    return (year % 100) * 10**9 + 100_000_000 + sequence


def _text(numbers: np.ndarray) -> pd.Series:
    # Arrow casts integers to text about ten times faster than numpy's astype(str).
    return pa.array(numbers).cast(pa.string()).to_pandas()


def build_people(rng: np.random.Generator, cells: pd.DataFrame, plan: list[tuple[Cohort, int]],
                 as_of: date) -> pd.DataFrame:
    """Everyone in a plan, one row each: internal column names, text columns as categoricals."""
    parts = [draw_cohort(rng, cells, cohort, n, as_of) for cohort, n in plan]
    arrays = {key: np.concatenate([part[key] for part in parts]) for key in parts[0]}
    cohort = np.repeat(np.arange(len(plan)), [n for _, n in plan])
    cell = arrays["cell"]
    region = (int(REGENCY_NIK) * 100 + cells["kec_no"].astype(int).to_numpy())[cell]
    active = arrays["tgl_akhir"] >= np.datetime64(as_of, "D")

    def cat(codes: np.ndarray, categories) -> pd.Categorical:
        return pd.Categorical.from_codes(codes, categories=list(categories))

    def cell_cat(column: str) -> pd.Categorical:
        values = cells[column].astype("category")
        return cat(values.cat.codes.to_numpy()[cell], values.cat.categories)

    return pd.DataFrame({
        "nik": _text(nik_numbers(region, arrays["tgl_lahir"], arrays["female"])),
        "nama": cat(arrays["name"], NAMES),
        "no_kpj": _text(kpj_numbers(rng, arrays["tgl_kepesertaan"])),
        "tgl_lahir": arrays["tgl_lahir"],
        "jenis_kelamin": cat(arrays["female"].astype(np.int64), ("L", "P")),
        "pekerjaan": cat(arrays["title"], TITLES),
        "desa": cell_cat("desa"),
        "kecamatan": cell_cat("kecamatan"),
        "program": cat(arrays["jht"].astype(np.int64), ("JKK, JKM", "JKK, JKM, JHT")),
        "tgl_kepesertaan": arrays["tgl_kepesertaan"],
        "tgl_akhir": arrays["tgl_akhir"],
        "status": cat(np.where(active, 0, 1), ("AKTIF", "NON AKTIF")),
        "sumber_iuran": cat(np.array([FUNDING_KEYS.index(c.funding) for c, _ in plan])[cohort], FUNDING_KEYS),
        "penghasilan": arrays["penghasilan"],
        "kode_desa": cell_cat("kode_desa"),
        "sektor": cell_cat("sektor"),
        "female": arrays["female"],
        "cohort": cat(cohort, [c.name for c, _ in plan]),
    })
