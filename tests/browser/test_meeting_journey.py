"""Journey: create a meeting, record an action, create the next meeting, see the action carried over and overdue.

Runs on `writers_server`: the note-taker signs in where the page asks (a visitor who has not signed in
only reads). Screenshots go to test-artifacts/browser/meeting_journey_*.png;
every request must stay on localhost. Tables are drawn on a canvas, so the checks read the texts around them (captions,
the action picker) and the downloaded minutes.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from jamsostek.access import roles
from jamsostek.i18n import t

pytestmark = pytest.mark.browser

FIRST, SECOND = ("13/11/2026", "13 November 2026"), ("20/11/2026", "20 November 2026")
ACTION = "Sosialisasi kelompok nelayan bersama kepala desa"
DUE = "18/11/2026"  # before the second meeting: overdue there


def label(app, key: str, **fmt) -> str:
    """A meeting or shared label in the language the app shows."""
    return t(key, app.lang, **fmt)


def type_date(app, label_text: str, day: str) -> None:
    """Type DD/MM/YYYY into a date field (react-aria segments: day, month, year)."""
    app.page.get_by_role("spinbutton", name=f"day, {label_text}").click()
    app.page.keyboard.type(day.replace("/", ""))
    app.page.keyboard.press("Escape")  # the click opened a calendar that would cover the next field
    app.page.locator("#stFloatingOverlayPortal [role=dialog]").wait_for(state="detached")


def create_meeting(app, day: tuple[str, str]) -> None:
    expander = app.page.get_by_test_id("stExpander").filter(has_text=label(app, "meeting.new"))
    if not app.page.get_by_role("spinbutton", name=f"day, {label(app, 'meeting.date')}").is_visible():
        expander.get_by_text(label(app, "meeting.new")).first.click()  # still open after the sign-in: keep it
    type_date(app, label(app, "meeting.date"), day[0])
    type_date(app, label(app, "meeting.as_of"), day[0])
    app.page.get_by_role("button", name=label(app, "meeting.create")).click()
    app.settle()
    app.page.get_by_text(label(app, "meeting.created", date=day[1])).wait_for()


def open_tab(app, key: str) -> None:
    app.page.get_by_role("tab", name=label(app, key)).click()
    app.settle()  # the page tracks the open tab, so switching reruns it


def sign_in_to_record(app) -> None:
    expander = app.page.get_by_test_id("stExpander").filter(has_text=label(app, "meeting.new"))
    expander.get_by_text(label(app, "meeting.new")).first.click()
    app.shot("sign_in_to_record")
    app.sign_in(roles.NOTULIS, within=expander)


def test_meeting_journey(writer_app):
    app = writer_app
    app.open()
    app.goto_page("page.meeting")
    app.page.get_by_text(label(app, "meeting.none")).wait_for()
    app.shot("no_meeting_yet")
    assert not app.page.get_by_role("button", name=label(app, "meeting.create")).count()  # a visitor reads
    sign_in_to_record(app)

    create_meeting(app, FIRST)
    app.page.get_by_text(label(app, "meeting.first_info", date=FIRST[1])).wait_for()
    app.shot("first_meeting")

    open_tab(app, "meeting.tab.actions")
    form = app.page.get_by_test_id("stForm").filter(has_text=label(app, "action.add_button"))
    form.get_by_test_id("stSelectbox").click()
    app.page.keyboard.type("Ketewel")
    app.page.get_by_role("option", name="Desa Ketewel (Sukawati)").click()
    form.get_by_role("textbox", name=label(app, "mcol.what")).fill(ACTION)
    form.get_by_role("textbox", name=label(app, "mcol.who")).fill("Camat Sukawati")
    type_date(app, label(app, "mcol.due_date"), DUE)
    app.shot("action_form")
    form.get_by_role("button", name=label(app, "action.add_button")).click()
    app.settle()
    app.page.get_by_text(label(app, "action.added")).wait_for()
    summary = label(app, "action.summary", total=1, open=1, overdue=0, carried=0)
    app.page.get_by_text(summary).wait_for()
    app.shot("action_recorded")

    create_meeting(app, SECOND)  # the page moves to the new meeting
    open_tab(app, "meeting.tab.since")
    app.page.get_by_text(label(app, "meeting.card.new_since")).wait_for()
    app.shot("since_last_meeting")

    open_tab(app, "meeting.tab.actions")
    # Carried from the first meeting, and overdue: due 18 November, before the meeting of 20 November.
    app.page.get_by_text(label(app, "action.summary", total=1, open=1, overdue=1, carried=1)).wait_for()
    app.shot("action_carried_overdue")
    picker = app.page.get_by_test_id("stSelectbox").filter(has_text=label(app, "action.pick"))
    expect(picker.locator("input")).to_have_value(f"#1 · Ketewel (Sukawati) · {ACTION[:50]}")

    open_tab(app, "meeting.tab.map")
    app.page.locator(".js-plotly-plot:has(.choroplethlocation)").nth(1).wait_for()
    app.page.wait_for_timeout(1500)  # both maps painted
    assert app.page.get_by_text("Tidak terpetakan: 0 baris", exact=False).first.is_visible()
    app.page.locator(".js-plotly-plot:has(.choroplethlocation)").nth(1).scroll_into_view_if_needed()
    app.shot("map_side_by_side")

    open_tab(app, "meeting.tab.minutes")
    with app.page.expect_download() as download:
        app.page.get_by_role("button", name=label(app, "minutes.pdf")).click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF") and download.value.suggested_filename == "notulen_rapat_2026-11-20.pdf"
    app.shot("minutes")

    assert not app.page_errors
    app.assert_offline()
