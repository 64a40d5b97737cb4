"""Per-process store connection, cached questions, and the session's filters and language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from jamsostek import settings
from jamsostek.store import db
from jamsostek.analysis import filters as flt
from jamsostek.ingest import load as ingest
from jamsostek.geo import wilayah

# Session-state keys of the sidebar widgets; pages read them only through filters() and lang().
KEY_AS_OF, KEY_KECAMATAN, KEY_SECTOR, KEY_PROGRAM, KEY_FUNDING, KEY_LANG = (
    "flt_as_of", "flt_kecamatan", "flt_sektor", "flt_program", "flt_sumber", "flt_lang")
_READY = "_flt_ready"  # the URL has been read into the widgets for this session
_FOLLOW_LATEST = "_flt_follow_latest"  # no date chosen: the as-of date moves with new data
_NOTICES = "_flt_url_notices"  # URL keys whose values were rejected, shown until a filter changes
_SHADOW = "_flt_shadow"  # copy of the widget values: Streamlit may drop widget state on a page switch
# Address-bar keys that pages own, with the form a value must have to stay (peta.py: the open desa).
PAGE_KEYS = {"desa": re.compile(r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}")}
_SHELL = "_shell_ran"  # set by the sidebar each run, taken by the page header
_SHELL_RETRIED = "_shell_retried"
WIDGET_KEYS = (KEY_AS_OF, KEY_KECAMATAN, KEY_SECTOR, KEY_PROGRAM, KEY_FUNDING, KEY_LANG)
ALL = ""  # the selectboxes' "Semua" option (None would show as an empty choice)
CACHE_ENTRIES = 512


@st.cache_resource(show_spinner=False)
def _connect(path: str) -> db.Connection:
    return db.connect(ingest.ensure_store(Path(path)))


def connection() -> db.Connection:
    """The process's one read-write connection; callers take `.cursor()` per query for thread safety."""
    return _connect(str(settings.db_path()))


def data_version() -> int:
    """Version of the loaded data; changes on every ingest or withdrawal."""
    cursor = connection().cursor()
    try:
        return db.data_version(cursor)
    finally:
        cursor.close()


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _run_cached(path: str, version: int, name: str, params: tuple) -> pd.DataFrame:
    # path and version only key the cache: a new store or a new ingest misses it at once.
    cursor = connection().cursor()
    try:
        return db.run_query(cursor, name, **dict(params))
    finally:
        cursor.close()


def run(name: str, **params) -> pd.DataFrame:
    """Result of queries/<name>.sql, cached until the data version changes."""
    return _run_cached(str(settings.db_path()), data_version(), name, tuple(sorted(params.items())))


def data_status() -> pd.Series:
    """The one row of queries/data_status.sql: data_as_of, last_batch_file, is_sample, ..."""
    return run("data_status").iloc[0]


def default_as_of() -> date:
    """The latest extract date loaded, or today when nothing is loaded yet."""
    value = data_status()["data_as_of"]
    return date.today() if pd.isna(value) else pd.Timestamp(value).date()


def kecamatan_options() -> pd.DataFrame:
    """Kecamatan of the region served (kode_kecamatan, kecamatan), for the filter and URL checks."""
    return wilayah.kecamatan_list(settings.region())


def region_name() -> str:
    """Name of the region served: 'Kabupaten Gianyar', or 'Provinsi Bali' for a province."""
    region = settings.region()
    if wilayah.is_province(region):
        return "Provinsi Bali" if region == "51" else f"Provinsi {region}"
    return str(wilayah.load_wilayah(region)["kabupaten"].iloc[0])


def view_text(view: flt.Filters | None = None) -> str:
    """The active filters and date in words ('Kec. Ubud · sektor Petani · per 20 November 2026')."""
    return flt.describe(view or filters(), lang(), region=region_name(),
                        kecamatan_names=wilayah.kecamatan_labels(settings.region()))


def prepare() -> None:
    """Read the URL into the sidebar's state once per session; move a following date to new data."""
    state = st.session_state
    default = default_as_of()
    if not state.get(_READY):
        parsed, lang_code, rejected = flt.from_query_params(
            st.query_params.to_dict(), default_as_of=default,
            kecamatan_codes=kecamatan_options()["kode_kecamatan"])
        state[KEY_AS_OF], state[KEY_KECAMATAN], state[KEY_SECTOR] = (
            parsed.as_of, parsed.kecamatan or ALL, parsed.sektor or ALL)
        state[KEY_PROGRAM], state[KEY_FUNDING] = parsed.program or ALL, parsed.sumber or ALL
        state[KEY_LANG] = lang_code
        state[_FOLLOW_LATEST] = parsed.as_of == default
        state[_NOTICES] = rejected + flt.read_options(st.query_params.to_dict())[1]
        state[_READY] = True
    elif any(key not in state for key in WIDGET_KEYS):
        for key, value in state.get(_SHADOW, {}).items():
            state.setdefault(key, value)
    if state.get(_FOLLOW_LATEST) and state.get(KEY_AS_OF) != default:
        state[KEY_AS_OF] = default  # an ingest brought newer data: show it at once


