"""A message a callback leaves for the next run, shown once in the part of the page it belongs to.

Callbacks run before the script, so what they report must wait in session state until the page draws
the spot where it belongs; `show` takes it from there, so a rerun does not show it twice.
"""

from __future__ import annotations

import streamlit as st

KINDS = ("success", "info", "warning", "error", "toast")
ICONS = {"success": ":material/check_circle:", "info": ":material/info:", "warning": ":material/warning:",
         "error": ":material/error:", "toast": ":material/check:"}
_PREFIX = "_flash:"


def leave(area: str, kind: str, text: str, icon: str | None = None) -> None:
    """Keep `text` for the next time `show(area)` runs; `kind` is one of KINDS."""
    if kind not in KINDS:
        raise ValueError(f"flash kind must be one of {KINDS}, got {kind!r}")
    st.session_state[_PREFIX + area] = (kind, text, icon or ICONS[kind])


def show(area: str) -> None:
    """Show, once, the message left for `area`, if any."""
    kind, text, icon = st.session_state.pop(_PREFIX + area, (None, None, None))
    if kind:
        getattr(st, kind)(text, icon=icon)
