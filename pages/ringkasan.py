"""Ringkasan: headline figures for the filtered view."""

from jamsostek.ui import components

components.page_header("page.summary")
