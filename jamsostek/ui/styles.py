"""The app's few CSS rules: the heading lines every page carries, phone fixes, the projector view."""

from __future__ import annotations

import streamlit as st

BASE = """
.jm-app { margin: 0; color: #4b5563; font-size: 0.95rem; font-weight: 600; letter-spacing: 0.01em; }
.jm-view { margin: 0 0 0.5rem 0; color: #1f2933; font-size: 1rem; }
/* Streamlit's faded caption grey (#828180 on white, 3.9:1) and inline-code green (3:1) fail WCAG AA's 4.5:1. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #52525b; opacity: 1; }
[data-testid="stMarkdownContainer"] code, [data-testid="stCaptionContainer"] code { color: #0b5443; }
/* Streamlit leaves 6rem above the page: at 1280x720 the figures started below the first screen. */
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; }
@media (max-width: 640px) {
  /* Phones: less padding, headings that wrap instead of pushing the page sideways. */
  [data-testid="stMainBlockContainer"] { padding-left: 1rem; padding-right: 1rem; padding-top: 4rem; }
  h1 { font-size: 1.9rem !important; }
  [data-testid="stMetricValue"] { font-size: 1.7rem; }
}
"""
# The meeting screen on a projector: no sidebar, no toolbar, figures large enough for the back of a room.
SCREEN = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem; max-width: none; }
.jm-app { font-size: 1.4rem; }
.jm-view { font-size: 1.3rem; }
h1 { font-size: 2.8rem !important; }
[data-testid="stMetricValue"] { font-size: 3.4rem; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem; }
[data-testid="stMetricDelta"] { font-size: 1.3rem; }
.jm-screen-list li, .jm-screen-list li p { font-size: 1.45rem !important; line-height: 1.45; }
"""


def apply(screen: bool) -> None:
    """Add the rules to this run's page (style-only st.html takes no room in the layout)."""
    st.html(f"<style>{BASE}{SCREEN if screen else ''}</style>")
