"""The upload screen: file chooser, column mapping, masked preview, validation report, load or cancel."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException

from jamsostek import domain, settings
from jamsostek.reports import downloads as export
from jamsostek.ingest import batches, dates, profiles, readers, rejections
from jamsostek.ingest import upload
from jamsostek.i18n import fmt_int
from jamsostek.i18n import t
from jamsostek.ui import context as ctx
from jamsostek.ui import flash

KEY_FLOW, KEY_NONCE, FLASH = "_upload_flow", "_upload_nonce", "upload"
ROW_PX = 35  # height of one row of st.dataframe
UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx", "xls"]  # .xls is accepted only to explain what to do with it
log = logging.getLogger(__name__)


def flow() -> upload.UploadFlow:
    """This session's upload state machine."""
    if KEY_FLOW not in st.session_state:
        st.session_state[KEY_FLOW] = upload.UploadFlow()
    return st.session_state[KEY_FLOW]


def _text(error: readers.ExtractError | upload.Notice, lang: str) -> str:
    return error.message_id if lang == "id" else error.message_en


def _new_uploader() -> None:
    """Give the file chooser a fresh key so it empties after a load or a cancel."""
    st.session_state[KEY_NONCE] = st.session_state.get(KEY_NONCE, 0) + 1


def _on_commit(actor: str, lang: str) -> None:
    f = flow()
    try:
        result = ctx.write(f.commit, actor)
    except upload.UploadRefused as refused:
        flash.leave(FLASH, "error", refused.notice.text(lang))
        return
    flash.leave(FLASH, "success", t("upload.committed", lang, batch=result.batch_id, count=result.rows_accepted,
                                    file=result.file_name))
    _new_uploader()


def _on_cancel(lang: str) -> None:
    flow().cancel()
    flash.leave(FLASH, "info", t("upload.cancelled", lang))
    _new_uploader()


def chooser(lang: str) -> None:
    """The file chooser; a newly chosen file is read and checked at once (nothing is saved)."""
    limits = flow().limits
    help_text = t("upload.help", lang, size=limits.max_bytes // readers.MB, rows=fmt_int(limits.max_rows, lang),
                  sheets=limits.max_sheets)
    chosen = st.file_uploader(t("upload.choose", lang), type=UPLOAD_TYPES, help=help_text,
                              key=f"upload_file_{st.session_state.get(KEY_NONCE, 0)}",
                              max_upload_size=settings.UPLOAD_WIDGET_MB)
    st.caption(help_text)
    if chosen is None:
        return
    f = flow()
    try:
        ctx.with_cursor(f.receive, chosen.getvalue(), chosen.name, source_id=chosen.file_id)
    except Exception:  # a bug must not leak a traceback (or cell values) to the page
        log.exception("upload could not be prepared")
        f.cancel()
        st.error(t("upload.unexpected", lang))


def outcome() -> None:
    """The outcome of the last load/cancel, shown once."""
    flash.show(FLASH)


def _field_label(field_name: str, lang: str) -> str:
    if not field_name:
        return t("upload.mapping_ignore", lang)
    star = " *" if field_name in domain.REQUIRED_FIELDS else ""
    return f"{readers.CANONICAL[field_name]}{star}"


def mapping_editor(columns: list[str], current: dict[str, str], examples: dict[str, str], lang: str) -> None:
    """One selectbox per source column; Apply reads the file again with the chosen mapping."""
    options = [upload.IGNORE, *readers.CANONICAL]
    required = ", ".join(readers.CANONICAL[f] for f in domain.REQUIRED_FIELDS)
    st.caption(t("upload.mapping_help", lang, required=required))
    with st.form("upload_mapping", border=False):
        grid = st.columns(3)
        for i, column in enumerate(columns):
            example = examples.get(column, "")
            grid[i % 3].selectbox(
                column, options, index=options.index(current.get(column, upload.IGNORE)),
                format_func=lambda f: _field_label(f, lang), key=f"map_{i}",
                help=t("upload.mapping_example", lang, example=example) if example else None)
        if st.form_submit_button(t("upload.mapping_apply", lang), icon=":material/sync:"):
            override = {c: st.session_state[f"map_{i}"] for i, c in enumerate(columns)}
            ctx.with_cursor(flow().remap, override)
            st.rerun()


