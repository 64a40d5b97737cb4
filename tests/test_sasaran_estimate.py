"""The sasaran estimate: every step reproducible from the reference files, sums and ranges hold."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from jamsostek import settings
from jamsostek.domain import SECTORS
from jamsostek.sasaran import estimate, show

SHARED = settings.ROOT.parent / "shared" / "reference" / "statistics"


def test_shares_are_the_sources_quotients():
    s = estimate.shares()
    assert s["working_share"].point == pytest.approx(267_054 / 469_777)  # Gianyar Sakernas 2011 / SP2010
    assert s["working_share"].low == pytest.approx(198_628 / 507_746)  # Paritrana 2025 / BPS 2024
    assert s["working_share"].high == pytest.approx(2_620_000 / 4_290_000)  # Bali 2023 / Dukcapil 2022
    assert (s["informal_share"].low, s["informal_share"].point, s["informal_share"].high) == (0.498, 0.5068, 0.5669)


def test_census_copy_is_the_shared_file():
    copy = settings.REFERENCE_DIR / "bali_sp2010_desa.csv"
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    assert digest == "b22ccbae7f018ffb37af908718380d86fc9ff96e941f99ea3ce6b527071466eb"  # as statistics/README says
    if SHARED.exists():
        assert copy.read_bytes() == (SHARED / "bali_sp2010_desa.csv").read_bytes()


def test_population_2010_matches_the_census_totals():
    bali = estimate.population_2010("51")
    assert len(bali) == 716
    assert bali["penduduk_2010"].sum() == pytest.approx(3_890_757)
    gianyar = bali[bali["kode_kabupaten"] == "51.04"]
    assert gianyar["penduduk_2010"].sum() == pytest.approx(469_777)
    assert (gianyar["sumber_2010"] == "census").all()
    kec = gianyar.groupby("kode_kecamatan")["penduduk_2010"].sum().round().astype(int)
    assert kec["51.04.01"] == 110_429 and kec["51.04.07"] == 41_164  # Sukawati, Payangan


def test_desa_made_after_2010_gets_its_kecamatan_average():
    marga = estimate.population_2010("51.02")
    marga = marga[marga["kode_kecamatan"] == "51.02.07"].set_index("desa")
    total = 2097 + 5284 + 2090 + 2948 + 2186 + 2793 + 2563 + 3399 + 2968 + 1757 + 4149 + 3294 + 1793 + 1776 + 1256
    assert len(marga) == 16
    assert marga.loc["Baru", "sumber_2010"] == "kecamatan_average"
    assert marga.loc["Baru", "penduduk_2010"] == pytest.approx(total / 16)
    assert marga.loc["Kukuh", "penduduk_2010"] == pytest.approx(5284 * 15 / 16)
    assert marga["penduduk_2010"].sum() == pytest.approx(total)


def test_desa_population_sums_to_the_regency_figure():
    people = estimate.population_now("51")
    by_regency = people.groupby("kode_kabupaten")["penduduk"].sum()
    assert by_regency["51.04"] == pytest.approx(507_746)
    assert by_regency["51.08"] == pytest.approx(827_640)  # Buleleng, Dukcapil June 2022
    celuk = people.set_index("desa").loc["Celuk"]
    assert celuk["penduduk"] == pytest.approx(celuk["penduduk_2010"] * 507_746 / 469_777)


def test_gianyar_totals_by_hand():
    totals = estimate.regency_totals("51.04").iloc[0]
    assert totals["sasaran_point"] == 146_282  # 507.746 x 267.054/469.777 x 0,5068 = 146.281,9
    assert totals["sasaran_low"] == 98_917  # 507.746 x 198.628/507.746 x 0,498 = 98.916,7
    assert totals["sasaran_high"] == 175_791  # 507.746 x 2,62/4,29 x 0,5669 = 175.791,2


@pytest.fixture(scope="module")
def bali():
    return estimate.estimate("51")


def test_desa_sums_equal_each_regency_figure(bali):
    totals = estimate.regency_totals("51").set_index("kode_kabupaten")
    sums = bali.groupby(bali["kode_desa"].str[:5])[["sasaran_low", "sasaran_workers", "sasaran_high"]].sum()
    assert len(sums) == 9
    assert (sums["sasaran_workers"] == totals["sasaran_point"]).all()
    assert (sums["sasaran_low"] == totals["sasaran_low"]).all()
    assert (sums["sasaran_high"] == totals["sasaran_high"]).all()


def test_range_contains_the_point_in_every_cell(bali):
    assert len(bali) == 716 * 8 and set(bali["sektor"]) == set(SECTORS)
    assert (bali["sasaran_low"] <= bali["sasaran_workers"]).all()
    assert (bali["sasaran_workers"] <= bali["sasaran_high"]).all()
    assert (bali["sasaran_low"] < bali["sasaran_high"]).groupby(bali["kode_desa"]).any().all()


def test_fishers_only_in_coastal_desa(bali):
    fishers = bali[bali["sektor"] == "nelayan"].set_index("kode_desa")["sasaran_workers"]
    coast = set(pd.read_csv(estimate.COAST_CSV, dtype=str)["kode_desa"])
    gianyar_coast = {"51.04.01.2002", "51.04.01.2004", "51.04.02.2001", "51.04.02.2002", "51.04.02.2003",
                     "51.04.02.2008", "51.04.03.2004", "51.04.03.2001"}
    with_fishers = set(fishers[fishers > 0].index)
    assert {c for c in with_fishers if c.startswith("51.04.")} == gianyar_coast
    # Outside Gianyar the shore file decides; Batubulan (on the shore in the boundary file) stays inland.
    assert {c for c in with_fishers if not c.startswith("51.04.")} == {c for c in coast if not c.startswith("51.04.")}
    assert "51.04.01.2001" in coast and fishers["51.04.01.2001"] == 0


def test_sector_mix_by_hand():
    mix = estimate.sector_mix("51.04")
    # Ketewel: coastal (nelayan 0.08), no other tag: base shares + 0.08, renormalised by 1.08.
    assert mix.loc["51.04.01.2002", "nelayan"] == pytest.approx(0.08 / 1.08)
    assert mix.loc["51.04.01.2002", "petani"] == pytest.approx(0.20 / 1.08)
    # Celuk: craft village, pengrajin x 4.5: 0.36 of a row summing to 1 - 0.08 + 0.36 = 1.28.
    assert mix.loc["51.04.01.2005", "pengrajin"] == pytest.approx(0.36 / 1.28)
    assert np.allclose(mix.sum(axis=1), 1.0)


def test_desa_cells_follow_population(bali):
    # Two desa with the same mix (plain Gianyar desa of kecamatan Gianyar) split workers in proportion to people.
    people = estimate.population_now("51.04").set_index("kode_desa")["penduduk"]
    desa = bali[bali["kode_desa"].str.startswith("51.04.")].groupby("kode_desa")["sasaran_workers"].sum()
    ratio = desa / (people * estimate.factor("point"))
    assert ratio.between(0.97, 1.03).all()  # whole workers per cell: at most 8 workers off per desa


def test_largest_remainder_by_hand():
    assert estimate.largest_remainder(np.array([1.5, 1.5, 1.0]), 4).tolist() == [2, 1, 1]
    assert estimate.largest_remainder(np.array([0.2, 0.3, 0.5]), 10).tolist() == [2, 3, 5]


def test_sources_are_named():
    for path in (estimate.ASSUMPTIONS_CSV, estimate.SECTORS_CSV, estimate.TAGS_CSV, estimate.POPULATION_CSV):
        frame = pd.read_csv(path)
        assert frame["sumber"].notna().all(), path.name


def test_store_gets_the_estimate_for_the_region():
    from jamsostek.ingest import load
    from jamsostek.store import db

    con = db.memory()
    load.load_reference(con, region="51")
    row = con.execute("select count(distinct kode_desa), sum(sasaran_workers), sum(sasaran_low), "
                      "sum(sasaran_high) from sasaran").fetchone()
    totals = estimate.regency_totals("51")
    assert row == (716, totals["sasaran_point"].sum(), totals["sasaran_low"].sum(), totals["sasaran_high"].sum())


@pytest.mark.parametrize("row, lang, expected", [
    ({"sasaran_workers": 1200, "sasaran_low": 812, "sasaran_high": 1443}, "id", "1.200 (kisaran 812–1.443)"),
    ({"sasaran_workers": 1200, "sasaran_low": 812, "sasaran_high": 1443}, "en", "1,200 (range 812–1,443)"),
    ({"sasaran_workers": 1200, "sasaran_low": None, "sasaran_high": None}, "id", "1.200"),  # an official count
    ({"sasaran_workers": 0, "sasaran_low": 0, "sasaran_high": 0}, "id", "0"),
])
def test_with_range(row, lang, expected):
    assert show.with_range(row, lang) == expected


def test_province_store_gives_every_regency_a_coverage(monkeypatch):
    from datetime import date

    from jamsostek.ingest import load
    from jamsostek.store import db

    monkeypatch.setenv(settings.ENV_REGION, "51")
    con = db.memory()
    load.load_reference(con)  # the region served decides which desa get the estimate
    by_kab = db.run_query(con, "coverage_by_kabupaten", as_of=date(2026, 11, 20), kecamatan=None, sektor=None,
                          program=None, sumber=None).set_index("kode_kabupaten")
    totals = estimate.regency_totals("51").set_index("kode_kabupaten")
    assert len(by_kab) == 9
    assert (by_kab["sasaran_workers"] == totals["sasaran_point"]).all()
    assert (by_kab["coverage_pct"] == 0).all()  # a sasaran and nobody loaded: 0 %, not "no target data"
    assert (by_kab["sasaran_low"] == totals["sasaran_low"]).all()
