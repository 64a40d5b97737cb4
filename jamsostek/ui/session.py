"""Who uses this browser session: a viewer, or a signed-in admin. Sign-in form, guards, sign-out.

The role lives in st.session_state only (never in the URL). Sign-in attempts go through
auth.sign_in with the process-wide rate limiter, keyed by username and by Streamlit session id.
"""

from __future__ import annotations

import streamlit as st

from jamsostek.access import auth
from jamsostek.access import privacy
from jamsostek.i18n import t
from jamsostek.ui import context as ctx
from jamsostek.ui import flash

KEY_ROLE, KEY_USER = "_auth_role", "_auth_user"
FLASH = "auth"  # area of the message shown once after a sign-in attempt


def role() -> str | None:
    """'admin', 'viewer', or None when viewers must sign in and nobody has."""
    signed = st.session_state.get(KEY_ROLE)
    if signed:
        return signed
    return None if auth.viewer_signin_required() else auth.VIEWER


def is_admin() -> bool:
    """True when this session signed in as a data admin."""
    return st.session_state.get(KEY_ROLE) == auth.ADMIN


def user() -> str | None:
    """Username of the signed-in person, or None."""
    return st.session_state.get(KEY_USER)


def client_key() -> str:
    """The Streamlit session id: the rate limiter's per-client key."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    run = get_script_run_ctx()
    return f"session:{run.session_id}" if run else "session:local"


def _audit(actor: str, action: str, detail: str | None = None) -> None:
    ctx.write(privacy.record_audit, actor, action, detail)


def _attempt(form_key: str) -> None:
    """Form callback: check the typed credentials; the password is dropped from state at once."""
    state, lang = st.session_state, ctx.lang()
    username = str(state.get(f"{form_key}_user") or "").strip().lower()
    password = str(state.get(f"{form_key}_password") or "")  # the form clears it after this run
    if not username or not password:
        flash.leave(FLASH, "warning", t("auth.empty", lang))
        return
    admins, viewers = auth.load_admins(), auth.load_viewers()
    result = auth.sign_in(username, password, admins, auth.shared_limiter, client_key(), viewers=viewers)
    if result.ok:
        state[KEY_ROLE], state[KEY_USER] = result.role, username
        flash.leave(FLASH, "success", result.message(lang))
        _audit(username, privacy.SIGN_IN, result.role)
    else:
        flash.leave(FLASH, "error", result.message(lang))
        # Only a configured name is logged: people sometimes type their password into the name box.
        known = username in admins or username in viewers
        _audit(username if known else "-", privacy.SIGN_IN_FAILED, "rate limited" if result.retry_after_s else None)


def sign_out() -> None:
    """Forget the signed-in person (button callback)."""
    for key in (KEY_ROLE, KEY_USER):
        st.session_state.pop(key, None)


def sign_in_form(form_key: str, admin: bool = True) -> None:
    """Username/password form; on success the next run sees the new role."""
    lang = ctx.lang()
    flash.show(FLASH)
    if admin and not auth.load_admins():
        st.info(t("auth.no_admins", lang), icon=":material/key:")
    with st.form(form_key, clear_on_submit=True, border=True):
        st.text_input(t("auth.username", lang), key=f"{form_key}_user", autocomplete="username")
        st.text_input(t("auth.password", lang), key=f"{form_key}_password", type="password",
                      autocomplete="current-password")
        st.form_submit_button(t("auth.submit", lang), on_click=_attempt, args=(form_key,), type="primary",
                              icon=":material/login:")


def require_admin() -> str:
    """The admin's username; for anyone else a sign-in form is shown and the page stops here.

    Call it after components.page_header, which first puts a deep-linked page back inside dashboard.py.
    """
    if is_admin() and user():
        return user()
    lang = ctx.lang()
    st.subheader(t("auth.admin_title", lang))
    st.info(t("auth.admin_only", lang), icon=":material/lock:")
    left, _ = st.columns([2, 3])
    with left:
        sign_in_form("page_signin", admin=True)
    st.stop()


def _gate_page() -> None:
    lang = ctx.lang()
    st.title(t("app.title", lang))
    st.info(t("auth.viewer_required", lang), icon=":material/lock:")
    left, _ = st.columns([2, 3])
    with left:
        sign_in_form("gate_signin", admin=False)


def gate() -> None:
    """When viewers must sign in (JAMSOSTEK_REQUIRE_VIEWER_SIGNIN), show only a sign-in page until they do.

    It is a navigation of its own, so no other page (nor the pages/ folder) can be reached before.
    """
    if role() is not None:
        return
    title = t("auth.title", ctx.lang())
    st.navigation([st.Page(_gate_page, title=title, icon=":material/lock:", url_path="masuk")],
                  position="hidden").run()
    st.stop()


def account_box() -> None:
    """Sidebar: who is signed in, credential warnings for admins, and a sign-out button."""
    if not user():
        return  # admins sign in on the admin pages; viewers need no account unless the gate asks
    lang = ctx.lang()
    with st.sidebar:
        st.divider()
        st.markdown(t("auth.signed_in_as", lang, user=user(), role=t(f"auth.role.{role()}", lang)))
        if is_admin():
            for warning in auth.credential_warnings():
                st.warning(warning.message(lang))
        st.button(t("auth.sign_out", lang), on_click=sign_out, icon=":material/logout:", key="auth_sign_out")
