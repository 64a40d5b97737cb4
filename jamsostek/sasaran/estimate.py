"""The sasaran ESTIMATE built on public statistics: informal workers per desa x sector, with a low-high range.

Every number comes from a file in data/reference/ that names its source (README "Sasaran"):

1. population 2010 of each desa: the census (bali_sp2010_desa.csv, BPS SP2010), joined by the BPS code
   (desa_bps_bali.csv). A desa created after 2010 (Baru, Marga, Tabanan) has no 2010 row: its kecamatan's
   2010 total is shared so that it gets the kecamatan's average desa and the others give up that much
   in proportion, keeping the kecamatan total;
2. scaled to the latest regency figure (penduduk_kabupaten.csv): every desa of a regency by the same factor;
3. x working share x informal share (sasaran_asumsi.csv): the point value uses the `point` row, the range
   the lowest and highest of all rows of the step;
4. split over the sectors (sasaran_sektor.csv: a base mix times factors for tagged desa in
   sasaran_desa_tanda.csv); fishers only in coastal desa (tagged ones in Gianyar, elsewhere the desa
   along the shore in desa_pesisir_bali.csv, made by scripts/coastal_desa.py);
5. whole workers per regency by the largest remainder, so each regency's cells add up to
   round(population x working share x informal share), for the point and for each end of the range.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from jamsostek import settings
from jamsostek.domain import SECTORS
from jamsostek.geo import wilayah

REF = settings.REFERENCE_DIR
CENSUS_CSV = REF / "bali_sp2010_desa.csv"
POPULATION_CSV = REF / "penduduk_kabupaten.csv"
ASSUMPTIONS_CSV = REF / "sasaran_asumsi.csv"
SECTORS_CSV = REF / "sasaran_sektor.csv"
TAGS_CSV = REF / "sasaran_desa_tanda.csv"
COAST_CSV = REF / "desa_pesisir_bali.csv"
STEPS = ("working_share", "informal_share")
ENDS = ("low", "point", "high")


@dataclass(frozen=True)
class Share:
    """One step's share: the point value and the lowest and highest of its sources."""

    point: float
    low: float
    high: float


@cache
def shares() -> dict[str, Share]:
    """working_share and informal_share from sasaran_asumsi.csv (numerator / denominator per source)."""
    frame = pd.read_csv(ASSUMPTIONS_CSV)
    frame["share"] = frame["numerator"] / frame["denominator"]
    out = {}
    for step in STEPS:
        rows = frame[frame["step"] == step]
        point = rows.loc[rows["use"] == "point", "share"]
        if len(point) != 1:
            raise ValueError(f"{ASSUMPTIONS_CSV.name}: step {step} needs exactly one 'point' row")
        out[step] = Share(float(point.iloc[0]), float(rows["share"].min()), float(rows["share"].max()))
    return out


def factor(end: str) -> float:
    """Working share x informal share at one end of the range ('low', 'point' or 'high')."""
    return float(np.prod([getattr(shares()[step], end) for step in STEPS]))


def population_2010(region: str | None = None) -> pd.DataFrame:
    """Desa of the region with their 2010 census population (penduduk_2010, float) and how it was found."""
    desa = wilayah.load_wilayah(region)[["kode_desa", "desa", "kode_kecamatan", "kode_kabupaten", "jenis"]]
    codes = pd.read_csv(wilayah.BPS_CSV, dtype=str)[["kode_desa", "kode_bps"]]
    census = pd.read_csv(CENSUS_CSV, dtype={"kode_bps": str})[["kode_bps", "penduduk_2010"]]
    out = desa.merge(codes, on="kode_desa", how="left").merge(census, on="kode_bps", how="left")
    out["sumber_2010"] = np.where(out["penduduk_2010"].isna(), "kecamatan_average", "census")
    by_kec = out.groupby("kode_kecamatan")
    total, n_desa, n_new = (by_kec["penduduk_2010"].transform("sum"), by_kec["kode_desa"].transform("size"),
                            by_kec["penduduk_2010"].transform(lambda s: s.isna().sum()))
    out["penduduk_2010"] = np.where(out["penduduk_2010"].isna(), total / n_desa,
                                    out["penduduk_2010"] * (1 - n_new / n_desa))
    return out


@cache
def _regency_population() -> pd.DataFrame:
    return pd.read_csv(POPULATION_CSV, dtype={"kode_kabupaten": str})


def population_now(region: str | None = None) -> pd.DataFrame:
    """population_2010 plus penduduk (the desa's share of the latest regency figure, float) and the figure's date."""
    out = population_2010(region)
    latest = _regency_population().set_index("kode_kabupaten")
    missing = sorted(set(out["kode_kabupaten"]) - set(latest.index))
    if missing:
        raise ValueError(f"{POPULATION_CSV.name} has no population for kabupaten {missing}")
    regency_2010 = out.groupby("kode_kabupaten")["penduduk_2010"].transform("sum")
    out["penduduk"] = out["penduduk_2010"] / regency_2010 * out["kode_kabupaten"].map(latest["penduduk"])
    out["penduduk_per"] = out["kode_kabupaten"].map(latest["per"])
    return out


