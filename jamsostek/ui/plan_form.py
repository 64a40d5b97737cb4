"""The Rencana page's inputs: budget lines, months, rate, renewals, priority rule and sector weights, in one form."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from jamsostek.plan import allocation as al
from jamsostek.plan import rates
from jamsostek import domain, i18n, settings
from jamsostek.i18n import t
from jamsostek.plan.rupiah import parse_rupiah, uses_abbreviation
from jamsostek.ui import context as ctx

BUDGET_SOURCES = ("APBD", "APBDES", "DBHCHT", "CSR")  # who can pay for others (MANDIRI is self-paid)
DEFAULT_BUDGET_RP = 2_000_000_000  # about Rp2 billion planned from the 2026 APBD (DOMAIN.md)
DEFAULT_MONTHS = 12
MAX_MONTHS = 60
KEY_PREFIX = "rencana_"


def _key(name: str) -> str:
    return KEY_PREFIX + name


# The inputs a link carries (URL key -> widget name); the weights and the mix stay on the page.
URL_MONEY = {"anggaran": "budget_APBD", "apbdes": "budget_APBDES", "dbhcht": "budget_DBHCHT", "csr": "budget_CSR",
             "iuran": "contribution"}


def _money_input(label: str, default: int, lang: str, name: str, help: str | None = None) -> str:
    url_key = next((k for k, v in URL_MONEY.items() if v == name), None)
    if url_key:  # a copied link reopens the same amounts (whole rupiah in the address)
        ctx.url_option(_key(name), url_key, i18n.fmt_int(default, lang), to_widget=lambda v: i18n.fmt_int(int(v), lang))
    return st.text_input(label, key=_key(name), help=help)


def remember_in_url(plan: al.PlanInput, lines: dict[str, int], start: date, default_start: date) -> None:
    """Write the submitted inputs into the address (defaults left out), so the link reopens this plan."""
    amounts = {"anggaran": lines.get("APBD", 0), "apbdes": lines.get("APBDES", 0), "dbhcht": lines.get("DBHCHT", 0),
               "csr": lines.get("CSR", 0)}
    defaults = {"anggaran": DEFAULT_BUDGET_RP}
    for url_key, amount in amounts.items():
        ctx.show_option(url_key, "" if amount == defaults.get(url_key, 0) else amount)
    ctx.show_option("iuran", "" if plan.contribution_rp == settings.CONTRIBUTION_RP_PER_MONTH else plan.contribution_rp)
    ctx.show_option("bulan", "" if plan.months == DEFAULT_MONTHS else plan.months)
    ctx.show_option("aturan", plan.rule)
    ctx.show_option("perpanjang", "ya" if plan.renew_first else "tidak")
    ctx.show_option("mulai", "" if start == default_start else f"{start:%Y-%m}")


def _weights_editor(lang: str) -> pd.DataFrame:
    table = pd.DataFrame({"sektor": list(domain.SECTORS),
                          "label": [i18n.sector_label(s, lang) for s in domain.SECTORS],
                          "weight": [al.DEFAULT_SECTOR_WEIGHTS[s] for s in domain.SECTORS]})
    return st.data_editor(
        table, key=_key(f"weights_{lang}"), hide_index=True, disabled=["label"], column_order=["label", "weight"],
        column_config={"label": st.column_config.TextColumn(t("col.sector", lang)),
                       "weight": st.column_config.NumberColumn(t("plan.weight", lang), min_value=0.0,
                                                               max_value=1.0, step=0.05, format="localized")})


def plan_inputs(lang: str, renew_count: int, start: date) -> tuple[al.PlanInput, dict[str, int], date] | None:
    """Draw the form; the submitted (or default) PlanInput, budget lines and first month, or None after an error."""
    ctx.resend_choices_on_language_change((_key("rule"),), lang, marker=_key("lang"))
    with st.form(_key("form"), border=True):
        st.markdown(f"**{t('plan.inputs', lang)}**")
        a, b, c = st.columns([2, 1, 1])
        with a:
            texts = {"APBD": _money_input(t("plan.budget_line", lang, source="APBD"), DEFAULT_BUDGET_RP, lang,
                                          "budget_APBD", help=t("plan.budget_help", lang))}
        ctx.url_option(_key("months"), "bulan", DEFAULT_MONTHS, to_widget=int)
        months = b.number_input(t("plan.months", lang), min_value=1, max_value=MAX_MONTHS, step=1, key=_key("months"))
        # The month the plan starts decides its price: PP 50/2025 halves some sources' contributions in 2026.
        ctx.url_option(_key("start"), "mulai", start, to_widget=lambda v: date(int(v[:4]), int(v[5:]), 1))
        start = b.date_input(t("rates.start", lang), format="DD/MM/YYYY", key=_key("start"),
                             help=t("rates.start_help", lang))
        with c:
            rate_text = _money_input(
                t("plan.contribution", lang), settings.CONTRIBUTION_RP_PER_MONTH, lang, "contribution",
                help=t("plan.contribution_help", lang, total=i18n.fmt_rp(settings.CONTRIBUTION_RP_PER_MONTH, lang),
                       jkk=i18n.fmt_rp(settings.JKK_MIN_RP_PER_MONTH, lang),
                       jkm=i18n.fmt_rp(settings.JKM_RP_PER_MONTH, lang)))
        with st.expander(t("plan.other_sources", lang)):
            for column, source in zip(st.columns(len(BUDGET_SOURCES) - 1), BUDGET_SOURCES[1:]):
                with column:
                    texts[source] = _money_input(t("plan.budget_line", lang, source=i18n.funding_label(source, lang)),
                                                 0, lang, f"budget_{source}")
        ctx.url_option(_key("renew"), "perpanjang", True, to_widget=lambda v: v == "ya")
        renew = st.toggle(t("plan.renew", lang, count=i18n.fmt_int(renew_count, lang)),
                          key=_key("renew"), help=t("plan.renew_help", lang))
        ctx.url_option(_key("rule"), "aturan", al.RULES[0])
        rule = st.selectbox(t("plan.rule", lang), al.RULES, key=_key("rule"), help=t("plan.rule_help", lang),
                            format_func=lambda r: t(f"plan.rule_{r}", lang))
        with st.expander(t("plan.weights", lang)):
            st.caption(t("plan.weights_help", lang))
            weights = _weights_editor(lang)
            st.markdown(f"**{t('plan.mix', lang)}**")
            # Whole percentages: st.number_input writes decimals the English way (0.50), whatever the language.
            mix = {part: column.number_input(t(f"plan.mix_{part}", lang) + " (%)", min_value=0, max_value=100,
                                             value=round(share * 100), step=5, key=_key(f"mix_pct_{part}")) / 100
                   for column, (part, share) in zip(st.columns(3), al.DEFAULT_MIX.items())}
        st.form_submit_button(t("plan.submit", lang), type="primary", icon=":material/calculate:")
    checked = _checked(texts, rate_text, int(months), renew, renew_count, rule, weights, mix, lang)
    return None if checked is None else (*checked, rates.months_from(start, 1)[0])


def _checked(texts: dict[str, str], rate_text: str, months: int, renew: bool, renew_count: int, rule: str,
             weights: pd.DataFrame, mix: dict[str, float], lang: str) -> tuple[al.PlanInput, dict[str, int]] | None:
    amounts = {source: parse_rupiah(text, lang) for source, text in texts.items()}
    rate = parse_rupiah(rate_text, lang)
    for text, amount in [*zip(texts.values(), amounts.values()), (rate_text, rate)]:
        if amount is not None and uses_abbreviation(text):  # "2M": say whether that was million or miliar
            st.caption(t("plan.read_as", lang, text=text.strip(), amount=i18n.fmt_rp(amount, lang)))
    bad = [text for text, amount in [*zip(texts.values(), amounts.values()), (rate_text, rate)] if amount is None]
    if bad or not rate:
        st.error(t("plan.bad_money", lang, text=bad[0] if bad else rate_text), icon=":material/error:")
        return None
    if sum(mix.values()) <= 0 and rule == "mix":
        st.error(t("plan.bad_mix", lang), icon=":material/error:")
        return None
    lines = {source: amount for source, amount in amounts.items() if amount}
    sector_weights = {row.sektor: float(row.weight) for row in weights.itertuples() if pd.notna(row.weight)}
    p = al.PlanInput(budget_rp=al.total_budget_rp(lines), months=months, contribution_rp=rate,
                     renew_workers=int(renew_count), renew_first=renew, rule=rule, sector_weights=sector_weights,
                     mix=mix if sum(mix.values()) > 0 else None)
    return p, lines
