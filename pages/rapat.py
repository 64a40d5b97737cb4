"""Rapat: the weekly planning meeting — frozen figures, 'since the last meeting', actions, map, minutes."""

import streamlit as st

from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import flash
from jamsostek.ui import meeting_views as views

ui.page_header("page.meeting")
lang = ctx.lang()
actor = views.recorder()
st.caption(t("meeting.intro", lang))
flash.show("top")

found = views.meetings()
pick_column, new_column = st.columns([3, 2], gap="large")
with new_column:
    views.create_form(lang, actor)
if found.empty:
    st.info(t("meeting.none", lang), icon=":material/event:")
    st.stop()

with pick_column:
    meeting_id = views.pick_meeting(found, lang)
    chosen = views.meeting(meeting_id)
    previous_id = views.pick_comparison(found, chosen, lang)
since = views.since(meeting_id, previous_id)
views.record_line(since, lang)

# Tracked on the server: a rerun (typing the recorder's name, adding an action) stays on the open tab; the tab is
# in the address (`tab=`) and survives a language switch (Streamlit keeps the tab by its label).
TABS = ("since", "actions", "map", "minutes")
labels = {code: t(f"meeting.tab.{code}", lang) for code in TABS}
known = {t(f"meeting.tab.{code}", other): code for code in TABS for other in ("id", "en")}
ctx.url_option("_rapat_tab_code", "tab", TABS[0])
open_code = known.get(st.session_state.get("rapat_tab"), st.session_state["_rapat_tab_code"])
st.session_state["rapat_tab"] = labels[open_code]
tabs = st.tabs(list(labels.values()), key="rapat_tab", on_change="rerun")
st.session_state["_rapat_tab_code"] = known.get(st.session_state.get("rapat_tab"), open_code)
ctx.show_option("tab", st.session_state["_rapat_tab_code"])
st.page_link("pages/layar.py", label=t("screen.open", lang), icon=":material/co_present:")
with tabs[0]:
    views.since_section(since, lang)
with tabs[1]:
    agenda = views.actions_section(since.now, lang, actor)
with tabs[2]:
    views.map_section(since, lang)
with tabs[3]:
    views.minutes_section(since, agenda, lang)
