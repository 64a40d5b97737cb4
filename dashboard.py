"""Entry point: page config, navigation over pages/, the shared sidebar, then the chosen page."""

from pathlib import Path

import streamlit as st

from jamsostek.access import privacy
from jamsostek.i18n import t
from jamsostek.ui import components, context, session, styles, viewport
from jamsostek.ui.sidebar import render_sidebar

# One line per page: file, label key, icon. The first is the default.
PAGES = [
    ("pages/ringkasan.py", "page.summary", ":material/dashboard:"),
    ("pages/peta.py", "page.map", ":material/map:"),
    ("pages/sektor.py", "page.sectors", ":material/grid_on:"),
    ("pages/tren.py", "page.trend", ":material/trending_up:"),
    ("pages/rencana.py", "page.plan", ":material/savings:"),
    ("pages/rapat.py", "page.meeting", ":material/groups:"),
    ("pages/layar.py", "page.screen", ":material/co_present:"),  # the meeting on a projector
    ("pages/usulan.py", "page.usulan", ":material/how_to_reg:"),
    ("pages/laporan.py", "page.reports", ":material/description:"),
    # Data admin only: viewers see a sign-in form there.
    ("pages/unggah.py", "page.upload", ":material/upload_file:"),
    ("pages/riwayat.py", "page.history", ":material/history:"),
]

privacy.install_log_redaction()
FAVICON = Path(__file__).parent / "assets" / "favicon.png"  # local file: a Material icon would be fetched from a CDN
st.set_page_config(page_title=t("app.title"), page_icon=str(FAVICON), layout="wide")
components.stop_on_bad_settings()
context.begin_run()  # every question of this run reads the data version pinned here
context.prepare()
lang = context.lang()
session.gate()
page = st.navigation([
    st.Page(path, title=t(key, lang), icon=icon, default=i == 0)
    for i, (path, key, icon) in enumerate(PAGES)
])
# The projector page (or ?tampilan=layar) hides the sidebar; its filters still come from the address.
screen = viewport.is_screen() or page.url_path == "layar"
styles.apply(screen)
render_sidebar()
session.account_box()
with st.sidebar:
    viewport.mount(lang)
page.run()
