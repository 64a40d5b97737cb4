"""Boundary layers: built from the local upstream copy, verified, simplified without gaps, offline-safe."""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
import urllib.error
import urllib.request
from types import SimpleNamespace

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from jamsostek import settings
from jamsostek.geo import boundaries
from jamsostek.i18n import t

ROOT = settings.ROOT
BALI = ROOT.parent / "shared/reference/boundaries/bali"
GIANYAR_FILE = "id5104_gianyar.geojson"
UPSTREAM_VERTICES = 33_411
REFERENCE = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
EXPECTED = {
    "desa": (70, sorted(REFERENCE["kode_desa"])),
    "kecamatan": (7, sorted(REFERENCE["kode_kecamatan"].unique())),
}


def _record_urlopen(monkeypatch, calls: list, reply: bytes | Exception) -> None:
    def fake_urlopen(url, timeout=None):
        calls.append(url)
        if isinstance(reply, Exception):
            raise reply
        return io.BytesIO(reply)

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)


@pytest.fixture
def env(monkeypatch, tmp_path):
    """Empty cache in tmp_path, local upstream folder set, and a recorder that fails every download."""
    monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path / "cache"))
    monkeypatch.setenv(settings.ENV_BOUNDARIES_DIR, str(BALI))
    calls: list = []
    _record_urlopen(monkeypatch, calls, urllib.error.URLError("no network in tests"))
    return SimpleNamespace(cache=tmp_path / "cache", calls=calls, monkeypatch=monkeypatch, tmp=tmp_path)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Layers built once from the local copy, with the network forbidden."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path_factory.mktemp("cache")))
        monkeypatch.setenv(settings.ENV_BOUNDARIES_DIR, str(BALI))
        calls: list = []
        _record_urlopen(monkeypatch, calls, urllib.error.URLError("no network in tests"))
        return SimpleNamespace(
            layers={"desa": boundaries.load_desa(), "kecamatan": boundaries.load_kecamatan()},
            geojson={level: boundaries.plotly_geojson(level) for level in boundaries.LEVELS},
            calls=calls,
        )


def _border_pairs(geometries: np.ndarray) -> set[tuple[int, int]]:
    """Index pairs of polygons sharing a border of positive length."""
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    return {
        (a, b)
        for a, b in zip(left, right)
        if a < b and shapely.intersection(geometries[a], geometries[b]).length > 0
    }


@pytest.mark.parametrize("level", boundaries.LEVELS)
def test_layer_codes_equal_reference(built, level):
    count, codes = EXPECTED[level]
    layer = built.layers[level]
    assert len(layer) == count
    assert sorted(layer[boundaries.LEVELS[level]]) == codes


def test_desa_names_are_kemendagri_names(built):
    columns = ["kode_desa", "desa", "kode_kecamatan", "kecamatan"]
    expected = REFERENCE[columns].sort_values("kode_desa").reset_index(drop=True)
    actual = built.layers["desa"][columns].sort_values("kode_desa").reset_index(drop=True)
    pd.testing.assert_frame_equal(actual, expected, check_dtype=False)


@pytest.mark.parametrize("level", boundaries.LEVELS)
def test_geometries_valid_and_non_empty(built, level):
    geometries = built.layers[level].geometry.values
    assert shapely.is_valid(geometries).all()
    assert not shapely.is_empty(geometries).any()
    assert built.layers[level].crs == "EPSG:4326"


def test_neighbours_keep_their_shared_borders(built):
    upstream = gpd.read_file(BALI / GIANYAR_FILE)
    upstream["kode_bps"] = upstream["village_code"].str.removeprefix("id")
    upstream = upstream.merge(REFERENCE, on="kode_bps").sort_values("kode_desa").reset_index(drop=True)
    desa = built.layers["desa"].sort_values("kode_desa").reset_index(drop=True)
    assert list(desa["kode_desa"]) == list(upstream["kode_desa"])
    expected = _border_pairs(upstream.geometry.values)
    assert len(expected) > 100  # guard: the helper really finds Gianyar's neighbours
    assert _border_pairs(desa.geometry.values) == expected


def test_no_gaps_or_overlaps_after_simplification(built):
    desa = built.layers["desa"].geometry.values
    kecamatan = built.layers["kecamatan"].geometry.values
    upstream_area = shapely.union_all(gpd.read_file(BALI / GIANYAR_FILE).geometry.values).area
    assert shapely.coverage_is_valid(desa)
    assert shapely.union_all(desa).area == pytest.approx(shapely.area(desa).sum(), rel=1e-9)
    assert shapely.area(kecamatan).sum() == pytest.approx(shapely.area(desa).sum(), rel=1e-9)
    assert shapely.area(kecamatan).sum() == pytest.approx(upstream_area, rel=1e-3)
    # Upstream each kecamatan is one polygon without holes: a gap between desa would add a hole or a part.
    assert list(shapely.get_num_geometries(kecamatan)) == [1] * 7
    assert list(shapely.get_num_interior_rings(shapely.get_geometry(kecamatan, 0))) == [0] * 7


def test_simplified_for_the_web(built):
    vertices = shapely.get_num_coordinates(built.layers["desa"].geometry.values).sum()
    assert 1_000 < vertices < UPSTREAM_VERTICES / 5
    assert len(json.dumps(built.geojson["desa"])) < 200_000


