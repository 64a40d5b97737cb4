"""Rencana: how each funding source is priced for the plan's months (PP 50/2025), under the plan's cards."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from jamsostek import i18n
from jamsostek.i18n import t
from jamsostek.plan import allocation as al
from jamsostek.plan import rates
from jamsostek.ui import components as ui

COLUMNS = {"sumber_iuran": "rates.col_source", "budget_rp": "rates.col_budget",
           "cost_per_worker_rp": "rates.col_cost_per_worker", "discounted_months": "rates.col_discounted",
           "workers": "rates.col_workers", "spent_rp": "rates.col_spent"}


def pricing_table(funding: rates.Funding, lang: str) -> pd.DataFrame:
    """The per-source prices as shown: names and rupiah in `lang`, counts as numbers."""
    frame = funding.by_source[list(COLUMNS)].copy()
    frame["sumber_iuran"] = frame["sumber_iuran"].map(lambda s: i18n.funding_label(s, lang))
    for column in ("budget_rp", "cost_per_worker_rp", "spent_rp"):
        frame[column] = frame[column].map(lambda v: i18n.fmt_rp(v, lang))
    return frame.rename(columns={c: t(k, lang) for c, k in COLUMNS.items()})


def pricing(funding: rates.Funding, p: al.PlanInput, start: date, lang: str) -> None:
    """Table of each source's price over the plan's months, and the rule behind it."""
    months = rates.months_from(start, p.months)
    title = t("rates.title", lang, start=i18n.fmt_month_year(months[0], lang), end=i18n.fmt_month_year(months[-1], lang))
    with st.expander(title, expanded=bool(funding.by_source["discounted_months"].any())):
        ui.table(pricing_table(funding, lang), base_name="rencana_harga_sumber", key="rencana_rates")
        st.caption(t("rates.note", lang, base=i18n.fmt_rp(p.contribution_rp, lang)))
