"""Province mode (JAMSOSTEK_REGION=51): Bali's 716 desa, matching across regencies, kabupaten figures,
the province boundary layers, and every page on a small two-regency store."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import shapely
from streamlit.testing.v1 import AppTest

from jamsostek import settings
from jamsostek.geo import boundaries
from jamsostek.store import db
from jamsostek.analysis import maps
from jamsostek.geo import wilayah
from jamsostek.ingest.validate import Validator
from tests.conftest import SHARED_BOUNDARIES, load_rows
from tests.test_validate import GOOD

ROOT = settings.ROOT
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
HAS_BOUNDARIES = all((SHARED_BOUNDARIES / f).is_file() for f in pd.read_csv(boundaries.SOURCES_CSV)["file"])
needs_boundaries = pytest.mark.skipif(not HAS_BOUNDARIES, reason=f"no local boundary files in {SHARED_BOUNDARIES}")

# Abianbase is a desa name in two regencies (Mengwi, Badung and Gianyar, Gianyar).
ABIANBASE_GIANYAR, BUAHAN_GIANYAR = "51.04.03.1005", "51.04.07.2005"
ABIANBASE_BADUNG, KUTA = "51.03.02.1014", "51.03.01.1002"
MENGWI = "51.03.02"
AS_OF = date(2026, 1, 10)
SASARAN = [
    (ABIANBASE_GIANYAR, "petani", 10), (BUAHAN_GIANYAR, "petani", 10),
    (ABIANBASE_BADUNG, "pedagang_kecil", 20), (KUTA, "lainnya", 20),
]
# nik suffix, desa, sektor, programmes, start, paid-until, funding (as in conftest.PARTICIPANTS)
PARTICIPANTS = [
    ("11", ABIANBASE_GIANYAR, "petani", "JKK JKM", "2025-11-03", "2026-12-31", "APBD"),
    ("12", ABIANBASE_GIANYAR, "petani", "JKK JKM", "2025-11-03", "2026-12-31", "APBD"),
    ("13", BUAHAN_GIANYAR, "petani", "JKK JKM", "2025-11-03", "2026-12-31", "APBD"),
    ("14", BUAHAN_GIANYAR, "petani", "JKK JKM", "2025-11-03", "2025-12-31", "APBD"),  # lapsed
    ("21", ABIANBASE_BADUNG, "pedagang_kecil", "JKK JKM", "2025-12-01", "2026-06-30", "MANDIRI"),
    ("22", KUTA, "lainnya", "JKK JKM", "2025-12-01", "2026-06-30", "MANDIRI"),
    ("23", KUTA, "lainnya", "JKK JKM", "2025-12-01", "2026-06-30", "MANDIRI"),
    ("24", KUTA, "lainnya", "JKK JKM", "2025-12-01", "2026-06-30", "CSR"),
    ("25", KUTA, "lainnya", "JKK JKM", "2025-12-01", "2026-06-30", "CSR"),
    ("26", KUTA, "lainnya", "JKK", "2025-12-01", "2026-06-30", "CSR"),  # no JKM: not protected
]


def load_province(con) -> None:
    """Bali's 716 desa and the sasaran and participants above."""
    with db.transaction(con):
        db.stage(con, "staged_wilayah", wilayah.load_wilayah("51"))
        db.stage(con, "staged_sasaran", pd.DataFrame(SASARAN, columns=["kode_desa", "sektor", "sasaran_workers"]))
        db.execute(con, "reference_load")
    load_rows(con, PARTICIPANTS, name="province.csv")


@pytest.fixture
def store():
    con = db.memory()
    load_province(con)
    yield con
    con.close()


# --- reference geography and matching

def test_province_wilayah_has_every_kabupaten_and_unique_kecamatan_names():
    frame = wilayah.load_wilayah("51")
    assert len(frame) == 716 and frame["kode_desa"].is_unique
    kabupaten = frame.drop_duplicates("kode_kabupaten")
    assert len(kabupaten) == 9 and kabupaten.set_index("kode_kabupaten").loc["51.71", "kabupaten"] == "Kota Denpasar"
    assert (frame["kode_desa"].str[:5] == frame["kode_kabupaten"]).all()
    kecamatan = frame.drop_duplicates("kode_kecamatan")
    # Why a KECAMATAN column is enough to place a desa anywhere in Bali: no kecamatan name repeats.
    assert len(kecamatan) == 57 and kecamatan["kecamatan"].map(wilayah.normalise).is_unique


@pytest.mark.parametrize("region, province", [("51", True), ("51.04", False), ("51.71", False)])
def test_is_province(region, province):
    assert wilayah.is_province(region) is province


@pytest.mark.parametrize("region, code, label", [
    ("51", MENGWI, "Mengwi (Badung)"),
    ("51", "51.71.01", "Denpasar Selatan (Kota Denpasar)"),
    ("51.04", "51.04.05", "Ubud"),
])
def test_kecamatan_labels(region, code, label):
    labels = wilayah.kecamatan_labels(region)
    assert labels[code] == label and len(labels) == (57 if region == "51" else 7)


