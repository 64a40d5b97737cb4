"""Sign-in building blocks: hashing, credential sources, the secrets writer and CLI, rate limiting."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import argon2
import pytest

from jamsostek.access import accounts
from jamsostek.access import auth
from jamsostek.access import roles
from jamsostek.access.ratelimit import Backoff, SignInLimiter, client_address
from jamsostek.store import db

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


def limiter_of(con=None, clock=None, **backoff) -> SignInLimiter:
    return SignInLimiter(con if con is not None else db.memory(), Backoff(**backoff), clock=clock or Clock())


def test_backoff_grows_after_the_free_tries_and_is_capped():
    waits = [Backoff().wait_after(n) for n in range(12)]
    assert waits == [0, 0, 0, 15, 30, 60, 120, 240, 480, 900, 900, 900]


def test_limiter_waits_grow_and_each_wait_ends():
    clock = Clock()
    limiter = limiter_of(clock=clock)
    assert [limiter.attempt(["k"]) for _ in range(3)] == [0, 0, 0]
    assert limiter.attempt(["k"]) == 15  # refused while waiting, and not counted
    clock.t += 15
    assert limiter.attempt(["k"]) == 0  # the 4th failure: now 30 s
    clock.t += 29
    assert limiter.check("k") == 1
    clock.t += 1
    assert limiter.check("k") == 0


def test_limiter_forgets_a_key_after_a_quiet_day():
    clock = Clock()
    limiter = limiter_of(clock=clock, forget_after_s=3600)
    for _ in range(8):
        clock.t += limiter.attempt(["k"])
        limiter.attempt(["k"])
    clock.t += 3601
    assert limiter.check("k") == 0
    assert [limiter.attempt(["k"]) for _ in range(3)] == [0, 0, 0]  # free tries again


def test_limiter_keys_are_isolated_and_success_resets():
    limiter = limiter_of(free_failures=2)
    limiter.attempt(["user:alice"])
    limiter.attempt(["user:alice"])
    assert limiter.check("user:alice") > 0 and limiter.check("user:bob") == 0
    limiter.attempt(["user:bob"])
    limiter.record_success(["user:bob"])
    limiter.attempt(["user:bob"])
    assert limiter.check("user:bob") == 0


def test_limiter_attempt_counts_up_front_for_every_key():
    limiter = limiter_of(free_failures=2)
    assert limiter.attempt(["a", "b"]) == 0 and limiter.attempt(["a", "c"]) == 0
    assert limiter.check("a") > 0 and limiter.check("b") == 0
    assert limiter.attempt(["b", "a"]) > 0  # one key waiting is enough; b is not counted then
    assert limiter.attempt(["b"]) == 0


def test_limiter_stores_keys_hashed_and_stays_small():
    con, clock = db.memory(), Clock()
    limiter = limiter_of(con, clock=clock, forget_after_s=60)
    limiter.attempt(["user:kopi-luwak-2025"])  # a password typed into the username box
    assert "kopi" not in str(con.execute("select * from signin_attempt").fetchall())
    for i in range(300):
        limiter.attempt([f"client:10.0.0.{i}"])
    clock.t += 61
    limiter.attempt(["client:10.0.1.1"])
    assert con.execute("select count(*) from signin_attempt").fetchone()[0] == 1


@pytest.mark.parametrize("failures, waiting", [(199, False), (200, True)])
def test_limiter_counts_exactly_under_threads(failures, waiting):
    limiter = limiter_of(free_failures=200)
    shares = [25] * 7 + [failures - 175]  # eight threads at once, one count short of the limit or on it
    threads = [threading.Thread(target=lambda n=n: [limiter.attempt(["k"]) for _ in range(n)]) for n in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (limiter.check("k") > 0) is waiting


ACCOUNTS = {"alice": (auth.ADMIN, ALICE_PW), "bob": (auth.VIEWER, BOB_PW), "nina": (roles.NOTULIS, "catat-rapat-77"),
            "pera": (roles.PERENCANA, "anggaran-apbd-26")}


@pytest.fixture
def accounts_of(hashes):
    return {name: auth.Account(role, auth.hash_password(password)) for name, (role, password) in ACCOUNTS.items()}


def sign_in(username, password, accounts_of, limiter, client="10.0.0.5"):
    return auth.sign_in(username, password, accounts_of, limiter, client)


@pytest.mark.parametrize("username, password, role", [
    ("alice", ALICE_PW, auth.ADMIN), (" Alice ", ALICE_PW, auth.ADMIN), ("bob", BOB_PW, auth.VIEWER),
    ("nina", "catat-rapat-77", roles.NOTULIS), ("pera", "anggaran-apbd-26", roles.PERENCANA),
    ("alice", BOB_PW, None), ("bob", ALICE_PW, None), ("nobody", ALICE_PW, None), ("", "", None),
    (None, None, None),
])
def test_sign_in_returns_the_accounts_role(accounts_of, username, password, role):
    result = sign_in(username, password, accounts_of, limiter_of())
    assert (result.ok, result.role) == (role is not None, role)


def test_sign_in_messages_do_not_reveal_whether_a_user_exists(accounts_of):
    wrong = sign_in("alice", "not-her-password", accounts_of, limiter_of())
    unknown = sign_in("nobody", "not-her-password", accounts_of, limiter_of())
    assert not wrong.ok and wrong == unknown


def test_spraying_across_usernames_from_one_address_is_slowed(accounts_of):
    limiter = limiter_of()
    for name in ("alice", "bob", "carol"):
        assert not sign_in(name, "wrong-password", accounts_of, limiter, client="10.9.9.9").retry_after_s
    sprayed = sign_in("nina", "catat-rapat-77", accounts_of, limiter, client="10.9.9.9")
    assert not sprayed.ok and sprayed.retry_after_s == 15 and "15 detik" in sprayed.message("id")
    assert sign_in("nina", "catat-rapat-77", accounts_of, limiter, client="10.0.0.7").ok


def test_guessing_one_username_from_many_addresses_is_slowed(accounts_of):
    limiter = limiter_of()
    for i in range(3):
        sign_in("alice", f"guess-{i}", accounts_of, limiter, client=f"10.0.0.{i}")
    assert sign_in("alice", ALICE_PW, accounts_of, limiter, client="10.0.1.1").retry_after_s == 15


def test_the_right_password_after_the_wait_signs_in(accounts_of):
    clock = Clock()
    limiter = limiter_of(clock=clock)
    for i in range(6):  # an attacker: each wait sat out, six wrong passwords
        clock.t += limiter.check("user:alice")
        sign_in("alice", f"guess-{i}", accounts_of, limiter, client=f"10.0.0.{i}")
    waiting = sign_in("alice", ALICE_PW, accounts_of, limiter, client="10.0.1.1")
    assert not waiting.ok and waiting.retry_after_s == 120 and "2 menit" in waiting.message("id")
    clock.t += 120  # no lock outlasts the wait: the real admin is in two minutes later
    assert sign_in("alice", ALICE_PW, accounts_of, limiter, client="10.0.1.1").ok
    assert limiter.check("user:alice") == 0 and limiter.check("client:10.0.1.1") == 0


def test_the_back_off_survives_a_restart(tmp_path, accounts_of):
    store = tmp_path / "store.duckdb"
    con = db.connect(store)
    limiter = limiter_of(con, clock=time.time)
    for i in range(3):
        sign_in("alice", f"guess-{i}", accounts_of, limiter, client="10.0.0.1")
    con.close()
    # A new process (the app restarted) opens the same store and finds the wait where it was.
    code = ("import sys; from jamsostek.store import db; from jamsostek.access.ratelimit import SignInLimiter;"
            "print(SignInLimiter(db.connect(sys.argv[1])).check('user:alice'))")
    out = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout
    assert 0 < float(out) <= 15


@pytest.mark.parametrize("remote, forwarded, trusted, expected", [
    ("10.1.2.3", None, (), "10.1.2.3"),
    ("10.1.2.3", "1.2.3.4", (), "10.1.2.3"),                       # a header from anyone else is ignored
    ("127.0.0.1", "10.20.0.8", ("127.0.0.1",), "10.20.0.8"),        # nginx on the same server
    ("127.0.0.1", "6.6.6.6, 10.20.0.8", ("127.0.0.1",), "10.20.0.8"),  # the client's own claim is left of it
    ("127.0.0.1", "10.20.0.8, 10.0.0.2", ("127.0.0.1", "10.0.0.2"), "10.20.0.8"),  # two proxies
    ("127.0.0.1", "not-an-address", ("127.0.0.1",), "127.0.0.1"),
    (None, "10.20.0.8", ("127.0.0.1",), "unknown"),
    ("::ffff:7f00:1", None, (), "::ffff:7f00:1"),
])
def test_client_address_trusts_only_the_named_proxies(remote, forwarded, trusted, expected):
    assert client_address(remote, forwarded, trusted) == expected


def test_accounts_of_every_role_and_the_first_table_wins(tmp_path, hashes):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[notulis]\nnina = "{hashes["alice"]}"\n[perencana]\npera = "{hashes["bob"]}"\n'
                       f'[viewers]\nnina = "{hashes["bob"]}"\n', encoding="utf-8")
    environ = {auth.ENV_PENGUSUL: f"desa.mas:{hashes['bob']}", auth.ENV_ADMINS: f"pera:{hashes['alice']}"}
    found = auth.load_accounts(secrets, environ)
    assert {name: a.role for name, a in found.items()} == {"pera": auth.ADMIN, "nina": roles.NOTULIS,
                                                           "desa.mas": roles.PENGUSUL}
    assert found["nina"].stored_hash == hashes["alice"]
    assert auth.load_admins(secrets, {}) == {} and auth.load_viewers(secrets, {}) == {"nina": hashes["bob"]}


@pytest.mark.parametrize("role, table", [(roles.NOTULIS, "notulis"), (roles.PERENCANA, "perencana"),
                                         (roles.PENGUSUL, "pengusul"), (roles.VIEWER, "viewers")])
def test_add_admin_takes_every_role(tmp_path, role, table):
    secrets = tmp_path / "secrets.toml"
    code, out, _ = run_cli(["petugas.satu", "--role", role, "--password-stdin", "--secrets", str(secrets)], BOB_PW)
    assert code == 0 and role in out
    stored = tomllib.loads(secrets.read_text(encoding="utf-8"))[table]["petugas.satu"]
    assert auth.load_accounts(secrets, {})["petugas.satu"] == auth.Account(role, stored)


def test_default_secrets_path_is_used_for_reading_and_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(auth, "DEFAULT_SECRETS", tmp_path / ".streamlit" / "secrets.toml")
    assert accounts.add_user("alice", ALICE_PW, auth.ADMIN) == tmp_path / ".streamlit" / "secrets.toml"
    assert set(auth.load_admins(environ={})) == {"alice"}
