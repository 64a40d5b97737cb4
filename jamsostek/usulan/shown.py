"""What the Usulan page shows of the stored candidates: the verifier's masked table, the candidates a
verifier may decide on, a checked list's preview (the funnel's counts: analysis/funnel.py). Pure (frames in, frames out): NIK and names leave here
masked (privacy.mask_nik / mask_name), only the two admin downloads (usulan.files) hold them in full.
"""

from __future__ import annotations

import pandas as pd

from jamsostek import domain
from jamsostek.access import privacy
from jamsostek.i18n import MISSING, fmt_date, t
from jamsostek.usulan import verify
from jamsostek.usulan.store import NOT_OVERRIDABLE

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
