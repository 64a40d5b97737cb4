"""Desa, kecamatan and kabupaten boundary layers: upstream BPS files (local or downloaded, verified) -> simplified cache."""

from __future__ import annotations

import hashlib
import json
import os
import urllib.request
from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from jamsostek import settings
from jamsostek.geo import wilayah

SOURCES_CSV = settings.REFERENCE_DIR / "boundaries.csv"  # file, sha256 and url of each Bali regency file
# Kemendagri kode_desa with the BPS kode_bps of the boundary files (built by scripts/bps_crosswalk.py).
CODES_CSV = settings.REFERENCE_DIR / "desa_bps_bali.csv"
DOWNLOAD_TIMEOUT_S = 20
# ~55 m: about 4.5k vertices for Gianyar's 70 desa (~110 KB of GeoJSON), every desa within 1 % of its area.
SIMPLIFY_TOLERANCE_DEG = 0.0005
# ~90 m for a province: Bali's 716 desa fill a 520 px map at ~300 m per pixel, so this is still under a pixel,
# and it keeps the desa map under 1.5 MB of figure JSON (35k vertices; 66 tiny urban desa move > 1 % in area).
PROVINCE_SIMPLIFY_TOLERANCE_DEG = 0.0008
COORD_DECIMALS = 5  # ~1 m; more digits only make the plotly payload bigger
LEVELS = {"desa": "kode_desa", "kecamatan": "kode_kecamatan"}  # the layers build_layers() returns
# Every layer written to the cache: the kabupaten one is what a province map starts from.
LAYERS = LEVELS | {"kabupaten": "kode_kabupaten"}
NAMES = {"desa": ["kode_desa", "desa", "kode_kecamatan", "kecamatan", "kode_kabupaten", "kabupaten"],
         "kecamatan": ["kode_kecamatan", "kecamatan", "kode_kabupaten", "kabupaten"],
         "kabupaten": ["kode_kabupaten", "kabupaten"]}


class BoundariesUnavailable(RuntimeError):
    """The boundary file can be neither read locally nor downloaded: show the app without a map."""


class BoundariesChecksumMismatch(BoundariesUnavailable):
    """A boundary file differs from the published one (SHA-256), so it is not used or cached."""


def sources(region: str | None = None) -> pd.DataFrame:
    """Rows of boundaries.csv (kode_kabupaten, kabupaten, file, sha256, url) for the regencies in a region."""
    region = region or settings.region()
    frame = pd.read_csv(SOURCES_CSV, dtype=str)
    inside = (frame["kode_kabupaten"] == region) | frame["kode_kabupaten"].str.startswith(region + ".")
    if not inside.any():
        raise ValueError(f"No boundary file listed in {SOURCES_CSV.name} for region {region!r}")
    return frame[inside].reset_index(drop=True)


def obtain_upstream(region: str | None = None) -> Path:
    """Path of a regency's verified upstream file: the local folder, an earlier download, or a new download."""
    found = sources(region)
    if len(found) != 1:
        raise ValueError(f"obtain_upstream expects one regency code, got {region!r}")
    file, sha256, url = found.loc[0, ["file", "sha256", "url"]]
    local = settings.boundaries_dir()
    for candidate in ([local / file] if local else []) + [_download_dir() / file]:
        if candidate.is_file():
            _verify(candidate.read_bytes(), sha256, str(candidate), url)
            return candidate
    return _download(file, sha256, url, local)


def build_layers(region: str | None = None, force: bool = False) -> tuple[Path, Path]:
    """Write the simplified desa, kecamatan and kabupaten layers unless fresh; return the desa and kecamatan paths."""
    region = region or settings.region()
    paths = {level: _layer_path(level, region) for level in LAYERS}
    if force or not _fresh(*paths.values()):
        upstream = pd.concat([gpd.read_file(obtain_upstream(code)) for code in sources(region)["kode_kabupaten"]])
        desa = _join_codes(upstream, region)
        tolerance = PROVINCE_SIMPLIFY_TOLERANCE_DEG if wilayah.is_province(region) else SIMPLIFY_TOLERANCE_DEG
        desa["geometry"] = _simplify(desa.geometry.values, tolerance)
        # The simplified desa form a clean coverage, so kecamatan and kabupaten share their borders exactly.
        for level in ("kabupaten", "kecamatan"):
            layer = desa.dissolve(by=NAMES[level], as_index=False, method="coverage")
            _write(layer[[*NAMES[level], "geometry"]], LAYERS[level], paths[level])
        _write(desa, "kode_desa", paths["desa"])
    return paths["desa"], paths["kecamatan"]


def load_desa(region: str | None = None) -> gpd.GeoDataFrame:
    """Desa polygons with kode_desa, desa, kode_kecamatan, kecamatan (builds the cache if needed)."""
    return _load("desa", region or settings.region(), settings.cache_dir()).copy()


def load_kecamatan(region: str | None = None) -> gpd.GeoDataFrame:
    """Kecamatan polygons with kode_kecamatan, kecamatan, kode_kabupaten, kabupaten (builds the cache if needed)."""
    return _load("kecamatan", region or settings.region(), settings.cache_dir()).copy()


def load_kabupaten(region: str | None = None) -> gpd.GeoDataFrame:
    """Kabupaten/kota polygons with kode_kabupaten, kabupaten (builds the cache if needed)."""
    return _load("kabupaten", region or settings.region(), settings.cache_dir()).copy()


