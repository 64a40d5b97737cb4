"""The usulan funnel's counts as pages and documents show them: one line (the desa panel, a phone), four cards
(Rapat), per kecamatan, per map area, against a saved plan. Counts only, so for every role; Indonesian number
format. The counts come from queries/usulan_funnel.sql (usulan.store.funnel) or usulan_since.sql."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

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


COLUMNS = {"proposed_workers": "funnel.stage.proposed", "verified_workers": "funnel.stage.verified",
          "registered_workers": "funnel.stage.registered", "enrolled_workers": "funnel.stage.enrolled",
          "stalled_workers": "usulan.col_stalled"}


def by_kecamatan(funnel: pd.DataFrame) -> pd.DataFrame:
    """The per-desa funnel (usulan_funnel) summed per kecamatan, in code order."""
    return (funnel.groupby(["kode_kecamatan", "kecamatan"], as_index=False)[list(COLUMNS)].sum()
            .sort_values("kode_kecamatan", ignore_index=True))


def with_funnel(frame: pd.DataFrame, funnel: pd.DataFrame, key: str) -> pd.DataFrame:
    """A map's frame (one row per area, `key` kode_desa, kode_kecamatan or kode_kabupaten) with the funnel's
    proposed, verified, registered and enrolled summed per area (0 where none), enrolled named
    usulan_enrolled_workers (the frame's protected_workers counts everyone)."""
    counts = ["proposed_workers", "verified_workers", "registered_workers", "enrolled_workers"]
    width = {"kode_desa": 13, "kode_kecamatan": 8, "kode_kabupaten": 5}[key]
    per_area = funnel.assign(**{key: funnel["kode_desa"].str[:width]}).groupby(key)[counts].sum()
    per_area = per_area.rename(columns={"enrolled_workers": "usulan_enrolled_workers"})
    joined = frame.drop(columns=[c for c in per_area.columns if c in frame]).merge(
        per_area, left_on=key, right_index=True, how="left")
    joined[list(per_area.columns)] = joined[list(per_area.columns)].fillna(0).astype("int64")
    return joined


def totals_line(totals: pd.Series, lang: str) -> str:
    """The funnel's totals in one line, as the desa panel writes it, and the stalled: '6 diusulkan → ... ·
    Tertahan 0'."""
    stalled = f"{t('usulan.col_stalled', lang)} {i18n.fmt_int(int(totals['stalled_workers']), lang)}"
    return f"{line(counts(totals), lang)} · {stalled}"


def table(funnel: pd.DataFrame, lang: str, places: tuple[str, ...]) -> pd.DataFrame:
    """`places` columns (kecamatan, desa) and the funnel's counts, headed in `lang`."""
    names = {p: t(f"usulan.col_{p}", lang) for p in places} | {c: t(k, lang) for c, k in COLUMNS.items()}
    return funnel[[*places, *COLUMNS]].rename(columns=names)


PLAN_COLUMNS = ["kode_desa", "desa", "kecamatan", "allocated_workers", *COLUMNS, "to_propose_workers"]


def against_plan(funnel: pd.DataFrame, allocation: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Per desa, a saved plan's allocation (allocation: kode_desa, allocated_workers per cell) beside the
    funnel, and how many the desa still has to propose: allocated minus verified, never below 0. Every desa
    the plan allocates to or that has a candidate; the most still to propose first."""
    allocated = allocation.groupby("kode_desa", as_index=False)["allocated_workers"].sum()
    both = allocated.merge(funnel[["kode_desa", *COLUMNS]], on="kode_desa", how="outer")
    both = both.merge(places[["kode_desa", "desa", "kecamatan"]], on="kode_desa", how="left")
    counts = ["allocated_workers", *COLUMNS]
    both[counts] = both[counts].fillna(0).astype("int64")
    both = both[(both["allocated_workers"] > 0) | (both["proposed_workers"] > 0)]
    both["to_propose_workers"] = (both["allocated_workers"] - both["verified_workers"]).clip(lower=0)
    return both.sort_values(["to_propose_workers", "kode_desa"], ascending=[False, True],
                            ignore_index=True)[PLAN_COLUMNS]


def plan_table(compared: pd.DataFrame, lang: str) -> pd.DataFrame:
    """against_plan's rows headed in `lang`: desa, kecamatan, allocated, the funnel, still to propose."""
    names = {"desa": t("usulan.col_desa", lang), "kecamatan": t("usulan.col_kecamatan", lang),
             "allocated_workers": t("usulan.col_allocated", lang),
             "to_propose_workers": t("usulan.col_to_propose", lang)} | {c: t(k, lang) for c, k in COLUMNS.items()}
    return compared.drop(columns="kode_desa").rename(columns=names)
