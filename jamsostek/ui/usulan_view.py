"""Usulan page: the funnel's counts for everyone; the verification table (masked) for admins."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from jamsostek import domain, settings
from jamsostek.access import privacy, roles
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import session
from jamsostek.usulan import store as usulan, verify

KEY = "usulan_"
COUNTS = {"proposed_workers": "usulan.col_proposed", "verified_workers": "usulan.col_verified",
          "registered_workers": "usulan.col_registered", "enrolled_workers": "usulan.col_enrolled",
          "stalled_workers": "usulan.col_stalled"}


def funnel(lang: str, as_of: date) -> None:
    """Proposed -> verified -> registered -> enrolled per kecamatan and desa: counts only."""
    st.subheader(t("usulan.funnel_title", lang))
    table = ctx.with_cursor(usulan.funnel, as_of)
    if table.empty:
        st.info(t("usulan.none", lang))
        return
    counts = {c: t(k, lang) for c, k in COUNTS.items()}
    kecamatan = table.groupby(["kode_kecamatan", "kecamatan"], as_index=False)[list(COUNTS)].sum()
    st.markdown(f"**{t('usulan.by_kecamatan', lang)}**")
    ui.table(kecamatan.drop(columns="kode_kecamatan").rename(
        columns={"kecamatan": t("usulan.col_kecamatan", lang), **counts}), base_name="usulan_kecamatan",
        key=KEY + "kecamatan")
    st.markdown(f"**{t('usulan.by_desa', lang)}**")
    ui.table(table[["kecamatan", "desa", *COUNTS]].rename(columns={
        "kecamatan": t("usulan.col_kecamatan", lang), "desa": t("usulan.col_desa", lang), **counts}),
        base_name="usulan_desa", key=KEY + "desa")
    st.caption(t("usulan.stalled_help", lang, weeks=settings.USULAN_STALL_WEEKS))


def _shown(candidates: pd.DataFrame, lang: str) -> pd.DataFrame:
    reasons = ["; ".join(verify.reason_text(c, lang) for c in filter(None, r.split(";"))) for r in candidates["reasons"]]
    return pd.DataFrame({
        t("usulan.col_list", lang): candidates["list_id"], t("usulan.col_row", lang): candidates["row_number"],
        t("usulan.col_desa", lang): candidates["desa"],
        t("usulan.col_nik", lang): candidates["nik"].map(privacy.mask_nik),
        t("usulan.col_name", lang): candidates["nama"].map(privacy.mask_name),
        t("usulan.col_sector", lang): [domain.SECTORS.get(s, {}).get(lang, s) for s in candidates["sektor"]],
        t("usulan.col_status", lang): candidates["decided_status"].map(lambda s: t(f"usulan.status.{s}", lang)),
        t("usulan.col_reason", lang): reasons,
        t("usulan.col_note", lang): candidates["override_note"].fillna(""),
    })


def verification(lang: str) -> None:
    """The candidates with status and reasons, NIK and names masked (roles with usulan.verify only)."""
    if not session.may(roles.USULAN_VERIFY):
        return
    candidates = ctx.with_cursor(usulan.candidates, None, date.today())
    if candidates.empty:
        return
    st.subheader(t("usulan.verify_title", lang))
    ui.table(_shown(candidates, lang), base_name="usulan_verifikasi", key=KEY + "verify")


def render(lang: str) -> None:
    """The whole page below its header."""
    st.caption(t("usulan.intro", lang))
    funnel(lang, ctx.filters().as_of)
    verification(lang)
