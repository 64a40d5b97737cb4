"""The sample's target population (sasaran): the public-statistics ESTIMATE for Gianyar (jamsostek/sasaran/estimate.py).

The sample's participants are spread over desa x sector cells in proportion to it, so the sample's gaps and
coverage follow the same denominator the dashboard shows.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from jamsostek import settings
from jamsostek.sasaran import estimate

WILAYAH_FILE = settings.REFERENCE_DIR / "wilayah_gianyar.csv"
SAMPLE_REGION = "51.04"  # the sample's participants live in Gianyar only, also in province mode


@cache
def wilayah() -> pd.DataFrame:
    """The 70 desa/kelurahan of Gianyar with the flags the sample's cohorts use (kelurahan, craft village)."""
    frame = pd.read_csv(WILAYAH_FILE, dtype=str)
    frame["kec_no"] = frame["kode_kecamatan"].str[-2:]
    frame["kelurahan"] = frame["jenis"].eq("kelurahan")
    frame["craft"] = estimate.tagged(frame["kode_desa"], "craft").to_numpy()
    return frame


def coastal_codes() -> set[str]:
    """Kemendagri codes of the Gianyar desa where the estimate has fishers."""
    codes = wilayah()["kode_desa"]
    return set(codes[estimate.fisher_share(codes) > 0])


def estimate_sasaran() -> pd.DataFrame:
    """Estimated informal workers per Gianyar desa x sector with the range (560 rows)."""
    return estimate.estimate(SAMPLE_REGION)
