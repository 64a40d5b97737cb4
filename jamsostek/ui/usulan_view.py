"""Usulan page: the funnel's counts for everyone; the list upload for proposers (pengusul, admin); the
verifier's table, decisions and the two downloads for admins. NIK and names shown masked, in full only in
the downloads; every write goes through ctx.write and is audited by usulan.store."""

from __future__ import annotations

import logging
from datetime import date

import pandas as pd
import streamlit as st

from jamsostek import settings
from jamsostek.access import privacy, roles
from jamsostek.analysis import funnel as funnel_counts
from jamsostek.analysis import metrics
from jamsostek.geo import wilayah
from jamsostek.i18n import fmt_date, fmt_int, t
from jamsostek.ingest import readers
from jamsostek.plan import scenarios
from jamsostek.sample import usulan as sample_round
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import flash, session, viewport
from jamsostek.usulan import files, propose, shown, verify
from jamsostek.usulan import store as usulan

KEY = "usulan_"
KEY_DRAFT, KEY_NONCE, KEY_FILE = "_usulan_draft", "_usulan_nonce", "_usulan_registration"
FLASH, FLASH_DECIDE, FLASH_FILE = "usulan", "usulan_decide", "usulan_file"
log = logging.getLogger(__name__)


def funnel(lang: str, as_of: date) -> None:
    """Proposed -> verified -> registered -> enrolled per kecamatan and desa: counts only."""
    st.subheader(t("usulan.funnel_title", lang))
    table = ctx.usulan_funnel(as_of)
    kecamatan = ctx.filters().kecamatan
    if kecamatan:
        table = table[table["kode_kecamatan"] == kecamatan]
    if table.empty:
        st.info(t("usulan.none", lang))
        return
    totals = table[list(funnel_counts.COLUMNS)].sum()
    if viewport.is_phone():  # five stacked cards would fill the screen: one line that reads as a funnel
        st.markdown(funnel_counts.totals_line(totals, lang))
    else:
        ui.cards([metrics.Card(c, t(label, lang), fmt_int(int(totals[c]), lang))
                  for c, label in funnel_counts.COLUMNS.items()], per_row=5)
    st.markdown(f"**{t('usulan.by_kecamatan', lang)}**")
    ui.table(funnel_counts.table(funnel_counts.by_kecamatan(table), lang, ("kecamatan",)), base_name="usulan_kecamatan",
             key=KEY + "kecamatan")
    st.markdown(f"**{t('usulan.by_desa', lang)}**")
    ui.table(funnel_counts.table(table, lang, ("desa", "kecamatan")), base_name="usulan_desa", key=KEY + "desa")
    st.caption(t("usulan.stalled_help", lang, weeks=settings.USULAN_STALL_WEEKS, date=fmt_date(as_of, lang)))


def against_plan(lang: str, as_of: date) -> None:
    """The funnel per desa beside a saved scenario's allocation (chosen here, kept in the address)."""
    saved = ctx.with_cursor(scenarios.list_scenarios)
    if saved.empty:
        return
    saved = saved.set_index(saved["scenario_id"].astype(int))
    names = saved["name"].to_dict()
    ctx.url_option(KEY + "plan", "skenario", None, to_widget=int)
    if st.session_state[KEY + "plan"] not in names:
        st.session_state[KEY + "plan"] = None  # a link to a deleted scenario: no comparison
    left, _ = st.columns([2, 3])
    chosen = left.selectbox(
        t("usulan.plan_pick", lang), [None, *names], key=KEY + "plan",
        format_func=lambda i: t("usulan.plan_none", lang) if i is None else t(
            "usulan.plan_option", lang, name=names[i], date=fmt_date(pd.Timestamp(saved.at[i, "saved_at"]).date(), lang)))
    ctx.show_option("skenario", chosen)
    if chosen is None:
        return
    allocation = ctx.with_cursor(scenarios.allocated, chosen)
    compared = funnel_counts.against_plan(ctx.usulan_funnel(as_of), allocation, wilayah.load_wilayah())
    kecamatan = ctx.filters().kecamatan
    if kecamatan:
        compared = compared[compared["kode_desa"].str.startswith(kecamatan + ".")]
    st.markdown(f"**{t('usulan.plan_title', lang)}**")
    ui.table(funnel_counts.plan_table(compared, lang), base_name="usulan_rencana", key=KEY + "plan_table")
    st.caption(t("usulan.plan_help", lang, name=names[chosen],
                 date=fmt_date(pd.Timestamp(saved.at[chosen, "as_of"]).date(), lang)))


