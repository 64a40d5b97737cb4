"""Rejected rows, written once for every screen and file: counted by reason, and as the officer's table.

The upload preview, the batch history, the command line and its CSV report all use these two
functions, so a reason reads the same everywhere and never shows a NIK (privacy.redact).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jamsostek import settings
from jamsostek.access import privacy
from jamsostek.i18n import t
from jamsostek.ingest.validate import REASONS

COLUMNS = ("row", "column", "reason")  # catalogue keys ingest.col.<name>: BARIS, KOLOM, ALASAN


def _texts(rejections: pd.DataFrame, lang: str) -> pd.Series:
    # Rejections just checked carry both languages; those read back from the store carry the Indonesian one.
    column = ("reason_id" if lang == "id" else "reason_en") if "reason_id" in rejections else "reason"
    return rejections[column].map(privacy.redact)


def count_by_reason(rejections: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Rows per reason: reason_code, reason (without the cell value), rows; largest first."""
    if rejections.empty:
        return pd.DataFrame(columns=["reason_code", "reason", "rows"])
    frame = rejections.assign(reason=rejections["reason_code"].map(lambda code: generic_reason(code, lang)))
    out = frame.groupby(["reason_code", "reason"], sort=False)["row_number"].nunique().rename("rows")
    return out.reset_index().sort_values("rows", ascending=False, kind="stable", ignore_index=True)


def generic_reason(code: str, lang: str = "id") -> str:
    """A reason without its cell value, for counting rows together."""
    template = REASONS[code][0 if lang == "id" else 1]
    # "same as row {value}" would end in a dangling "row": counted together, it is an earlier row.
    template = template.replace("baris {value}", "baris sebelumnya").replace("row {value}", "an earlier row")
    return privacy.redact(template.replace(" '{value}'", "").replace(" {value}", "").replace("{value}", ""))


def table(rejections: pd.DataFrame, lang: str = "id", both: bool = False) -> pd.DataFrame:
    """BARIS / KOLOM / ALASAN (row as a spreadsheet numbers it, header = 1); `both` adds the English REASON."""
    names = [t(f"ingest.col.{c}", lang) for c in COLUMNS]
    out = {names[0]: rejections["row_number"].astype(int), names[1]: rejections["field"].fillna(""),
           names[2]: _texts(rejections, lang)}
    if both:
        out[t("ingest.col.reason", "en")] = _texts(rejections, "en")
    return pd.DataFrame(out)


def write_rejection_report(result, folder: Path | None = None) -> Path:
    """Write <file>-<sha8>.ditolak.csv under the cache folder and return its path."""
    folder = folder or settings.cache_dir() / "rejections"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{Path(result.file_name).stem}-{result.sha256[:8]}.ditolak.csv"
    table(result.rejections, both=True).to_csv(path, index=False, encoding="utf-8-sig")
    return path
