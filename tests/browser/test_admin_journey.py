"""Journey: a data admin signs in, uploads the messy sample extract, reads the report, loads it, sees
Ringkasan's protected workers rise, withdraws the batch on Riwayat and sees the number come back.

The shared `app_server` has no accounts (its tabs are viewers), so this module starts its own server
with one admin in JAMSOSTEK_ADMINS (an argon2 hash made here; the password lives only in this file).
The expected figures come from the same queries on a copy of that server's store, loaded and
withdrawn the way the page does it. Screenshots go to test-artifacts/browser/admin_journey_*.png;
every request must stay on localhost.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pandas as pd
import pytest
from playwright.sync_api import expect

from jamsostek import settings
from jamsostek.access import auth
from jamsostek.ingest import batches as batch_admin
from jamsostek.store import db
from jamsostek.ingest import rejections, upload
from jamsostek.i18n import fmt_int
from jamsostek.i18n import t
from jamsostek.sample import store as sample_store

from .conftest import open_tab, serve

pytestmark = pytest.mark.browser

ADMIN = "admin.uji"
PASSWORD = "uji-jurnal-admin-7Qx"  # test only: the server gets its argon2 hash, never this text
MESSY = settings.SAMPLE_DIR / "peserta_berantakan.csv"
EXPECTED_REJECTIONS = settings.SAMPLE_DIR / "peserta_berantakan.expected.csv"


@dataclass(frozen=True)
class Expected:
    """What the page must show, computed on a copy of the server's store."""

    protected_before: int
    protected_after: int
    rows_total: int
    rows_accepted: int
    rows_rejected: int
    rows_blank: int
    rows_duplicate: int
    by_reason: dict[str, int]  # reason text (Indonesian) -> rows
    batch_id: int


def _protected(con: db.Connection) -> int:
    """Ringkasan's 'Pekerja terlindungi' with no filters, on the latest extract date (the page's default)."""
    as_of = pd.Timestamp(db.run_query(con, "data_status").iloc[0]["data_as_of"]).date()
    row = db.run_query(con, "kpi", as_of=as_of, lapsing_days=settings.LAPSING_WINDOW_DAYS, kecamatan=None,
                       sektor=None, program=None, sumber=None).iloc[0]
    return int(row["protected_workers"])


def expected_on(store) -> Expected:
    """Load the messy file into `store` as the upload page does, read the figures, then withdraw it."""
    con = db.connect(store)
    try:
        before = _protected(con)
        flow = upload.UploadFlow()
        flow.receive(con, MESSY.read_bytes(), MESSY.name)
        checked = flow.draft.checked
        counts = rejections.count_by_reason(checked.rejections, "id")
        result = flow.commit(con, ADMIN)
        after = _protected(con)
        batch_admin.withdraw(con, result.batch_id, ADMIN)
        assert _protected(con) == before, "withdrawing the batch must restore the figure"
        return Expected(before, after, checked.rows_total, len(checked.accepted), checked.rows_rejected,
                        checked.rows_blank, checked.rows_duplicate, dict(zip(counts["reason"], counts["rows"].astype(int))), result.batch_id)
    finally:
        con.close()


@pytest.fixture(scope="module")
def admin_server(browser, tmp_path_factory):
    """The app with one data admin configured, over its own sample store; plus the expected figures."""
    work = tmp_path_factory.mktemp("admin_app")
    store = sample_store.ensure_store(work / "store.duckdb")
    shutil.copy(store, work / "expected.duckdb")
    expected = expected_on(work / "expected.duckdb")
    admins = f"{ADMIN}:{auth.hash_password(PASSWORD)}"
    with serve(work, {auth.ENV_ADMINS: admins}) as server:
        yield server, expected


@pytest.fixture
def admin_app(browser, admin_server):
    with open_tab(browser, admin_server[0], "admin_journey") as helper:
        yield helper


def protected_shown(app) -> str:
    """The value on Ringkasan's 'Pekerja terlindungi' card."""
    card = app.page.get_by_test_id("stMetric").filter(has_text=app.label("metric.protected")).first
    return card.get_by_test_id("stMetricValue").inner_text().strip()


def metric_value(app, label_text: str) -> str:
    card = app.page.get_by_test_id("stMetric").filter(
        has=app.page.get_by_test_id("stMetricLabel").get_by_text(label_text, exact=True))
    return card.get_by_test_id("stMetricValue").inner_text().strip()


def planted_rejections() -> int:
    """Bad rows the generator planted, without blank and duplicate rows (counted on their own)."""
    planted = pd.read_csv(EXPECTED_REJECTIONS)
    return planted.loc[~planted["kind"].isin(["blank_row", "duplicate_row"]), "row_number"].nunique()