def remember() -> None:
    """Keep a copy of the filter widgets' values (restored by prepare() if Streamlit drops them)."""
    st.session_state[_SHADOW] = {key: st.session_state.get(key) for key in WIDGET_KEYS}


def filters() -> flt.Filters:
    """The filters of this session (sidebar widgets, first filled from the URL)."""
    if not st.session_state.get(_READY):
        prepare()
    state = st.session_state
    return flt.Filters(as_of=state[KEY_AS_OF], kecamatan=state.get(KEY_KECAMATAN) or None,
                       sektor=state.get(KEY_SECTOR) or None, program=state.get(KEY_PROGRAM) or None,
                       sumber=state.get(KEY_FUNDING) or None)


def lang() -> str:
    """Language of this session: 'id' (default) or 'en'."""
    if not st.session_state.get(_READY):
        prepare()
    return st.session_state.get(KEY_LANG) or "id"


def url_notices() -> list[str]:
    """URL keys whose values were unknown or unsafe and were replaced by defaults."""
    return list(st.session_state.get(_NOTICES, []))


def on_filter_change(date_changed: bool = False) -> None:
    """Widget callback: the user chose, so stop following the latest date and clear URL notices."""
    st.session_state[_NOTICES] = []
    if date_changed:
        st.session_state[_FOLLOW_LATEST] = False


def resend_choices_on_language_change(keys: tuple[str, ...], lang: str, marker: str) -> None:
    """Call before drawing keyed choice widgets whose option labels follow the language.

    Streamlit keeps a keyed selectbox's shown text when only format_func changes, so after a language
    switch it would still read "Semua" or "Kesenjangan terbesar". Writing the same value back makes it
    resend the label. `marker` remembers, per caller, the language its widgets were last drawn in.
    """
    state = st.session_state
    if state.get(marker) not in (None, lang):
        for key in keys:
            if key in state:
                state[key] = state[key]
    state[marker] = lang


def sync_url(extra: dict[str, str] | None = None) -> None:
    """Write the current view into the address bar; a key a page owns (the open desa) stays while well-formed,
    anything else not in the view (unknown keys, hostile values) is dropped rather than echoed back."""
    wanted = flt.to_query_params(filters(), lang()) | (extra or {})
    options = flt.read_options(st.query_params.to_dict())[0]
    for key in list(st.query_params):
        page_key = PAGE_KEYS.get(key)
        if key not in wanted and key not in options and not (page_key and page_key.fullmatch(st.query_params[key])):
            del st.query_params[key]
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def url_option(state_key: str, url_key: str, default, to_widget=str) -> None:
    """Before drawing a keyed widget: give it the address's value (if valid) or `default` the first time.

    The widget is then drawn without its own default (Streamlit warns when both are given); show_option()
    after it writes the chosen value back, so a copied link reopens the same view.
    """
    state = st.session_state
    if state_key not in state:
        value, _ = flt.PAGE_OPTIONS[url_key].read(st.query_params.to_dict())
        state[state_key] = default if value is None else to_widget(value)


def show_option(url_key: str, value) -> None:
    """Put a page option's current value in the address (left out when it is the default or empty)."""
    text = "" if value is None else str(value)
    if text in ("", flt.PAGE_OPTIONS[url_key].default):
        st.query_params.pop(url_key, None)
    elif st.query_params.get(url_key) != text:
        st.query_params[url_key] = text


def mark_shell() -> None:
    """Record that dashboard.py (navigation and sidebar) ran in this run."""
    st.session_state[_SHELL] = True
    st.session_state[_SHELL_RETRIED] = False


def require_shell() -> None:
    """Rerun through dashboard.py when Streamlit ran a page file on its own.

    With a folder named pages/ beside the entrypoint, Streamlit starts in its old multipage mode and,
    until some run has called st.navigation in this process, a deep link such as /tren runs
    pages/tren.py without dashboard.py: no sidebar, no URL sync. (AppTest resets that state before
    every run.) Leaving the old mode and rerunning the same page puts the shell back.
    """
    state = st.session_state
    if state.pop(_SHELL, False) or state.get(_SHELL_RETRIED):
        return
    state[_SHELL_RETRIED] = True
    PagesManager.uses_pages_directory = False
    st.rerun()
