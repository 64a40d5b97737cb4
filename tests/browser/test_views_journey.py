"""Every page at a phone (390x844) and a projector (1280x720) in both languages, one server, one browser:
no sideways scrolling, every map area inside the view, tables inside the width, the active view named in
the page, <html lang> following the language, and no serious or critical axe-core violation in the app's own
content (Streamlit-internal ones are listed in axe_baseline.json with their upstream issue).

Then a copied link: a view chosen by clicks (filters, map measure and level, classes) is opened from its
address in a fresh browser and must draw the same map. Screenshots: test-artifacts/browser/views_*.png.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jamsostek import i18n
from tests.browser.conftest import ARTIFACTS, LAID_OUT

pytestmark = pytest.mark.browser

PAGES = ["", "peta", "sektor", "tren", "rencana", "rapat", "layar", "usulan", "laporan", "unggah", "riwayat"]
SIZES = {"phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
         "projector": {"viewport": {"width": 1280, "height": 720}}}
BASELINE = json.loads((Path(__file__).with_name("axe_baseline.json")).read_text())
SERIOUS = {"serious", "critical"}

SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# Drawn: no element left faded by a run (Streamlit marks them data-stale) and every map loaded.
MAPS_READY = """() => !document.querySelector('[data-stale="true"]') &&
  Array.from(document.querySelectorAll('.js-plotly-plot')).every(gd => {
  return !(gd._fullLayout && gd._fullLayout.geo) || Boolean(gd.querySelector('.choroplethlocation'));
})"""
# Per page: widths that would scroll sideways, maps whose areas leave the view, tables wider than the window.
LAYOUT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const width = window.innerWidth;
  const out = {page: document.documentElement.scrollWidth, main: main.scrollWidth, mainClient: main.clientWidth,
               width, lang: document.documentElement.lang, text: main.innerText, outside: [], tables: []};
  document.querySelectorAll('.js-plotly-plot').forEach(gd => {
    if (!(gd._fullLayout && gd._fullLayout.geo)) return;
    // Each area as drawn (its SVG path, unclipped) inside the map's plot area and the window.
    const box = gd.getBoundingClientRect(), size = gd._fullLayout._size;
    const top = box.top + size.t, bottom = box.top + size.t + size.h;
    gd.querySelectorAll('path.choroplethlocation').forEach(path => {
      const r = path.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.left < -1 || r.right > width + 1
          || r.top < top - 1 || r.bottom > bottom + 1) out.outside.push(path.__data__ && path.__data__.loc);
    });
  });
  document.querySelectorAll('[data-testid="stDataFrame"]').forEach(t => {
    const r = t.getBoundingClientRect(); if (r.right > width + 1 || r.left < -1) out.tables.push([r.left, r.right]);
  });
  out.outside = [...new Set(out.outside)];
  return out;
}"""


def map_state(page) -> dict:
    """The drawn map's colours, checked options and legend, once the map is there (settle alone can see a
    page between a fresh browser's first run and the rerun its width report starts, with no map yet)."""
    page.wait_for_function(MAP_DRAWN)
    return page.evaluate(MAP_STATE)


def settle(page) -> None:
    """Wait until Streamlit is done, after the width report's rerun that follows a new session's first run."""
    page.wait_for_function(LAID_OUT)
    for _ in range(2):
        page.wait_for_timeout(400)
        page.locator(SETTLED).wait_for()
    page.wait_for_function(MAPS_READY)


def baseline_allows(rule: str, target: str) -> bool:
    return any(rule == known["rule"] and known["target"] in target for known in BASELINE)


def axe_problems(page) -> list[str]:
    """Serious and critical axe-core violations not in the baseline, as 'rule @ selector' lines."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [f"{v['id']} @ {' '.join(map(str, node['target']))}: {node.get('failureSummary', '')[:160]}"
            for v in result.response["violations"] if v["impact"] in SERIOUS
            for node in v["nodes"] if not baseline_allows(v["id"], " ".join(map(str, node["target"])))]


# The phone in Indonesian (what leaders read), the projector in both languages: every page at both sizes,
# axe in both languages, in about three minutes on two cores.
@pytest.mark.parametrize("size, lang", [("phone", "id"), ("projector", "id"), ("projector", "en")])
def test_every_page_fits_names_its_view_and_passes_axe(browser, app_server, size, lang):
    context = browser.new_context(locale="id-ID", timezone_id="Asia/Makassar", **SIZES[size])
    page = context.new_page()
    page.set_default_timeout(60_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    problems: list[str] = []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        page.goto(f"{app_server.url}/{name}" + ("?lang=en" if lang == "en" else ""))
        page.get_by_role("heading", level=1).first.wait_for()
        settle(page)
        page.screenshot(path=str(ARTIFACTS / f"views_{size}_{lang}_{name or 'ringkasan'}.png"))
        seen = page.evaluate(LAYOUT)
        where = f"{size}/{lang}/{name or 'ringkasan'}"
        if max(seen["page"], seen["main"]) > seen["width"] + 1:
            problems.append(f"{where}: scrolls sideways ({seen['page']}/{seen['main']} px > {seen['width']})")
        if seen["outside"]:
            problems.append(f"{where}: map areas outside the view: {seen['outside'][:6]}")
        if seen["tables"]:
            problems.append(f"{where}: tables wider than the window: {seen['tables']}")
        if i18n.t("view.shown", lang, view="").strip() not in seen["text"]:
            problems.append(f"{where}: the active view is not named in the page")
        if seen["lang"] != lang:
            problems.append(f"{where}: <html lang={seen['lang']!r}>")
        problems += [f"{where}: {line}" for line in axe_problems(page)]
    context.close()
    assert not problems, "\n".join(problems)
    assert not errors, errors


MAP_DRAWN = "() => { const gd = document.querySelector('.js-plotly-plot'); return !!(gd && gd.data && gd.layout); }"
MAP_STATE = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const colours = {};
  for (const t of gd.data) if (t.type === 'choropleth') for (const loc of t.locations) colours[loc] = t.colorscale[0][1];
  const checked = Array.from(document.querySelectorAll('[data-testid="stRadio"] input:checked'))
    .map(i => i.closest('label').innerText);
  return {colours, checked, legend: gd.layout.annotations.map(a => a.text)};
}"""


def test_a_copied_link_reopens_the_same_view(browser, app_server):
    first = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
    page = first.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{app_server.url}/peta?kec=51.04.05&sektor=petani")
    settle(page)
    for label in ("Kesenjangan (pekerja)", "Kuantil"):
        page.get_by_test_id("stRadio").get_by_text(label, exact=True).click()
        settle(page)
    link = page.url
    drawn = map_state(page)
    first.close()
    assert "ukuran=gap_workers" in link and "kelas=kuantil" in link and "kec=51.04.05" in link
    fresh = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
    again = fresh.new_page()
    again.set_default_timeout(60_000)
    again.goto(link)
    settle(again)
    reopened = map_state(again)
    # The language switch used to empty the map's radios (and the next click reset the measure).
    again.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    settle(again)
    in_english = map_state(again)
    fresh.close()
    assert reopened == drawn
    assert "Kesenjangan (pekerja)" in reopened["checked"] and "Kuantil" in reopened["checked"]
    assert any("Kec. Ubud" in text and "Petani" in text for text in reopened["legend"])
    assert {"Gap (workers)", "Quantiles"} <= set(in_english["checked"])
    assert in_english["colours"] == drawn["colours"]
