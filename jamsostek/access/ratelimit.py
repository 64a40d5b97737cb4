"""In-process rate limiting of sign-in attempts, thread-safe, with an injectable clock for tests."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class SignInLimiter:
    """Counts failed sign-ins per key; after max_failures within window_s the key is locked for lockout_s."""

    def __init__(self, max_failures: int = 5, window_s: float = 900, lockout_s: float = 900,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000):
        self.max_failures, self.window_s, self.lockout_s = max_failures, window_s, lockout_s
        self._clock, self._max_keys = clock, max_keys
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = {}
        self._locked_until: dict[str, float] = {}

    def _wait(self, key: str, now: float) -> float:
        return max(0.0, self._locked_until.get(key, 0.0) - now)

    def check(self, key: str, now: float | None = None) -> float:
        """Seconds until key may try again (0 when allowed)."""
        with self._lock:
            return self._wait(key, self._clock() if now is None else now)

    def _fail(self, key: str, now: float) -> None:
        if len(self._failures) >= self._max_keys:
            self._sweep(now)
        times = self._failures.setdefault(key, deque())
        times.append(now)
        while times and times[0] <= now - self.window_s:
            times.popleft()
        if len(times) >= self.max_failures:
            self._locked_until[key] = now + self.lockout_s
            times.clear()

    def _sweep(self, now: float) -> None:
        # Keep memory bounded when many client keys come and go.
        for key in [k for k, t in self._failures.items() if not t or t[-1] <= now - self.window_s]:
            del self._failures[key]
        for key in [k for k, until in self._locked_until.items() if until <= now]:
            del self._locked_until[key]

    def record_failure(self, key: str, now: float | None = None) -> None:
        """Count one failed attempt for key."""
        with self._lock:
            self._fail(key, self._clock() if now is None else now)

    def record_success(self, key: str, now: float | None = None) -> None:
        """Forget key's failures and lock (the password was proven)."""
        with self._lock:
            self._failures.pop(key, None)
            self._locked_until.pop(key, None)

    def attempt(self, key: str, now: float | None = None) -> float:
        """Atomically: seconds to wait if locked, else count a failure up front and return 0.

        Counting before the slow hash check stops parallel guesses slipping past the limit;
        record_success clears it when the password is right.
        """
        with self._lock:
            now = self._clock() if now is None else now
            wait = self._wait(key, now)
            if not wait:
                self._fail(key, now)
            return wait
