"""Per-process store connection, cached questions, and the session's filters and language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from jamsostek import settings
from jamsostek.access import privacy
from jamsostek.store import consistent, db
from jamsostek.store import shared as shared_store  # the store several processes share (replicas)
from jamsostek.analysis import charts
from jamsostek.analysis import filters as flt
from jamsostek.geo import wilayah
from jamsostek.sample import store as sample_store

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
_PINNED = "_data_snapshot"  # the Snapshot this run reads, set first thing by begin_run()
_SHELL_RETRIED = "_shell_retried"
WIDGET_KEYS = (KEY_AS_OF, KEY_KECAMATAN, KEY_SECTOR, KEY_PROGRAM, KEY_FUNDING, KEY_LANG)
T = TypeVar("T")
ALL = ""  # the selectboxes' "Semua" option (None would show as an empty choice)
CACHE_ENTRIES = 512
DERIVED_ENTRIES = 16  # derived results are large (documents, whole report data): keep the last few
SHARED_ENTRIES = 64  # shared() objects are larger (a map figure holds its polygons: ~1-2 MB each)


@st.cache_resource(show_spinner=False)
def _connect(path: str) -> db.Connection:
    con = db.connect(sample_store.ensure_store(Path(path)))
    privacy.scrub_stored_file_names(con)  # a store from before file names were scrubbed: once per process
    return con


@st.cache_resource(show_spinner=False)
def _reader(path: str) -> shared_store.Reader:
    store = Path(path)
    with shared_store.locked(store):  # replicas starting together build the sample store once
        sample_store.ensure_store(store)
    shared_store.prepare(store)  # this version's schema, and a read copy of it
    return shared_store.Reader(store)


def connection() -> db.Connection:
    """The connection questions use; callers read through cursor() or with_cursor() (thread safety).

    One process (the default): its one read-write connection. Shared mode (JAMSOSTEK_SHARED=1, several
    replicas): read-only, on the newest published copy of the store (jamsostek/store/shared.py).
    """
    if settings.shared_store():
        return _reader(str(settings.db_path())).connection()
    return _connect(str(settings.db_path()))


@contextmanager
def writing() -> Iterator[db.Connection]:
    """A connection for one write. Shared mode: the store itself under the writer lock, and a new read copy
    for every replica when the block ends; one process: a cursor of its read-write connection."""
    if settings.shared_store():
        with shared_store.writer(settings.db_path()) as con:
            yield con
        return
    with cursor() as cur:
        yield cur


def write(action: Callable, *args, **kwargs):
    """`action(con, *args, **kwargs)` inside writing(): for anything that changes the store."""
    with writing() as con:
        return action(con, *args, **kwargs)


@contextmanager
def cursor() -> Iterator[db.Connection]:
    """A cursor of the process's connection for uncached reads, closed afterwards (writes: writing())."""
    cur = connection().cursor()
    try:
        yield cur
    finally:
        cur.close()


def with_cursor(action: Callable, *args, **kwargs):
    """`action(cursor, *args, **kwargs)` on a fresh cursor (uncached: saves, audits, admin tables)."""
    with cursor() as cur:
        return action(cur, *args, **kwargs)


def data_version() -> int:
    """Version of the loaded data now; changes on every ingest or withdrawal."""
    return with_cursor(db.data_version)