@pytest.mark.parametrize("desa, kecamatan, kode, reason", [
    ("Abianbase", "Gianyar", ABIANBASE_GIANYAR, None),
    ("DS. ABIANBASE", "Kec. Mengwi", ABIANBASE_BADUNG, None),
    ("Abian Base", "Mengwi", ABIANBASE_BADUNG, None),      # a Gianyar alias spelling, placed by its kecamatan
    ("Abianbase", "", None, "desa_ambiguous"),             # two regencies: the kecamatan is needed
    ("Abianbase", "Kuta", None, "kecamatan_mismatch"),
    ("Kuta", "Kuta", KUTA, None),
    ("Dauh Yeh Cani", "Abiansemal", "51.03.03.2016", None),  # BPS spelling of Abiansemal Dauh Yeh Cani
    ("Tista", "Busungbiu", None, "kecamatan_mismatch"),    # BPS name paired by elimination only: no alias
])
def test_matching_across_regencies(desa, kecamatan, kode, reason):
    match = wilayah.DesaMatcher("51").match(desa, kecamatan)
    assert (match.kode_desa, match.reason) == (kode, reason)


def test_validator_places_same_named_desa_in_their_regency():
    rows = pd.DataFrame([{**GOOD, "nik": f"51030115059000{i}", "desa": d, "kecamatan": k}
                         for i, (d, k) in enumerate([("Abianbase", "Gianyar"), ("Abianbase", "Mengwi"),
                                                     ("Abianbase", ""), ("Kuta", "KUTA")], start=10)])
    rows["_row"] = range(2, len(rows) + 2)
    checked = Validator("51").validate(rows)
    assert checked.accepted["kode_desa"].tolist() == [ABIANBASE_GIANYAR, ABIANBASE_BADUNG, KUTA]
    assert checked.rejections[["row_number", "reason_code"]].values.tolist() == [[4, "desa_ambiguous"]]


def test_region_change_is_not_hidden_by_a_cache(monkeypatch):
    monkeypatch.setenv(settings.ENV_REGION, "51.04")
    assert len(wilayah.load_wilayah()) == 70
    monkeypatch.setenv(settings.ENV_REGION, "51")
    assert len(wilayah.load_wilayah()) == 716


def test_crosswalk_is_one_to_one_and_agrees_with_gianyar():
    crosswalk = pd.read_csv(boundaries.CODES_CSV, dtype=str)
    assert len(crosswalk) == 716 and crosswalk["kode_desa"].is_unique and crosswalk["kode_bps"].is_unique
    assert set(crosswalk["kode_desa"]) == set(wilayah.load_wilayah("51")["kode_desa"])
    assert crosswalk["match"].value_counts().to_dict() == {"exact": 693, "spelling": 22, "elimination": 1}
    gianyar = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
    both = gianyar.merge(crosswalk, on="kode_desa", suffixes=("", "_bali"))
    assert len(both) == 70 and (both["kode_bps"] == both["kode_bps_bali"]).all()


# --- kabupaten figures

def run_kabupaten(con, kecamatan=None) -> pd.DataFrame:
    return db.run_query(con, "coverage_by_kabupaten", as_of=AS_OF, kecamatan=kecamatan, sektor=None,
                        program=None, sumber=None).set_index("kode_kabupaten")


def test_coverage_by_kabupaten_known_answers(store):
    frame = run_kabupaten(store)
    assert len(frame) == 9
    badung, gianyar = frame.loc["51.03"], frame.loc["51.04"]
    assert (badung["sasaran_workers"], badung["protected_workers"], badung["gap_workers"]) == (40, 5, 35)
    assert badung["coverage_pct"] == pytest.approx(12.5)
    assert (gianyar["sasaran_workers"], gianyar["protected_workers"], gianyar["gap_workers"]) == (20, 3, 17)
    assert gianyar["coverage_pct"] == pytest.approx(15.0)
    others = frame.drop(index=["51.03", "51.04"])
    assert (others["sasaran_workers"] == 0).all() and others["coverage_pct"].isna().all()


def test_kabupaten_add_up_to_their_kecamatan(store):
    params = dict(as_of=AS_OF, kecamatan=None, sektor=None, program=None, sumber=None)
    kecamatan = db.run_query(store, "coverage_by_kecamatan", **params)
    kecamatan["kode_kabupaten"] = kecamatan["kode_kecamatan"].str[:5]
    sums = kecamatan.groupby("kode_kabupaten")[["sasaran_workers", "protected_workers"]].sum()
    frame = run_kabupaten(store)
    pd.testing.assert_frame_equal(frame[["sasaran_workers", "protected_workers"]], sums, check_dtype=False)


def test_kecamatan_filter_keeps_only_its_kabupaten(store):
    frame = run_kabupaten(store, kecamatan=MENGWI)
    assert frame.index.tolist() == ["51.03"]
    assert (frame.iloc[0]["sasaran_workers"], frame.iloc[0]["protected_workers"]) == (20, 1)


