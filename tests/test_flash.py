"""ui.flash: a callback's message waits for its part of the page and is shown there once."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def page():
    import streamlit as st

    from jamsostek.ui import flash

    def saved() -> None:
        flash.leave("plan", "success", "Disimpan.")

    flash.show("other")  # another part of the page does not take the plan's message
    st.button("Simpan", on_click=saved)
    flash.show("plan")


def test_a_message_left_by_a_callback_is_shown_once_where_it_belongs():
    at = AppTest.from_function(page).run()
    assert not at.success
    at.button[0].click().run()
    assert [(s.value, s.icon) for s in at.success] == [("Disimpan.", ":material/check_circle:")]
    at.run()
    assert not at.success  # shown once: a rerun does not repeat it


def test_an_unknown_kind_is_refused():
    from jamsostek.ui import flash

    with pytest.raises(ValueError, match="balloons"):
        flash.leave("plan", "balloons", "x")
