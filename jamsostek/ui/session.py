"""Who uses this browser session and what they may write: sign-in form, guards by role, idle sign-out.

The role lives in st.session_state only (never in the URL). Sign-in attempts go through auth.sign_in with
the store's back-off, keyed by username and by client address (behind a trusted proxy, the address it
forwards). A visitor who has not signed in writes nothing, except in demo mode (JAMSOSTEK_DEMO), where
the shared planning texts may be written under the name "demo" and a banner on every page says so.
"""

from __future__ import annotations

import time

import streamlit as st

from jamsostek import settings
from jamsostek.access import auth
from jamsostek.access import privacy
from jamsostek.access import ratelimit
from jamsostek.access import roles
from jamsostek.i18n import t
from jamsostek.ui import context as ctx
from jamsostek.ui import flash
from jamsostek.ui import viewport

KEY_ROLE, KEY_USER = "_auth_role", "_auth_user"
FLASH = "auth"  # area of the message shown once after a sign-in attempt
KEY_SEEN = "_auth_seen"  # time of this session's last run while signed in (idle sign-out)
KEY_CONFIRMED = "_auth_confirmed"  # time the password was last typed (NIK reveal, detail export)
DEMO_ACTOR = "demo"
LOOPBACK = "127.0.0.1"


def signed_role() -> str | None:
    """The role of the signed-in account, or None."""
    return st.session_state.get(KEY_ROLE) if st.session_state.get(KEY_USER) else None


def role() -> str | None:
    """The signed-in role; else 'demo' in demo mode, 'viewer', or None when viewers must sign in first."""
    signed = signed_role()
    if signed:
        return signed
    if auth.viewer_signin_required():
        return None
    return roles.DEMO if settings.demo_mode() else roles.VIEWER


def is_admin() -> bool:
    """True when this session signed in as a data admin."""
    return signed_role() == auth.ADMIN


def user() -> str | None:
    """Username of the signed-in person, or None."""
    return st.session_state.get(KEY_USER)


def may(action: str) -> bool:
    """True when this session may do `action` (roles.can on its role)."""
    return roles.can(role(), action)


def writer(action: str) -> str | None:
    """The name a write of this kind is recorded under (the signed-in one, or 'demo'), None if not allowed."""
    if not may(action):
        return None
    return user() or DEMO_ACTOR


def client_key() -> str:
    """This request's client address (the limiter's per-client key), trusting only the named proxies."""
    try:
        remote, headers = st.context.ip_address, st.context.headers
        forwarded = headers.get("X-Forwarded-For") if headers else None
    except Exception:  # no request behind this run (bare mode): a local process
        remote = forwarded = None
    # Streamlit gives None for a peer on 127.0.0.1 or ::1 (an nginx on the same server, a local browser,
    # AppTest): that peer is loopback, which JAMSOSTEK_TRUSTED_PROXIES may name as the proxy.
    return ratelimit.client_address(remote or LOOPBACK, forwarded, settings.trusted_proxies())


def _limiter() -> ratelimit.SignInLimiter:
    return ratelimit.SignInLimiter(ctx.write)  # attempts are writes: in shared mode under the writer lock


def _audit(actor: str, action: str, detail: str | None = None) -> None:
    ctx.write(privacy.record_audit, actor, action, detail)


def _attempt(form_key: str) -> None:
    """Form callback: check the typed credentials; the password is dropped from state at once."""
    state, lang = st.session_state, ctx.lang()
    username = auth.normal_username(state.get(f"{form_key}_user"))
    password = str(state.get(f"{form_key}_password") or "")  # the form clears it after this run
    if not username or not password:
        flash.leave(FLASH, "warning", t("auth.empty", lang))
        return
    accounts = auth.load_accounts()
    result = auth.sign_in(username, password, accounts, _limiter(), client_key())
    if result.ok:
        now = time.time()
        state[KEY_ROLE], state[KEY_USER], state[KEY_SEEN], state[KEY_CONFIRMED] = result.role, username, now, now
        flash.leave(FLASH, "success", result.message(lang))
        _audit(username, privacy.SIGN_IN, result.role)
    else:
        flash.leave(FLASH, "error", result.message(lang))
        # Only a configured name is logged: people sometimes type their password into the name box.
        _audit(username if username in accounts else "-", privacy.SIGN_IN_FAILED,
               "rate limited" if result.retry_after_s else None)


def _forget(reason: str | None = None) -> None:
    if user():
        _audit(user(), privacy.SIGN_OUT, reason)
    for key in (KEY_ROLE, KEY_USER, KEY_SEEN, KEY_CONFIRMED):
        st.session_state.pop(key, None)


def sign_out() -> None:
    """Forget the signed-in person (button callback)."""
    _forget()


