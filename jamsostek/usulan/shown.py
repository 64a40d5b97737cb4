"""What the Usulan page shows of the stored candidates: the funnel per kecamatan, the verifier's masked
table, the candidates a verifier may decide on. Pure (frames in, frames out): NIK and names leave here
masked (privacy.mask_nik / mask_name), only the two admin downloads (usulan.files) hold them in full.
"""

from __future__ import annotations

import pandas as pd

from jamsostek import domain
from jamsostek.access import privacy
from jamsostek.i18n import MISSING, fmt_date, fmt_int, t
from jamsostek.usulan import funnel, verify
from jamsostek.usulan.store import NOT_OVERRIDABLE

FUNNEL = {"proposed_workers": "funnel.stage.proposed", "verified_workers": "funnel.stage.verified",
          "registered_workers": "funnel.stage.registered", "enrolled_workers": "funnel.stage.enrolled",
          "stalled_workers": "usulan.col_stalled"}


def by_kecamatan(funnel: pd.DataFrame) -> pd.DataFrame:
    """The per-desa funnel (usulan_funnel) summed per kecamatan, in code order."""
    return (funnel.groupby(["kode_kecamatan", "kecamatan"], as_index=False)[list(FUNNEL)].sum()
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


def funnel_line(totals: pd.Series, lang: str) -> str:
    """The funnel's totals in one line, as the desa panel writes it, and the stalled: '6 diusulkan → ... ·
    Tertahan 0'."""
    stalled = f"{t('usulan.col_stalled', lang)} {fmt_int(int(totals['stalled_workers']), lang)}"
    return f"{funnel.line(funnel.counts(totals), lang)} · {stalled}"


def funnel_table(funnel: pd.DataFrame, lang: str, places: tuple[str, ...]) -> pd.DataFrame:
    """`places` columns (kecamatan, desa) and the funnel's counts, headed in `lang`."""
    names = {p: t(f"usulan.col_{p}", lang) for p in places} | {c: t(k, lang) for c, k in FUNNEL.items()}
    return funnel[[*places, *FUNNEL]].rename(columns=names)


PLAN_COLUMNS = ["kode_desa", "desa", "kecamatan", "allocated_workers", *FUNNEL, "to_propose_workers"]


def against_plan(funnel: pd.DataFrame, allocation: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Per desa, a saved plan's allocation (allocation: kode_desa, allocated_workers per cell) beside the
    funnel, and how many the desa still has to propose: allocated minus verified, never below 0. Every desa
    the plan allocates to or that has a candidate; the most still to propose first."""
    allocated = allocation.groupby("kode_desa", as_index=False)["allocated_workers"].sum()
    both = allocated.merge(funnel[["kode_desa", *FUNNEL]], on="kode_desa", how="outer")
    both = both.merge(places[["kode_desa", "desa", "kecamatan"]], on="kode_desa", how="left")
    counts = ["allocated_workers", *FUNNEL]
    both[counts] = both[counts].fillna(0).astype("int64")
    both = both[(both["allocated_workers"] > 0) | (both["proposed_workers"] > 0)]
    both["to_propose_workers"] = (both["allocated_workers"] - both["verified_workers"]).clip(lower=0)
    return both.sort_values(["to_propose_workers", "kode_desa"], ascending=[False, True],
                            ignore_index=True)[PLAN_COLUMNS]


def plan_table(compared: pd.DataFrame, lang: str) -> pd.DataFrame:
    """against_plan's rows headed in `lang`: desa, kecamatan, allocated, the funnel, still to propose."""
    names = {"desa": t("usulan.col_desa", lang), "kecamatan": t("usulan.col_kecamatan", lang),
             "allocated_workers": t("usulan.col_allocated", lang),
             "to_propose_workers": t("usulan.col_to_propose", lang)} | {c: t(k, lang) for c, k in FUNNEL.items()}
    return compared.drop(columns="kode_desa").rename(columns=names)


def _first_rows(candidates: pd.DataFrame) -> dict[tuple[int, str], int]:
    """(list, NIK) -> the row the NIK first appears in that list (for "same NIK as row n")."""
    firsts = candidates.sort_values(["list_id", "row_number"]).drop_duplicates(["list_id", "nik"])
    return {(int(r.list_id), str(r.nik)): int(r.row_number) for r in firsts.itertuples(index=False)}


def reasons_text(candidates: pd.DataFrame, lang: str) -> list[str]:
    """Each candidate's reasons as sentences in `lang` (never quoting the NIK), '' when there is none."""
    first = _first_rows(candidates)
    return ["; ".join(verify.reason_text(code, lang, first=first[(int(c.list_id), str(c.nik))])
                      for code in filter(None, c.reasons.split(";")))
            for c in candidates.itertuples(index=False)]


def status_text(status: str, lang: str) -> str:
    """A status (verify.STATUSES) in words."""
    return t(f"usulan.status.{status}", lang)


def sector_text(sektor: str, lang: str) -> str:
    """A sector code in words; a text that is no sector stays as it was written."""
    return domain.SECTORS.get(sektor, {}).get(lang, sektor)


def _dates(values: pd.Series, lang: str) -> list[str]:
    return [MISSING if pd.isna(v) else fmt_date(pd.Timestamp(v).date(), lang) for v in values]


def masked_table(candidates: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The verifier's table: list, row, desa, masked NIK and name, sector, decided status, reasons, note,
    registration and enrolment dates."""
    return pd.DataFrame({
        t("usulan.col_list", lang): candidates["list_id"].astype(int),
        t("usulan.col_row", lang): candidates["row_number"].astype(int),
        t("usulan.col_desa", lang): candidates["desa"],
        t("usulan.col_nik", lang): candidates["nik"].map(privacy.mask_nik),
        t("usulan.col_name", lang): candidates["nama"].map(privacy.mask_name),
        t("usulan.col_sector", lang): [sector_text(s, lang) for s in candidates["sektor"]],
        t("usulan.col_status", lang): [status_text(s, lang) for s in candidates["decided_status"]],
        t("usulan.col_reason", lang): reasons_text(candidates, lang),
        t("usulan.col_note", lang): candidates["override_note"].fillna(""),
        t("usulan.col_registered_at", lang): _dates(candidates["registered_at"], lang),
        t("usulan.col_enrolled_on", lang): _dates(candidates["enrolled_on"], lang),
    })


def decidable(candidates: pd.DataFrame) -> pd.DataFrame:
    """Candidates a verifier may decide on: verification flagged or rejected them for a reason a person
    can weigh (not an invalid or repeated NIK). Already decided ones stay, to be decided again."""
    weighable = candidates["reasons"].map(lambda r: not set(r.split(";")) & NOT_OVERRIDABLE).astype(bool)
    return candidates[candidates["status"].isin([verify.FLAGGED, verify.REJECTED]) & weighable]


def candidate_label(candidate, lang: str) -> str:
    """One line naming a candidate without its NIK or name in full: list, row, desa, masked name, status."""
    return (f"{t('usulan.col_list', lang)} {candidate.list_id} · {t('usulan.col_row', lang).lower()} "
            f"{candidate.row_number} · {candidate.desa} · {privacy.mask_name(candidate.nama)} · "
            f"{privacy.mask_nik(candidate.nik)[-4:]} · {status_text(candidate.decided_status, lang)}")


def preview(judged: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A checked, not yet stored list as the proposer sees it: row, masked NIK and name, sector, status,
    reasons."""
    shown = judged.assign(list_id=0)
    return pd.DataFrame({
        t("usulan.col_row", lang): judged["row_number"].astype(int),
        t("usulan.col_nik", lang): judged["nik"].map(privacy.mask_nik),
        t("usulan.col_name", lang): judged["nama"].map(privacy.mask_name),
        t("usulan.col_sector", lang): [sector_text(s, lang) for s in judged["sektor"]],
        t("usulan.col_status", lang): [status_text(s, lang) for s in judged["status"]],
        t("usulan.col_reason", lang): reasons_text(shown, lang),
    })


def status_counts(judged: pd.DataFrame) -> dict[str, int]:
    """How many candidates have each status (verify.STATUSES, in that order)."""
    counts = judged["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in verify.STATUSES}
