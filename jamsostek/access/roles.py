"""Roles and what each may write. One table: a page asks `can(role, action)`, never compares role names.

A visitor who is not signed in has no role (None) and writes nothing. The data admin may do everything.
"""

from __future__ import annotations

VIEWER = "viewer"        # reads (an account only where JAMSOSTEK_REQUIRE_VIEWER_SIGNIN asks viewers to sign in)
NOTULIS = "notulis"      # the meeting's note-taker: meetings and follow-up actions
PERENCANA = "perencana"  # planners (Bappeda, Disnaker): saved budget scenarios
PENGUSUL = "pengusul"    # desa/kecamatan staff: candidate lists (usulan) for their area
ADMIN = "admin"          # the data officer: uploads, batches, detail lists, sasaran, verifying usulan
ROLES = (VIEWER, NOTULIS, PERENCANA, PENGUSUL, ADMIN)
# Not an account: a visitor who has not signed in while the app runs in demo mode (JAMSOSTEK_DEMO).
DEMO = "demo"

MEETING_WRITE = "meeting.write"
SCENARIO_WRITE = "scenario.write"
UPLOAD = "upload"
BATCH_WITHDRAW = "batch.withdraw"
DETAIL_VIEW = "detail.view"
SASARAN_UPLOAD = "sasaran.upload"
USULAN_PROPOSE = "usulan.propose"
USULAN_VERIFY = "usulan.verify"
ACTIONS = (MEETING_WRITE, SCENARIO_WRITE, UPLOAD, BATCH_WITHDRAW, DETAIL_VIEW, SASARAN_UPLOAD,
           USULAN_PROPOSE, USULAN_VERIFY)

ALLOWED: dict[str, frozenset[str]] = {
    VIEWER: frozenset(),
    NOTULIS: frozenset({MEETING_WRITE}),
    PERENCANA: frozenset({SCENARIO_WRITE}),
    PENGUSUL: frozenset({USULAN_PROPOSE}),
    ADMIN: frozenset(ACTIONS),
    # The shared planning texts only: uploads, withdrawals and the personal detail always need an admin.
    DEMO: frozenset({MEETING_WRITE, SCENARIO_WRITE, USULAN_PROPOSE}),
}


def can(role: str | None, action: str) -> bool:
    """True when `role` may do `action`; an unknown action is an error, not a quiet no."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    return action in ALLOWED.get(role or "", frozenset())
