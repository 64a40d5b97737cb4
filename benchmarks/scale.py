"""Scale: synthetic extracts of 200k to 10M rows through bulk ingest, the coverage questions and a page run.

For each size: a deterministic synthetic extract (CSV and Parquet, the 70 Gianyar desa, NIK with a valid
structure, ~1 % bad rows) is written to a tmp folder; each file is ingested by jamsostek.ingest.bulk in a
subprocess of its own (peak memory = that process's ru_maxrss); coverage_by_desa and gap_desa_sector run
warm on the store and over the participant records exported as hive-partitioned Parquet (the same
queries/ files through a view); the Ringkasan page runs server side (AppTest); and pandas and polars
answer the same two questions from the same Parquet, timed in the same run ("other": that library's time;
"other_over_duckdb": its time over the store's).

    python -m jamsostek bench [--sizes 200000,2000000,10000000]
    python -m benchmarks --only scale [--sizes ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from jamsostek import settings
from jamsostek.domain import SECTORS
from jamsostek.ingest import bulk
from jamsostek.store import db
from jamsostek.ingest import load as ingest
from jamsostek.ingest.occupations import OCCUPATION_ALIASES

ROOT = Path(__file__).resolve().parent.parent
SIZES = (200_000, 2_000_000)
SEED = 5104
AS_OF = date(2026, 11, 20)  # the sample's extract date
FILTERS = {"kecamatan": None, "sektor": None, "program": None, "sumber": None}
WARM_RUNS = 5
CHUNK_ROWS = bulk.CHUNK_ROWS
TARGET_DESA_MS = 1000  # 10M rows: coverage_by_desa warm under 1 s
TARGET_RATIO = 5  # DuckDB at least 5x faster than pandas
TARGET_PEAK_MB = 4096  # ingest of 10M rows under 4 GB
TARGET_ROWS = 10_000_000  # the size the time and memory targets are set for
RATIO_FROM_ROWS = 1_000_000  # below this both answer in milliseconds and the ratio says little
BAD_SHARE = {"desa": 0.005, "date": 0.003, "program": 0.002}  # rows the validator must reject

# ---------------------------------------------------------------- synthetic extract


def extract_table(n: int, seed: int = SEED) -> pa.Table:
    """n synthetic extract rows as text cells, the columns of domain.EXTRACT_COLUMNS; same seed, same rows."""
    rng = np.random.default_rng(seed)
    wilayah = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
    sasaran = pd.read_csv(settings.SAMPLE_DIR / ingest.SAMPLE_SASARAN, dtype={"kode_desa": str})
    weight = sasaran.groupby("kode_desa")["sasaran_workers"].sum().reindex(wilayah["kode_desa"]).to_numpy(float)
    desa = rng.choice(len(wilayah), n, p=weight / weight.sum())
    female = rng.random(n) < 0.45
    nik, born = _niks(n, wilayah["kode_kecamatan"].str[-2:].astype(int).to_numpy()[desa], female, rng)
    start = np.datetime64("2025-01-06") + rng.integers(0, (np.datetime64(AS_OF) - np.datetime64("2025-01-06"))
                                                        .astype(int) + 1, n).astype("timedelta64[D]")
    end = np.where(rng.random(n) < 0.8, np.datetime64("2026-12-31"),
                   start + rng.integers(30, 366, n).astype("timedelta64[D]"))
    titles = _titles()
    table = {
        "NIK": pc.cast(pa.array(nik), pa.string()),
        "NAMA": _names(n, female, rng),
        "NO KPJ": pc.cast(pa.array(25_100_000_000 + rng.permutation(n)), pa.string()),
        "TGL LAHIR": _text_dates(born),
        "JENIS KELAMIN": pa.array(np.where(female, "P", "L")),
        "JENIS PEKERJAAN": pa.array(np.array(titles)[rng.integers(0, len(titles), n)]),
        "DESA/KELURAHAN": pa.array(wilayah["desa"].to_numpy()[desa].astype(str)),
        "KECAMATAN": pa.array(wilayah["kecamatan"].to_numpy()[desa].astype(str)),
        "PROGRAM": pa.array(np.array(["JKK, JKM", "JKK, JKM, JHT", "JKK"])[
            rng.choice(3, n, p=[0.85, 0.1, 0.05])]),
        "TGL KEPESERTAAN": _text_dates(start),
        "TGL AKHIR": _text_dates(end),
        "STATUS": pa.array(np.where(end < np.datetime64(AS_OF), "NON AKTIF", "AKTIF")),
        "SUMBER IURAN": pa.array(np.array(["APBD", "Mandiri", "APBDes", "CSR"])[
            rng.choice(4, n, p=[0.7, 0.2, 0.05, 0.05])]),
        "PENGHASILAN": pc.cast(pa.array(1_000_000 + 50_000 * rng.integers(0, 50, n)), pa.string()),
    }
    for column, bad_value in (("DESA/KELURAHAN", "Antah Berantah"), ("TGL KEPESERTAAN", "31-02-2026"),
                              ("PROGRAM", "BPJS KESEHATAN")):
        share = BAD_SHARE[{"DESA/KELURAHAN": "desa", "TGL KEPESERTAAN": "date", "PROGRAM": "program"}[column]]
        bad = pa.array(rng.random(n) < share)
        table[column] = pc.if_else(bad, pa.scalar(bad_value), table[column])
    return pa.table(table)


def _niks(n: int, kecamatan: np.ndarray, female: np.ndarray, rng) -> tuple[np.ndarray, np.ndarray]:
    # 51 04 KK DD MM YY SSSS. Unique by construction: row i gets serial i % 9999 + 1 and birth date
    # number i // 9999 (13,440 distinct dates: room for 134M rows); rows are then shuffled.
    i = rng.permutation(n)
    serial, k = i % 9999 + 1, i // 9999
    day, month, year = k % 28 + 1, k // 28 % 12 + 1, 1960 + k // 336 % 40
    nik = ((((5104 * 100 + kecamatan) * 100 + day + 40 * female) * 100 + month) * 100 + year % 100) * 10_000 + serial
    born = (pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}))).to_numpy("datetime64[D]")
    return nik.astype(np.int64), born


def _text_dates(days: np.ndarray) -> pa.Array:
    return pc.strftime(pa.array(days.astype("datetime64[s]")), format="%d-%m-%Y")


def _titles() -> list[str]:
    by_sector: dict[str, list[str]] = {}
    for title, sector in OCCUPATION_ALIASES.items():
        by_sector.setdefault(sector, []).append(title)
    return [t for titles in by_sector.values() for t in titles[:3]]


def _names(n: int, female: np.ndarray, rng) -> pa.Array:
    syllables = np.array(["SU", "DAR", "MA", "WA", "TI", "KA", "RA", "NI", "DE", "PU", "YA", "SA", "GU", "NA"])
    given = pa.array(np.char.add(np.char.add(syllables[rng.integers(0, 14, 300)], syllables[rng.integers(0, 14, 300)]),
                                 syllables[rng.integers(0, 14, 300)]))
    order = np.array(["WAYAN ", "MADE ", "NYOMAN ", "KETUT ", "PUTU ", "KADEK ", "KOMANG "])
    prefix = np.char.add(np.where(female, "NI ", "I "), order[rng.integers(0, len(order), n)])
    return pc.binary_join_element_wise(pa.array(prefix), pc.take(given, pa.array(rng.integers(0, 300, n))), "")


def write_extract(n: int, folder: Path, seed: int = SEED, csv: bool = True) -> tuple[Path | None, Path]:
    """The synthetic extract as CSV (comma, UTF-8, quotes where needed; unless not `csv`) and as Parquet
    (text columns)."""
    table = extract_table(n, seed)
    csv_path, parquet_path = folder / f"peserta_{n}.csv", folder / f"peserta_{n}.parquet"
    if csv:
        pa_csv.write_csv(table, csv_path, pa_csv.WriteOptions(quoting_style="needed"))
    pq.write_table(table, parquet_path, row_group_size=CHUNK_ROWS)
    return (csv_path if csv else None), parquet_path


# ---------------------------------------------------------------- ingest in a subprocess


def new_store(path: Path) -> None:
    """A store with the region's desa and the sample sasaran, no participants."""
    con = db.connect(path)
    try:
        ingest.load_reference(con, settings.SAMPLE_DIR / ingest.SAMPLE_SASARAN)
    finally:
        con.close()


