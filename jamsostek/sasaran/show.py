"""How a sasaran figure is written wherever it is shown: the value, and the estimate's range when it has one."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from jamsostek import i18n


def with_range(row: Mapping, lang: str = "id") -> str:
    """'1.234 (kisaran 834–1.483)' from a row's sasaran_workers/low/high; the value alone without a range."""
    value = i18n.fmt_int(row.get("sasaran_workers"), lang)
    low, high = row.get("sasaran_low"), row.get("sasaran_high")
    if pd.isna(low) or pd.isna(high) or low == high:
        return value
    return i18n.t("sasaran.with_range", lang, value=value, low=i18n.fmt_int(low, lang), high=i18n.fmt_int(high, lang))


def method_text(kpi: Mapping, region_name: str, lang: str = "id") -> str:
    """The methodology paragraph with the region's estimate and range."""
    return i18n.t("sasaran.method", lang, region=region_name, value=i18n.fmt_int(kpi.get("sasaran_workers"), lang),
                  low=i18n.fmt_int(kpi.get("sasaran_low"), lang), high=i18n.fmt_int(kpi.get("sasaran_high"), lang))


def version_text(status: Mapping, lang: str = "id") -> str | None:
    """'Sasaran: estimasi statistik publik' or 'Sasaran: <name> (resmi, 1 Juni 2026)' (data_status); None without."""
    name = status.get("sasaran_version")
    if not isinstance(name, str) or not name:
        return None
    if status.get("sasaran_kind") == "estimate":
        return i18n.t("sasaran.version_estimate", lang)
    day = status.get("sasaran_date")
    when = "" if pd.isna(day) else ", " + i18n.fmt_date(day, lang)
    return i18n.t("sasaran.version_official", lang, name=name, date=when)


def figure_line(row: Mapping, status: Mapping, lang: str = "id") -> str:
    """A desa's sasaran as the panel and sheet write it: the estimate with its range, or the official figure."""
    if status.get("sasaran_kind") == "official":
        return f"{version_text(status, lang)}: {i18n.fmt_int(row.get('sasaran_workers'), lang)}"
    return i18n.t("sasaran.panel", lang, value=with_range(row, lang))