@pytest.mark.parametrize("province, filtered, levels", [
    (False, False, ["desa", "kecamatan"]), (False, True, ["desa", "kecamatan"]),
    (True, False, ["kabupaten", "kecamatan", "desa"]), (True, True, ["kecamatan", "desa"]),
])
def test_map_levels(province, filtered, levels):
    assert maps.map_levels(province, filtered) == levels


# --- boundary layers of the province

@pytest.fixture(scope="module")
def province_env(tmp_path_factory):
    """Env for the module: region 51, a private cache and store, the local boundary folder."""
    folder = tmp_path_factory.mktemp("province")
    path = folder / "province.duckdb"
    con = db.connect(path)
    load_province(con)
    con.close()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv(settings.ENV_REGION, "51")
        monkeypatch.setenv(settings.ENV_DB, str(path))
        monkeypatch.setenv(settings.ENV_CACHE_DIR, str(folder / "cache"))
        monkeypatch.setenv(settings.ENV_BOUNDARIES_DIR, str(SHARED_BOUNDARIES))
        yield path


@pytest.fixture(scope="module")
def layers(province_env):
    return {level: boundaries._load(level, "51", settings.cache_dir()) for level in boundaries.LAYERS}


@needs_boundaries
@pytest.mark.parametrize("level, count", [("desa", 716), ("kecamatan", 57), ("kabupaten", 9)])
def test_province_layers_cover_every_area_with_valid_geometry(layers, level, count):
    layer = layers[level]
    key = boundaries.LAYERS[level]
    assert len(layer) == count and layer[key].is_unique
    assert set(layer[key]) == set(wilayah.load_wilayah("51")[key])
    assert shapely.is_valid(layer.geometry.values).all() and not shapely.is_empty(layer.geometry.values).any()
    assert shapely.coverage_is_valid(layer.geometry.values)


@needs_boundaries
def test_province_desa_names_are_kemendagri_names(layers):
    columns = boundaries.NAMES["desa"]
    expected = wilayah.load_wilayah("51")[columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(layers["desa"][columns].reset_index(drop=True), expected, check_dtype=False)


@needs_boundaries
def test_province_desa_map_fits_the_payload_budget(province_env, layers):
    con = db.connect(province_env, read_only=True)
    frame = db.run_query(con, "coverage_by_desa", as_of=AS_OF, kecamatan=None, sektor=None, program=None, sumber=None)
    con.close()
    fig = maps.make_choropleth(frame, boundaries.plotly_geojson("desa"), "coverage_pct", level="desa",
                               borders_geojson=boundaries.plotly_geojson("kecamatan"))
    located = [loc for trace in fig.data if trace.type == "choropleth" for loc in trace.locations]
    assert sorted(located) == sorted(frame["kode_desa"]) and len(located) == 716
    assert maps.figure_json_bytes(fig) < 1_500_000


# --- every page in province mode

def open_app(page: str | None = None, **query_params) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    for key, value in query_params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def map_spec(at) -> dict:
    (spec,) = [s for s in (json.loads(c.proto.spec) for c in at.get("plotly_chart")) if "geo" in s["layout"]]
    return spec


def located(spec: dict) -> list[str]:
    return sorted(loc for trace in spec["data"] if trace["type"] == "choropleth" for loc in trace["locations"])


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_province_mode(province_env, page):
    at = open_app(page)
    assert at.title and at.title[0].value


def test_sidebar_lists_kecamatan_with_their_kabupaten(province_env):
    at = open_app()
    options = at.selectbox(key="flt_kecamatan").options
    assert len(options) == 58 and "Mengwi (Badung)" in options and "Ubud (Gianyar)" in options


@needs_boundaries
def test_peta_drills_from_kabupaten_to_desa(province_env):
    at = open_app("pages/peta.py")
    level = at.radio(key="peta_level")
    assert level.options == ["Kabupaten/kota", "Kecamatan", "Desa"] and level.value == "kabupaten"
    assert located(map_spec(at)) == sorted(wilayah.load_wilayah("51")["kode_kabupaten"].unique())
    at.radio(key="peta_level").set_value("kecamatan").run()
    assert len(located(map_spec(at))) == 57
    at.radio(key="peta_level").set_value("desa").run()
    assert not at.exception and len(located(map_spec(at))) == 716


@needs_boundaries
def test_peta_with_a_kecamatan_filter_offers_no_kabupaten_level(province_env):
    at = open_app("pages/peta.py", kec=MENGWI)
    assert at.radio(key="peta_level").options == ["Kecamatan", "Desa"]
    codes = wilayah.load_wilayah("51").query("kode_kecamatan == @MENGWI")["kode_desa"]
    assert located(map_spec(at)) == sorted(codes)


def test_gianyar_programme_figures_are_not_shown_as_the_province(province_env):
    summary = open_app("pages/ringkasan.py")
    labels = [m.label for m in summary.metric]
    assert not any("1.136" in label or "target" in label.lower() for label in labels), labels
    trend = open_app("pages/tren.py")
    assert any("program Kabupaten Gianyar" in c.value for c in trend.caption)
    assert trend.text_input(key="tren_target").disabled