def profile_offer(columns: list[str], lang: str) -> None:
    """Saved column profiles made for files with these headers, one click to apply."""
    names = ctx.with_cursor(profiles.matching, columns)
    if not names:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    name = left.selectbox(t("ingest.ui.profile_pick", lang), names, key="upload_profile_pick")
    if right.button(t("ingest.ui.profile_apply", lang), key="upload_profile_apply", icon=":material/bookmark:"):
        mapping = ctx.with_cursor(profiles.load, name)
        ctx.with_cursor(flow().remap, mapping)
        st.rerun()


def profile_saver(mapping: dict[str, str], columns: list[str], actor: str, lang: str) -> None:
    """Save the mapping in use under a name, to be offered for next week's file."""
    with st.form("upload_profile_save", border=False):
        name = st.text_input(t("ingest.ui.profile_name", lang), max_chars=profiles.MAX_NAME,
                             placeholder=t("ingest.ui.profile_placeholder", lang))
        if st.form_submit_button(t("ingest.ui.profile_save", lang), icon=":material/bookmark_add:"):
            full = {c: mapping.get(c, upload.IGNORE) for c in columns}
            try:
                ctx.write(profiles.save, name, full, actor)
                st.success(t("ingest.ui.profile_saved", lang, name=name.strip()))
            except profiles.ProfileError as error:
                st.error(str(error))


def extract_options(draft: upload.Draft, lang: str) -> None:
    """The date the data is as of, and the day/month order of its dates, both changeable."""
    f = flow()
    left, right = st.columns(2)
    as_of = left.date_input(t("ingest.ui.as_of", lang), value=draft.as_of, format="DD-MM-YYYY",
                            help=t("ingest.ui.as_of_help", lang), key=f"upload_as_of_{f.source_id}")
    orders = [dates.DMY, dates.MDY]
    order = right.radio(t("ingest.ui.date_order", lang), orders, index=orders.index(draft.date_order),
                        format_func=lambda o: t(f"ingest.ui.order_{o}", lang), horizontal=True,
                        key=f"upload_date_order_{f.source_id}")
    if as_of != draft.as_of or order != draft.date_order:
        chosen = order if order != draft.date_order else f.date_order  # an order is set only when changed
        ctx.with_cursor(f.choose, as_of=as_of, date_order=chosen)
        st.rerun()


def file_info(raw: readers.RawExtract, lang: str) -> None:
    """One line: file, rows, SHA-256 and how it was read."""
    separator = {",": ",", ";": ";", "\t": "tab"}.get(raw.separator or "", "")
    st.markdown(t("upload.file_info", lang, file=raw.file_name, count=len(raw.rows),
                  sha=raw.sha256[:16], encoding=raw.encoding or "XLSX",
                  separator=t("upload.separator", lang, sep=separator) if separator else "",
                  sheet=t("upload.sheet", lang, sheet=raw.sheet) if raw.sheet else ""))


