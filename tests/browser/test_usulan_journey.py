"""Journey: from gap to enrolment. A data admin proposes a candidate list for Desa Mas on the Usulan page,
reads the check (one invalid NIK, one moved in), accepts the moved-in one with a note, prepares and
downloads the registration file, loads an extract that enrols two of them on Unggah Data, and sees the
funnel move on Usulan, on Rapat (a meeting made today) and on Peta (the usulan measure, Mas's panel). The baseline counts are read from the page first (the sample store may hold a
sample round); every expected change is computed here by hand. Every request stays on localhost.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from jamsostek.access import auth
from jamsostek.i18n import fmt_int, t
from tests import extracts

from .conftest import open_tab, serve

pytestmark = pytest.mark.browser

ADMIN = "admin.usulan"
PASSWORD = "uji-jurnal-usulan-4Kd"  # test only: the server gets its argon2 hash
MAS, MAS_CODE = ("Mas", "Ubud"), "51.04.05.2002"
GOOD = [extracts.nik(270_001 + i, "05") for i in range(4)]  # valid Gianyar NIKs the sample does not hold
MOVED_IN = "5171011505900020"  # Denpasar's code: flagged, not refused
INVALID = "51040"
LIST_HEADER = ["NIK", "NAMA", "PEKERJAAN", "DESA", "NO HP"]
LIST_ROWS = [[n, f"Calon Mas {i}", "PETANI/PEKEBUN", "Mas", f"0812000000{i}"] for i, n in enumerate(GOOD)] + [
    [MOVED_IN, "Calon Pindahan", "PEDAGANG", "Mas", ""], [INVALID, "Calon Salah", "PETANI", "Mas", ""]]
FUNNEL_KEYS = ("funnel.stage.proposed", "funnel.stage.verified", "funnel.stage.registered", "funnel.stage.enrolled")


@pytest.fixture(scope="module")
def usulan_server(browser, tmp_path_factory):
    work = tmp_path_factory.mktemp("usulan_app")
    with serve(work, {auth.ENV_ADMINS: f"{ADMIN}:{auth.hash_password(PASSWORD)}"}) as server:
        yield server


@pytest.fixture
def usulan_app(browser, usulan_server):
    with open_tab(browser, usulan_server, "usulan_journey") as helper:
        yield helper


def funnel(app) -> list[int]:
    """The funnel's cards (proposed, verified, registered, enrolled) as numbers; zeros before any list."""
    if app.page.get_by_text(t("usulan.none", "id")).count():
        return [0, 0, 0, 0]
    values = []
    for key in FUNNEL_KEYS:
        card = app.page.get_by_test_id("stMetric").filter(
            has=app.page.get_by_test_id("stMetricLabel").get_by_text(t(key, "id"), exact=True)).first
        values.append(int(card.get_by_test_id("stMetricValue").inner_text().strip().replace(".", "")))
    return values


def list_file(tmp_path) -> str:
    path = tmp_path / "usulan_mas.csv"
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([LIST_HEADER, *LIST_ROWS])
    path.write_text(out.getvalue(), encoding="utf-8")
    return str(path)


def enrolling_extract(tmp_path) -> str:
    """Today's extract holding the first two candidates with JKK and JKM since yesterday."""
    today = date.today()
    start = (today - timedelta(days=1)).strftime("%d-%m-%Y")
    records = [extracts.row(0, places=[MAS], start=start, NIK=n, NAMA=f"Calon Mas {i}")
               for i, n in enumerate(GOOD[:2])]
    path = tmp_path / f"peserta_{today.isoformat()}.csv"
    path.write_bytes(extracts.csv_bytes(records))
    return str(path)


def sign_in(app) -> None:
    form = app.page.get_by_test_id("stForm").filter(has=app.page.locator("input[type=password]"))
    form.get_by_role("textbox", name=t("auth.username", "id")).fill(ADMIN)
    form.locator("input[type=password]").fill(PASSWORD)
    form.get_by_role("button", name=t("auth.submit", "id")).click()
    app.settle()
    signed_in = t("auth.signed_in_as", "id", user=ADMIN, role=t("access.role.admin", "id")).replace("**", "")
    expect(app.sidebar).to_contain_text(signed_in)