def _desa_options() -> dict[str, str]:
    desa = wilayah.load_wilayah().sort_values(["kecamatan", "desa"])
    return {r.kode_desa: f"{r.desa} ({r.kecamatan})" for r in desa.itertuples(index=False)}


def _new_uploader() -> None:
    st.session_state.pop(KEY_DRAFT, None)
    st.session_state[KEY_NONCE] = st.session_state.get(KEY_NONCE, 0) + 1


def _check(data: bytes, file_name: str, kode_desa: str, lang: str) -> None:
    """Read and check a chosen file into this session's draft (nothing stored); errors are shown."""
    try:
        raw = propose.read_list(data, file_name)
    except readers.ExtractError as error:
        st.error(error.message_id if lang == "id" else error.message_en)
        return
    checked = propose.check_list(raw, kode_desa)
    if not checked.ok:
        st.error(t("usulan.refused", lang, count=len(checked.problems)))
        problems = checked.problems.rename(columns={
            "row_number": t("usulan.col_row", lang), "column": t("usulan.col_column", lang)})
        reason = "reason_id" if lang == "id" else "reason_en"
        st.dataframe(problems.drop(columns=[c for c in ("reason_id", "reason_en") if c != reason])
                     .rename(columns={reason: t("usulan.col_reason", lang)}), hide_index=True)
        return
    judged = ctx.with_cursor(usulan.judge, checked.candidates, date.today())
    st.session_state[KEY_DRAFT] = {"kode_desa": kode_desa, "file_name": file_name, "judged": judged}


def _on_save(actor: str, lang: str) -> None:
    draft = st.session_state.get(KEY_DRAFT)
    if draft is None:
        return
    list_id = ctx.write(usulan.propose, draft["kode_desa"], draft["judged"][usulan.CANDIDATE_COLUMNS], actor,
                        date.today(), source_file=draft["file_name"])
    flash.leave(FLASH, "success", t("usulan.saved", lang, list=list_id, desa=_desa_options()[draft["kode_desa"]],
                                    count=len(draft["judged"])))
    _new_uploader()


def _on_cancel(lang: str) -> None:
    flash.leave(FLASH, "info", t("usulan.cancelled", lang))
    _new_uploader()


def _draft_view(draft: dict, actor: str, lang: str) -> None:
    judged = draft["judged"]
    st.markdown(f"**{t('usulan.preview_title', lang, count=fmt_int(len(judged), lang), desa=_desa_options()[draft['kode_desa']])}**")
    counts = shown.status_counts(judged)
    ui.cards([metrics.Card(s, shown.status_text(s, lang), fmt_int(n, lang)) for s, n in counts.items()], per_row=3)
    st.dataframe(shown.preview(judged, lang), hide_index=True,
                 column_config={t("usulan.col_reason", lang): st.column_config.TextColumn(width="large")})
    with st.container(horizontal=True):
        st.button(t("usulan.save", lang), type="primary", icon=":material/save:", key=KEY + "save",
                  on_click=_on_save, args=(actor, lang))
        st.button(t("usulan.cancel", lang), icon=":material/close:", key=KEY + "cancel", on_click=_on_cancel,
                  args=(lang,))


