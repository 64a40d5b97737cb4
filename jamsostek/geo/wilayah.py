"""Real geography: kecamatan and desa with Kemendagri codes, and matching of names as people type them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from jamsostek import settings

WILAYAH_CSV = settings.REFERENCE_DIR / "wilayah_bali.csv"  # the 716 desa of Bali, Kemendagri codes and names
BPS_CSV = settings.REFERENCE_DIR / "desa_bps_bali.csv"  # BPS 2020 spelling of each desa (scripts/bps_crosswalk.py)

# Words people put before a place name that are not part of it ("DS. Batubulan", "Kel. Ubud").
_PREFIXES = re.compile(r"^(DESA|DS|KELURAHAN|KEL|KEC|KECAMATAN|KAB|KABUPATEN)\b\.?\s*")


def normalise(name: object) -> str:
    """Comparable form of a place name: upper case, no prefix, no punctuation or spaces."""
    text = re.sub(r"[^A-Z0-9 ]", " ", str(name or "").upper())
    text = re.sub(r"\s+", " ", text).strip()
    while (stripped := _PREFIXES.sub("", text)) != text:
        text = stripped
    return text.replace(" ", "")


def load_wilayah(region: str | None = None) -> pd.DataFrame:
    """Desa of a regency (51.04) or province (51) with Kemendagri codes, one row per desa."""
    # Cached per resolved code: a cache keyed by None would keep the first region after JAMSOSTEK_REGION changes.
    return _wilayah(region or settings.region())


@cache
def _wilayah(region: str) -> pd.DataFrame:
    frame = pd.read_csv(WILAYAH_CSV, dtype=str)
    frame = frame[frame["kode_desa"].str.startswith(region + ".")]
    columns = ["kode_desa", "desa", "jenis", "kode_kecamatan", "kecamatan", "kode_kabupaten", "kabupaten"]
    return frame[columns].sort_values("kode_desa").reset_index(drop=True)


@cache
def region_codes() -> tuple[str, ...]:
    """Codes JAMSOSTEK_REGION may take: each regency or city of the reference data (51.04) and its province (51)."""
    regencies = sorted(pd.read_csv(WILAYAH_CSV, dtype=str, usecols=["kode_kabupaten"])["kode_kabupaten"].unique())
    return (*sorted({code.split(".")[0] for code in regencies}), *regencies)


def kecamatan_list(region: str | None = None) -> pd.DataFrame:
    """Kecamatan of the region: kode_kecamatan, kecamatan (sorted by code)."""
    frame = load_wilayah(region)[["kode_kecamatan", "kecamatan"]]
    return frame.drop_duplicates().reset_index(drop=True)


def is_province(region: str | None = None) -> bool:
    """True when the region served is a whole province (a 2-digit code such as 51), not one regency."""
    return "." not in (region or settings.region())


def kecamatan_labels(region: str | None = None) -> dict[str, str]:
    """Name of each kecamatan as a picker shows it: 'Ubud', or 'Ubud (Gianyar)' when serving a province.
    Cached per region (every run names its view with it): read it, never change it."""
    return _kecamatan_labels(region or settings.region())


@cache
def _kecamatan_labels(region: str) -> dict[str, str]:
    frame = load_wilayah(region).drop_duplicates("kode_kecamatan")
    if not is_province(region):
        return dict(zip(frame["kode_kecamatan"], frame["kecamatan"]))
    short = frame["kabupaten"].str.removeprefix("Kabupaten ")  # "Kota Denpasar" keeps its "Kota"
    return dict(zip(frame["kode_kecamatan"], frame["kecamatan"] + " (" + short + ")"))


@cache
def _aliases() -> pd.DataFrame:
    aliases = pd.read_csv(settings.REFERENCE_DIR / "desa_alias.csv", dtype=str)[["alias", "kode_desa"]]
    # BPS spellings are how the boundary files and many lists write a desa; a pairing made only by
    # elimination (different names) is no evidence that people write one for the other.
    bps = pd.read_csv(BPS_CSV, dtype=str)
    bps = bps[bps["match"] != "elimination"].rename(columns={"nama_bps": "alias"})[["alias", "kode_desa"]]
    return pd.concat([aliases, bps], ignore_index=True)


@dataclass(frozen=True)
class DesaMatch:
    """Outcome of matching one desa/kecamatan pair: a code, or None with the reason."""

    kode_desa: str | None
    reason: str | None = None


class DesaMatcher:
    """Finds the Kemendagri code of a desa from its name as written, with the kecamatan to disambiguate."""

    def __init__(self, region: str | None = None):
        wilayah = load_wilayah(region)
        names = wilayah[["kode_desa", "desa"]].rename(columns={"desa": "alias"})
        known = pd.concat([names, _aliases()], ignore_index=True)
        known = known[known["kode_desa"].isin(wilayah["kode_desa"])]
        kecamatan_of = dict(zip(wilayah["kode_desa"], wilayah["kode_kecamatan"]))
        self._by_name: dict[str, set[str]] = {}
        for alias, kode in zip(known["alias"], known["kode_desa"]):
            self._by_name.setdefault(normalise(alias), set()).add(kode)
        self._kecamatan_of = kecamatan_of
        # A set per name: Bali's 57 kecamatan names are distinct today, but a province elsewhere may repeat one.
        self._kecamatan_codes: dict[str, set[str]] = {}
        for kode, name in kecamatan_list(region).itertuples(index=False):
            self._kecamatan_codes.setdefault(normalise(name), set()).add(kode)

    def match(self, desa: object, kecamatan: object = None) -> DesaMatch:
        """Code of the desa, or a reason: 'desa_missing', 'desa_unknown', 'kecamatan_mismatch', 'desa_ambiguous'."""
        key = normalise(desa)
        if not key:
            return DesaMatch(None, "desa_missing")
        candidates = self._by_name.get(key, set())
        if not candidates:
            return DesaMatch(None, "desa_unknown")
        kec_key = normalise(kecamatan)
        if kec_key:
            kode_kec = self._kecamatan_codes.get(kec_key, set())
            candidates = {c for c in candidates if self._kecamatan_of[c] in kode_kec}
            if not candidates:
                return DesaMatch(None, "kecamatan_mismatch")
        if len(candidates) > 1:
            return DesaMatch(None, "desa_ambiguous")
        return DesaMatch(next(iter(candidates)))
