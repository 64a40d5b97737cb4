"""Usulan: the candidate funnel per kecamatan and desa for everyone; the list upload for proposers; the
verification, decisions and downloads for admins (ui/usulan_view.py)."""

from jamsostek.ui import components, context as ctx, usulan_view

components.page_header("page.usulan")
usulan_view.render(ctx.lang())
