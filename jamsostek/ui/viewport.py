"""What the browser looks like: its width class (phone, desktop), a projector mode, <html lang>, scrolling.

Streamlit's st.context gives headers, locale and timezone but not the window's width. A session's first run
is laid out for the width class remembered from the last visit (a cookie the component writes), else for
the User-Agent's "Mobi" hint. A tiny inline component (st.components.v2, no files, no network) then reports
the window's class only when it differs from that one, and again when a resize crosses a breakpoint (a
class change reruns the page; a resize inside a class does not), so most sessions need no second run.
`?tampilan=ponsel|lebar|layar` in the address overrides all of it: a phone layout on a desktop, a desktop
layout on a tablet, the projector screen.

The same component sets `<html lang>` to the session's language (Streamlit leaves it "en") and brings an
element into view when a page asks for it (the desa panel after a tap on the map).
"""

from __future__ import annotations

import streamlit as st
import streamlit.components.v2 as components_v2

from jamsostek.analysis import filters as flt

PHONE, DESKTOP, SCREEN = "phone", "desktop", "screen"
LAYOUTS = (PHONE, DESKTOP, SCREEN)
PHONE_MAX_PX = 640  # below this the sidebar is collapsed and two columns no longer fit side by side
PHONE_CONTENT_PX = 358  # the narrowest common phone (390 px, iPhone 12-15) less the page's 1rem padding
# Narrowest map column beside the sidebar: 2/3 of a 1280 px window's main area (Peta), half of it (Rencana).
DESKTOP_MAP_PX = 520
HALF_MAP_PX = 400
PHONE_MAP_PX = 420  # map height on a phone: the map and the start of its legend fit one 844 px screen
MAP_HEIGHT_PX = 560  # a map's height on Rapat; Peta's is taller (maps.HEIGHT_PX)
HALF_MAP_HEIGHT_PX = 460  # a half-width map's height, its legend under it (beside it, it would take half the room)
_STATE = "_viewport"  # the component's key: its state holds the reported width class
_SCROLL = "_viewport_scroll"  # id of the element to bring into view on this run (then forgotten)
COOKIE = "jamsostek_lebar"  # the width class of the last visit (phone/desktop): no personal data

_JS = """
export default function(component) {
  const { data, setStateValue } = component;
  const phoneMax = data.phone_max;
  const classOf = () => (window.innerWidth < phoneMax ? "phone" : "desktop");
  // Only a class other than the one the server laid this run out for is sent: sending the same one would
  // start a rerun that interrupts the run in progress (a language switch), and an interrupted run loses
  // widget values.
  let last = data.known;
  // What the server laid out for: the journeys wait for it to match the window before they click.
  document.documentElement.dataset.widthClass = data.known;
  const report = () => {
    const now = classOf();
    // Remembered for the next visit: its very first run is then laid out right, without a second run.
    document.cookie = data.cookie + "=" + now + "; path=/; max-age=31536000; SameSite=Lax";
    if (now !== last) {
      last = now;
      setStateValue("width_class", now);
    }
  };
  report();
  let timer = null;
  const onResize = () => { clearTimeout(timer); timer = setTimeout(report, 250); };
  window.addEventListener("resize", onResize);
  // Streamlit writes <html lang="en"> when its page loads, possibly after this ran: keep ours. One watcher
  // for the page, holding the newest run's language: a watcher per run would fight the previous run's
  // (id against en) while both are mounted, forever.
  const root = document.documentElement;
  if (data.lang) { window.jmLang = data.lang; }
  const keepLang = () => { if (window.jmLang && root.lang !== window.jmLang) { root.lang = window.jmLang; } };
  keepLang();
  if (!window.jmLangWatch) {
    window.jmLangWatch = new MutationObserver(keepLang);
    window.jmLangWatch.observe(root, { attributes: true, attributeFilter: ["lang"] });
  }
  if (data.scroll_to) {
    // The element is drawn by the same run: look for it for a few seconds, then give up.
    let tries = 0;
    const look = () => {
      const el = document.getElementById(data.scroll_to);
      if (el) { el.scrollIntoView({ behavior: "smooth", block: "start" }); }
      else if (tries++ < 40) { setTimeout(look, 100); }
    };
    look();
  }
  return () => window.removeEventListener("resize", onResize);
}
"""
_component = components_v2.component("jamsostek_viewport", js=_JS)


def _reported() -> str | None:
    value = st.session_state.get(_STATE)
    width_class = value.get("width_class") if isinstance(value, dict) else getattr(value, "width_class", None)
    return width_class if width_class in (PHONE, DESKTOP) else None


def ua_hint(headers) -> str:
    """PHONE when the User-Agent says it is a mobile browser ("Mobi", as MDN advises), else DESKTOP."""
    agent = (headers or {}).get("User-Agent", "") if hasattr(headers, "get") else ""
    return PHONE if "Mobi" in (agent or "") else DESKTOP


def layout() -> str:
    """PHONE, DESKTOP or SCREEN for this run: the address's choice, else the window's width class."""
    return flt.layout_from_url(st.query_params.to_dict()) or width_class()


def width_class() -> str:
    """PHONE or DESKTOP: the window's width class as reported on this session, else as remembered from the
    last visit (a cookie), else the User-Agent's hint. The component reports only when the window's class
    differs from this one, so most sessions start laid out right and need no second run."""
    try:
        headers, cookies = st.context.headers, st.context.cookies
    except Exception:  # no browser session (AppTest, bare mode): the desktop layout
        headers, cookies = {}, {}
    remembered = cookies.get(COOKIE) if hasattr(cookies, "get") else None
    return _reported() or (remembered if remembered in (PHONE, DESKTOP) else None) or ua_hint(headers)


def map_size(half: bool) -> dict:
    """make_choropleth's size for this screen: on a phone narrow and shorter with the legend below; on a
    desktop a half-width map (two side by side) has its legend below too, a full-width one beside it."""
    if is_phone():
        return {"width": PHONE_CONTENT_PX, "height": PHONE_MAP_PX, "legend_below": True}
    if half:
        return {"width": HALF_MAP_PX, "height": HALF_MAP_HEIGHT_PX, "legend_below": True}
    return {"width": DESKTOP_MAP_PX, "height": MAP_HEIGHT_PX}


def is_phone() -> bool:
    """Whether this run lays the page out for a narrow screen (one column, legends below, lists not grids)."""
    return layout() == PHONE


def is_screen() -> bool:
    """Whether this run is the projector view (no sidebar, large figures)."""
    return layout() == SCREEN


def scroll_to(element_id: str) -> None:
    """Ask the browser to bring the element with this id into view after this run draws it."""
    st.session_state[_SCROLL] = element_id


def mount(lang: str) -> None:
    """Draw the (invisible) component once per run: reports the width class, sets <html lang>, scrolls."""
    data = {"phone_max": PHONE_MAX_PX, "lang": lang, "cookie": COOKIE, "known": width_class(),
            "scroll_to": st.session_state.pop(_SCROLL, None)}
    _component(data=data, key=_STATE, default={"width_class": None}, on_width_class_change=lambda: None,
               height=0, width="stretch")
