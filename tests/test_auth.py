"""Sign-in building blocks: hashing, credential sources, the secrets writer and CLI, rate limiting."""

from __future__ import annotations

import io
import stat
import threading
import tomllib

import argon2
import pytest

from jamsostek.access import accounts
from jamsostek.access import auth
from jamsostek.access.ratelimit import SignInLimiter

ALICE_PW, BOB_PW = "kopi-luwak-2025", "sawah-terasering-9"


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch):
    # Cheap argon2 parameters keep the suite quick; the real ones are checked in test_default_cost.
    monkeypatch.setattr(auth, "_hasher", argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    auth._dummy_hash.cache_clear()


@pytest.fixture
def hashes():
    return {"alice": auth.hash_password(ALICE_PW), "bob": auth.hash_password(BOB_PW)}


class Clock:
    def __init__(self, t: float = 1000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


def test_default_cost_is_argon2id_with_real_memory():
    params = argon2.extract_parameters(argon2.PasswordHasher().hash("x" * 12))
    assert params.type is argon2.Type.ID and params.memory_cost >= 19 * 1024


def test_hash_round_trip(hashes):
    assert hashes["alice"].startswith("$argon2id$") and ALICE_PW not in hashes["alice"]
    assert auth.verify_password(hashes["alice"], ALICE_PW)
    assert not auth.verify_password(hashes["alice"], BOB_PW)
    assert auth.hash_password(ALICE_PW) != hashes["alice"]  # salted


@pytest.mark.parametrize("stored, password", [
    ("", "x"), (None, "x"), ("kopi-luwak-2025", "kopi-luwak-2025"), ("$argon2id$v=19$broken", "x"),
    ("HASH", None), ("HASH", 12345), ("HASH", "x" * 5000), ("HASH_TRUNCATED", ALICE_PW),
])
def test_verify_never_raises(hashes, stored, password):
    stored = {"HASH": hashes["alice"], "HASH_TRUNCATED": hashes["alice"][:-6]}.get(stored, stored)
    assert auth.verify_password(stored, password) is False


@pytest.mark.parametrize("env, expected", [
    ("alice:{alice}", {"alice"}),
    ("alice:{alice};bob:{bob}", {"alice", "bob"}),
    (" alice:{alice} ;\n bob:{bob} ; ", {"alice", "bob"}),
    ("alice:{alice};carol:kopi-luwak-2025", {"alice"}),   # plain text ignored
    ("kopi-luwak-2025", set()),                            # no separator at all
    ("Alice:{alice}", set()),                              # usernames are lower case
    ("alice:{alice}:extra", set()),
    ("", set()),
])
def test_env_parsing(tmp_path, hashes, env, expected):
    environ = {auth.ENV_ADMINS: env.format(**hashes)}
    admins = auth.load_admins(tmp_path / "missing.toml", environ)
    assert set(admins) == expected
    assert all(admins[name] == hashes[name] for name in admins)


def test_plain_text_is_ignored_with_a_warning_that_hides_the_value(tmp_path, hashes):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[admins]\nalice = "{hashes["alice"]}"\nbob = "kopi-luwak-2025"\n')
    environ = {auth.ENV_VIEWERS: "tamu:sawah-terasering-9;rahasia-tanpa-nama"}
    assert auth.load_admins(secrets, environ) == {"alice": hashes["alice"]}
    assert auth.load_viewers(secrets, environ) == {}
    warnings = auth.credential_warnings(secrets, environ)
    assert [(w.username, w.reason) for w in warnings] == [
        ("bob", "not_argon2"), ("tamu", "not_argon2"), (None, "bad_entry")]
    shown = " ".join(w.message("id") + w.message("en") for w in warnings)
    for secret in ("kopi-luwak-2025", "sawah-terasering-9", "rahasia-tanpa-nama"):
        assert secret not in shown


def test_secrets_file_tables_and_env_precedence(tmp_path, hashes):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[other]\nkey = 1\n[admins]\nalice = "{hashes["alice"]}"\n'
                       f'[viewers]\n"tamu.desa" = "{hashes["bob"]}"\n')
    assert auth.load_admins(secrets, {}) == {"alice": hashes["alice"]}
    assert auth.load_viewers(secrets, {}) == {"tamu.desa": hashes["bob"]}
    environ = {auth.ENV_ADMINS: f"alice:{hashes['bob']}"}
    assert auth.load_admins(secrets, environ) == {"alice": hashes["bob"]}


def test_unreadable_secrets_file_warns_without_echo(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[admins]\nalice = "kopi-luwak-2025\n')  # unterminated string
    assert auth.load_admins(secrets, {}) == {}
    warnings = auth.credential_warnings(secrets, {})
    assert [w.reason for w in warnings] == ["unreadable"]
    assert "kopi" not in warnings[0].message("en") + warnings[0].message("id")


@pytest.mark.parametrize("value, required", [
    ("1", True), ("true", True), ("YES", True), ("ya", True), ("on", True),
    ("0", False), ("false", False), ("", False), (None, False),
])
def test_viewer_signin_required(value, required):
    environ = {} if value is None else {auth.ENV_REQUIRE_VIEWER_SIGNIN: value}
    assert auth.viewer_signin_required(environ) is required


EXISTING = """# deployment secrets (git-ignored)
[connections.other]
url = "postgres://x"

[admins]
bob = "{bob}"  # set up at launch

[viewers]
"""


def test_add_admin_writes_a_hash_and_keeps_other_content(tmp_path, hashes):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(EXISTING.format(**hashes))
    assert accounts.add_user("alice", ALICE_PW, auth.ADMIN, secrets) == secrets
    text = secrets.read_text()
    assert ALICE_PW not in text
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    for line in EXISTING.format(**hashes).splitlines():
        assert line in text
    data = tomllib.loads(text)
    assert data["connections"]["other"]["url"] == "postgres://x"
    admins = auth.load_admins(secrets, {})
    assert set(admins) == {"alice", "bob"} and auth.verify_password(admins["alice"], ALICE_PW)
    assert text.index('"alice"') < text.index("[viewers]")  # inside [admins], not after it


def test_add_admin_updates_an_existing_user(tmp_path, hashes):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(EXISTING.format(**hashes))
    accounts.add_user("bob", "padi-menguning-77", auth.ADMIN, secrets)
    text = secrets.read_text()
    assert text.count("bob") == 1 and "padi-menguning-77" not in text
    stored = auth.load_admins(secrets, {})["bob"]
    assert auth.verify_password(stored, "padi-menguning-77") and not auth.verify_password(stored, BOB_PW)


def test_add_user_creates_file_and_quotes_dotted_names(tmp_path):
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    accounts.add_user("tamu.desa", BOB_PW, auth.VIEWER, secrets)
    assert set(auth.load_viewers(secrets, {})) == {"tamu.desa"}
    assert auth.load_admins(secrets, {}) == {}


@pytest.mark.parametrize("username, password", [
    ("al", ALICE_PW), ("Alice", ALICE_PW), ("alice smith", ALICE_PW), ("a" * 33, ALICE_PW),
    ("alice:x", ALICE_PW), ("alice", "short-pw"), ("alice", ""), ("alice", "aaaaaaaaaaaa"),
    ("alicealice", "alicealice"), ("alice", "x" * 2000), (None, ALICE_PW),
])
def test_weak_credentials_rejected(tmp_path, username, password):
    secrets = tmp_path / "secrets.toml"
    with pytest.raises(ValueError):
        accounts.add_user(username, password, auth.ADMIN, secrets)
    assert not secrets.exists()


def test_add_user_refuses_a_file_it_cannot_edit_safely(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('admins = { bob = "x" }\n')  # inline table: another [admins] would clash
    with pytest.raises(ValueError):
        accounts.add_user("alice", ALICE_PW, auth.ADMIN, secrets)
    assert secrets.read_text() == 'admins = { bob = "x" }\n'


def run_cli(argv, stdin_text=""):
    out, err = io.StringIO(), io.StringIO()
    code = accounts.add_admin_cli(argv, stdin=io.StringIO(stdin_text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_password_stdin(tmp_path):
    secrets = tmp_path / "secrets.toml"
    code, out, err = run_cli(["alice", "--password-stdin", "--secrets", str(secrets)], ALICE_PW + "\n")
    assert code == 0 and ALICE_PW not in out + err + secrets.read_text()
    assert auth.verify_password(auth.load_admins(secrets, {})["alice"], ALICE_PW)


def test_cli_prompts_twice(tmp_path, monkeypatch):
    answers = iter([ALICE_PW, "something-else"])
    monkeypatch.setattr(accounts.getpass, "getpass", lambda prompt: next(answers))
    code, _, err = run_cli(["alice", "--secrets", str(tmp_path / "s.toml")])
    assert code == 1 and "match" in err and not (tmp_path / "s.toml").exists()


@pytest.mark.parametrize("argv, stdin_text, code", [
    (["Bad Name", "--password-stdin"], ALICE_PW, 1),
    (["alice", "--password-stdin"], "short", 1),
    (["alice", "--role", "root", "--password-stdin"], ALICE_PW, 2),
    (["--help"], "", 0),
])
def test_cli_errors(tmp_path, argv, stdin_text, code):
    assert run_cli(argv + ["--secrets", str(tmp_path / "s.toml")], stdin_text)[0] == code
    assert not (tmp_path / "s.toml").exists()


def test_cli_print_env_writes_nothing(tmp_path):
    code, out, _ = run_cli(["tamu", "--role", "viewer", "--print-env", "--password-stdin",
                            "--secrets", str(tmp_path / "s.toml")], BOB_PW)
    assert code == 0 and not (tmp_path / "s.toml").exists()
    assert auth.load_viewers(tmp_path / "s.toml", {auth.ENV_VIEWERS: out.strip()}).keys() == {"tamu"}


def test_limiter_locks_after_max_failures_and_unlocks_after_lockout():
    clock = Clock()
    limiter = SignInLimiter(max_failures=5, window_s=900, lockout_s=900, clock=clock)
    for _ in range(4):
        limiter.record_failure("user:alice")
    assert limiter.check("user:alice") == 0
    limiter.record_failure("user:alice")
    assert limiter.check("user:alice") == 900
    clock.t += 899
    assert limiter.check("user:alice") == 1
    clock.t += 1
    assert limiter.check("user:alice") == 0


def test_limiter_forgets_failures_outside_the_window():
    clock = Clock()
    limiter = SignInLimiter(max_failures=3, window_s=60, lockout_s=600, clock=clock)
    for _ in range(2):
        limiter.record_failure("k")
    clock.t += 61
    limiter.record_failure("k")
    assert limiter.check("k") == 0


def test_limiter_keys_are_isolated_and_success_resets():
    limiter = SignInLimiter(max_failures=2, clock=Clock())
    limiter.record_failure("user:alice")
    limiter.record_failure("user:alice")
    assert limiter.check("user:alice") > 0 and limiter.check("user:bob") == 0
    limiter.record_failure("user:bob")
    limiter.record_success("user:bob")
    limiter.record_failure("user:bob")
    assert limiter.check("user:bob") == 0


def test_limiter_attempt_counts_up_front():
    limiter = SignInLimiter(max_failures=2, clock=Clock())
    assert limiter.attempt("k") == 0 and limiter.attempt("k") == 0
    assert limiter.attempt("k") > 0


def test_limiter_memory_stays_bounded():
    clock = Clock()
    limiter = SignInLimiter(max_failures=5, window_s=10, clock=clock, max_keys=100)
    for i in range(1000):
        clock.t += 1
        limiter.record_failure(f"client:{i}")
    assert len(limiter._failures) <= 100


@pytest.mark.parametrize("failures, locked", [(999, False), (1000, True)])
def test_limiter_counts_exactly_under_threads(failures, locked):
    limiter = SignInLimiter(max_failures=1000, clock=Clock())
    threads_n = 37 if failures == 999 else 50
    per_thread = failures // threads_n
    threads = [threading.Thread(target=lambda: [limiter.record_failure("k") for _ in range(per_thread)])
               for _ in range(threads_n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (limiter.check("k") > 0) is locked


def sign_in(username, password, hashes, limiter, client="session-1", viewers=None):
    return auth.sign_in(username, password, {"alice": hashes["alice"]}, limiter, client,
                        viewers=viewers if viewers is not None else {"bob": hashes["bob"]})


@pytest.mark.parametrize("username, password, role", [
    ("alice", ALICE_PW, auth.ADMIN), (" Alice ", ALICE_PW, auth.ADMIN), ("bob", BOB_PW, auth.VIEWER),
    ("alice", BOB_PW, None), ("bob", ALICE_PW, None), ("nobody", ALICE_PW, None), ("", "", None),
    (None, None, None),
])
def test_sign_in_roles(hashes, username, password, role):
    result = sign_in(username, password, hashes, SignInLimiter(clock=Clock()))
    assert (result.ok, result.role) == (role is not None, role)


def test_sign_in_messages_do_not_reveal_whether_a_user_exists(hashes):
    wrong = sign_in("alice", "not-her-password", hashes, SignInLimiter(clock=Clock()))
    unknown = sign_in("nobody", "not-her-password", hashes, SignInLimiter(clock=Clock()))
    assert not wrong.ok and wrong == unknown


def test_admin_wins_when_a_name_is_in_both_tables(hashes):
    result = sign_in("alice", ALICE_PW, hashes, SignInLimiter(clock=Clock()), viewers={"alice": hashes["bob"]})
    assert result.role == auth.ADMIN


def test_sign_in_locks_a_username_even_for_the_right_password(hashes):
    limiter = SignInLimiter(max_failures=5, clock=Clock())
    results = [sign_in("alice", f"guess-{i}", hashes, limiter, client=f"c{i}") for i in range(5)]
    assert not any(r.retry_after_s for r in results)
    locked = sign_in("alice", ALICE_PW, hashes, limiter, client="fresh")
    assert not locked.ok and locked.retry_after_s == 900 and locked.message("en") == "Too many failed attempts. Try again in 15 minutes."


def test_sign_in_locks_a_client_across_usernames(hashes):
    limiter = SignInLimiter(max_failures=3, clock=Clock())
    for name in ("alice", "bob", "carol"):
        sign_in(name, "wrong-password", hashes, limiter, client="attacker")
    assert sign_in("bob", BOB_PW, hashes, limiter, client="attacker").retry_after_s > 0
    assert sign_in("bob", BOB_PW, hashes, limiter, client="other").ok


def test_right_password_on_the_last_allowed_try_signs_in(hashes):
    limiter = SignInLimiter(max_failures=5, clock=Clock())
    for i in range(4):
        sign_in("alice", f"guess-{i}", hashes, limiter)
    assert sign_in("alice", ALICE_PW, hashes, limiter).ok
    assert limiter.check("user:alice") == 0 and limiter.check("client:session-1") == 0


def test_default_secrets_path_is_used_for_reading_and_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(auth, "DEFAULT_SECRETS", tmp_path / ".streamlit" / "secrets.toml")
    assert accounts.add_user("alice", ALICE_PW, auth.ADMIN) == tmp_path / ".streamlit" / "secrets.toml"
    assert set(auth.load_admins(environ={})) == {"alice"}