def expire_idle(now: float | None = None) -> None:
    """Sign out a session left alone longer than JAMSOSTEK_IDLE_MINUTES; else note that it is in use."""
    if not user():
        return
    now = time.time() if now is None else now
    minutes = settings.idle_minutes()
    seen = st.session_state.get(KEY_SEEN, now)
    if now - seen > minutes * 60:
        _forget(f"idle {minutes:g} min")
        flash.leave(FLASH, "info", t("access.idle_signed_out", ctx.lang(), minutes=f"{minutes:g}"))
    else:
        st.session_state[KEY_SEEN] = now


def password_fresh(now: float | None = None) -> bool:
    """True when the signed-in person typed their password within JAMSOSTEK_REAUTH_MINUTES."""
    confirmed = st.session_state.get(KEY_CONFIRMED)
    now = time.time() if now is None else now
    return bool(user() and confirmed and now - confirmed <= settings.reauth_minutes() * 60)


def _confirm(form_key: str) -> None:
    """Form callback: the signed-in person's password again, under the same back-off as a sign-in."""
    state, lang = st.session_state, ctx.lang()
    password = str(state.get(f"{form_key}_password") or "")
    if not user() or not password:
        return
    result = auth.sign_in(user(), password, auth.load_accounts(), _limiter(), client_key())
    if result.ok and result.role == signed_role():
        state[KEY_CONFIRMED] = time.time()
        flash.leave(FLASH, "success", t("access.confirmed", lang, minutes=f"{settings.reauth_minutes():g}"))
        _audit(user(), privacy.PASSWORD_CONFIRMED)
    else:
        text = result.message(lang) if result.retry_after_s else t("access.confirm_wrong", lang)
        flash.leave(FLASH, "error", text)
        _audit(user(), privacy.SIGN_IN_FAILED, "password confirmation")


def confirm_password_form(form_key: str) -> None:
    """A password box for the signed-in person, shown before personal data opens."""
    lang = ctx.lang()
    flash.show(FLASH)
    st.markdown(f"**{t('access.confirm_title', lang)}**")
    st.caption(t("access.confirm_help", lang, minutes=f"{settings.reauth_minutes():g}"))
    with st.form(form_key, clear_on_submit=True, border=True):
        st.text_input(t("auth.password", lang), key=f"{form_key}_password", type="password",
                      autocomplete="current-password")
        st.form_submit_button(t("access.confirm_submit", lang), on_click=_confirm, args=(form_key,),
                              icon=":material/lock_open:")



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


def roles_that_may(action: str, lang: str) -> str:
    """The accounts that may do `action`, named for people: 'perencana atau admin data'."""
    names = [t(f"access.role.{r}", lang) for r in roles.ROLES if roles.can(r, action)]
    return t("access.or", lang).join(names)


def write_guard(action: str, form_key: str, lang: str, narrow: bool = False) -> str | None:
    """The writer's name when this session may do `action`; else a notice (and a sign-in form) and None.

    `narrow`: the guard sits in a narrow column already, so the form takes its whole width.
    """
    name = writer(action)
    if name:
        return name
    if signed_role():
        st.info(t("access.role_cannot", lang, role=t(f"access.role.{signed_role()}", lang),
                  roles=roles_that_may(action, lang)), icon=":material/lock:")
        return None
    st.info(t("access.need_role", lang, roles=roles_that_may(action, lang)), icon=":material/lock:")
    left = st.container() if narrow else st.columns([2, 3])[0]
    with left:
        sign_in_form(form_key, admin=False)
    return None


def require_admin() -> str:
    """The admin's username; for anyone else a sign-in form is shown and the page stops here.

    Call it after components.page_header, which first puts a deep-linked page back inside dashboard.py.
    """
    if is_admin():
        flash.show(FLASH)
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
    viewport.mount(lang)  # <html lang> and the width class, as on every other page


def gate() -> None:
    """Idle sign-out first; then, when viewers must sign in (JAMSOSTEK_REQUIRE_VIEWER_SIGNIN), only a
    sign-in page until they do. It is a navigation of its own, so no other page can be reached before.
    """
    expire_idle()
    if role() is not None:
        return
    title = t("auth.title", ctx.lang())
    st.navigation([st.Page(_gate_page, title=title, icon=":material/lock:", url_path="masuk")],
                  position="hidden").run()
    st.stop()


def demo_banner() -> None:
    """In demo mode, a banner naming it at the top of every page."""
    if settings.demo_mode():
        st.warning(t("access.demo_banner", ctx.lang()), icon=":material/co_present:")


def account_box() -> None:
    """Sidebar: who is signed in, credential warnings for admins, and a sign-out button."""
    if not user():
        return  # people sign in where they write; viewers need no account unless the gate asks
    lang = ctx.lang()
    with st.sidebar:
        st.divider()
        st.markdown(t("auth.signed_in_as", lang, user=user(), role=t(f"access.role.{signed_role()}", lang)))
        if is_admin():
            for warning in auth.credential_warnings():
                st.warning(warning.message(lang))
        st.button(t("auth.sign_out", lang), on_click=sign_out, icon=":material/logout:", key="auth_sign_out")
