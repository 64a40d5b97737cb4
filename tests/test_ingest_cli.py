"""`python -m jamsostek ingest`: exit codes, one transaction per file, --map/--profile/--as-of, the audit log."""

from __future__ import annotations

import getpass
import subprocess
import sys
from datetime import date

import pytest

from jamsostek import cli, settings
from jamsostek.ingest import cli as ingest_cli
from jamsostek.ingest import profiles
from jamsostek.store import db
from tests import extracts as ex

FULL_WIDTH_NIK = "".join(chr(ord(c) + 0xFEE0) for c in ex.nik(900))  # ５１０４…


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    from tests.conftest import SASARAN, load_sasaran
    load_sasaran(con, SASARAN)
    con.close()
    monkeypatch.setenv(settings.ENV_DB, str(path))
    monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path / "cache"))
    return path


def write(tmp_path, name: str, records, **kwargs):
    path = tmp_path / name
    path.write_bytes(ex.csv_bytes(records, **kwargs))
    return path


def batches(path) -> list[tuple]:
    con = db.connect(path, read_only=True)
    try:
        return con.execute("select file_name, rows_accepted, extract_date from batch order by batch_id").fetchall()
    finally:
        con.close()


def test_exit_codes(store, tmp_path, capsys):
    good, partly = write(tmp_path, "a.csv", ex.rows(3)), write(tmp_path, "b.csv", [*ex.rows(2, 10), ["x"] * 14])
    nothing = write(tmp_path, "c.csv", [["x"] * 14])
    assert cli.main(["ingest", str(good)]) == ingest_cli.EXIT_OK == 0
    assert cli.main(["ingest", str(good)]) == 0  # already loaded: nothing to do is no failure
    assert cli.main(["ingest", str(partly)]) == ingest_cli.EXIT_PARTIAL == 3
    assert cli.main(["ingest", str(nothing), str(tmp_path / "missing.csv")]) == ingest_cli.EXIT_REFUSED == 4
    assert cli.main(["ingest", str(write(tmp_path, "d.csv", ex.rows(1, 20))), str(nothing)]) == 3
    assert "Traceback" not in capsys.readouterr().err


def test_each_file_is_its_own_transaction_and_a_crash_names_no_nik(store, tmp_path, capsys, monkeypatch):
    from jamsostek.ingest import load

    real = load.commit_extract

    def crash_on_second(con, raw, checked, **kwargs):
        if raw.file_name == "kedua.csv":
            raise RuntimeError(f"boom {ex.nik(5)}")  # an error whose text holds a NIK
        return real(con, raw, checked, **kwargs)

    monkeypatch.setattr(load, "commit_extract", crash_on_second)
    files = [write(tmp_path, n, ex.rows(2, k * 10)) for k, n in enumerate(("satu.csv", "kedua.csv", "tiga.csv"))]
    assert cli.main(["ingest", *map(str, files)]) == 3
    err = capsys.readouterr().err
    assert "kedua.csv: kesalahan tak terduga (RuntimeError)" in err and ex.nik(5) not in err
    assert [b[0] for b in batches(store)] == ["satu.csv", "tiga.csv"]


def test_non_ascii_digits_load_instead_of_crashing(store, tmp_path, capsys):
    path = write(tmp_path, "lebar.csv", [ex.row(0, NIK=FULL_WIDTH_NIK), ex.row(1, NIK="٥١٠٤")])
    assert cli.main(["ingest", str(path)]) == 3
    out, err = capsys.readouterr()
    assert "1 baris dimuat, 1 ditolak" in out and "Traceback" not in err and "5104" not in err


def test_unknown_headers_are_mapped_with_map_and_profile(store, tmp_path, capsys):
    header = [h if h != "DESA/KELURAHAN" else "LOKASI" for h in ex.HEADER]
    path = write(tmp_path, "lokasi.csv", ex.rows(2), header=header)
    assert cli.main(["ingest", str(path)]) == 4
    err = capsys.readouterr().err
    assert "'LOKASI'" in err and '--map "LOKASI=FIELD"' in err
    assert cli.main(["ingest", str(path), "--map", "LOKASI=desa"]) == 0
    con = db.connect(store)
    profiles.save(con, "Ekspor cabang", {"LOKASI": "desa"}, "dina")
    con.close()
    other = write(tmp_path, "lokasi2.csv", ex.rows(2, 30), header=header)
    assert cli.main(["ingest", str(other), "--profile", "Ekspor cabang"]) == 0
    assert cli.main(["ingest", str(other), "--profile", "Tidak ada"]) == 4
    assert "Profil kolom 'Tidak ada' tidak ada" in capsys.readouterr().err


def test_a_wrong_map_is_a_usage_error(store, capsys):
    assert cli.main(["ingest", "x.csv", "--map", "LOKASI=kota"]) == 2
    assert "Kolom di berkas=FIELD" in capsys.readouterr().err


def test_as_of_is_taken_from_the_option_and_every_load_is_audited_with_the_os_user(store, tmp_path):
    path = write(tmp_path, "ekstrak.csv", ex.rows(2))
    assert cli.main(["ingest", str(path), "--as-of", "2026-02-01", "--user", "operator"]) == 0
    assert batches(store) == [("ekstrak.csv", 2, date(2026, 2, 1))]
    con = db.connect(store, read_only=True)
    actor, action, detail = con.execute("select actor, action, detail from audit_log").fetchone()
    con.close()
    assert (actor, action) == (f"{getpass.getuser()} (cli)", "upload_commit")
    assert "ekstrak.csv" in detail and "2 dimuat" in detail


def test_a_store_held_by_the_running_app_is_one_indonesian_sentence(store, tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); "
                               "print('ok', flush=True); time.sleep(30)", str(store)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        path = write(tmp_path, "a.csv", ex.rows(1))
        run = subprocess.run([sys.executable, "-m", "jamsostek", "ingest", str(path)], capture_output=True,
                             text=True, timeout=60, cwd=settings.ROOT)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == ingest_cli.EXIT_BUSY == 5
    assert "Traceback" not in run.stderr and "halaman Unggah" in run.stderr
    assert run.stderr.strip().count("\n") == 0