@dataclass(frozen=True)
class Snapshot:
    """One data version of one store: every question asked through it sees the same data.

    A page run reads through the snapshot begin_run() pinned, so its questions cannot straddle an ingest;
    when the store has moved on, a question raises consistent.StaleVersion instead of mixing versions.
    """

    path: str
    version: int

    def read(self, action: Callable, *args, **kwargs):
        """`action(cursor, *args, **kwargs)` inside a transaction at this version (uncached)."""
        with cursor() as cur, consistent.pinned(cur, self.version):
            return action(cur, *args, **kwargs)

    def run(self, name: str, **params) -> pd.DataFrame:
        """Result of queries/<name>.sql at this version, cached."""
        return _run_cached(self.path, self.version, name, tuple(sorted(params.items())), self)

    def derive(self, compute: Callable, *args):
        """`compute(snapshot, *args)` (several questions, or a document built from them), cached.

        `args` must be hashable values; the function is named in the cache key by its module and name.
        """
        return _derive_cached(self.path, self.version, f"{compute.__module__}.{compute.__qualname__}", args,
                              compute, self)


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _run_cached(path: str, version: int, name: str, params: tuple, _snapshot: Snapshot) -> pd.DataFrame:
    # path and version key the cache: a new store or a new ingest misses it at once.
    return _snapshot.read(db.run_query, name, **dict(params))


@st.cache_data(show_spinner=False, max_entries=DERIVED_ENTRIES)
def _derive_cached(path: str, version: int, name: str, args: tuple, _compute: Callable, _snapshot: Snapshot):
    return _compute(_snapshot, *args)


def latest() -> Snapshot:
    """A snapshot at the store's version now (for work outside a page run, such as a deferred download)."""
    return Snapshot(str(settings.db_path()), data_version())


def begin_run() -> Snapshot:
    """Pin the data version this run reads (dashboard.py calls it first, before any question)."""
    st.session_state[_PINNED] = latest()
    return st.session_state[_PINNED]


def snapshot() -> Snapshot:
    """The data version this page run reads."""
    pinned = st.session_state.get(_PINNED)
    return pinned if pinned is not None and pinned.path == str(settings.db_path()) else begin_run()


def _start_again() -> None:
    # The store moved on during this run: read everything again at the new version.
    st.session_state.pop(_PINNED, None)
    st.rerun()


def run(name: str, **params) -> pd.DataFrame:
    """Result of queries/<name>.sql at this run's data version, cached until the data changes."""
    try:
        return snapshot().run(name, **params)
    except consistent.StaleVersion:
        _start_again()


def derive(compute: Callable, *args):
    """`compute(snapshot, *args)` at this run's data version, cached like run() (see Snapshot.derive)."""
    try:
        return snapshot().derive(compute, *args)
    except consistent.StaleVersion:
        _start_again()


@st.cache_resource(show_spinner=False, max_entries=SHARED_ENTRIES)
def _shared(path: str, version: int, name: str, key: tuple, _build: Callable[[], T]) -> T:
    # One object for every session (cache_resource does not copy): 50 viewers of the same view build it once.
    return _build()


def shared(name: str, build: Callable[[], T], *key) -> T:
    """build() once per store, data version, `name` and `key`, shared by every session; never change the result.

    For work that depends on the data and the view but not on who looks (a map figure: building it copies
    the polygons, a quarter of a first view of Peta). `key` must name everything build() reads besides the data.
    Plotly figures in the result (alone, in a list or a tuple) are frozen (charts.frozen): sent without a copy per view.
    """
    return _shared(str(settings.db_path()), data_version(), name, key, lambda: _frozen(build()))


def _frozen(value: T) -> T:
    if isinstance(value, go.Figure):
        return charts.frozen(value)
    if isinstance(value, (list, tuple)) and value and all(isinstance(item, go.Figure) for item in value):
        return type(value)(charts.frozen(item) for item in value)
    return value


def usulan_funnel(as_of: date) -> pd.DataFrame:
    """The usulan funnel per desa on `as_of` (queries/usulan_funnel.sql), counts only, cached like every question."""
    return run("usulan_funnel", as_of=as_of, stall_weeks=settings.USULAN_STALL_WEEKS)


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
    if state.pop(_SHELL, False):
        return
    begin_run()  # dashboard.py did not run first, so nothing pinned this run's version
    if state.get(_SHELL_RETRIED):
        return
    state[_SHELL_RETRIED] = True
    PagesManager.uses_pages_directory = False
    st.rerun()
