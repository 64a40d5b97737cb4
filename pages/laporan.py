"""Laporan: the evidence PDF, workbook, meeting card and desa sheets for the sidebar's filters."""

import streamlit as st

from jamsostek.analysis.filters import Filters
from jamsostek.reports import collect, desa_sheet, files
from jamsostek.store import consistent
from jamsostek.i18n import t
from jamsostek.ui import components, context


def report_data(snapshot: context.Snapshot, view: tuple) -> collect.ReportData:
    """The queries of one view, run once per data version (context.derive caches it)."""
    return snapshot.read(collect.collect, Filters(*view))


def document(snapshot: context.Snapshot, kind: str, view: tuple, lang: str, desa: str | None = None) -> bytes:
    """Bytes of one document for one view and language, from the same data version as the page."""
    data = snapshot.derive(report_data, view)
    if desa:
        return desa_sheet.build_desa_sheets(data, lang, [desa])
    return files.build(kind, data, lang)


components.page_header("page.reports")
lang, view = context.lang(), context.filters()
key = (view.as_of, view.kecamatan, view.sektor, view.program, view.sumber)
shown = context.snapshot()  # a download runs after this run, outside it: it keeps the version shown
st.caption(t("ui.intro", lang))

with st.spinner(t("ui.building", lang)):
    data = context.derive(report_data, key)
    card_png = context.derive(document, "card", key, lang)


def build_on_click(kind: str, desa: str | None) -> bytes:
    """The document the page showed; if data was loaded since, the whole document at the new version."""
    try:
        return shown.derive(document, kind, key, lang, desa)
    except consistent.StaleVersion:
        return context.latest().derive(document, kind, key, lang, desa)


def download(kind: str, label: str, help_key: str | None, desa: str | None = None, content=None) -> None:
    """A download button that builds its document when clicked (Streamlit shows a spinner on it), cached."""
    name = files.file_name(kind, data, lang, desa=desa and data.desa_row(desa)["desa"])
    st.download_button(label, content or (lambda: build_on_click(kind, desa)), file_name=name,
                       mime=files.mime(kind), key=f"dl_{kind}_{desa or 'all'}", on_click="ignore",
                       icon=":material/download:")
    if help_key:
        st.caption(t(help_key, lang))


left, right = st.columns([3, 2], gap="large")
with left:
    download("evidence", t("ui.evidence", lang), "ui.evidence_help")
    download("workbook", t("ui.workbook", lang), "ui.workbook_help")
    download("card", t("ui.card", lang), "ui.card_help", content=card_png)
    download("desa", t("ui.desa_all", lang), "ui.desa_help")
    names = dict(zip(data.desa["kode_desa"], data.desa["desa"] + " · " + data.desa["kecamatan"], strict=True))
    chosen = st.selectbox(t("ui.choose_desa", lang), list(names), format_func=names.get, key="laporan_desa",
                          placeholder=t("view.choose", lang))
    if chosen:
        download("desa", t("ui.desa_one", lang), None, desa=chosen)
with right:
    st.image(card_png, caption=t("ui.preview", lang), width=360, alt=t("ui.card", lang))
