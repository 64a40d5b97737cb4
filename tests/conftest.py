"""Shared fixtures: a small store with hand-computed answers (see tests/test_queries.py)."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_BOUNDARIES = ROOT.parent / "shared" / "reference" / "boundaries" / "bali"

# Tests never touch the developer's store or cache, and read boundaries from the shared folder.
os.environ.setdefault("JAMSOSTEK_BOUNDARIES_DIR", str(SHARED_BOUNDARIES))

from jamsostek.store import db  # noqa: E402
from jamsostek.ingest import load as ingest  # noqa: E402
from jamsostek.geo import wilayah  # noqa: E402
from jamsostek.ingest.validate import STORE_COLUMNS, Validated  # noqa: E402

BATUBULAN, KETEWEL, MAS = "51.04.01.2001", "51.04.01.2002", "51.04.05.2002"
SUKAWATI, UBUD = "51.04.01", "51.04.05"
AS_OF = date(2026, 1, 10)

SASARAN = [
    (BATUBULAN, "petani", 10), (BATUBULAN, "pedagang_kecil", 5), (KETEWEL, "nelayan", 4),
    (MAS, "pengrajin", 8), (MAS, "petani", 2),
]

# nik suffix, desa, sektor, programmes, start, paid-until, funding
PARTICIPANTS = [
    ("01", BATUBULAN, "petani", "JKK JKM", "2025-11-03", "2026-12-31", "APBD"),          # protected
    ("02", BATUBULAN, "petani", "JKK JKM", "2025-11-03", "2025-12-31", "APBD"),          # lapsed
    ("03", BATUBULAN, "pedagang_kecil", "JKK", "2026-01-05", "2026-12-31", "MANDIRI"),   # no JKM
    ("04", BATUBULAN, "pedagang_kecil", "JKK JKM JHT", "2026-01-08", "2026-01-31", "MANDIRI"),  # new, lapsing
    ("05", KETEWEL, "nelayan", "JKK JKM", "2026-01-12", "2026-12-31", "APBD"),           # starts after as_of
    ("06", MAS, "pengrajin", "JKK JKM", "2025-12-01", "2026-01-10", "CSR"),              # ends on as_of
    ("07", MAS, "lainnya", "JKK JKM", "2025-12-01", "2026-06-30", "APBDES"),             # no sasaran cell
    ("08", KETEWEL, "nelayan", "JKK JKM", "2026-01-03", "2026-12-31", "APBD"),           # starts as_of - 7
]


def nik(suffix: str) -> str:
    """A structurally valid Gianyar NIK ending in the given two digits."""
    return f"51040115059000{suffix}"


def enrolment_frame(rows: list[tuple]) -> pd.DataFrame:
    """Rows shaped as validate.STORE_COLUMNS from the compact tuples above."""
    records = []
    for i, (suffix, desa, sektor, programs, start, end, funding) in enumerate(rows, start=2):
        records.append({
            "row_number": i, "nik": nik(suffix), "nama": f"Peserta {suffix}", "no_kpj": f"900000000{suffix}",
            "tgl_lahir": date(1990, 5, 15), "jenis_kelamin": "L", "sektor": sektor, "kode_desa": desa,
            "jkk": "JKK" in programs, "jkm": "JKM" in programs, "jht": "JHT" in programs,
            "tgl_kepesertaan": date.fromisoformat(start), "tgl_akhir": date.fromisoformat(end),
            "status": "AKTIF", "sumber_iuran": funding, "penghasilan_rp": 2_000_000,
        })
    return pd.DataFrame(records, columns=STORE_COLUMNS)


def load_rows(con, rows: list[tuple], name: str = "fixture.csv") -> ingest.IngestResult:
    """Commit rows as one batch through the real commit path."""
    accepted = enrolment_frame(rows)
    raw = SimpleNamespace(file_name=name, sha256=hashlib.sha256(repr(rows).encode()).hexdigest())
    empty = pd.DataFrame(columns=["row_number", "field", "reason_code", "reason_id", "reason_en"])
    return ingest.commit_extract(con, raw, Validated(accepted, empty, len(rows)), loaded_by="test")


def load_sasaran(con, cells: list[tuple]) -> None:
    """Load Gianyar's desa and the given sasaran cells."""
    frame = pd.DataFrame(cells, columns=["kode_desa", "sektor", "sasaran_workers"])
    with db.transaction(con):
        db.stage(con, "staged_wilayah", wilayah.load_wilayah("51.04"))
        db.stage(con, "staged_sasaran", frame)
        db.execute(con, "reference_load")


def serve_store(patch: pytest.MonkeyPatch, path: Path, folder: Path) -> None:
    """Point AppTest's app at the store `path` (cache in `folder`) with no accounts configured: the open,
    local mode, where a write asks for a role the session state gives."""
    from jamsostek import settings
    from jamsostek.access import auth

    patch.setenv(settings.ENV_DB, str(path))
    patch.setenv(settings.ENV_CACHE_DIR, str(folder / "cache"))
    for name in (auth.ENV_ADMINS, auth.ENV_VIEWERS, auth.ENV_REQUIRE_VIEWER_SIGNIN, settings.ENV_DEMO):
        patch.delenv(name, raising=False)
    patch.setattr(auth, "DEFAULT_SECRETS", folder / "no-secrets.toml")


def open_app(page: str, session: dict | None = None, query: dict | None = None, timeout: int = 120):
    """A new browser session (AppTest) of dashboard.py on `page`; session state and URL values set first."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture
def store():
    """In-memory store holding the fixture above."""
    con = db.memory()
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    yield con
    con.close()
