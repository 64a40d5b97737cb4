"""The Rencana page's saved scenarios: save the plan on screen under a name, list, compare side by side, delete."""

from __future__ import annotations

from datetime import date

import streamlit as st

from jamsostek.access import roles
from jamsostek.plan import allocation as al
from jamsostek.plan import summary as plan_summary
from jamsostek.plan import scenarios
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import flash
from jamsostek.ui import session

COMPARE_DEFAULT = 3  # the newest few are compared until the user picks others


FLASH = "rencana"  # area of the last save or delete message, shown once on the next run


def _on_save(plan: al.Plan, as_of: date, budget_lines: dict, area: dict, lang: str) -> None:
    # A callback, not `if submitted:`: it runs before the script, so a rerun (e.g. ctx.require_shell)
    # cannot drop the click, and it saves the plan that was on screen when the button was pressed.
    name, overwrite = st.session_state.get("rencana_scenario_name", ""), st.session_state.get("rencana_overwrite")
    actor = session.writer(roles.SCENARIO_WRITE)  # asked again: the form may outlive a sign-out
    if actor is None:
        return
    try:
        saved = ctx.write(scenarios.save, name, plan, as_of=as_of, budget_lines=budget_lines, area=area,
                          saved_by=actor, overwrite=bool(overwrite))
    except scenarios.ScenarioExists:
        flash.leave(FLASH, "warning", t("plan.exists", lang, name=scenarios.clean_name(name)))
    except scenarios.BadName as error:
        flash.leave(FLASH, "error", t(f"plan.name_{error.code}", lang, limit=scenarios.MAX_NAME_CHARS))
    else:
        flash.leave(FLASH, "success", t("plan.saved", lang, name=ctx.with_cursor(scenarios.load, saved).name))


def _on_delete(lang: str) -> None:
    name, actor = st.session_state.get("rencana_delete_name"), session.writer(roles.SCENARIO_WRITE)
    if not name or actor is None:
        return
    ctx.write(scenarios.delete, name, actor=actor)
    flash.leave(FLASH, "toast", t("plan.deleted", lang, name=name), icon=":material/delete:")


def _save_form(plan: al.Plan, as_of: date, budget_lines: dict, area: dict, lang: str) -> None:
    with st.form("rencana_save", border=False):
        name_column, overwrite_column, button_column = st.columns([4, 3, 2], vertical_alignment="bottom")  # room for "Simpan skenario" in one line
        name_column.text_input(t("plan.scenario_name", lang), max_chars=scenarios.MAX_NAME_CHARS,
                               key="rencana_scenario_name")
        overwrite_column.checkbox(t("plan.overwrite", lang), key="rencana_overwrite")
        button_column.form_submit_button(t("plan.save", lang), icon=":material/save:", on_click=_on_save,
                                         args=(plan, as_of, budget_lines, area, lang))
    flash.show(FLASH)


def _delete(names: list[str], lang: str) -> None:
    with st.popover(t("plan.delete", lang), icon=":material/delete:"):
        st.selectbox(t("plan.scenario_name", lang), names, key="rencana_delete_name")
        st.button(t("plan.delete", lang), key="rencana_delete", type="primary", on_click=_on_delete, args=(lang,))


def scenario_panel(plan: al.Plan, *, as_of: date, budget_lines: dict, area: dict, lang: str) -> None:
    """Save form, the saved list, the comparison of the chosen ones, and a delete button."""
    with ctx.cursor() as cursor:  # not ctx.run: its cache follows the data version, not saves
        writer = session.write_guard(roles.SCENARIO_WRITE, "rencana_signin", lang)
        if writer:
            _save_form(plan, as_of, budget_lines, area, lang)
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
        if writer:
            _delete(names, lang)
