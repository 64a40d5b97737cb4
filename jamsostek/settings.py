"""Settings: named constants and environment variables, each documented in README.md."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
REFERENCE_DIR = DATA_DIR / "reference"
SAMPLE_DIR = DATA_DIR / "sample"

# Environment variables (documented in README "Settings").
ENV_DB = "JAMSOSTEK_DB"
ENV_BOUNDARIES_DIR = "JAMSOSTEK_BOUNDARIES_DIR"
ENV_CACHE_DIR = "JAMSOSTEK_CACHE_DIR"
ENV_REGION = "JAMSOSTEK_REGION"

DEFAULT_DB = DATA_DIR / "jamsostek.duckdb"
DEFAULT_CACHE_DIR = DATA_DIR / "cache"
DEFAULT_REGION = "51.04"  # Kemendagri code of Kabupaten Gianyar

# Programme facts (../shared/reference/DOMAIN.md).
JKK_MIN_RP_PER_MONTH = 10_000  # PP 44/2015: 1 % of income, minimum Rp10.000
JKM_RP_PER_MONTH = 6_800  # PP 44/2015
CONTRIBUTION_RP_PER_MONTH = JKK_MIN_RP_PER_MONTH + JKM_RP_PER_MONTH  # Rp16.800
LAUNCH_DATE = date(2025, 11, 3)  # first APBD batch launched at MPP Gianyar
LAUNCH_WORKERS = 1_136
TARGET_WORKERS_2026 = 13_200  # Perbup 35/2025 "Perisai Aman" target
VERIFIED_WORKERS_2026 = 8_733  # after first verification
LAPSING_WINDOW_DAYS = 30
# Who is reached: a desa x sex x age cell of fewer people than this is hidden from viewers (and documents).
SMALL_CELL_MIN = 5


def db_path() -> Path:
    """Path of the DuckDB store (JAMSOSTEK_DB, default data/jamsostek.duckdb)."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


def cache_dir() -> Path:
    """Folder for derived, git-ignored files such as simplified boundary layers."""
    return Path(os.environ.get(ENV_CACHE_DIR) or DEFAULT_CACHE_DIR)


def boundaries_dir() -> Path | None:
    """Local folder holding upstream boundary files, if the user named one."""
    value = os.environ.get(ENV_BOUNDARIES_DIR)
    return Path(value) if value else None


def region() -> str:
    """Kemendagri code of the region served: a regency (51.04) or a province (51)."""
    return os.environ.get(ENV_REGION) or DEFAULT_REGION