def ingest_child(store: Path, extract: Path, chunk_rows: int) -> dict:
    """Runs inside the subprocess: one bulk ingest, timed, with this process's peak memory."""
    new_store(store)
    con = db.connect(store)
    try:
        start = time.perf_counter()
        result = bulk.ingest_bulk(con, extract, loaded_by="bench", limits=bulk.BulkLimits(chunk_rows=chunk_rows))
        seconds = time.perf_counter() - start
    finally:
        con.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"seconds": seconds, "rows_total": result.rows_total, "rows_accepted": result.rows_accepted,
            "rows_rejected": result.rows_rejected, "peak_mb": peak_kb / 1024}


def ingest_in_subprocess(store: Path, extract: Path, chunk_rows: int = CHUNK_ROWS) -> dict:
    """Bulk-ingest one file in a fresh Python process; its figures come back as JSON."""
    command = [sys.executable, "-m", "benchmarks.scale", "--ingest", str(store), str(extract),
               "--chunk-rows", str(chunk_rows)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"ingest of {extract.name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- questions: DuckDB and pandas


def best_ms(func, runs: int = WARM_RUNS) -> tuple[float, object]:
    """Best wall time of `runs` calls (after one untimed warm-up call), and the last result."""
    result = func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), result


def duckdb_answers(con: db.Connection) -> dict[str, tuple[float, pd.DataFrame]]:
    """coverage_by_desa and gap_desa_sector on `con`, warm: (best ms, result)."""
    return {name: best_ms(lambda name=name: db.run_query(con, name, as_of=AS_OF, **FILTERS))
            for name in ("coverage_by_desa", "gap_desa_sector")}


