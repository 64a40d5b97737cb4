"""The scale benchmark at a tiny size runs in the suite (so it cannot rot), and DuckDB, pandas and polars agree."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks import scale
from benchmarks.report import print_table
from jamsostek import settings
from jamsostek.ingest import bulk
from jamsostek.store import db
from jamsostek.domain import EXTRACT_COLUMNS
from jamsostek.ingest.validate import Validator, nik_numbers

ROWS = 2_000


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale")
    result = scale.measure(ROWS, folder, page=True, chunk_rows=700)
    print_table("scale (test size)", result.rows)
    return result, folder


def test_every_step_prints_a_row(measured):
    result, _ = measured
    steps = [row["step"].split(" (")[0] for row in result.rows]
    questions = [f"{name} warm" for name in ("coverage_by_desa", "gap_desa_sector") for _ in range(4)]
    assert steps == ["write extract", "ingest CSV", "ingest Parquet", "pandas: read participant Parquet",
                     "pandas: read participant Parquet", "polars: read participant Parquet", *questions,
                     "page ringkasan"]
    assert all(row["rows"] == "2,000" for row in result.rows)
    ingested = [row for row in result.rows if row["step"].startswith("ingest")]
    assert all(row["peak_memory"].endswith(" MB") and row["rows_per_s"] for row in ingested)


@pytest.mark.parametrize("name,keys", [("coverage_by_desa", ["kode_desa"]),
                                       ("gap_desa_sector", ["kode_desa", "sektor"])])
def test_duckdb_and_pandas_give_the_same_answer(measured, name, keys):
    result, _ = measured
    columns = [*keys, "sasaran_workers", "protected_workers", "gap_workers"]

    def comparable(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame[columns].astype({k: str for k in keys} | {c: "int64" for c in columns[len(keys):]})
        return frame.sort_values(keys, ignore_index=True)

    store = comparable(result.duckdb[name])
    assert store["protected_workers"].sum() > ROWS * 0.5  # most synthetic rows are protected on AS_OF
    for other in (result.pandas, result.pandas_plain, result.over_parquet, result.polars):
        pd.testing.assert_frame_equal(comparable(other[name]), store)
    coverage = result.duckdb[name]["coverage_pct"].to_numpy()
    assert coverage == pytest.approx(result.pandas[name].set_index(keys).loc[
        list(result.duckdb[name].set_index(keys).index), "coverage_pct"].to_numpy(), nan_ok=True)


def test_synthetic_extract_is_deterministic_and_nearly_all_valid():
    first, again = scale.extract_table(500), scale.extract_table(500)
    assert first.equals(again)
    assert not first.equals(scale.extract_table(500, seed=1))
    rows = first.to_pandas().rename(columns=EXTRACT_COLUMNS)
    rows.insert(0, "_row", range(2, len(rows) + 2))
    checked = Validator().validate(rows)
    assert checked.rows_rejected == len(checked.rejections)  # one planted problem per bad row
    assert set(checked.rejections["reason_code"]) <= {"desa_unknown", "date_invalid", "program_unknown"}
    assert 0 < checked.rows_rejected < 0.03 * len(rows)
    assert nik_numbers(rows["nik"]).is_unique


def test_parquet_view_answers_the_questions_of_the_store(tmp_path):
    """queries/ run unchanged over hive-partitioned Parquet (local files, no extension, no network)."""
    store = tmp_path / "store.duckdb"
    scale.new_store(store)
    con = db.connect(store)
    bulk.ingest_bulk(con, settings.SAMPLE_DIR / "peserta_2026-11-20.csv")
    con.close()
    files = scale.export_parquet(store, tmp_path / "participant")
    assert len(list((tmp_path / "participant").glob("kode_kecamatan=51.04.0*/*.parquet"))) == 7
    over_parquet = scale.parquet_connection(files)
    con = db.connect(store, read_only=True)
    try:
        for name in ("coverage_by_desa", "gap_desa_sector", "kpi"):
            params = {"as_of": scale.AS_OF, **scale.FILTERS} | ({"lapsing_days": 30} if name == "kpi" else {})
            pd.testing.assert_frame_equal(db.run_query(over_parquet, name, **params),
                                          db.run_query(con, name, **params))
        kpi = db.run_query(over_parquet, "kpi", lapsing_days=30, as_of=scale.AS_OF, **scale.FILTERS)
        assert int(kpi.iloc[0]["protected_workers"]) == 10_106  # data/sample/README.md
    finally:
        con.close()
        over_parquet.close()


def test_sizes_read_as_people_write_them():
    assert scale.parse_sizes("200000,2M,10m,1.5k") == (200_000, 2_000_000, 10_000_000, 1_500)
