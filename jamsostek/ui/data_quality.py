"""Data quality beside a map: rows that could not be placed ('tidak terpetakan') and areas without a sasaran."""

from __future__ import annotations

import streamlit as st

from jamsostek import i18n
from jamsostek.meetings import minutes
from jamsostek.i18n import t
from jamsostek.ui import context as ctx
from jamsostek.ui import session


def note(lang: str, *, no_target: int | None = None, level: str = "desa") -> None:
    """Beside the legend: rows not on the map ('tidak terpetakan') and areas in the 'no data' colour.

    Admins also get the count per batch and a link to the rejection report (Riwayat page).
    """
    per_batch = ctx.run("unlocated_by_batch")
    total = int(per_batch["unplaced_rows"].sum())
    text = t("quality.unlocated", lang, count=total,
             desa=i18n.fmt_int(int(per_batch["unlocated_rows"].sum()), lang),
             nik=i18n.fmt_int(int(per_batch["bad_nik_rows"].sum()), lang))
    if no_target:
        text += " · " + t(f"quality.no_target_{level}", lang, count=no_target)
    st.caption(f":material/location_off: {text}", help=t("quality.help", lang))
    if session.is_admin() and total:
        with st.expander(t("quality.per_batch", lang), icon=":material/rule:"):
            shown = per_batch[per_batch["unplaced_rows"] > 0]
            st.dataframe(minutes.localize_quality(shown, lang), hide_index=True)
            st.page_link("pages/riwayat.py", label=t("quality.report_link", lang), icon=":material/history:")
