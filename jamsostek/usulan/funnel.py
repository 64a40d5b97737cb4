"""The funnel's counts as other pages show them: one line (the desa panel) or four cards (Rapat). Counts only,
so for every role; Indonesian number format. The counts come from usulan.store.funnel or .since."""

from __future__ import annotations

from collections.abc import Mapping

from jamsostek import i18n
from jamsostek.analysis import metrics
from jamsostek.i18n import t

STAGES = ("proposed", "verified", "registered", "enrolled")


def counts(row: Mapping) -> dict[str, int]:
    """Stage -> count from a row with proposed_workers ... enrolled_workers (funnel or since)."""
    return {stage: int(row[f"{stage}_workers"]) for stage in STAGES}


def line(found: Mapping[str, int], lang: str = "id") -> str:
    """'3 diusulkan → 2 terverifikasi → 2 didaftarkan → 1 menjadi peserta'."""
    return t("funnel.line", lang, **{stage: i18n.fmt_int(found[stage], lang) for stage in STAGES})


def cards(found: Mapping[str, int], lang: str = "id") -> list[metrics.Card]:
    """One card per stage, with what it counts as help."""
    return [metrics.Card(f"funnel_{stage}", t(f"funnel.stage.{stage}", lang), i18n.fmt_int(found[stage], lang),
                         help=t(f"funnel.stage.{stage}_help", lang)) for stage in STAGES]
