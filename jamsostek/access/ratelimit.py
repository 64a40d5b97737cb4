"""Sign-in back-off per key (a username, a client address), kept in the store so a reload or restart keeps it.

A few wrong tries cost nothing; after that each failure makes the key wait longer (15 s, 30 s, 1 min, ...,
at most 15 min). There is no lock that outlasts the wait: once it has passed, the right password signs in.
"""

from __future__ import annotations

import hashlib
import ipaddress
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jamsostek.store import db

_LOCK = threading.Lock()  # one process writes the store; this makes check-and-count atomic inside it


@dataclass(frozen=True)
class Backoff:
    """How long a key waits after its n-th failure in a row."""

    free_failures: int = 3  # tries before the first wait (a typo or two)
    first_wait_s: float = 15.0
    max_wait_s: float = 900.0
    forget_after_s: float = 86_400.0  # a key with no failure for this long starts again from zero

    def wait_after(self, failures: int) -> float:
        """Seconds to wait after `failures` failures in a row (0 while free tries are left)."""
        if failures < self.free_failures:
            return 0.0
        return min(self.max_wait_s, self.first_wait_s * 2 ** (failures - self.free_failures))


def key_hash(key: str) -> str:
    """How a key is stored: its SHA-256 (a username box sometimes holds a password)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class SignInLimiter:
    """Failed sign-ins per key in the store's signin_attempt table; an injectable clock for tests."""

    def __init__(self, store: db.Connection | Callable, backoff: Backoff = Backoff(),
                 clock: Callable[[], float] = time.time):
        """`store`: a writable connection (one process, tests), or a function that runs an action on one
        (ui.context.write: in shared mode the store itself under the writer lock, the replicas' copies
        being read-only). The table comes with the store's schema (db.SCHEMAS)."""
        self.backoff, self._clock = backoff, clock
        if hasattr(store, "cursor"):
            self._write = lambda action: _on_cursor(store, action)
            with _LOCK:
                self._run(lambda cur: db.execute(cur, "signin_schema"))
        else:
            self._write = store

    def _run(self, action):
        return self._write(action)

    def _wait(self, cur: db.Connection, key: str, now: float) -> tuple[float, int]:
        row = db.fetch_row(cur, "signin_find", key_hash=key_hash(key))
        if row is None or row[1] < now - self.backoff.forget_after_s:
            return 0.0, 0
        return max(0.0, row[2] - now), int(row[0])

    def check(self, key: str, now: float | None = None) -> float:
        """Seconds until key may try again (0 when allowed)."""
        now = self._clock() if now is None else now
        with _LOCK:
            return self._run(lambda cur: self._wait(cur, key, now)[0])

    def attempt(self, keys: Iterable[str], now: float | None = None) -> float:
        """Atomically for all keys: the longest wait if any must wait, else count a failure for each up front.

        Counting before the slow hash check stops parallel guesses slipping past the limit;
        record_success clears it when the password is right.
        """
        now, keys = self._clock() if now is None else now, list(keys)

        def run(cur: db.Connection) -> float:
            with db.transaction(cur):
                found = [self._wait(cur, key, now) for key in keys]
                wait = max((w for w, _ in found), default=0.0)
                if wait:
                    return wait
                for key, (_, failures) in zip(keys, found):
                    db.execute(cur, "signin_fail", key_hash=key_hash(key), failures=failures + 1, now=now,
                               blocked_until=now + self.backoff.wait_after(failures + 1))
                db.execute(cur, "signin_forget", before=now - self.backoff.forget_after_s, now=now)
            return 0.0

        with _LOCK:
            return self._run(run)

    def record_success(self, keys: Iterable[str]) -> None:
        """Forget the keys' failures (the password was proven)."""
        def run(cur: db.Connection) -> None:
            with db.transaction(cur):
                for key in keys:
                    db.execute(cur, "signin_clear", key_hash=key_hash(key))

        with _LOCK:
            self._run(run)


def _on_cursor(con: db.Connection, action):
    cursor = con.cursor()
    try:
        return action(cursor)
    finally:
        cursor.close()


def client_address(remote: str | None, forwarded_for: str | None, trusted: Iterable[str]) -> str:
    """The address a request comes from: the peer's, or behind a trusted proxy the one it forwarded.

    X-Forwarded-For is read right to left, skipping the trusted proxies: the first other address is the
    client (anything left of it was written by the client and proves nothing). From a peer that is not
    a trusted proxy the header is ignored, so nobody can choose their own address.
    """
    trusted = {_normal(a) for a in trusted}
    remote = _normal(remote)
    if remote and remote in trusted and forwarded_for:
        hops = [_normal(h) for h in str(forwarded_for).split(",")]
        hops = [h for h in hops if h]
        for hop in reversed(hops):
            if hop not in trusted:
                return hop
    return remote or "unknown"


def _normal(address: object) -> str:
    text = str(address or "").strip()
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return ""  # not an address: a proxy writes addresses, so anything else was typed by someone
