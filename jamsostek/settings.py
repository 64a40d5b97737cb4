"""Settings: named constants and environment variables, each documented in README.md.

The only module that reads the environment. `problems()` checks every variable once at start-up
(dashboard.py and the command line), so a typo is a clear message rather than an empty map.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jamsostek.domain import FUNDING_SOURCES

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
ENV_PROGRAMME_FUNDING = "JAMSOSTEK_PROGRAMME_FUNDING"
ENV_ADMINS = "JAMSOSTEK_ADMINS"
ENV_VIEWERS = "JAMSOSTEK_VIEWERS"
ENV_REQUIRE_VIEWER_SIGNIN = "JAMSOSTEK_REQUIRE_VIEWER_SIGNIN"
ENV_AUDIT_KEY = "JAMSOSTEK_AUDIT_KEY"
ENV_SHARED = "JAMSOSTEK_SHARED"
ENV_BACKUP_DIR = "JAMSOSTEK_BACKUP_DIR"
ENV_DEMO = "JAMSOSTEK_DEMO"
ENV_IDLE_MINUTES = "JAMSOSTEK_IDLE_MINUTES"
ENV_REAUTH_MINUTES = "JAMSOSTEK_REAUTH_MINUTES"
ENV_TRUSTED_PROXIES = "JAMSOSTEK_TRUSTED_PROXIES"
ENV_NOTULIS = "JAMSOSTEK_NOTULIS"
ENV_PERENCANA = "JAMSOSTEK_PERENCANA"
ENV_PENGUSUL = "JAMSOSTEK_PENGUSUL"
ENV_NAMES = (ENV_DB, ENV_BOUNDARIES_DIR, ENV_CACHE_DIR, ENV_REGION, ENV_ADMINS, ENV_VIEWERS,
             ENV_REQUIRE_VIEWER_SIGNIN, ENV_AUDIT_KEY, ENV_PROGRAMME_FUNDING, ENV_SHARED, ENV_BACKUP_DIR,
             ENV_DEMO, ENV_IDLE_MINUTES, ENV_REAUTH_MINUTES, ENV_TRUSTED_PROXIES, ENV_NOTULIS, ENV_PERENCANA,
             ENV_PENGUSUL)
YES = frozenset({"1", "true", "yes", "ya", "on"})
NO = frozenset({"", "0", "false", "no", "tidak", "off"})
REGION_CODE = re.compile(r"[0-9]{2}(\.[0-9]{2})?")  # a province (51) or a regency (51.04)

DEFAULT_DB = DATA_DIR / "jamsostek.duckdb"
DEFAULT_CACHE_DIR = DATA_DIR / "cache"
DEFAULT_REGION = "51.04"  # Kemendagri code of Kabupaten Gianyar
DEFAULT_BACKUP_DIR = DATA_DIR / "backups"
BACKUP_KEEP = 14  # nightly backups kept: two weeks

# Limits of one extract file, the same in the browser and on the command line (README, Ingest).
EXTRACT_MAX_MB = 50  # raw file size, checked before anything is read
EXTRACT_MAX_ROWS = 100_000  # data rows (Gianyar has ~520.000 inhabitants): beyond it, split the file
# The upload widget's own ceiling, above EXTRACT_MAX_MB so that a file over the limit is refused by the app
# with the Indonesian message and the fix; only files above this are refused by Streamlit itself (in English).
UPLOAD_WIDGET_MB = 200
DEFAULT_IDLE_MINUTES = 30  # a signed-in session left alone this long is signed out
DEFAULT_REAUTH_MINUTES = 5  # a password typed again holds this long for NIK reveals and detail exports

# Programme facts (../shared/reference/DOMAIN.md).
JKK_MIN_RP_PER_MONTH = 10_000  # PP 44/2015: 1 % of income, minimum Rp10.000
JKM_RP_PER_MONTH = 6_800  # PP 44/2015
CONTRIBUTION_RP_PER_MONTH = JKK_MIN_RP_PER_MONTH + JKM_RP_PER_MONTH  # Rp16.800
LAUNCH_DATE = date(2025, 11, 3)  # first APBD batch launched at MPP Gianyar
LAUNCH_WORKERS = 1_136
TARGET_WORKERS_2026 = 13_200  # Perbup 35/2025 "Perisai Aman" target
VERIFIED_WORKERS_2026 = 8_733  # after first verification
LAPSING_WINDOW_DAYS = 30
# Funding sources that count as the Perisai Aman programme: its protected workers, growth since the
# launch, progress to the 13.200 target and cost (README, Settings). The regency pays its workers (APBD).
DEFAULT_PROGRAMME_FUNDING = ("APBD",)
# Who is reached: a desa x sex x age cell of fewer people than this is hidden from viewers (and documents).
SMALL_CELL_MIN = 5
# Usulan (candidate) verification: the age a candidate must have on the verification date, from the NIK's
# birth date. BPJS Ketenagakerjaan takes BPU (non-wage) participants up to 65 years old at registration
# (bpjsketenagakerjaan.go.id, "Bukan Penerima Upah"); the lower bound is the working age of UU 13/2003
# (18, Pasal 1 angka 26: a child is under 18). Neither was found in a stored primary text: confirm both
# with the BPJS Ketenagakerjaan branch before a real round (README, Usulan).
USULAN_MIN_AGE = 18
USULAN_MAX_AGE = 65
# A registered candidate whose NIK no extract holds with JKK and JKM after this many weeks is flagged stalled.
USULAN_STALL_WEEKS = 6


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


def env(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The value of one of ENV_NAMES ('' when unset); `environ` stands in for os.environ in tests."""
    if name not in ENV_NAMES:
        raise KeyError(f"{name} is not a setting (see settings.ENV_NAMES)")
    return (os.environ if environ is None else environ).get(name, "")