def report(draft: upload.Draft, lang: str) -> None:
    """Counts, rejected rows by reason, the rejected rows themselves and their download."""
    checked = draft.checked
    st.subheader(t("upload.report", lang))
    counts = {"upload.rows_total": checked.rows_total, "upload.rows_accepted": len(checked.accepted),
              "upload.rows_rejected": checked.rows_rejected, "ingest.ui.rows_blank": checked.rows_blank,
              "ingest.ui.rows_duplicate": checked.rows_duplicate}
    for column, (key, value) in zip(st.columns(len(counts)), counts.items()):
        column.metric(t(key, lang), fmt_int(value, lang), border=True)
    st.caption(t("ingest.ui.counts_add_up", lang))
    if checked.rejections.empty:
        st.success(t("upload.all_ok", lang))
        return
    st.markdown(f"**{t('upload.by_reason', lang)}**")
    by_reason = rejections.count_by_reason(checked.rejections, lang)
    names = {"reason": t("upload.reason", lang), "rows": t("upload.rows", lang)}
    # Tall enough for every reason (at most one row per reason code): none hides below a scrollbar.
    st.dataframe(batches.shown(by_reason[["reason", "rows"]].rename(columns=names)), hide_index=True,
                 height=ROW_PX * (len(by_reason) + 1) + 3)
    rejected = rejections.table(checked.rejections, lang)
    with st.expander(f"{t('upload.rejected_rows', lang)} ({fmt_int(len(rejected), lang)})"):
        st.dataframe(batches.shown(rejected), hide_index=True, height=300)
    st.download_button(t("upload.download_rejected", lang), export.to_csv_bytes(rejected),
                       file_name=f"{Path(draft.raw.file_name).stem}.ditolak.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:", key="upload_rejected_csv")


def draft_view(draft: upload.Draft, actor: str, lang: str) -> None:
    """Everything about a checked file, then Load / Cancel."""
    f = flow()
    file_info(draft.raw, lang)
    if f.error is not None:  # a manual mapping that could not be applied; the last good one stays
        st.error(_text(f.error, lang))
    for n in draft.notices:
        (st.error if n.blocking else st.warning)(n.text(lang))
    table = upload.mapping_table(draft.raw)
    expand = bool(draft.override) or bool(draft.raw.unmapped)
    profile_offer(list(table["column"]), lang)
    with st.expander(t("upload.mapping", lang), expanded=expand, icon=":material/view_column:"):
        mapping_editor(list(table["column"]), draft.raw.header_map, dict(zip(table["column"], table["example"])),
                       lang)
        profile_saver(draft.raw.header_map, list(table["column"]), actor, lang)
    extract_options(draft, lang)
    rows = min(upload.PREVIEW_ROWS, len(draft.raw.rows))
    st.subheader(t("upload.preview", lang, rows=rows))
    st.dataframe(batches.shown(upload.preview(draft.raw)), hide_index=True)
    report(draft, lang)
    st.divider()
    left, right, _ = st.columns([2, 1, 2])
    left.button(t("upload.commit", lang, count=len(draft.checked.accepted)), type="primary",
                disabled=not draft.can_commit, on_click=_on_commit, args=(actor, lang), key="upload_commit",
                icon=":material/database_upload:", width="stretch")
    right.button(t("upload.cancel", lang), on_click=_on_cancel, args=(lang,), key="upload_cancel",
                 icon=":material/close:", width="stretch")


def render(actor: str, lang: str) -> None:
    """The whole upload screen for a signed-in admin."""
    st.caption(t("upload.steps", lang))
    outcome()
    chooser(lang)
    f = flow()
    if f.state == upload.FAILED and f.error is not None:
        st.error(_text(f.error, lang))
        if f.headers:
            st.info(t("upload.mapping_failed", lang))
            profile_offer(f.headers, lang)
            mapping_editor(f.headers, _guess(f.headers), {}, lang)
    elif f.state == upload.PREVIEW and f.draft is not None:
        draft_view(f.draft, actor, lang)
    elif f.state == upload.COMMITTED:
        try:
            st.page_link("pages/riwayat.py", label=t("upload.see_history", lang), icon=":material/history:")
        except StreamlitAPIException:  # the page runs outside the app's navigation (tests)
            pass


def _guess(headers: list[str]) -> dict[str, str]:
    """The automatic mapping of headers, as a starting point for mapping by hand."""
    try:
        return readers.map_headers(headers)[0]
    except (readers.ExtractError, ValueError):
        return {}
