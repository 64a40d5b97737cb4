"""Riwayat & Rincian (admin only): batch history and withdrawal, participant detail, audit log."""

import streamlit as st

from jamsostek.ui import admin_views, components, context as ctx, session

components.page_header("page.history")
admin = session.require_admin()
lang = ctx.lang()
admin_views.batches_section(admin, lang)
admin_views.rejections_section(lang)
st.divider()
admin_views.detail_section(admin, lang)
admin_views.audit_section(lang)