def export_parquet(store: Path, folder: Path) -> str:
    """The store's participant records as hive-partitioned Parquet; returns the glob of its files."""
    con = db.connect(store, read_only=True)
    try:
        db.execute(con, "participant_export_parquet", folder=str(folder))
    finally:
        con.close()
    return str(folder / "*" / "*.parquet")


def parquet_connection(files: str) -> db.Connection:
    """An in-memory DuckDB whose `participant` is a view over Parquet files: queries/ run unchanged."""
    con = db.memory()
    ingest.load_reference(con, settings.SAMPLE_DIR / ingest.SAMPLE_SASARAN)
    db.execute(con, "participant_parquet_view", files=files)
    return con


def read_for_pandas(files: str, tuned: bool = True) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Participant records from the same Parquet, plus wilayah and sasaran, as a pandas app would hold them.

    tuned: dates as datetime64 and codes as categories (pandas at its best); otherwise pd.read_parquet's
    defaults (dates as Python date objects, codes as strings), as a first pandas version would have it.
    """
    columns = ["kode_desa", "sektor", "jkk", "jkm", "tgl_kepesertaan", "tgl_akhir"]
    folder = Path(files).parent.parent
    if tuned:
        participants = pq.read_table(folder, columns=columns).to_pandas(date_as_object=False,
                                                                         strings_to_categorical=True)
    else:
        participants = pd.read_parquet(folder, columns=columns)
    wilayah = pd.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", dtype=str)
    sasaran = pd.read_csv(settings.SAMPLE_DIR / ingest.SAMPLE_SASARAN, dtype={"kode_desa": str, "sektor": str})
    return participants, wilayah, sasaran


def _protected(participants: pd.DataFrame) -> pd.DataFrame:
    p = participants
    day = AS_OF if p["tgl_kepesertaan"].dtype == object else pd.Timestamp(AS_OF)  # date objects or datetime64
    return p[p["jkk"] & p["jkm"] & (p["tgl_kepesertaan"] <= day) & (p["tgl_akhir"] >= day)]


def pandas_coverage_by_desa(participants, wilayah, sasaran) -> pd.DataFrame:
    """queries/coverage_by_desa.sql without filters, in pandas."""
    protected = _protected(participants).groupby("kode_desa", observed=True).size().rename("protected_workers")
    target = sasaran.groupby("kode_desa")["sasaran_workers"].sum()
    out = wilayah[["kode_desa", "desa", "jenis", "kode_kecamatan", "kecamatan"]].set_index("kode_desa")
    out = out.join(target).join(protected).fillna({"sasaran_workers": 0, "protected_workers": 0})
    out["coverage_pct"] = 100.0 * out["protected_workers"] / out["sasaran_workers"].where(out["sasaran_workers"] > 0)
    out["gap_workers"] = (out["sasaran_workers"] - out["protected_workers"]).clip(lower=0)
    return out.reset_index().sort_values("kode_desa", ignore_index=True)


def pandas_gap_desa_sector(participants, wilayah, sasaran) -> pd.DataFrame:
    """queries/gap_desa_sector.sql without filters, in pandas."""
    protected = (_protected(participants).groupby(["kode_desa", "sektor"], observed=True).size()
                 .rename("protected_workers").reset_index())
    protected["kode_desa"] = protected["kode_desa"].astype(str)
    cells = sasaran.merge(protected, on=["kode_desa", "sektor"], how="outer").fillna(
        {"sasaran_workers": 0, "protected_workers": 0})
    cells = cells.merge(wilayah[["kode_desa", "desa", "kode_kecamatan", "kecamatan"]], on="kode_desa")
    cells["coverage_pct"] = 100.0 * cells["protected_workers"] / cells["sasaran_workers"].where(
        cells["sasaran_workers"] > 0)
    cells["gap_workers"] = (cells["sasaran_workers"] - cells["protected_workers"]).clip(lower=0)
    return cells.sort_values(["gap_workers", "kode_desa", "sektor"], ascending=[False, True, True],
                             ignore_index=True)


def pandas_answers(participants, wilayah, sasaran) -> dict[str, tuple[float, pd.DataFrame]]:
    """The same two questions in pandas on data already in memory, warm: (best ms, result)."""
    return {"coverage_by_desa": best_ms(lambda: pandas_coverage_by_desa(participants, wilayah, sasaran)),
            "gap_desa_sector": best_ms(lambda: pandas_gap_desa_sector(participants, wilayah, sasaran))}


def read_for_polars(files: str):
    """The same Parquet as polars holds it at its best: desa and sector as Enum columns, dates as dates."""
    wilayah = pl.read_csv(settings.REFERENCE_DIR / "wilayah_gianyar.csv", infer_schema=False)
    sasaran = pl.read_csv(settings.SAMPLE_DIR / ingest.SAMPLE_SASARAN,
                          schema_overrides={"kode_desa": pl.String, "sektor": pl.String})
    codes, sectors = pl.Enum(wilayah["kode_desa"].to_list()), pl.Enum(list(SECTORS))
    participants = pl.read_parquet(files, columns=["kode_desa", "sektor", "jkk", "jkm", "tgl_kepesertaan",
                                                   "tgl_akhir"], hive_partitioning=False).with_columns(
        pl.col("kode_desa").cast(pl.String).cast(codes), pl.col("sektor").cast(pl.String).cast(sectors))
    return participants, wilayah, sasaran


def _polars_protected(participants, keys: list[str]):
    protected = participants.lazy().filter(pl.col("jkk") & pl.col("jkm") & (pl.col("tgl_kepesertaan") <= AS_OF)
                                           & (pl.col("tgl_akhir") >= AS_OF))
    return protected.group_by(keys).len("protected_workers").with_columns(pl.col(keys).cast(pl.String))


def _polars_finish(cells, order: list[str], descending: list[bool]):
    cells = cells.with_columns(pl.col("sasaran_workers", "protected_workers").fill_null(0).cast(pl.Int64))
    return cells.with_columns(
        coverage_pct=100.0 * pl.col("protected_workers") / pl.when(pl.col("sasaran_workers") > 0)
        .then(pl.col("sasaran_workers")),
        gap_workers=(pl.col("sasaran_workers") - pl.col("protected_workers")).clip(lower_bound=0),
    ).sort(order, descending=descending).collect()


def polars_coverage_by_desa(participants, wilayah, sasaran):
    """queries/coverage_by_desa.sql without filters, in polars (lazy, both cores)."""
    target = sasaran.lazy().group_by("kode_desa").agg(sasaran_workers=pl.col("sasaran_workers").sum())
    cells = (wilayah.lazy().select("kode_desa", "desa", "jenis", "kode_kecamatan", "kecamatan")
             .join(target, on="kode_desa", how="left").join(_polars_protected(participants, ["kode_desa"]),
                                                           on="kode_desa", how="left"))
    return _polars_finish(cells, ["kode_desa"], [False])


def polars_gap_desa_sector(participants, wilayah, sasaran):
    """queries/gap_desa_sector.sql without filters, in polars."""
    keys = ["kode_desa", "sektor"]
    cells = (sasaran.lazy().select(*keys, "sasaran_workers")
             .join(_polars_protected(participants, keys), on=keys, how="full", coalesce=True)
             .join(wilayah.lazy().select("kode_desa", "desa", "kode_kecamatan", "kecamatan"), on="kode_desa"))
    return _polars_finish(cells, ["gap_workers", *keys], [True, False, False])


def polars_answers(participants, wilayah, sasaran) -> dict[str, tuple[float, pd.DataFrame]]:
    """The same two questions in polars on data already in memory, warm: (best ms, result as pandas)."""
    return {name: (ms, result.to_pandas()) for name, (ms, result) in (
        ("coverage_by_desa", best_ms(lambda: polars_coverage_by_desa(participants, wilayah, sasaran))),
        ("gap_desa_sector", best_ms(lambda: polars_gap_desa_sector(participants, wilayah, sasaran))))}


# ---------------------------------------------------------------- page


def time_ringkasan(store: Path) -> dict:
    """Ringkasan page run server side on this store (cold, warm) as benchmarks/pages.py times it."""
    import streamlit as st

    from benchmarks import pages
    from jamsostek.ui import context

    previous = os.environ.get(settings.ENV_DB)
    os.environ[settings.ENV_DB] = str(store)
    try:
        return pages.time_page("pages/ringkasan.py", warm_runs=2)
    finally:
        context.connection().close()  # the app's read-write connection would keep the store file open
        st.cache_resource.clear()
        st.cache_data.clear()
        if previous is None:
            os.environ.pop(settings.ENV_DB, None)
        else:
            os.environ[settings.ENV_DB] = previous


# ---------------------------------------------------------------- one size


@dataclass
class SizeResult:
    """Printed rows for one size, and the answers DuckDB and pandas gave (the tests compare them)."""

    rows: list[dict] = field(default_factory=list)
    duckdb: dict[str, pd.DataFrame] = field(default_factory=dict)
    over_parquet: dict[str, pd.DataFrame] = field(default_factory=dict)
    pandas: dict[str, pd.DataFrame] = field(default_factory=dict)
    pandas_plain: dict[str, pd.DataFrame] = field(default_factory=dict)
    polars: dict[str, pd.DataFrame] = field(default_factory=dict)


def _row(n: int, step: str, time_s: str = "", rate: str = "", memory: str = "", other: str = "",
         ratio: str = "", target: str = "", met: str = "") -> dict:
    return {"rows": f"{n:,}", "step": step, "time": time_s, "rows_per_s": rate, "peak_memory": memory,
            "other": other, "other_over_duckdb": ratio, "target": target, "met": met}


def _ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def _met(ok: bool, applies: bool = True) -> str:
    return ("yes" if ok else "NO") if applies else "-"


def compare_questions(n: int, store: Path, files: str, out: SizeResult) -> None:
    """The two questions on `store`, over its Parquet export `files`, in pandas and in polars: rows into `out`."""
    at_target = n >= TARGET_ROWS
    con = db.connect(store, read_only=True)
    try:
        answers = duckdb_answers(con)
    finally:
        con.close()
    parquet_con = parquet_connection(files)
    try:
        over_parquet = duckdb_answers(parquet_con)
    finally:
        parquet_con.close()
    in_pandas = {}
    for tuned, label in ((True, "tuned"), (False, "plain")):
        start = time.perf_counter()
        frames = read_for_pandas(files, tuned)
        read_s = time.perf_counter() - start
        in_pandas[label] = pandas_answers(*frames)
        del frames
        out.rows.append(_row(n, f"pandas: read participant Parquet ({label})", f"{read_s * 1000:,.0f} ms"))
    start = time.perf_counter()
    frames = read_for_polars(files)
    read_s = time.perf_counter() - start
    in_polars = polars_answers(*frames)
    del frames
    out.rows.append(_row(n, "polars: read participant Parquet (Enum codes)", f"{read_s * 1000:,.0f} ms"))
    for name in answers:
        duck_ms, parquet_ms = answers[name][0], over_parquet[name][0]
        tuned_ms, plain_ms = in_pandas["tuned"][name][0], in_pandas["plain"][name][0]
        ratio = tuned_ms / duck_ms
        target = f"< {TARGET_DESA_MS:,} ms at 10M; " if name == "coverage_by_desa" else ""
        met = ratio >= TARGET_RATIO and (name != "coverage_by_desa" or duck_ms < TARGET_DESA_MS or not at_target)
        out.rows.append(_row(n, f"{name} warm (store) vs tuned pandas", _ms(duck_ms), other=_ms(tuned_ms),
                             ratio=f"{ratio:,.1f}x", target=target + f">= {TARGET_RATIO}x",
                             met=_met(met, n >= RATIO_FROM_ROWS)))
        out.rows.append(_row(n, f"{name} warm (store) vs plain pandas", _ms(duck_ms), other=_ms(plain_ms),
                             ratio=f"{plain_ms / duck_ms:,.1f}x"))
        out.rows.append(_row(n, f"{name} warm (over Parquet)", _ms(parquet_ms), other=_ms(tuned_ms),
                             ratio=f"{tuned_ms / parquet_ms:,.1f}x"))
        polars_ms = in_polars[name][0]
        out.rows.append(_row(n, f"{name} warm (store) vs polars", _ms(duck_ms), other=_ms(polars_ms),
                             ratio=f"{polars_ms / duck_ms:,.1f}x", target=">= 1x (no slower than polars)",
                             met=_met(polars_ms >= duck_ms, n >= RATIO_FROM_ROWS)))
        out.duckdb[name], out.over_parquet[name] = answers[name][1], over_parquet[name][1]
        out.polars[name] = in_polars[name][1]
        out.pandas[name], out.pandas_plain[name] = in_pandas["tuned"][name][1], in_pandas["plain"][name][1]


def measure(n: int, folder: Path, page: bool = True, chunk_rows: int = CHUNK_ROWS) -> SizeResult:
    """Every figure for one size, in `folder` (extract, stores, Parquet export)."""
    out = SizeResult()
    at_target = n >= TARGET_ROWS
    start = time.perf_counter()
    csv_path, parquet_path = write_extract(n, folder)
    out.rows.append(_row(n, f"write extract ({csv_path.stat().st_size / 2**20:,.0f} MB CSV, "
                            f"{parquet_path.stat().st_size / 2**20:,.0f} MB Parquet)",
                         f"{time.perf_counter() - start:,.1f} s"))
    stores = {}
    for kind, path in (("CSV", csv_path), ("Parquet", parquet_path)):
        stores[kind] = folder / f"store_{kind.lower()}.duckdb"
        got = ingest_in_subprocess(stores[kind], path, chunk_rows)
        out.rows.append(_row(n, f"ingest {kind} (bulk, {got['rows_rejected']:,} rejected)", f"{got['seconds']:,.1f} s",
                             f"{got['rows_total'] / got['seconds']:,.0f}", f"{got['peak_mb']:,.0f} MB",
                             target=f"< {TARGET_PEAK_MB:,} MB at 10M",
                             met=_met(got["peak_mb"] < TARGET_PEAK_MB, at_target)))
    compare_questions(n, stores["CSV"], export_parquet(stores["CSV"], folder / "participant"), out)
    if page:
        timed = time_ringkasan(stores["CSV"])
        out.rows.append(_row(n, "page ringkasan (AppTest)", f"cold {timed['cold_ms']:,.0f} ms, "
                                                             f"warm {timed['warm_ms']:,.0f} ms"))
    return out


def measure_national(n: int, folder: Path, chunk_rows: int = CHUNK_ROWS) -> SizeResult:
    """National size: the extract as Parquet only, its bulk ingest (time, peak memory) and the two questions
    warm on the store. No CSV (the same reader, slower) and no pandas or polars (they hold every record in
    memory: at 50M that, not the store, is the limit)."""
    out = SizeResult()
    start = time.perf_counter()
    _, parquet_path = write_extract(n, folder, csv=False)
    out.rows.append(_row(n, f"write extract ({parquet_path.stat().st_size / 2**20:,.0f} MB Parquet)",
                         f"{time.perf_counter() - start:,.1f} s"))
    store = folder / "store_parquet.duckdb"
    got = ingest_in_subprocess(store, parquet_path, chunk_rows)
    out.rows.append(_row(n, f"ingest Parquet (bulk, {got['rows_rejected']:,} rejected)", f"{got['seconds']:,.1f} s",
                         f"{got['rows_total'] / got['seconds']:,.0f}", f"{got['peak_mb']:,.0f} MB"))
    out.rows.append(_row(n, f"store file ({store.stat().st_size / 2**30:,.1f} GB)"))
    con = db.connect(store, read_only=True)
    try:
        for name, (ms, _) in duckdb_answers(con).items():
            out.rows.append(_row(n, f"{name} warm (store)", _ms(ms), target=f"< {TARGET_DESA_MS:,} ms",
                                 met=_met(ms < TARGET_DESA_MS)))
    finally:
        con.close()
    return out


def run(sizes: tuple[int, ...] = SIZES, page: bool = True) -> tuple[str, list[dict]]:
    """(title, rows) for every size; extracts and stores live in a tmp folder removed afterwards."""
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"jamsostek-scale-{n}-") as tmp:
            result = measure(n, Path(tmp), page=page)
        rows += result.rows
        print(f"  {n:,} rows measured", file=sys.stderr, flush=True)
    return f"Scale (2 cores here; other_over_duckdb = pandas or polars time / DuckDB time, warm, as of {AS_OF})", rows


def parse_sizes(text: str) -> tuple[int, ...]:
    """'200000,2000000' or '200k,2M' -> (200000, 2000000)."""
    scale = {"k": 1_000, "m": 1_000_000}
    return tuple(int(float(s[:-1]) * scale[s[-1].lower()]) if s[-1].lower() in scale else int(s)
                 for s in text.replace("_", "").split(",") if s.strip())


def main(argv: list[str] | None = None) -> int:
    """python -m benchmarks.scale [--sizes ...] (and the --ingest child used by ingest_in_subprocess)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=SIZES, help="rows per extract, e.g. 200k,2M,10M")
    parser.add_argument("--no-page", action="store_true", help="skip the Ringkasan page run")
    parser.add_argument("--national", type=parse_sizes, metavar="SIZE",
                        help="national size (e.g. 50M): Parquet ingest and the store's questions only")
    parser.add_argument("--ingest", nargs=2, metavar=("STORE", "EXTRACT"), help=argparse.SUPPRESS)
    parser.add_argument("--chunk-rows", type=int, default=CHUNK_ROWS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ingest:
        print(json.dumps(ingest_child(Path(args.ingest[0]), Path(args.ingest[1]), args.chunk_rows)))
        return 0
    from benchmarks.report import print_table

    with tempfile.TemporaryDirectory(prefix="jamsostek-bench-") as tmp:
        os.environ.setdefault(settings.ENV_CACHE_DIR, str(Path(tmp) / "cache"))
        if args.national:
            with tempfile.TemporaryDirectory(prefix="jamsostek-national-") as work:
                rows = measure_national(args.national[0], Path(work)).rows
            print_table(f"National size ({args.national[0]:,} participants; 2 cores, as of {AS_OF})", rows)
        else:
            print_table(*run(args.sizes, page=not args.no_page))
    return 0


if __name__ == "__main__":
    sys.exit(main())
