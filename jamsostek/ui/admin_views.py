"""Admin screens besides the upload: batch history with withdrawal, participant detail, audit log."""

from __future__ import annotations

import streamlit as st

from jamsostek import i18n, settings
from jamsostek.ingest import batches as batch_admin
from jamsostek.access import detail
from jamsostek.reports import downloads as export
from jamsostek.ingest import upload
from jamsostek.geo import wilayah
from jamsostek.i18n import t
from jamsostek.ui import context as ctx
from jamsostek.ui import flash
from jamsostek.ui import session

FLASH = "history"
KEY_DESA, KEY_REVEAL, KEY_CONFIRM = "detail_desa", "detail_reveal", "history_withdraw_confirm"


def _on_withdraw(batch_id: int, actor: str, lang: str) -> None:
    try:
        ctx.write(batch_admin.withdraw, batch_id, actor)
    except upload.UploadRefused as refused:
        flash.leave(FLASH, "error", refused.notice.text(lang))
        return
    flash.leave(FLASH, "success", t("history.withdrawn", lang, batch=batch_id))
    st.session_state[KEY_CONFIRM] = False


def history_table(table, lang: str) -> None:
    """The batch history: counts as the language writes them, status wide enough to read who withdrew when.

    Status comes right after the file, so a narrow screen cuts the SHA-256 and times, not the status.
    """
    counts = [t(k, lang) for k in ("history.col.total", "history.col.accepted", "history.col.rejected")]
    shown = table.style.format({c: lambda v: i18n.fmt_int(v, lang) for c in counts})
    first = [t(k, lang) for k in ("history.col.batch", "history.col.file", "history.col.status")]
    st.dataframe(shown, hide_index=True, column_order=first + [c for c in table.columns if c not in first],
                 column_config={first[2]: st.column_config.TextColumn(width=270)})


def batches_section(actor: str, lang: str) -> None:
    """Every batch (file, short SHA-256, counts, who, when, status) and the withdrawal form."""
    st.subheader(t("history.batches", lang))
    flash.show(FLASH)
    frame = ctx.with_cursor(batch_admin.batches)
    if frame.empty:
        st.info(t("history.none", lang))
        return
    history_table(batch_admin.history_table(frame, lang), lang)
    active = frame[frame["withdrawn_at"].isna()]
    with st.container(border=True):
        st.markdown(f"**{t('history.withdraw', lang)}**")
        st.caption(t("history.withdraw_help", lang))
        if active.empty:
            st.info(t("history.nothing_active", lang))
            return
        rows = {int(r.batch_id): r for r in active.itertuples()}
        chosen = st.selectbox(t("history.withdraw_pick", lang), list(rows), key="history_withdraw_pick",
                              format_func=lambda b: f"{b} · {rows[b].file_name} · "
                              f"{i18n.fmt_int(rows[b].rows_accepted, lang)}")
        row = rows[chosen]
        sure = st.checkbox(t("history.withdraw_confirm", lang, batch=chosen, file=row.file_name,
                             count=row.rows_accepted), key=KEY_CONFIRM)
        st.button(t("history.withdraw_button", lang), disabled=not sure, on_click=_on_withdraw,
                  args=(chosen, actor, lang), key="history_withdraw", icon=":material/undo:")


def rejections_section(lang: str) -> None:
    """The stored rejected rows of a chosen batch, with a download."""
    frame = ctx.with_cursor(batch_admin.batches)
    with_rejections = frame[frame["rows_rejected"] > 0]
    if with_rejections.empty:
        return
    with st.expander(t("history.rejections", lang), icon=":material/rule:"):
        names = dict(zip(with_rejections["batch_id"].astype(int), with_rejections["file_name"]))
        batch = st.selectbox(t("history.col.batch", lang), list(names), key="history_rejections_pick",
                             format_func=lambda b: f"{b} · {names[b]}")
        table = ctx.with_cursor(batch_admin.rejections, batch)
        st.dataframe(table, hide_index=True, height=260)
        st.download_button(t("upload.download_rejected", lang), export.to_csv_bytes(table),
                           file_name=f"batch{batch}.ditolak.csv", mime="text/csv", on_click="ignore",
                           key="history_rejections_csv", icon=":material/download:")


def _on_desa_change() -> None:
    st.session_state[KEY_REVEAL] = False  # each desa's reveal is its own audited decision


def _on_reveal(actor: str, count_of) -> None:
    if st.session_state.get(KEY_REVEAL) and not session.password_fresh():
        st.session_state[KEY_REVEAL] = False  # the password went stale while the toggle was on screen
    elif st.session_state.get(KEY_REVEAL):
        desa = st.session_state.get(KEY_DESA)
        ctx.write(detail.record_reveal, actor, desa, count_of(desa))


def _desa_options() -> dict[str, str]:
    frame = wilayah.load_wilayah(settings.region())
    kecamatan = ctx.filters().kecamatan
    if kecamatan:
        frame = frame[frame["kode_kecamatan"] == kecamatan]
    return {r.kode_desa: f"{r.desa} ({r.kecamatan})" for r in frame.itertuples()}


def detail_section(actor: str, lang: str) -> None:
    """Participants of one desa; NIK masked unless revealed; reveal and export audited."""
    st.subheader(t("detail.title", lang))
    st.caption(t("detail.help", lang))
    options = _desa_options()
    if st.session_state.get(KEY_DESA) not in options:
        st.session_state.pop(KEY_DESA, None)
    as_of = ctx.filters().as_of
    left, right = st.columns([2, 3])
    desa = left.selectbox(t("detail.desa", lang), list(options), format_func=options.get, key=KEY_DESA,
                          on_change=_on_desa_change)

    def count_of(code: str) -> int:
        return len(ctx.with_cursor(detail.participants, code, as_of))

    # A password typed just now opens the full NIKs and the download: a screen left open opens neither.
    fresh = session.password_fresh()
    if fresh:
        flash.show(session.FLASH)
        right.toggle(t("detail.reveal", lang), key=KEY_REVEAL, on_change=_on_reveal, args=(actor, count_of))
    else:
        st.session_state[KEY_REVEAL] = False
    reveal = bool(st.session_state.get(KEY_REVEAL))
    frame = ctx.with_cursor(detail.participants, desa, as_of)
    st.caption(t("detail.count", lang, count=len(frame),
                 protected=i18n.fmt_int(int(frame["is_protected"].sum()) if len(frame) else 0, lang),
                 date=i18n.fmt_date(as_of, lang)))
    shown = detail.detail_table(frame, reveal=reveal, lang=lang)
    st.dataframe(shown, hide_index=True, height=320)

    def export_bytes() -> bytes:  # runs when clicked: the audit row is written then, not on every rerun
        return ctx.write(detail.export_csv, actor, shown, desa, reveal)

    if not fresh:
        left, _ = st.columns([2, 3])
        with left:
            session.confirm_password_form("detail_confirm")
        return
    st.download_button(t("detail.export", lang), export_bytes, file_name=f"peserta_{desa}_{as_of.isoformat()}.csv",
                       mime="text/csv", on_click="ignore", key="detail_export", icon=":material/download:")


def audit_section(lang: str) -> None:
    """The newest audit rows."""
    with st.expander(t("history.audit", lang), icon=":material/policy:"):
        st.caption(t("history.audit_help", lang))
        st.dataframe(ctx.with_cursor(batch_admin.audit_table, lang), hide_index=True, height=300)
