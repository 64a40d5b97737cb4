"""Unggah Data (admin only): upload an extract, check the mapping, preview and report, then load or cancel."""

from jamsostek.ui import components, context as ctx, sasaran_view, session, upload_view

components.page_header("page.upload")
admin = session.require_admin()
upload_view.render(admin, ctx.lang())
sasaran_view.render(ctx.lang())
