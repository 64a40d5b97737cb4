"""Journey: open the app, go to Rencana by its sidebar link, type a budget as people write it, compute the plan,
read the workers it protects, see the before/after maps, the kecamatan table and the lists to act on.

Runs on `writers_server`, where the planner signs in to save the scenario. There Rp5 miliar does not close the gaps, so the
planner spends all of it: the budget protects floor(budget / (months x rate)) workers, renewals of the
APBD-funded workers first (their count is in the renewal toggle's label), the rest new. Screenshots go
to test-artifacts/browser/plan_journey_*.png; every request must stay on localhost (checked by `app`).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from jamsostek import i18n, settings
from jamsostek.access import roles
from jamsostek.ui.plan_form import DEFAULT_MONTHS

pytestmark = pytest.mark.browser

BUDGET_TEXT, BUDGET_RP = "Rp5 miliar", 5_000_000_000
SCENARIO = "APBD 5 miliar"
FUNDED = BUDGET_RP // (DEFAULT_MONTHS * settings.CONTRIBUTION_RP_PER_MONTH)  # 24.801

# Both maps drawn: each plotly figure is a `geo` map whose areas are in the page as SVG paths.
MAPS_READY = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  return plots.length >= 2 && plots.every(gd => Boolean(gd._fullLayout && gd._fullLayout.geo
    && gd.querySelector('.choroplethlocation')));
}"""
# Per figure: its trace types and how many areas its choropleth colours.
MAP_FIGURES = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
  types: gd.data.map(trace => trace.type),
  locations: gd.data.filter(trace => trace.type === 'choropleth').map(trace => trace.locations.length)
    .reduce((a, b) => a + b, 0),
}))"""


def card(app, label_key: str):
    """The value element of the metric card labelled by `label_key`."""
    return (app.page.get_by_test_id("stMetric").filter(has_text=app.label(label_key))
            .get_by_test_id("stMetricValue"))


def renewals(app) -> int:
    """The renewal count the page offers to pay first (in the toggle's label, Indonesian digits)."""
    text = app.page.get_by_test_id("stCheckbox").filter(has_text="perpanjang").first.inner_text()
    return int(re.search(r"[0-9][0-9.]*", text).group().replace(".", ""))


def to_top(app, heading_key: str, level: int | None = None) -> None:
    """Scroll so the section's heading is at the top of the view."""
    heading = app.page.get_by_role("heading", name=app.label(heading_key), level=level)
    heading.evaluate("element => element.scrollIntoView({block: 'start'})")
    app.page.wait_for_timeout(300)


def test_plan_journey(writer_app):
    app = writer_app
    app.open()
    app.goto_page("page.plan")
    funded = card(app, "plan.card_funded")
    funded.wait_for()
    default = funded.inner_text()
    app.shot("default_budget")

    budget = app.page.get_by_role("textbox", name=app.label("plan.budget_line", source="APBD"), exact=True)
    expect(budget).to_have_value("2.000.000.000")  # waits out a rerun that redraws the form
    budget.fill(BUDGET_TEXT)
    app.page.get_by_role("button", name=app.label("plan.submit")).click()
    app.settle()
    app.page.wait_for_function("([label, value]) => [...document.querySelectorAll('[data-testid=stMetric]')]"
                               ".some(m => m.innerText.includes(label) && m.innerText.includes(value))",
                               arg=[app.label("plan.card_funded"), i18n.fmt_int(FUNDED, "id")])
    assert funded.inner_text() == "24.801" != default
    renewal = renewals(app)
    assert card(app, "plan.card_new").inner_text() == i18n.fmt_int(FUNDED - renewal, "id")
    assert card(app, "plan.card_leftover").inner_text() == i18n.fmt_rp(
        BUDGET_RP - FUNDED * DEFAULT_MONTHS * settings.CONTRIBUTION_RP_PER_MONTH, "id")
    app.shot("budget_5_miliar")

    to_top(app, "plan.maps")  # headings, legends and maps in one view
    app.page.wait_for_function(MAPS_READY)
    app.page.wait_for_timeout(500)  # first paint after "loaded"
    assert app.page.get_by_text(app.label("plan.map_after"), exact=True).is_visible()
    figures = app.page.evaluate(MAP_FIGURES)
    assert len(figures) == 2 and all("choropleth" in f["types"] for f in figures)
    assert figures[0]["locations"] == figures[1]["locations"] > 0
    app.shot("maps_before_after")

    to_top(app, "plan.kecamatan")
    app.shot("kecamatan_and_inverse")
    to_top(app, "plan.lists")
    app.page.get_by_role("button", name=app.label("plan.download_workbook")).wait_for()
    app.page.wait_for_timeout(300)
    app.shot("lists")

    to_top(app, "plan.scenarios")
    assert not app.page.get_by_role("button", name=app.label("plan.save")).count()  # a visitor only reads
    app.sign_in(roles.PERENCANA)
    to_top(app, "plan.scenarios")
    app.page.get_by_role("textbox", name=app.label("plan.scenario_name"), exact=True).fill(SCENARIO)
    app.page.get_by_role("button", name=app.label("plan.save")).click()
    app.settle()
    app.page.get_by_text(app.label("plan.saved", name=SCENARIO)).wait_for()
    app.page.wait_for_timeout(300)
    app.shot("scenario_saved")

    app.set_language("en")
    app.page.get_by_role("heading", name="Plan", level=1).wait_for()
    card(app, "plan.card_funded").wait_for()
    to_top(app, "page.plan", level=1)
    rule = app.page.get_by_role("combobox", name=app.label("plan.rule"), exact=True)
    expect(rule).to_have_value(app.label("plan.rule_gap"))  # the chosen rule follows the language too
    expect(card(app, "plan.card_funded")).to_have_text("24,801")
    app.shot("english")

    assert not app.page_errors
    app.assert_offline()
