"""The sample's target population (sasaran): an ESTIMATE of informal workers per desa x sector.

No public source counts informal workers per desa or per sector in Gianyar, so the sample
models them (every step below is an assumption, documented in data/sample/README.md):

1. Regency total = Paritrana 2025 worker denominator for Gianyar (198,628) x the informal
   share of Bali's workers (50.68 % = 100 % - 49.32 % formal, BPS Sakernas August 2024).
2. Split over the 7 kecamatan by assumed shares (roughly following population: the southern
   kecamatan near Denpasar are the largest), then evenly over each kecamatan's desa, with
   kelurahan and a few large desa weighted up, times seeded noise (sd ~15 %) that carries no
   information and only keeps desa from looking identical.
3. Split each desa over the 8 sectors from a base mix adjusted by the desa's character:
   coastal desa have fishers (nowhere else), craft villages have many artisans, upland
   kecamatan have more farmers, kelurahan fewer farmers and more traders, and every desa has
   customary (adat) workers.
4. Round to whole workers with the largest-remainder method so cells add up to the total.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from jamsostek import settings
from jamsostek.domain import SECTORS

WILAYAH_FILE = settings.REFERENCE_DIR / "wilayah_gianyar.csv"
PARITRANA_WORKERS_2025 = 198_628  # Gianyar worker denominator, Paritrana 2025 evidence
INFORMAL_SHARE_BALI_2024 = 0.5068  # 1 - 0.4932 formal, BPS Bali August 2024
SASARAN_TOTAL = round(PARITRANA_WORKERS_2025 * INFORMAL_SHARE_BALI_2024)  # 100,665

# Assumed share of the regency's informal workers living in each kecamatan.
KECAMATAN_SHARE = {
    "Sukawati": 0.235, "Blahbatuh": 0.145, "Gianyar": 0.190, "Tampaksiring": 0.100,
    "Ubud": 0.145, "Tegallalang": 0.110, "Payangan": 0.075,
}
LARGE_DESA = ("Batubulan", "Ketewel", "Sukawati", "Mas", "Pejeng")
LARGE_DESA_WEIGHT = 1.3
KELURAHAN_WEIGHT = 1.2
DESA_NOISE_SD = 0.15

# Desa with a sea shore (about 15 km of coast, Ketewel to Tulikup), with the assumed share
# of their informal workers who fish. Ketewel's 0.08 matches its 138 fishers (2019).
# Guwang, Serongga and Siangan are treated as inland.
COASTAL_DESA = {
    "Ketewel": 0.08, "Sukawati": 0.04, "Saba": 0.05, "Pering": 0.04,
    "Keramas": 0.05, "Medahan": 0.05, "Lebih": 0.07, "Tulikup": 0.04,
}
# The five craft villages named in the reporting, and other desa known for a craft
# (Batuan painting, Singapadu masks, Kemenuh and Sebatu/Pujung wood, Bona and Belega bamboo).
CRAFT_VILLAGES = ("Celuk", "Mas", "Sukawati", "Tegallalang", "Batubulan")
OTHER_CRAFT_DESA = ("Batubulan Kangin", "Batuan", "Singapadu", "Kemenuh", "Bona", "Belega", "Sebatu", "Peliatan")
UPLAND_KECAMATAN = ("Tampaksiring", "Tegallalang", "Payangan")

BASE_SECTOR_SHARE = {
    "pedagang_kecil": 0.17, "petani": 0.20, "buruh_harian": 0.17, "nelayan": 0.0,
    "tukang_bangunan": 0.12, "pengrajin": 0.08, "pekerja_adat": 0.06, "lainnya": 0.20,
}
# (which desa, sector, multiplier) applied to the base mix before rows are re-normalised.
CHARACTER_FACTORS = (
    ("kelurahan", "petani", 0.25), ("kelurahan", "pedagang_kecil", 1.6), ("kelurahan", "lainnya", 1.3),
    ("upland", "petani", 2.0), ("upland", "pekerja_adat", 1.2),
    ("ubud", "lainnya", 1.4), ("ubud", "pedagang_kecil", 1.2),
    ("craft", "pengrajin", 4.5), ("other_craft", "pengrajin", 2.0), ("art_market", "pedagang_kecil", 1.5),
)


@cache
def wilayah() -> pd.DataFrame:
    """The 70 desa/kelurahan of Gianyar with flags describing their character."""
    frame = pd.read_csv(WILAYAH_FILE, dtype=str)
    frame["kec_no"] = frame["kode_kecamatan"].str[-2:]
    frame["kelurahan"] = frame["jenis"].eq("kelurahan")
    frame["coastal"] = frame["desa"].isin(COASTAL_DESA)
    frame["craft"] = frame["desa"].isin(CRAFT_VILLAGES)
    frame["other_craft"] = frame["desa"].isin(OTHER_CRAFT_DESA)
    frame["upland"] = frame["kecamatan"].isin(UPLAND_KECAMATAN)
    frame["ubud"] = frame["kecamatan"].eq("Ubud")
    frame["art_market"] = frame["desa"].eq("Sukawati")
    named = set(COASTAL_DESA) | set(CRAFT_VILLAGES) | set(OTHER_CRAFT_DESA) | set(LARGE_DESA)
    missing = named - set(frame["desa"])
    if missing:
        raise ValueError(f"desa names not in {WILAYAH_FILE.name}: {sorted(missing)}")
    return frame


def desa_workers(seed: int) -> pd.Series:
    """Modelled informal workers per desa (float), indexed by kode_desa, summing to SASARAN_TOTAL."""
    frame = wilayah()
    rng = np.random.default_rng([seed, 1])
    weight = frame["kecamatan"].map(KECAMATAN_SHARE) / frame.groupby("kecamatan")["desa"].transform("size")
    weight = weight * np.where(frame["kelurahan"], KELURAHAN_WEIGHT, 1.0)
    weight = weight * np.where(frame["desa"].isin(LARGE_DESA), LARGE_DESA_WEIGHT, 1.0)
    weight = weight * rng.lognormal(0.0, DESA_NOISE_SD, len(frame))
    # Keep each kecamatan at its assumed share after the within-kecamatan weights.
    weight = weight / weight.groupby(frame["kecamatan"]).transform("sum") * frame["kecamatan"].map(KECAMATAN_SHARE)
    return pd.Series((weight * SASARAN_TOTAL).to_numpy(), index=frame["kode_desa"].to_numpy())


def sector_mix() -> pd.DataFrame:
    """Share of each sector in each desa's informal workers (rows sum to 1), indexed by kode_desa."""
    frame = wilayah()
    mix = pd.DataFrame({s: np.full(len(frame), BASE_SECTOR_SHARE[s]) for s in SECTORS}, index=frame["kode_desa"])
    mix["nelayan"] = frame["desa"].map(COASTAL_DESA).fillna(0.0).to_numpy()
    for flag, sector, factor in CHARACTER_FACTORS:
        mix.loc[frame[flag].to_numpy(), sector] *= factor
    return mix.div(mix.sum(axis=1), axis=0)


def largest_remainder(values: np.ndarray, total: int) -> np.ndarray:
    """Round non-negative values to integers that add up to total (largest remainder first)."""
    scaled = values / values.sum() * total
    floor = np.floor(scaled).astype(np.int64)
    short = total - int(floor.sum())
    order = np.argsort(-(scaled - floor), kind="stable")
    floor[order[:short]] += 1
    return floor


def estimate_sasaran(seed: int) -> pd.DataFrame:
    """Estimated informal workers per desa x sector: kode_desa, sektor, sasaran_workers (560 rows)."""
    cells = sector_mix().mul(desa_workers(seed), axis=0)
    long = cells.stack().rename("workers").reset_index()
    long.columns = ["kode_desa", "sektor", "workers"]
    long["sasaran_workers"] = largest_remainder(long["workers"].to_numpy(), SASARAN_TOTAL)
    return long[["kode_desa", "sektor", "sasaran_workers"]]
