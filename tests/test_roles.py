"""Who may write what: one table, and no role but admin may do everything."""

import pytest

from jamsostek.access import roles


@pytest.mark.parametrize("role, action, allowed", [
    (None, roles.MEETING_WRITE, False), (None, roles.SCENARIO_WRITE, False), (None, roles.UPLOAD, False),
    (roles.VIEWER, roles.SCENARIO_WRITE, False), (roles.NOTULIS, roles.MEETING_WRITE, True),
    (roles.NOTULIS, roles.SCENARIO_WRITE, False), (roles.PERENCANA, roles.SCENARIO_WRITE, True),
    (roles.PERENCANA, roles.UPLOAD, False), (roles.PENGUSUL, roles.USULAN_PROPOSE, True),
    (roles.PENGUSUL, roles.USULAN_VERIFY, False), (roles.ADMIN, roles.USULAN_VERIFY, True),
    ("superuser", roles.UPLOAD, False),
])
def test_can(role, action, allowed):
    assert roles.can(role, action) is allowed


def test_only_admin_may_do_everything():
    assert [r for r in roles.ROLES if all(roles.can(r, a) for a in roles.ACTIONS)] == [roles.ADMIN]


def test_an_unknown_action_is_an_error():
    with pytest.raises(ValueError):
        roles.can(roles.ADMIN, "delete.everything")


def test_demo_mode_opens_the_planning_texts_only():
    assert roles.DEMO not in roles.ROLES  # no account can have it
    allowed = {a for a in roles.ACTIONS if roles.can(roles.DEMO, a)}
    assert allowed == {roles.MEETING_WRITE, roles.SCENARIO_WRITE, roles.USULAN_PROPOSE}