@pytest.mark.parametrize("level", boundaries.LEVELS)
def test_plotly_geojson_feature_ids_are_codes(built, level):
    collection = built.geojson[level]
    assert collection["type"] == "FeatureCollection"
    ids = [feature["id"] for feature in collection["features"]]
    assert sorted(ids) == EXPECTED[level][1]
    assert all(f["id"] == f["properties"][boundaries.LEVELS[level]] for f in collection["features"])


def test_local_folder_means_no_network_call(built):
    assert built.calls == []


def test_build_skips_fresh_cache_and_rebuilds_on_force_or_stale(env):
    desa_path, kecamatan_path = boundaries.build_layers()
    future = time.time() + 3600
    os.utime(desa_path, (future, future))
    assert boundaries.build_layers() == (desa_path, kecamatan_path)
    assert desa_path.stat().st_mtime == future  # fresh: not rewritten
    boundaries.build_layers(force=True)
    assert desa_path.stat().st_mtime < future
    os.utime(kecamatan_path, (0, 0))  # older than the code and reference tables: stale
    boundaries.build_layers()
    assert kecamatan_path.stat().st_mtime > 0


def test_local_checksum_mismatch_raises_and_caches_nothing(env):
    damaged = env.tmp / "damaged"
    damaged.mkdir()
    content = bytearray((BALI / GIANYAR_FILE).read_bytes())
    content[1000] ^= 1
    (damaged / GIANYAR_FILE).write_bytes(bytes(content))
    env.monkeypatch.setenv(settings.ENV_BOUNDARIES_DIR, str(damaged))
    with pytest.raises(boundaries.BoundariesChecksumMismatch, match="SHA-256"):
        boundaries.build_layers()
    assert not env.cache.exists() or not any(env.cache.rglob("*"))


def test_downloaded_checksum_mismatch_raises_and_caches_nothing(env):
    env.monkeypatch.delenv(settings.ENV_BOUNDARIES_DIR)
    _record_urlopen(env.monkeypatch, env.calls, b'{"type": "FeatureCollection", "features": []}')
    with pytest.raises(boundaries.BoundariesChecksumMismatch, match="SHA-256"):
        boundaries.obtain_upstream("51.04")
    assert len(env.calls) == 1
    assert not env.cache.exists() or not any(env.cache.rglob("*"))


def test_download_is_verified_then_reused_offline(env):
    env.monkeypatch.delenv(settings.ENV_BOUNDARIES_DIR)
    _record_urlopen(env.monkeypatch, env.calls, (BALI / GIANYAR_FILE).read_bytes())
    path = boundaries.obtain_upstream("51.04")
    assert env.calls == [boundaries.sources("51.04").loc[0, "url"]]
    assert path == env.cache / "upstream" / GIANYAR_FILE
    _record_urlopen(env.monkeypatch, env.calls, urllib.error.URLError("offline again"))
    assert boundaries.obtain_upstream("51.04") == path
    assert len(env.calls) == 1


@pytest.mark.parametrize("error", [urllib.error.URLError("no route to host"), TimeoutError("timed out")])
@pytest.mark.parametrize("local_dir", [None, "empty"])
def test_no_local_copy_and_no_network_explains_the_fix(env, error, local_dir):
    if local_dir:
        (env.tmp / local_dir).mkdir()
        env.monkeypatch.setenv(settings.ENV_BOUNDARIES_DIR, str(env.tmp / local_dir))
    else:
        env.monkeypatch.delenv(settings.ENV_BOUNDARIES_DIR)
    _record_urlopen(env.monkeypatch, env.calls, error)
    with pytest.raises(boundaries.BoundariesUnavailable) as raised:
        boundaries.load_desa()
    message = str(raised.value)
    for words in ("tidak tersedia", "unavailable", "JAMSOSTEK_BOUNDARIES_DIR", "internet", GIANYAR_FILE):
        assert words in message
    assert not isinstance(raised.value, boundaries.BoundariesChecksumMismatch)


def test_join_fails_loudly_when_a_desa_has_no_code(env):
    codes = env.tmp / "wilayah_missing_one.csv"
    REFERENCE[REFERENCE["kode_desa"] != "51.04.05.2003"].to_csv(codes, index=False)
    env.monkeypatch.setattr(boundaries, "CODES_CSV", codes)
    with pytest.raises(ValueError, match="5104050001"):  # BPS code of Singakerta
        boundaries.build_layers(force=True)


def test_sources_list_every_bali_regency_with_its_checksum():
    frame = boundaries.sources("51")
    bali = pd.read_csv(settings.REFERENCE_DIR / "wilayah_bali.csv", dtype=str)
    assert sorted(frame["kode_kabupaten"]) == sorted(bali["kode_kabupaten"].unique())
    for file, sha256, url in frame[["file", "sha256", "url"]].itertuples(index=False):
        assert hashlib.sha256((BALI / file).read_bytes()).hexdigest() == sha256
        assert url.endswith("/" + file)


@pytest.mark.parametrize(("region", "files"), [("51.04", [GIANYAR_FILE]), ("51.71", ["id5171_kota_denpasar.geojson"])])
def test_sources_for_one_regency(region, files):
    assert list(boundaries.sources(region)["file"]) == files


def test_unknown_region_is_an_error():
    with pytest.raises(ValueError, match="52"):
        boundaries.sources("52")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_attribution_names_source_and_licence(lang):
    text = t("map.attribution", lang)
    assert "BPS" in text and "OCHA HDX" in text and "CC BY-IGO" in text