def viewer_signin_required(environ: Mapping[str, str] | None = None) -> bool:
    """True when JAMSOSTEK_REQUIRE_VIEWER_SIGNIN asks viewers to sign in too (1, true, yes, ya, on)."""
    return env(ENV_REQUIRE_VIEWER_SIGNIN, environ).strip().lower() in YES


def audit_key() -> str:
    """JAMSOSTEK_AUDIT_KEY: the secret that names a NIK by a keyed hash in audit rows ('' when unset)."""
    return env(ENV_AUDIT_KEY)


@dataclass(frozen=True)
class Problem:
    """A setting whose value cannot work; `reason` picks the message (label settings.<reason>)."""

    name: str
    value: str
    reason: str  # "region" | "flag" | "db_folder" | "funding"
    known: tuple[str, ...] = ()  # the values that would work, where there are few


def problems(regions: Iterable[str], environ: Mapping[str, str] | None = None) -> list[Problem]:
    """Every setting that is set to something unusable; `regions` are the codes the reference data knows.

    A missing boundaries folder is no start-up problem: the map page says so and every table still works.
    """
    found = []
    region_value = env(ENV_REGION, environ)
    regions = tuple(regions)
    if region_value and (not REGION_CODE.fullmatch(region_value) or region_value not in regions):
        found.append(Problem(ENV_REGION, region_value, "region", regions))
    for name in (ENV_REQUIRE_VIEWER_SIGNIN, ENV_SHARED):
        flag = env(name, environ)
        if flag.strip().lower() not in YES | NO:  # a typo must not quietly leave the dashboard open
            found.append(Problem(name, flag, "flag"))
    store = env(ENV_DB, environ)
    if store and not Path(store).parent.is_dir():
        found.append(Problem(ENV_DB, store, "db_folder"))
    funding = env(ENV_PROGRAMME_FUNDING, environ)
    if funding and not _funding_codes(funding):
        found.append(Problem(ENV_PROGRAMME_FUNDING, funding, "funding", FUNDING_SOURCES))
    return found


def _funding_codes(value: str) -> tuple[str, ...]:
    """The SUMBER IURAN codes of a comma-separated list; () when any is unknown or none is given."""
    codes = tuple(dict.fromkeys(c.strip().upper() for c in value.split(",") if c.strip()))
    return codes if codes and all(c in FUNDING_SOURCES for c in codes) else ()


def programme_funding(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """SUMBER IURAN codes counted toward the programme's target (JAMSOSTEK_PROGRAMME_FUNDING, e.g. APBD,APBDES)."""
    value = env(ENV_PROGRAMME_FUNDING, environ)
    if not value:
        return DEFAULT_PROGRAMME_FUNDING
    codes = _funding_codes(value)
    if not codes:
        raise ValueError(f"{ENV_PROGRAMME_FUNDING}: unknown funding source(s) in {value!r}; "
                         f"valid: {', '.join(FUNDING_SOURCES)}")
    return codes


def shared_store(environ: Mapping[str, str] | None = None) -> bool:
    """True when several app processes share the store (JAMSOSTEK_SHARED=1): see jamsostek/store/shared.py."""
    return env(ENV_SHARED, environ).strip().lower() in YES


def backup_dir() -> Path:
    """Folder of `python -m jamsostek backup` (JAMSOSTEK_BACKUP_DIR, default data/backups)."""
    return Path(env(ENV_BACKUP_DIR) or DEFAULT_BACKUP_DIR)


def demo_mode() -> bool:
    """True when JAMSOSTEK_DEMO asks for the demo: visitors who have not signed in may record meetings,
    actions and scenarios (a banner on every page says so). Off unless set."""
    return env(ENV_DEMO).strip().lower() in YES


def _minutes(name: str, default: int) -> float:
    value = env(name).strip()
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
    return tuple(a.strip() for a in env(ENV_TRUSTED_PROXIES).split(",") if a.strip())
