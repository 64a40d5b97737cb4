"""Replicas: a meeting, a scenario and a withdrawal saved through a replica's write path (ctx.write in
shared mode, what the pages' buttons call) are on every replica within seconds, while viewers keep
opening fresh sessions on both; every view ends without an error. (An upload through nginx and a real
browser: tests/browser/test_office_journey.py.)
"""

from __future__ import annotations

import time

import pytest

from jamsostek import settings
from jamsostek.i18n import fmt_int, t
from jamsostek.ingest import batches
from jamsostek.meetings import weekly as mt
from jamsostek.plan import scenarios
from jamsostek.store import db, shared
from jamsostek.ui import context as ctx
from tests import office
from tests.browser.test_admin_journey import _protected
from tests.test_meetings import FIRST, FIRST_AS_OF
from tests.test_rapat_page import build
from tests.test_rencana_page import expected as plan_for

SEEN_WITHIN_S = 10
PROTECTED = t("metric.protected", "id")


@pytest.fixture
def replicas(tmp_path, monkeypatch):
    """Two replicas (the unit's command, shared mode) over a two-batch store with no meeting or scenario;
    this test process writes as a third, through the same ctx.write the pages use."""
    store = build(tmp_path / "store.duckdb", meetings=False)
    for name in ("JAMSOSTEK_ADMINS", "JAMSOSTEK_VIEWERS", "JAMSOSTEK_REQUIRE_VIEWER_SIGNIN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(settings.ENV_DB, str(store))
    monkeypatch.setenv(settings.ENV_SHARED, "1")
    started = [office.start_replica(office.free_port(), store, tmp_path) for _ in range(2)]
    try:
        for replica in started:
            office.wait_healthy(replica)
        yield store, started
    finally:
        for replica in started:
            replica.stop()


def newest_protected(store) -> str:
    """Ringkasan's protected workers on the newest read copy, as the page writes it."""
    con = db.connect(shared.current(store), read_only=True)
    try:
        return fmt_int(_protected(con))
    finally:
        con.close()


def seen_everywhere(replicas, page: str, check) -> None:
    """Wait (bounded) until a new viewer of `page` on every replica passes `check`."""
    waiting, start = list(replicas), time.monotonic()
    while waiting and time.monotonic() - start < SEEN_WITHIN_S:
        waiting = [r for r in waiting if not check(office.view(r.url, page))]
    assert not waiting, f"{page}: not on {[r.url for r in waiting]} within {SEEN_WITHIN_S} s"


def test_every_write_reaches_every_replica_under_load(replicas):
    store, servers = replicas
    before = newest_protected(store)
    seen_everywhere(servers, "rapat", lambda v: v.shows(t("meeting.none", "id")))
    seen_everywhere(servers, "rencana", lambda v: v.shows(t("plan.none_saved", "id")))

    with office.Load(servers[0].url, viewers=1) as first, office.Load(servers[1].url, viewers=1) as second:
        ctx.write(mt.create_meeting, FIRST, as_of=FIRST_AS_OF, title="Rapat replika", created_by="notulis.uji")
        seen_everywhere(servers, "rapat", lambda v: not v.error and not v.shows(t("meeting.none", "id")))

        cells = ctx.with_cursor(db.run_query, "gap_desa_sector", as_of=FIRST_AS_OF, kecamatan=None, sektor=None,
                         program=None, sumber=None)
        ctx.write(scenarios.save, "Skenario replika", plan_for(cells, 2_016_000), as_of=FIRST_AS_OF,
                  saved_by="perencana.uji")
        seen_everywhere(servers, "rencana", lambda v: v.shows("Skenario replika"))

        ctx.write(batches.withdraw, 2, "admin.uji")
        after = newest_protected(store)
        assert after != before
        seen_everywhere(servers, "", lambda v: v.metrics.get(PROTECTED) == after)

    views = first.views + second.views
    assert len(views) >= 4 and not first.errors() + second.errors(), (first.errors() + second.errors())[:5]
    assert {v.metrics.get(PROTECTED) for v in views} <= {before, after}
    print(f"load: {len(views)} views on two replicas, 0 errors")
