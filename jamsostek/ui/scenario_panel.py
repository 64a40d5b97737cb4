"""The Rencana page's saved scenarios: save the plan on screen under a name, list, compare side by side, delete."""

from __future__ import annotations

from datetime import date

import streamlit as st

from jamsostek import allocation as al
from jamsostek import plan_summary, scenarios
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import session

COMPARE_DEFAULT = 3  # the newest few are compared until the user picks others


def _save_form(cursor, plan: al.Plan, as_of: date, budget_lines: dict, area: dict, lang: str) -> None:
    with st.form("rencana_save", border=False):
        name_column, overwrite_column, button_column = st.columns([3, 2, 1], vertical_alignment="bottom")
        name = name_column.text_input(t("plan.scenario_name", lang), max_chars=scenarios.MAX_NAME_CHARS,
                                      key="rencana_scenario_name")
        overwrite = overwrite_column.checkbox(t("plan.overwrite", lang), key="rencana_overwrite")
        submitted = button_column.form_submit_button(t("plan.save", lang), icon=":material/save:")
    if not submitted:
        return
    try:
        scenarios.save(cursor, name, plan, as_of=as_of, budget_lines=budget_lines, area=area,
                       saved_by=session.user(), overwrite=overwrite)
    except scenarios.ScenarioExists:
        st.warning(t("plan.exists", lang, name=scenarios.clean_name(name)), icon=":material/warning:")
    except scenarios.BadName as error:
        st.error(t(f"plan.name_{error.code}", lang, limit=scenarios.MAX_NAME_CHARS), icon=":material/error:")
    else:
        st.success(t("plan.saved", lang, name=scenarios.clean_name(name)), icon=":material/check_circle:")


def _delete(cursor, names: list[str], lang: str) -> None:
    with st.popover(t("plan.delete", lang), icon=":material/delete:"):
        name = st.selectbox(t("plan.scenario_name", lang), names, key="rencana_delete_name")
        if st.button(t("plan.delete", lang), key="rencana_delete", type="primary") and name:
            scenarios.delete(cursor, name)
            st.toast(t("plan.deleted", lang, name=name), icon=":material/delete:")
            st.rerun()


def scenario_panel(plan: al.Plan, *, as_of: date, budget_lines: dict, area: dict, lang: str) -> None:
    """Save form, the saved list, the comparison of the chosen ones, and a delete button."""
    cursor = ctx.connection().cursor()  # not ctx.run: its cache follows the data version, not saves
    try:
        _save_form(cursor, plan, as_of, budget_lines, area, lang)
        listed = scenarios.list_scenarios(cursor)
        if listed.empty:
            st.info(t("plan.none_saved", lang), icon=":material/bookmark:")
            return
        st.dataframe(plan_summary.saved_list(listed, lang), hide_index=True)
        names = listed["name"].tolist()
        chosen = st.multiselect(t("plan.compare", lang), names, default=names[:COMPARE_DEFAULT])
        if chosen:
            loaded = [scenarios.load(cursor, name) for name in chosen]
            st.dataframe(plan_summary.comparison(loaded, lang), hide_index=True)
            st.markdown(f"**{t('plan.compare_kecamatan', lang)}**")
            ui.table(plan_summary.comparison_by_kecamatan(loaded, lang), base_name="skenario_per_kecamatan",
                     key="rencana_compare")
        _delete(cursor, names, lang)
    finally:
        cursor.close()
