"""Sign-in for every role (admin, notulis, perencana, pengusul, viewer): argon2 hashes, credential sources.

Credentials come from the environment (JAMSOSTEK_ADMINS, JAMSOSTEK_NOTULIS, JAMSOSTEK_PERENCANA,
JAMSOSTEK_PENGUSUL, JAMSOSTEK_VIEWERS; entries "user:$argon2id$...;user2:$argon2id$...") or from the
tables of .streamlit/secrets.toml named in TABLES ([admins], [notulis], [perencana], [pengusul],
[viewers]; `user = "$argon2id$..."`); the environment wins for a name in both. One account has one
role: a name in several tables gets the first in TABLES' order (admin first).
';' and ':' are safe separators: argon2 hashes use only '$', ',', '=' and base64 characters,
and valid usernames (^[a-z0-9._-]{3,32}$) contain neither. Quote the value with single quotes
in a shell so '$' is not expanded. Anything that is not an argon2 hash is ignored with a warning
that never shows the value.
"""

from __future__ import annotations

import re
import secrets as _secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import argon2

from jamsostek import settings
from jamsostek.access import roles
from jamsostek.access.ratelimit import SignInLimiter
from jamsostek.i18n import t

VIEWER, ADMIN = roles.VIEWER, roles.ADMIN
ENV_ADMINS, ENV_VIEWERS = settings.ENV_ADMINS, settings.ENV_VIEWERS
ENV_NOTULIS, ENV_PERENCANA, ENV_PENGUSUL = settings.ENV_NOTULIS, settings.ENV_PERENCANA, settings.ENV_PENGUSUL
ENV_REQUIRE_VIEWER_SIGNIN = settings.ENV_REQUIRE_VIEWER_SIGNIN
DEFAULT_SECRETS = settings.ROOT / ".streamlit" / "secrets.toml"
USERNAME = re.compile(r"^[a-z0-9._-]{3,32}$")
MIN_PASSWORD_CHARS, MAX_PASSWORD_CHARS = 10, 1024
_ARGON2 = re.compile(r"^\$argon2(id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$")
# Role -> (secrets.toml table, environment variable); the order is the precedence of a name in several.
TABLES = {ADMIN: ("admins", ENV_ADMINS), roles.NOTULIS: ("notulis", ENV_NOTULIS),
          roles.PERENCANA: ("perencana", ENV_PERENCANA), roles.PENGUSUL: ("pengusul", ENV_PENGUSUL),
          VIEWER: ("viewers", ENV_VIEWERS)}
assert set(TABLES) == set(roles.ROLES)
_hasher = argon2.PasswordHasher()


def hash_password(password: str) -> str:
    """argon2id hash of a password (salted; safe to store)."""
    return _hasher.hash(password)


def is_argon2_hash(value: object) -> bool:
    """True when value looks like an encoded argon2 hash."""
    return isinstance(value, str) and bool(_ARGON2.match(value))


def verify_password(stored_hash: str, password: str) -> bool:
    """True when password matches the hash; False on any bad input, never raises."""
    if not is_argon2_hash(stored_hash) or not isinstance(password, str) or len(password) > MAX_PASSWORD_CHARS:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (argon2.exceptions.Argon2Error, ValueError, TypeError):
        return False


@dataclass(frozen=True)
class ConfigWarning:
    """A credential entry that was ignored; names the source and user, never the value."""

    source: str
    username: str | None
    reason: str  # "not_argon2" | "bad_username" | "bad_entry" | "unreadable"

    def message(self, lang: str) -> str:
        """What was ignored and why, in `lang`."""
        return t(f"auth.warning.{self.reason}", lang, source=self.source, user=self.username)


def _entries_from_env(value: str) -> list[tuple[str | None, object]]:
    pairs = [item.strip().partition(":") for item in value.split(";") if item.strip()]
    # No ':' means the whole entry may be a pasted password: keep no part of it as a name.
    return [(name.strip(), stored.strip()) if sep else (None, None) for name, sep, stored in pairs]


def _entries_from_file(path: Path, table: str, warnings: list[ConfigWarning]) -> list[tuple[str, object]]:
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        warnings.append(ConfigWarning(path.name, None, "unreadable"))  # parser messages may quote the file
        return []
    section = data.get(table, {})
    return list(section.items()) if isinstance(section, dict) else []