@cache
def _tags() -> pd.DataFrame:
    return pd.read_csv(TAGS_CSV, dtype={"kode": str})


def tagged(codes: pd.Series, tag: str) -> pd.Series:
    """True for each desa code covered by a tag of sasaran_desa_tanda.csv (a desa or kecamatan code)."""
    # A tag's code is a desa code or a kecamatan code: it covers every desa whose code starts with it.
    prefixes = tuple(_tags().loc[_tags()["tanda"] == tag, "kode"])
    return codes.map(lambda c: c.startswith(prefixes) if prefixes else False).astype(bool)


def fisher_share(codes: pd.Series) -> pd.Series:
    """Share of a desa's informal workers who fish: tagged coastal desa, else the shore file, else 0."""
    tags = _tags()[_tags()["tanda"] == "coastal"]
    tagged_regencies = set(tags["kode"].str[:5])
    named = codes.map(dict(zip(tags["kode"], tags["nelayan"].astype(float))))
    rules = pd.read_csv(SECTORS_CSV)
    default = float(rules.loc[(rules["rule"] == "coastal") & (rules["sektor"] == "nelayan"), "value"].iloc[0])
    shore = codes.isin(pd.read_csv(COAST_CSV, dtype=str)["kode_desa"]) & ~codes.str[:5].isin(tagged_regencies)
    return named.fillna(pd.Series(np.where(shore, default, 0.0), index=codes.index))


def sector_mix(region: str | None = None) -> pd.DataFrame:
    """Share of each sector in each desa's informal workers (rows sum to 1), indexed by kode_desa."""
    desa = wilayah.load_wilayah(region)
    rules = pd.read_csv(SECTORS_CSV)
    base = rules[rules["rule"] == "base"].set_index("sektor")["value"]
    mix = pd.DataFrame({s: np.full(len(desa), float(base[s])) for s in SECTORS}, index=desa["kode_desa"])
    mix["nelayan"] = fisher_share(desa["kode_desa"]).to_numpy()
    flags = {"kelurahan": desa["jenis"].eq("kelurahan")}
    for rule in rules.loc[~rules["rule"].isin(["base", "coastal", "kelurahan"]), "rule"].unique():
        flags[rule] = tagged(desa["kode_desa"], rule)
    factors = rules.loc[rules["rule"].isin(flags), ["rule", "sektor", "value"]]
    for rule, sektor, value in factors.itertuples(index=False):
        mix.loc[flags[rule].to_numpy(), sektor] *= value
    return mix.div(mix.sum(axis=1), axis=0)


def largest_remainder(values: np.ndarray, total: int) -> np.ndarray:
    """Round non-negative values to integers that add up to total (largest remainder first)."""
    scaled = values / values.sum() * total
    floor = np.floor(scaled).astype(np.int64)
    short = total - int(floor.sum())
    order = np.argsort(-(scaled - floor), kind="stable")
    floor[order[:short]] += 1
    return floor


def regency_totals(region: str | None = None) -> pd.DataFrame:
    """Per kabupaten of the region: the population figure and the sasaran at each end (whole workers)."""
    people = _regency_population()
    codes = wilayah.load_wilayah(region)["kode_kabupaten"].unique()
    out = people[people["kode_kabupaten"].isin(codes)][["kode_kabupaten", "kabupaten", "penduduk", "per"]].copy()
    for end in ENDS:
        out[f"sasaran_{end}"] = (out["penduduk"] * factor(end)).round().astype("int64")
    return out.reset_index(drop=True)


def estimate(region: str | None = None) -> pd.DataFrame:
    """The estimate per desa x sector: kode_desa, sektor, sasaran_workers, sasaran_low, sasaran_high."""
    people = population_now(region).set_index("kode_desa")
    cells = sector_mix(region).mul(people["penduduk"], axis=0).stack().rename("workers").reset_index()
    cells.columns = ["kode_desa", "sektor", "workers"]
    cells["kode_kabupaten"] = cells["kode_desa"].str[:5]
    totals = regency_totals(region).set_index("kode_kabupaten")
    names = {"point": "sasaran_workers", "low": "sasaran_low", "high": "sasaran_high"}
    for end, column in names.items():
        cells[column] = 0
        for kab, rows in cells.groupby("kode_kabupaten").groups.items():
            cells.loc[rows, column] = largest_remainder(cells.loc[rows, "workers"].to_numpy(),
                                                         int(totals.loc[kab, f"sasaran_{end}"]))
    # Rounding a cell of under one worker can put an end on the wrong side of the point: the range holds it.
    cells["sasaran_low"] = cells[["sasaran_low", "sasaran_workers"]].min(axis=1)
    cells["sasaran_high"] = cells[["sasaran_high", "sasaran_workers"]].max(axis=1)
    return cells[["kode_desa", "sektor", *names.values()]].astype({c: "int64" for c in names.values()})
