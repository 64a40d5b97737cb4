"""Riwayat & Rincian (admin only): batch history and withdrawal, participant detail, audit log."""

import streamlit as st

from jamsostek.i18n_admin import t
from jamsostek.ui import admin_views, context as ctx, session

admin = session.require_admin()
lang = ctx.lang()
st.title(t("page.history", lang))
admin_views.batches_section(admin, lang)
admin_views.rejections_section(lang)
st.divider()
admin_views.detail_section(admin, lang)
admin_views.audit_section(lang)