def _load(role: str, secrets_path: Path | None, environ: Mapping | None) -> tuple[dict[str, str], list]:
    table, env_var = TABLES[role]
    warnings: list[ConfigWarning] = []
    path = Path(secrets_path or DEFAULT_SECRETS)
    sources = [(f"{path.name} [{table}]", _entries_from_file(path, table, warnings)),
               (env_var, _entries_from_env(settings.env(env_var, environ)))]
    found: dict[str, str] = {}
    for source, entries in sources:  # later sources (environment) win
        for name, stored in entries:
            if name is None:
                warnings.append(ConfigWarning(source, None, "bad_entry"))
            elif not USERNAME.match(name):
                warnings.append(ConfigWarning(source, None, "bad_username"))
            elif not is_argon2_hash(stored):
                warnings.append(ConfigWarning(source, name, "not_argon2"))
            else:
                found[name] = stored
    return found, warnings


def load_admins(secrets_path: Path | None = None, environ: Mapping | None = None) -> dict[str, str]:
    """Admin username -> argon2 hash, from secrets.toml [admins] and JAMSOSTEK_ADMINS."""
    return _load(ADMIN, secrets_path, environ)[0]


def load_viewers(secrets_path: Path | None = None, environ: Mapping | None = None) -> dict[str, str]:
    """Viewer username -> argon2 hash, from secrets.toml [viewers] and JAMSOSTEK_VIEWERS."""
    return _load(VIEWER, secrets_path, environ)[0]


@dataclass(frozen=True)
class Account:
    """A sign-in: its role and the argon2 hash of its password."""

    role: str
    stored_hash: str


def load_accounts(secrets_path: Path | None = None, environ: Mapping | None = None) -> dict[str, Account]:
    """Username -> Account over every role's table and variable; a name in several gets the first role."""
    found: dict[str, Account] = {}
    for role in TABLES:
        for name, stored in _load(role, secrets_path, environ)[0].items():
            found.setdefault(name, Account(role, stored))
    return found


def credential_warnings(secrets_path: Path | None = None, environ: Mapping | None = None) -> list[ConfigWarning]:
    """Ignored credential entries (plain text, bad names, unreadable file), for the admin UI."""
    every = [w for role in TABLES for w in _load(role, secrets_path, environ)[1]]
    return list(dict.fromkeys(every))  # an unreadable file is reported once, not per table


def viewer_signin_required(environ: Mapping | None = None) -> bool:
    """True when JAMSOSTEK_REQUIRE_VIEWER_SIGNIN asks viewers to sign in too."""
    return settings.viewer_signin_required(environ)


@dataclass(frozen=True)
class SignInResult:
    """Outcome of a sign-in; messages never tell whether the username exists."""

    ok: bool
    role: str | None
    reason: str  # "signed_in" | "wrong" | "locked"
    retry_after_s: float = 0.0

    def message(self, lang: str) -> str:
        """What the person sees, in `lang`: a wait below two minutes in seconds, else in minutes."""
        if self.reason == "locked" and self.retry_after_s < 120:
            return t("auth.result.locked_seconds", lang, count=max(1, round(self.retry_after_s)))
        return t(f"auth.result.{self.reason}", lang, count=max(1, round(self.retry_after_s / 60)))


@cache
def _dummy_hash() -> str:
    return hash_password(_secrets.token_urlsafe(16))



def limit_keys(username: str, client: str) -> tuple[str, str]:
    """The limiter's keys of one try: its username and its client address."""
    return f"user:{username}", f"client:{client}"


def normal_username(username: object) -> str:
    """The username as compared: trimmed, lower case ('' for anything that is not text)."""
    return (username if isinstance(username, str) else "").strip().lower()


def sign_in(username: str, password: str, accounts: Mapping[str, Account], limiter: SignInLimiter,
            client: str, now: float | None = None) -> SignInResult:
    """Check credentials under the back-off (per username and per client address); the account's role."""
    name = normal_username(username)
    keys = limit_keys(name, client)
    wait = limiter.attempt(keys, now)
    if wait:
        return SignInResult(False, None, "locked", wait)
    account = accounts.get(name)
    # An unknown name still costs one argon2 verification, so timing does not reveal it.
    matched = verify_password(account.stored_hash if account else _dummy_hash(),
                              password if isinstance(password, str) else "")
    if not (matched and account):
        return SignInResult(False, None, "wrong")
    limiter.record_success(keys)
    return SignInResult(True, account.role, "signed_in")