def test_usulan_journey(usulan_app, tmp_path):
    app = usulan_app
    app.open()
    app.goto_page("page.usulan")
    before = funnel(app)
    sign_in(app)

    # Propose: the desa, then the file; the check shows before anything is stored.
    # 70 desa: the list is virtual, so type to narrow it as an officer would.
    app.page.get_by_test_id("stMain").get_by_test_id("stSelectbox").filter(has_text=t("usulan.pick_desa", "id")).click()
    app.page.keyboard.type("Mas (U")
    app.page.get_by_role("option", name="Mas (Ubud)", exact=True).click()
    app.settle()
    app.page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(list_file(tmp_path))
    app.page.get_by_text(t("usulan.preview_title", "id", count=6, desa="Mas (Ubud)")).wait_for()
    app.settle()
    assert funnel(app) == before, "a checked list is not stored before Save"
    page_text = app.page.get_by_test_id("stMain").inner_text()
    assert GOOD[0] not in page_text and "Calon Mas 0" not in page_text  # the preview is masked
    app.shot("checked")
    app.page.get_by_role("button", name=t("usulan.save", "id")).click()
    app.settle()
    saved = t("usulan.saved", "id", list="(\\d+)", desa="Mas (Ubud)", count=6).replace("(Ubud)", r"\(Ubud\)")
    app.page.get_by_text(re.compile(saved)).wait_for()
    assert funnel(app) == [before[0] + 6, before[1] + 4, before[2], before[3]]

    # Verify: the moved-in candidate is accepted with a note; the invalid NIK cannot be offered.
    form = app.page.get_by_test_id("stForm").filter(has_text=t("usulan.decide_note", "id"))
    form.scroll_into_view_if_needed()
    app.shot("to_decide")
    form.get_by_test_id("stSelectbox").click()
    options = app.page.get_by_role("option")
    options.first.wait_for()
    labels = options.all_inner_texts()
    assert not any("C*** S***" in label for label in labels)  # an invalid NIK is not a person's call
    moved = next(label for label in labels if "C*** P***" in label)
    app.page.get_by_role("option", name=moved, exact=True).click()
    form.get_by_text(t("usulan.status.verified", "id"), exact=True).click()
    form.locator("textarea").fill("Pindah ke Mas, KK setempat sudah diperiksa")
    form.get_by_role("button", name=t("usulan.decide_submit", "id")).click()
    app.settle()
    decided = t("usulan.decided", "id", list="(\\d+)", row=6, status=t("usulan.status.verified", "id"))
    app.page.get_by_text(re.compile(decided.replace(".", r"\."))).wait_for()
    assert funnel(app)[1] == before[1] + 5
    app.shot("decided")

    # Register: the file holds exactly the five verified candidates, NIK in full (for the branch).
    prepare = app.page.get_by_role("button", name=t("usulan.register_prepare", "id", count=fmt_int(before[1] - before[2] + 5)))
    prepare.click()
    app.settle()
    with app.page.expect_download() as download:
        app.page.get_by_role("button", name=t("usulan.register_download", "id")).click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    mine = {r["NIK"] for r in rows} & {*GOOD, MOVED_IN, INVALID}
    assert mine == {*GOOD, MOVED_IN}
    assert funnel(app)[2] == before[1] + 5  # every verified one is registered now
    app.shot("registered")

    # Enrolled: an extract with two of them, loaded on Unggah Data.
    app.goto_page("page.upload")
    app.page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(enrolling_extract(tmp_path))
    app.page.get_by_role("heading", name=t("upload.report", "id")).wait_for()
    app.settle()
    app.page.get_by_role("button", name=t("upload.commit", "id", count=2)).click()
    app.settle()
    app.goto_page("page.usulan")
    after = funnel(app)
    assert after == [before[0] + 6, before[1] + 5, before[1] + 5, before[3] + 2]
    app.shot("enrolled")

    # Rapat: a meeting today (the first) counts the funnel up to its date: the same figures.
    app.goto_page("page.meeting")
    app.page.get_by_test_id("stExpander").filter(has_text=t("meeting.new", "id")).get_by_text(
        t("meeting.new", "id")).first.click()
    app.page.get_by_role("button", name=t("meeting.create", "id")).click()
    app.settle()
    app.page.get_by_role("heading", name=t("funnel.rapat.heading_first", "id")).wait_for()
    assert funnel(app) == after
    app.shot("rapat")

    # Peta: the usulan measure and Mas's panel, from a link as a leader would open it.
    app.open(f"peta?desa={MAS_CODE}&ukuran=usulan_enrolled_workers")
    app.page.get_by_role("heading", name="Mas", exact=True).wait_for()
    line = t("funnel.line", "id", proposed=6, verified=5, registered=5, enrolled=2)
    app.page.get_by_text(line).wait_for()
    expect(app.page.get_by_test_id("stRadio").filter(has_text=t("map.metric", "id")).get_by_role(
        "radio", name=t("map.metric.usulan", "id"))).to_be_checked()
    app.shot("peta")
    app.open("usulan")
    # The same page on a phone: nothing wider than the screen.
    app.page.set_viewport_size({"width": 390, "height": 844})
    app.settle()  # the page is laid out again for a phone
    app.page.get_by_text(f"{fmt_int(before[0] + 6)} diusulkan →").wait_for()  # the funnel in one line
    assert app.page.evaluate("document.documentElement.scrollWidth") <= 390
    app.shot("phone")
    assert not app.page_errors
    app.assert_offline()
