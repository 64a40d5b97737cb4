"""The indicator catalogue: each headline defined once, compared like for like, shown with one value on
every surface (cards, PDF boxes and programme table, workbook, meeting card)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from jamsostek import i18n, settings
from jamsostek.analysis import indicators, metrics
from jamsostek.analysis.indicators import Headlines

DESA = pd.DataFrame({"kode_desa": ["a", "b", "c", "d", "e"], "sasaran_workers": [15, 4, 10, 6, 0],
                     "protected_workers": [2, 0, 2, 0, 1]})
VIEW = {"protected_workers": 8659, "protected_workers_week_ago": 8600, "new_workers_week": 59,
        "lapsing_workers": 12, "lapsed_workers": 341, "participants": 9000, "sasaran_workers": 13200,
        "coverage_pct": 100 * 8659 / 13200, "gap_workers": 4541}


def headlines(as_of=date(2026, 11, 20), view=VIEW, filtered=False) -> Headlines:
    # The sample figures: APBD 1.136 on launch day -> 8.360 now; all sources 1.758 -> 10.106.
    return Headlines(as_of=as_of, view=view, region={"protected_workers": 10_106},
                     region_launch={"protected_workers": 1_758}, programme={"protected_workers": 8_360},
                     programme_launch={"protected_workers": 1_136}, cost={"worker_months": 100}, by_desa=DESA,
                     filtered=filtered)


def cards(h: Headlines, lang: str = "id") -> dict[str, metrics.Card]:
    return {c.key: c for c in metrics.summary_cards(h, lang)}


def test_growth_since_launch_compares_the_same_population():
    c = cards(headlines())
    assert c["growth_programme"].label == "Pertumbuhan program sejak 3 Nov 2025"
    assert c["growth_programme"].value == "7,4×"                      # 8.360 / 1.136 = 7,36
    assert c["growth_programme"].delta == "Dibayar program (APBD): 1.136 → 8.360"
    assert c["growth_all"].value == "5,7×"                            # 10.106 / 1.758 = 5,75
    assert c["growth_all"].delta == "Semua sumber iuran: 1.758 → 10.106"


def test_target_counts_the_programme_and_names_numerator_and_denominator():
    c = cards(headlines(), "en")
    assert c["progress_target"].value == "63.3%"                      # 8.360 / 13.200 = 63,33 %
    assert c["progress_target"].delta == "8,360 of the 13,200 target"
    assert c["progress_target"].label == "Progress to the 13,200 target"


def test_week_changes_name_the_day_compared_with():
    c = cards(headlines())
    assert c["protected"].value == "8.659" and c["protected"].delta == "+59 sejak 13 Nov"
    assert c["coverage"].delta == "+0,4 poin sejak 13 Nov"  # 59 / 13.200 = 0,45 points
    assert c["new_week"].delta == "14 Nov 2026 – 20 Nov 2026"         # d−6 … d
    assert (c["protected"].delta_color, c["protected"].delta_arrow) == ("normal", True)


def test_zero_change_is_neutral_in_colour_and_arrow():
    c = cards(headlines(view={**VIEW, "protected_workers_week_ago": VIEW["protected_workers"]}))
    for key in ("protected", "coverage"):
        assert (c[key].delta_color, c[key].delta_arrow) == ("off", False), key
    assert c["coverage"].delta == "0,0 poin sejak 13 Nov"


def test_a_date_before_the_launch_has_no_growth():
    c = cards(headlines(as_of=date(2025, 10, 31)))
    assert c["growth_programme"].value == i18n.MISSING
    assert c["growth_programme"].delta == "Tanggal sebelum peluncuran 3 November 2025"


def test_region_figures_say_so_when_the_view_is_filtered():
    c = cards(headlines(filtered=True))
    assert c["progress_target"].label == "Capaian target 13.200 (seluruh wilayah)"
    assert c["protected"].label == "Pekerja terlindungi"


def test_zero_desa_and_the_rest_of_the_cards():
    c = cards(headlines())
    assert (c["zero_desa"].value, c["zero_desa"].delta) == ("2", "dari 4 desa")
    assert c["lapsing"].label == "Berakhir dalam 30 hari" and c["lapsing"].value == "12"
    assert c["protected"].help.startswith("JS-01 · ")


def test_the_programme_funding_is_one_setting(monkeypatch):
    monkeypatch.setenv(settings.ENV_PROGRAMME_FUNDING, "apbd, APBDes")
    assert settings.programme_funding() == ("APBD", "APBDES")
    assert cards(headlines())["growth_programme"].delta == "Dibayar program (APBD dan APBDes): 1.136 → 8.360"
    monkeypatch.setenv(settings.ENV_PROGRAMME_FUNDING, "APBN")
    with pytest.raises(ValueError, match="APBN"):
        settings.programme_funding()


def test_every_indicator_is_fully_described_in_both_languages():
    assert len({i.code for i in indicators.CATALOGUE}) == len(indicators.CATALOGUE)
    for lang in ("id", "en"):
        table = indicators.catalogue_table(lang)
        assert len(table) == len(indicators.CATALOGUE) and table.notna().all().all()
        assert not table.apply(lambda col: col.str.contains(r"\{")).any().any()  # no placeholder left


def test_cards_show_only_catalogue_indicators():
    assert set(cards(headlines())) <= set(indicators.BY_KEY)
    with pytest.raises(KeyError):
        indicators.name("since_launch", "id")


def test_programme_weeks_sum_the_programme_sources_at_each_week_end(store, monkeypatch):
    # The conftest store on 10 Jan 2026: APBD workers 01 (to Dec 2026), 02 (lapsed 31 Dec 2025), 08 (3 Jan).
    from jamsostek.store import db
    from tests.conftest import AS_OF
    run = lambda name, **q: db.run_query(store, name, **q)  # noqa: E731
    weeks = run("enrolments_by_week", as_of=AS_OF, kecamatan=None, sektor=None, program=None, sumber=None)
    apbd = indicators.programme_weeks(run, weeks)
    assert apbd.iloc[0] == 2 and apbd.iloc[-2] == 2 and apbd.iloc[-1] == 2   # 2 Nov: 01, 02; 3 Jan: 01, 08
    assert apbd.loc[pd.Timestamp("2025-12-27")] == 2                          # 01 and 02 (to 31 Dec)
    monkeypatch.setenv(settings.ENV_PROGRAMME_FUNDING, "APBD,CSR,APBDES")  # + 06 (CSR, to 10 Jan), 07 (APBDes)
    assert indicators.programme_weeks(run, weeks).iloc[-1] == 4