def test_expected_figures_follow_the_sample(admin_server):
    """The copy agrees with the generator's list of bad rows (so the journey checks the right number)."""
    _, expected = admin_server
    planted = planted_rejections()
    assert expected.rows_rejected == planted
    assert expected.rows_total == (expected.rows_accepted + expected.rows_rejected + expected.rows_blank
                                   + expected.rows_duplicate)
    assert sum(expected.by_reason.values()) >= planted  # a row can fail for more than one reason
    assert expected.protected_after > expected.protected_before


def test_admin_journey(admin_app, admin_server):
    app, (_, expected) = admin_app, admin_server
    before, after = fmt_int(expected.protected_before), fmt_int(expected.protected_after)
    planted = planted_rejections()

    app.open()
    app.page.get_by_role("heading", name=app.label("page.summary"), level=1).wait_for()
    assert protected_shown(app) == before

    app.goto_page("page.upload")
    app.page.get_by_text(t("auth.admin_only", "id")).wait_for()
    form = app.page.get_by_test_id("stForm")
    form.get_by_role("textbox", name=t("auth.username", "id")).fill(ADMIN)
    form.locator("input[type=password]").fill(PASSWORD)
    app.shot("sign_in")
    form.get_by_role("button", name=t("auth.submit", "id")).click()
    app.settle()
    signed_in = t("auth.signed_in_as", "id", user=ADMIN, role=t("access.role.admin", "id")).replace("**", "")
    expect(app.sidebar).to_contain_text(signed_in)

    # The extract's chooser comes first; the official sasaran's sits in its form further down the page.
    app.page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(MESSY))
    app.page.get_by_role("heading", name=t("upload.report", "id")).wait_for()
    app.settle()
    assert metric_value(app, t("upload.rows_total", "id")) == fmt_int(expected.rows_total)
    assert metric_value(app, t("upload.rows_accepted", "id")) == fmt_int(expected.rows_accepted)
    assert metric_value(app, t("upload.rows_rejected", "id")) == fmt_int(planted)
    notice = upload.message("some_rejected", "id", rejected=planted, total=expected.rows_total,
                            accepted=expected.rows_accepted, blank=expected.rows_blank,
                            duplicate=expected.rows_duplicate)
    app.page.get_by_text(notice).wait_for()
    report = app.page.get_by_role("heading", name=t("upload.report", "id"))
    report.scroll_into_view_if_needed()
    app.shot("validation_report")
    # The grid is drawn on a canvas; its accessible twin (a hidden table) carries the same cells.
    reasons = app.page.get_by_test_id("stDataFrame").filter(has_text=t("upload.reason", "id")).first
    cells = reasons.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.querySelectorAll('td'), td => td.textContent))")
    assert {reason: int(rows) for reason, rows in cells} == expected.by_reason

    commit = app.page.get_by_role("button", name=t("upload.commit", "id", count=expected.rows_accepted))
    commit.scroll_into_view_if_needed()
    app.shot("before_commit")
    commit.click()
    app.settle()
    app.page.get_by_text(t("upload.committed", "id", batch=expected.batch_id,
                           count=expected.rows_accepted, file=MESSY.name)).wait_for()
    app.shot("committed")

    app.goto_page("page.summary")
    expect(app.page.get_by_test_id("stMetric").filter(has_text=app.label("metric.protected")).first
           .get_by_test_id("stMetricValue")).to_have_text(after)
    app.shot("summary_after_load")

    app.goto_page("page.history")
    app.page.get_by_role("heading", name=t("history.batches", "id")).wait_for()
    app.shot("history")
    pick = app.page.get_by_test_id("stSelectbox").filter(has_text=t("history.withdraw_pick", "id"))
    pick.click()
    app.page.get_by_role("option", name=f"{expected.batch_id} · {MESSY.name} · {fmt_int(expected.rows_accepted)}",
                         exact=True).click()
    app.settle()
    confirm = t("history.withdraw_confirm", "id", batch=expected.batch_id, file=MESSY.name,
                count=expected.rows_accepted)
    app.page.get_by_test_id("stCheckbox").filter(has_text=confirm).locator("label").click()
    app.settle()
    app.page.get_by_role("button", name=t("history.withdraw_button", "id")).click()
    app.settle()
    app.page.get_by_text(t("history.withdrawn", "id", batch=expected.batch_id)).wait_for()
    app.shot("withdrawn")

    app.goto_page("page.summary")
    expect(app.page.get_by_test_id("stMetric").filter(has_text=app.label("metric.protected")).first
           .get_by_test_id("stMetricValue")).to_have_text(before)
    app.shot("summary_after_withdraw")

    assert not app.page_errors
    app.assert_offline()
