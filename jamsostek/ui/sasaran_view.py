"""Unggah: the official sasaran (admin): upload a table, see why rows are refused, choose the active version."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from jamsostek import i18n
from jamsostek.access import roles
from jamsostek.i18n import t
from jamsostek.ingest import sasaran as versions
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import flash
from jamsostek.ui import session

KEY = "sasaran_"
FLASH = "sasaran"  # area of the message shown once after an upload or activation


def _list(lang: str):
    table = ctx.with_cursor(versions.versions)
    shown = table.assign(
        name=[t("sasaran.estimate_name", lang) if k == versions.ESTIMATE else n
              for n, k in zip(table["name"], table["kind"])],
        kind=table["kind"].map(lambda k: t(f"sasaran.kind_{k}", lang)),
        is_active=table["is_active"].map(lambda a: "✓" if a else ""))
    labels = {"version_id": "sasaran.col_id", "name": "sasaran.col_name", "kind": "sasaran.col_kind",
              "data_date": "sasaran.col_date", "total_workers": "col.sasaran", "desa_count": "sasaran.col_desa",
              "created_by": "sasaran.col_by", "is_active": "sasaran.col_active"}
    frame = shown[list(labels)].rename(columns={c: t(k, lang) for c, k in labels.items()})
    ui.table(frame, base_name="sasaran_versi", key="sasaran_versions")
    return table


def render(lang: str) -> None:
    """The section, for roles that may upload a sasaran (the admin)."""
    if not roles.can(session.role(), roles.SASARAN_UPLOAD):
        return
    actor = session.user()
    st.subheader(t("sasaran.upload_title", lang))
    st.caption(t("sasaran.upload_help", lang))
    flash.show(FLASH)
    table = _list(lang)
    with st.form(KEY + "form", clear_on_submit=True):
        chosen = st.file_uploader(t("sasaran.file", lang), type=["csv", "xlsx"], key=KEY + "file")
        a, b = st.columns(2)
        name = a.text_input(t("sasaran.name", lang), key=KEY + "name", max_chars=80)
        day = b.date_input(t("sasaran.data_date", lang), value=None, format="DD/MM/YYYY", key=KEY + "date")
        make_active = st.checkbox(t("sasaran.make_active", lang), value=True, key=KEY + "active")
        sent = st.form_submit_button(t("sasaran.submit", lang), icon=":material/upload:")
    if sent:
        _receive(chosen, name, day, make_active, actor, lang)
    options = {int(v): n for v, n in zip(table["version_id"], table["name"])}
    active = [int(v) for v, a in zip(table["version_id"], table["is_active"]) if a]
    if options:
        pick = st.selectbox(t("sasaran.choose_active", lang), list(options), key=KEY + "pick",
                            index=list(options).index(active[0]) if active else 0,
                            format_func=lambda v: f"{v} · {options[v]}")
        if st.button(t("sasaran.activate", lang), key=KEY + "activate", disabled=bool(active) and pick == active[0]):
            ctx.write(versions.activate, pick, actor)
            flash.leave(FLASH, "success", t("sasaran.activated", lang, name=options[pick]))
            st.rerun()


def _receive(chosen, name: str, day, make_active: bool, actor: str, lang: str) -> None:
    if chosen is None or not name.strip():
        st.error(t("sasaran.need_file_and_name", lang))
        return
    frame, problems = versions.read_table(chosen.getvalue(), chosen.name)
    checked = versions.check_table(frame) if not problems else None
    if problems or not checked.ok:
        found = checked.problems if checked is not None else pd.DataFrame(problems)
        st.error(t("sasaran.refused", lang, count=i18n.fmt_int(len(found), lang)))
        reason = "reason_id" if lang == "id" else "reason_en"
        shown = found[["row_number", "column", "value", reason]].rename(columns={
            "row_number": t("sasaran.col_row", lang), "column": t("sasaran.col_column", lang),
            "value": t("sasaran.col_value", lang), reason: t("sasaran.col_reason", lang)})
        ui.table(shown, base_name="sasaran_ditolak", key="sasaran_problems")
        return
    version_id = ctx.write(versions.add_version, checked.cells, name, versions.OFFICIAL, day, actor, chosen.name,
                           activate=make_active)
    flash.leave(FLASH, "success", t("sasaran.stored", lang, id=version_id, name=name.strip(),
                                    total=i18n.fmt_int(int(checked.cells["sasaran_workers"].sum()), lang)))
    st.rerun()
