"""Run a Python module (`python tests/watch_sockets.py LOG -m streamlit run ...`) and write every network
call it makes from Python to LOG, one line each, via the interpreter's audit hooks (PEP 578): connect,
sendto, bind, and name lookups. tests/test_no_outbound.py reads the log.
"""

from __future__ import annotations

import runpy
import sys

ON_A_SOCKET = {"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"}  # (socket, address)
LOOKUPS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo"}


def main() -> None:
    """Install the hook, then run the module as `python -m` would."""
    log_path, dash_m, module, *args = sys.argv[1:]
    assert dash_m == "-m", "usage: watch_sockets.py LOG -m MODULE [ARGS...]"
    log = open(log_path, "a", buffering=1, encoding="utf-8")

    def hook(event: str, args: tuple) -> None:
        # The socket object itself is not written (its repr would call back into socket code).
        if event in ON_A_SOCKET:
            log.write(f"{event}\t{args[1]!r}\n")
        elif event in LOOKUPS:
            log.write(f"{event}\t{args[0]!r}\n")

    sys.addaudithook(hook)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