def plotly_geojson(level: str = "desa", region: str | None = None) -> dict:
    """GeoJSON FeatureCollection for plotly; each feature's id is its kode_desa, kode_kecamatan or kode_kabupaten."""
    return json.loads(_layer(level, region).read_text(encoding="utf-8"))


@cache
def _load(level: str, region: str, cache_dir: Path) -> gpd.GeoDataFrame:
    # cache_dir is only part of the key: another cache folder (tests, a second user) gets its own layers.
    return gpd.read_file(_layer(level, region)).drop(columns="id")  # the feature id repeats the code column


def _layer(level: str, region: str | None) -> Path:
    if level not in LAYERS:
        raise ValueError(f"level must be one of {list(LAYERS)}, got {level!r}")
    build_layers(region)
    return _layer_path(level, region or settings.region())


def _layer_path(level: str, region: str) -> Path:
    return settings.cache_dir() / f"{level}_{region}.geojson"


def _download_dir() -> Path:
    return settings.cache_dir() / "upstream"


def _fresh(*paths: Path) -> bool:
    # Inputs are pinned by checksum, so only our code and reference tables can make a cached layer stale.
    inputs = (Path(__file__), SOURCES_CSV, CODES_CSV, wilayah.WILAYAH_CSV)
    newest_input = max(p.stat().st_mtime for p in inputs)
    return all(p.is_file() and p.stat().st_mtime >= newest_input for p in paths)


def _verify(content: bytes, sha256: str, where: str, url: str) -> None:
    if hashlib.sha256(content).hexdigest() != sha256:
        raise BoundariesChecksumMismatch(
            f"Berkas batas wilayah {where} rusak atau berbeda dari versi resmi (SHA-256 tidak cocok); "
            f"berkas tidak dipakai dan tidak disimpan. Ganti dengan salinan asli dari {url}.\n"
            f"The boundary file {where} is damaged or differs from the published version (SHA-256 mismatch); "
            f"it was not used or cached. Replace it with the original from {url}."
        )


def _download(file: str, sha256: str, url: str, local: Path | None) -> Path:
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response:
            content = response.read()
    except OSError as error:  # URLError, timeouts and dropped connections are all OSError
        looked = f" (tidak ada di / not in {local})" if local else ""
        raise BoundariesUnavailable(
            f"Peta batas desa tidak tersedia: berkas {file}{looked} tidak dapat diunduh ({error}). "
            f"Atur variabel lingkungan {settings.ENV_BOUNDARIES_DIR} ke folder yang berisi {file}, "
            f"atau sambungkan komputer ke internet sekali agar berkas diunduh. Dasbor tetap bisa dipakai tanpa peta.\n"
            f"Village boundary map unavailable: {file}{looked} could not be downloaded ({error}). "
            f"Set the environment variable {settings.ENV_BOUNDARIES_DIR} to a folder holding {file}, "
            f"or connect to the internet once so it is downloaded. The dashboard still works without the map."
        ) from error
    _verify(content, sha256, url, url)
    target = _download_dir() / file
    _write_bytes(target, content)
    return target


def _join_codes(upstream: gpd.GeoDataFrame, region: str) -> gpd.GeoDataFrame:
    # BPS village codes ('id5104010001') differ from Kemendagri codes: join through kode_bps, and insist
    # that every polygon and every reference desa matches, since a silent gap would hide a desa on the map.
    names = wilayah.load_wilayah(region)
    codes = pd.read_csv(CODES_CSV, dtype=str)[["kode_desa", "kode_bps"]]
    codes = names.merge(codes, on="kode_desa", how="left")
    shapes = upstream.assign(kode_bps=upstream["village_code"].str.removeprefix("id"))[["kode_bps", "geometry"]]
    joined = shapes.merge(codes, on="kode_bps", how="outer", indicator=True)
    unmatched = joined.loc[joined["_merge"] != "both", "kode_bps"].tolist()
    if unmatched or joined["kode_bps"].duplicated().any():
        raise ValueError(
            f"Boundary desa and {CODES_CSV.name} do not match one to one for region {region}: "
            f"unmatched kode_bps {unmatched}, duplicated {joined['kode_bps'][joined['kode_bps'].duplicated()].tolist()}"
        )
    return gpd.GeoDataFrame(joined[[*NAMES["desa"], "geometry"]], crs=upstream.crs).sort_values(
        "kode_desa").reset_index(drop=True)


def _simplify(geometries: np.ndarray, tolerance: float = SIMPLIFY_TOLERANCE_DEG) -> np.ndarray:
    # Simplifying the coverage as a whole moves each shared border once, so neighbours stay aligned;
    # rounding is the same for the same vertex on both sides, so it keeps them aligned too.
    simplified = shapely.coverage_simplify(geometries, tolerance)
    rounded = shapely.transform(simplified, lambda xy: np.round(xy, COORD_DECIMALS))
    if not (shapely.is_valid(rounded).all() and shapely.coverage_is_valid(rounded)):
        raise ValueError("Simplified boundaries are not a valid coverage: lower the simplify tolerance")
    return rounded


def _write(layer: gpd.GeoDataFrame, key: str, path: Path) -> None:
    # The feature id carries the code, which is what plotly's choropleth matches `locations` against.
    collection = layer.set_index(key, drop=False).to_geo_dict(drop_id=False)
    _write_bytes(path, json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _write_bytes(path: Path, content: bytes) -> None:
    # Write then rename, so an interrupted build never leaves a half file that looks fresh.
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(content)
    os.replace(partial, path)
