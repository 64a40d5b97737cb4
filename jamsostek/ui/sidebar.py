"""The shared sidebar: as-of date, kecamatan, sector, programme, funding source and language."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from jamsostek import domain, i18n, settings
from jamsostek.analysis import filters as flt
from jamsostek.geo import wilayah
from jamsostek.i18n import t
from jamsostek.ui import context as ctx


def _labelled(options: dict[str, str], all_label: str):
    """format_func for a selectbox of codes with ctx.ALL meaning all."""
    return lambda code: all_label if code == ctx.ALL else options.get(code, code)


def render_sidebar() -> None:
    """Draw the filters (labels in the session's language, values stored as codes); sync the URL."""
    ctx.prepare()
    ctx.mark_shell()
    lang = ctx.lang()
    everything = t("filter.all", lang)
    choose = t("view.choose", lang)  # Streamlit's own "Choose an option", in the session's language
    # In a province the names carry their kabupaten ("Kuta (Badung)"): the picker lists 57 kecamatan of 9.
    kecamatan_names = wilayah.kecamatan_labels(settings.region())
    default = ctx.default_as_of()
    ctx.resend_choices_on_language_change((ctx.KEY_KECAMATAN, ctx.KEY_SECTOR, ctx.KEY_PROGRAM, ctx.KEY_FUNDING),
                                          lang, marker="_sidebar_lang")
    with st.sidebar:
        st.date_input(t("filter.as_of", lang), key=ctx.KEY_AS_OF, format="DD/MM/YYYY",
                      min_value=flt.EARLIEST_DATE, max_value=default + timedelta(days=flt.FUTURE_DAYS),
                      on_change=ctx.on_filter_change, kwargs={"date_changed": True}, persist_state="session",
                      help=t("filter.as_of_help", lang, date=i18n.fmt_date(default, lang)))
        st.selectbox(t("filter.kecamatan", lang), [ctx.ALL, *kecamatan_names], key=ctx.KEY_KECAMATAN,
                     format_func=_labelled(kecamatan_names, everything), on_change=ctx.on_filter_change,
                     persist_state="session", placeholder=choose)
        sectors = {code: i18n.sector_label(code, lang) for code in domain.SECTORS}
        st.selectbox(t("filter.sector", lang), [ctx.ALL, *sectors], key=ctx.KEY_SECTOR,
                     format_func=_labelled(sectors, everything), on_change=ctx.on_filter_change,
                     persist_state="session", placeholder=choose)
        programs = {code: code for code in domain.PROGRAMS}
        st.selectbox(t("filter.program", lang), [ctx.ALL, *programs], key=ctx.KEY_PROGRAM,
                     format_func=_labelled(programs, everything), on_change=ctx.on_filter_change,
                     persist_state="session", placeholder=choose)
        funding = {code: i18n.funding_label(code, lang) for code in domain.FUNDING_SOURCES}
        st.selectbox(t("filter.funding", lang), [ctx.ALL, *funding], key=ctx.KEY_FUNDING,
                     format_func=_labelled(funding, everything), on_change=ctx.on_filter_change,
                     persist_state="session", placeholder=choose)
        st.radio(t("filter.language", lang), list(i18n.LANGS), key=ctx.KEY_LANG, horizontal=True,
                 format_func=lambda code: t(f"lang.{code}", lang), on_change=ctx.on_filter_change,
                 persist_state="session")
    ctx.remember()
    ctx.sync_url()
