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
ENV_DEMO = "JAMSOSTEK_DEMO"
ENV_IDLE_MINUTES = "JAMSOSTEK_IDLE_MINUTES"
ENV_REAUTH_MINUTES = "JAMSOSTEK_REAUTH_MINUTES"
ENV_TRUSTED_PROXIES = "JAMSOSTEK_TRUSTED_PROXIES"

DEFAULT_DB = DATA_DIR / "jamsostek.duckdb"
DEFAULT_CACHE_DIR = DATA_DIR / "cache"
DEFAULT_REGION = "51.04"  # Kemendagri code of Kabupaten Gianyar
DEFAULT_IDLE_MINUTES = 30  # a signed-in session left alone this long is signed out
DEFAULT_REAUTH_MINUTES = 5  # a password typed again holds this long for NIK reveals and detail exports
_YES = {"1", "true", "yes", "ya", "on"}

# Programme facts (../shared/reference/DOMAIN.md).
JKK_MIN_RP_PER_MONTH = 10_000  # PP 44/2015: 1 % of income, minimum Rp10.000
JKM_RP_PER_MONTH = 6_800  # PP 44/2015
CONTRIBUTION_RP_PER_MONTH = JKK_MIN_RP_PER_MONTH + JKM_RP_PER_MONTH  # Rp16.800
LAUNCH_DATE = date(2025, 11, 3)  # first APBD batch launched at MPP Gianyar
LAUNCH_WORKERS = 1_136
TARGET_WORKERS_2026 = 13_200  # Perbup 35/2025 "Perisai Aman" target
VERIFIED_WORKERS_2026 = 8_733  # after first verification
LAPSING_WINDOW_DAYS = 30


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


def demo_mode() -> bool:
    """True when JAMSOSTEK_DEMO asks for the demo: visitors who have not signed in may record meetings,
    actions and scenarios (a banner on every page says so). Off unless set."""
    return (os.environ.get(ENV_DEMO) or "").strip().lower() in _YES


def _minutes(name: str, default: int) -> float:
    value = (os.environ.get(name) or "").strip()
    try:
        minutes = float(value) if value else default
    except ValueError:
        return default  # a typo in the service file keeps the safe default rather than stopping the app
    return minutes if minutes > 0 else default


def idle_minutes() -> float:
    """Minutes without any action after which a signed-in session is signed out (JAMSOSTEK_IDLE_MINUTES)."""
    return _minutes(ENV_IDLE_MINUTES, DEFAULT_IDLE_MINUTES)


def reauth_minutes() -> float:
    """How long a password typed again allows NIK reveals and detail exports (JAMSOSTEK_REAUTH_MINUTES)."""
    return _minutes(ENV_REAUTH_MINUTES, DEFAULT_REAUTH_MINUTES)


def trusted_proxies() -> tuple[str, ...]:
    """Addresses of the reverse proxies whose X-Forwarded-For is believed (JAMSOSTEK_TRUSTED_PROXIES,
    comma-separated, e.g. 127.0.0.1 for an nginx on the same server). None by default."""
    return tuple(a.strip() for a in (os.environ.get(ENV_TRUSTED_PROXIES) or "").split(",") if a.strip())