def propose_section(lang: str) -> None:
    """Desa, file, check, then Save or Cancel; for roles with usulan.propose (a sign-in form otherwise)."""
    st.subheader(t("usulan.propose_title", lang))
    flash.show(FLASH)
    actor = session.write_guard(roles.USULAN_PROPOSE, "usulan_signin", lang)
    if actor is None:
        return
    limits = propose.LIMITS
    st.caption(t("usulan.propose_help", lang, size=limits.max_bytes // readers.MB, rows=fmt_int(limits.max_rows, lang)))
    options = _desa_options()
    nonce = st.session_state.get(KEY_NONCE, 0)
    left, right = st.columns(2)
    kode_desa = left.selectbox(t("usulan.pick_desa", lang), list(options), index=None, format_func=options.get,
                               placeholder=t("usulan.pick_desa_placeholder", lang), key=f"{KEY}desa_{nonce}")
    chosen = right.file_uploader(t("usulan.choose_file", lang), type=["csv", "txt", "xlsx"], key=f"{KEY}file_{nonce}",
                                 disabled=kode_desa is None, max_upload_size=settings.UPLOAD_WIDGET_MB)
    if chosen is None or kode_desa is None:
        st.session_state.pop(KEY_DRAFT, None)
        return
    draft = st.session_state.get(KEY_DRAFT)
    if draft is None or (draft["kode_desa"], draft["file_name"]) != (kode_desa, chosen.name):
        st.session_state.pop(KEY_DRAFT, None)
        try:
            _check(chosen.getvalue(), chosen.name, kode_desa, lang)
        except Exception:  # a bug must not leak a traceback (or cell values) to the page
            log.exception("usulan list could not be checked")
            st.error(t("usulan.unexpected", lang))
            return
    if KEY_DRAFT in st.session_state:
        _draft_view(st.session_state[KEY_DRAFT], actor, lang)


def _on_decide(actor: str, keys: dict[str, tuple[int, int]], lang: str) -> None:
    picked = st.session_state.get(KEY + "decide_pick")
    status, note = st.session_state.get(KEY + "decide_status"), st.session_state.get(KEY + "decide_note", "")
    if picked not in keys:
        return
    list_id, row_number = keys[picked]
    try:
        ctx.write(usulan.override, list_id, row_number, status, note, actor)
    except usulan.OverrideRefused as refused:
        flash.leave(FLASH_DECIDE, "error", t(f"usulan.refused.{refused.code}", lang))
        return
    flash.leave(FLASH_DECIDE, "success", t("usulan.decided", lang, list=list_id, row=row_number,
                                           status=shown.status_text(status, lang)))
    st.session_state[KEY + "decide_note"] = ""


def decide_form(candidates: pd.DataFrame, actor: str, lang: str) -> None:
    """One candidate, Verified or Rejected, and the note the decision needs."""
    st.markdown(f"**{t('usulan.decide_title', lang)}**")
    flash.show(FLASH_DECIDE)
    open_ = shown.decidable(candidates)
    if open_.empty:
        st.caption(t("usulan.nothing_to_decide", lang))
        return
    keys = {shown.candidate_label(c, lang): (int(c.list_id), int(c.row_number)) for c in open_.itertuples(index=False)}
    with st.form(KEY + "decide", border=True):
        st.selectbox(t("usulan.decide_pick", lang), list(keys), key=KEY + "decide_pick")
        st.radio(t("usulan.decide_status", lang), list(usulan.OVERRIDE_STATUSES), horizontal=True,
                 format_func=lambda s: shown.status_text(s, lang), key=KEY + "decide_status")
        st.text_area(t("usulan.decide_note", lang), max_chars=300, key=KEY + "decide_note", height=80)
        st.form_submit_button(t("usulan.decide_submit", lang), type="primary", icon=":material/gavel:",
                              on_click=_on_decide, args=(actor, keys, lang))


def verification(candidates: pd.DataFrame, actor: str, lang: str) -> None:
    """The candidates with status and reasons, NIK and names masked, and the decision form."""
    st.subheader(t("usulan.verify_title", lang))
    st.caption(t("usulan.verify_help", lang))
    statuses = [None, *verify.STATUSES]
    status = st.selectbox(t("usulan.show_status", lang), statuses, key=KEY + "show_status",
                          format_func=lambda s: t("usulan.show_all", lang) if s is None else shown.status_text(s, lang))
    listed = candidates if status is None else candidates[candidates["decided_status"] == status]
    table = shown.masked_table(listed.reset_index(drop=True), lang)
    st.dataframe(table, hide_index=True, column_config={
        t("usulan.col_reason", lang): st.column_config.TextColumn(width="large"),
        t("usulan.col_note", lang): st.column_config.TextColumn(width="medium")})
    decide_form(candidates, actor, lang)


def _on_register(actor: str, lang: str) -> None:
    marked = ctx.write(usulan.register_batch, actor, None, date.today())
    st.session_state[KEY_FILE] = files.registration_csv(marked, date.today())
    flash.leave(FLASH_FILE, "success", t("usulan.register_ready", lang, count=fmt_int(len(marked), lang)))


def _audit_letter(actor: str, kode_desa: str) -> None:
    ctx.write(privacy.record_audit, actor, privacy.USULAN_EXPORT, f"kepala desa list, desa {kode_desa}")


def downloads(candidates: pd.DataFrame, actor: str, lang: str) -> None:
    """The registration file (marks its candidates registered) and one desa's list for its kepala desa."""
    st.subheader(t("usulan.files_title", lang))
    st.caption(t("usulan.register_help", lang))
    flash.show(FLASH_FILE)
    waiting = int(((candidates["decided_status"] == verify.VERIFIED) & candidates["registered_at"].isna()).sum())
    if waiting:
        st.button(t("usulan.register_prepare", lang, count=fmt_int(waiting, lang)), key=KEY + "register",
                  icon=":material/how_to_reg:", on_click=_on_register, args=(actor, lang))
    elif KEY_FILE not in st.session_state:
        st.caption(t("usulan.register_none", lang))
    if KEY_FILE in st.session_state:
        st.download_button(t("usulan.register_download", lang), st.session_state[KEY_FILE],
                           file_name=f"pendaftaran_bpu_{date.today().isoformat()}.csv", mime="text/csv",
                           on_click="ignore", icon=":material/download:", key=KEY + "register_csv")
    desa = candidates.drop_duplicates("kode_desa")
    names = dict(zip(desa["kode_desa"], desa["desa"]))
    left, _ = st.columns([2, 3])
    code = left.selectbox(t("usulan.letter_desa", lang), list(names), format_func=names.get, key=KEY + "letter_desa")
    left.download_button(t("usulan.letter_download", lang, desa=names[code]), files.letter_csv(candidates, code),
                         file_name=f"usulan_{names[code].lower().replace(' ', '_')}.csv", mime="text/csv",
                         on_click=_audit_letter, args=(actor, code), icon=":material/download:",
                         key=KEY + "letter_csv")


def render(lang: str) -> None:
    """The whole page below its header."""
    st.caption(t("usulan.intro", lang))
    funnel(lang, ctx.filters().as_of)
    against_plan(lang, ctx.filters().as_of)
    st.divider()
    propose_section(lang)
    actor = session.writer(roles.USULAN_VERIFY)
    if actor is None:
        return
    candidates = ctx.with_cursor(usulan.candidates, None, ctx.filters().as_of)
    if candidates.empty:
        return
    if (candidates["proposed_by"] == sample_round.ACTOR).any():
        st.caption(f":material/science: {t('usulan.sample', lang, who=sample_round.ACTOR)}")
    st.divider()
    verification(candidates, actor, lang)
    st.divider()
    downloads(candidates, actor, lang)
