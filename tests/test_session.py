"""Sign-in in the app (AppTest through dashboard.py): the back-off holds across reloads, idle sign-out,
and a password typed again before the detail list opens NIKs or a download."""

from __future__ import annotations

import re
import time
from pathlib import Path

import argon2
import pytest
from streamlit.testing.v1 import AppTest

from jamsostek import settings
from jamsostek.access import auth
from jamsostek.store import db
from tests.conftest import PARTICIPANTS, SASARAN, load_rows, load_sasaran, open_app

PAGE = "pages/riwayat.py"
TIMEOUT = 120
ADMIN, PASSWORD = "admin.data", "sawah-terasering-9"


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    """A small store and one admin account (cheap argon2: the real cost is tested in test_auth)."""
    monkeypatch.setattr(auth, "_hasher", argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    auth._dummy_hash.cache_clear()
    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS)
    con.close()
    monkeypatch.setenv(settings.ENV_DB, str(path))
    monkeypatch.setenv(settings.ENV_CACHE_DIR, str(tmp_path / "cache"))
    monkeypatch.setenv(auth.ENV_ADMINS, f"{ADMIN}:{auth.hash_password(PASSWORD)}")
    for name in (auth.ENV_VIEWERS, auth.ENV_REQUIRE_VIEWER_SIGNIN, settings.ENV_DEMO, settings.ENV_IDLE_MINUTES,
                 settings.ENV_REAUTH_MINUTES, settings.ENV_TRUSTED_PROXIES):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(auth, "DEFAULT_SECRETS", tmp_path / "no-secrets.toml")
    yield path
    auth._dummy_hash.cache_clear()


def open_page(**session) -> AppTest:
    """A new browser session (a reload) on the admin page."""
    return open_app(PAGE, session, timeout=TIMEOUT)


def sign_in(at: AppTest, username: str, password: str, form: str = "page_signin") -> AppTest:
    at.text_input(key=f"{form}_user").input(username)
    at.text_input(key=f"{form}_password").input(password)
    [b for b in at.button if b.label == "Masuk"][0].click().run()
    return at


def texts(elements) -> str:
    return " ".join(e.value for e in elements)


def audit(path: Path, action: str) -> list[tuple]:
    con = db.connect(path)
    try:
        return con.execute("select actor, detail from audit_log where action = ? order by logged_at",
                           [action]).fetchall()
    finally:
        con.close()


def test_spraying_usernames_and_reloading_gives_no_fresh_tries(app_env):
    for name in ("admin", "root", "operator"):  # each guess from a new session, as a reload would be
        at = sign_in(open_page(), name, "tebak-tebakan-1")
        assert "salah" in texts(at.error)
    at = sign_in(open_page(), ADMIN, PASSWORD)  # the right password, from the same address, at once
    assert re.search(r"Coba lagi dalam (1[0-5]|[1-9]) detik", texts(at.error))  # 15 s, less the time taken
    assert [w.key for w in at.text_input] == ["page_signin_user", "page_signin_password"]  # still outside
    assert audit(app_env, "sign_in_failed")[-1] == (ADMIN, "rate limited")


def test_the_right_password_signs_in_with_the_role_of_the_account(app_env):
    at = sign_in(open_page(), ADMIN, PASSWORD)
    assert f"Masuk sebagai **{ADMIN}** (admin data)" in texts(at.sidebar.markdown)
    assert at.session_state["_auth_role"] == "admin" and at.session_state["_auth_user"] == ADMIN
    assert audit(app_env, "sign_in") == [(ADMIN, "admin")]


def test_a_session_left_idle_is_signed_out(app_env, monkeypatch):
    monkeypatch.setenv(settings.ENV_IDLE_MINUTES, "30")
    now = time.time()
    at = open_page(_auth_role="admin", _auth_user=ADMIN, _auth_seen=now - 29 * 60)
    assert not [w for w in at.text_input if w.key == "page_signin_user"]  # still signed in
    at = open_page(_auth_role="admin", _auth_user=ADMIN, _auth_seen=now - 31 * 60)
    assert "otomatis keluar setelah 30 menit" in texts(at.info)
    assert [w.label for w in at.text_input] == ["Nama pengguna", "Kata sandi"]
    assert audit(app_env, "sign_out") == [(ADMIN, "idle 30 min")]


def test_nik_reveal_and_detail_export_need_a_password_typed_just_now(app_env):
    stale = time.time() - 6 * 60  # signed in six minutes ago: the password is no longer fresh (5 minutes)
    at = open_page(_auth_role="admin", _auth_user=ADMIN, _auth_seen=time.time(), _auth_confirmed=stale)
    assert not [w for w in at.toggle if w.key == "detail_reveal"]
    assert "Ketik kata sandi sekali lagi" in texts(at.markdown)
    at.text_input(key="detail_confirm_password").input("bukan-sandinya-1")
    [b for b in at.button if b.label == "Konfirmasi"][0].click().run()
    assert "Kata sandi salah." in texts(at.error) and not [w for w in at.toggle if w.key == "detail_reveal"]
    at.text_input(key="detail_confirm_password").input(PASSWORD)
    [b for b in at.button if b.label == "Konfirmasi"][0].click().run()
    assert "Kata sandi dikonfirmasi" in texts(at.success)
    at.toggle(key="detail_reveal").set_value(True).run()
    assert not at.exception
    assert audit(app_env, "password_confirmed") == [(ADMIN, None)]
    assert [actor for actor, _ in audit(app_env, "reveal_nik")] == [ADMIN]
