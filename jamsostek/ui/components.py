"""Pieces every page shares: header with data notices, KPI cards, tables with downloads."""

from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from jamsostek import i18n, settings
from jamsostek.geo import wilayah
from jamsostek.reports import downloads as export
from jamsostek.analysis import charts
from jamsostek.analysis import filters as flt
from jamsostek.analysis import metrics
from jamsostek.i18n import t
from jamsostek.sasaran import show
from jamsostek.ui import context as ctx
from jamsostek.ui import session
from jamsostek.ui import viewport


def stop_on_bad_settings() -> None:
    """At start-up: when an environment variable cannot work, say which and why (Indonesian, then English)
    and show nothing else, instead of an empty map or an open door."""
    problems = settings.problems(wilayah.region_codes())
    if not problems:
        return

    def explain() -> None:
        st.title(f"{t('settings.title', 'id')} · {t('settings.title', 'en')}")
        for problem in problems:
            st.error(f"{i18n.setting_problem(problem, 'id')}\n\n{i18n.setting_problem(problem, 'en')}",
                     icon=":material/settings_alert:")
        st.info(f"{t('settings.fix', 'id')}\n\n{t('settings.fix', 'en')}")

    # A navigation of its own, as session.gate does: no page (nor the pages/ folder) can be reached.
    st.navigation([st.Page(explain, title=t("settings.title", "id"), url_path="pengaturan")],
                  position="hidden").run()
    st.stop()


def page_header(title_key: str) -> None:
    """Title, the sample-data notice, 'data per <date> · batch terakhir <file>', and URL notices."""
    stop_on_bad_settings()  # a deep link may run a page file before dashboard.py did
    ctx.require_shell()
    lang = ctx.lang()
    # The app and region first: a forwarded screenshot must say whose figures these are.
    st.markdown(f"<p class='jm-app'>{html.escape(t('view.app', lang, region=ctx.region_name()))}</p>",
                unsafe_allow_html=True)
    st.title(t(title_key, lang))
    session.demo_banner()
    # The active filters in the page body (the sidebar is collapsed on phones and absent on the projector).
    st.markdown(f"<p class='jm-view'>{html.escape(t('view.shown', lang, view=ctx.view_text()))}</p>",
                unsafe_allow_html=True)
    status = ctx.data_status()
    if bool(status["is_sample"]):
        st.caption(f":material/science: {t('notice.sample', lang)}")
    last = status["last_batch_file"]
    line = t("notice.data_as_of", lang, date=i18n.fmt_date(status["data_as_of"], lang),
             file=last if isinstance(last, str) and last else i18n.MISSING)
    view = ctx.filters().as_of
    if pd.isna(status["data_as_of"]) or view != pd.Timestamp(status["data_as_of"]).date():
        line += " · " + t("notice.view_as_of", lang, date=i18n.fmt_date(view, lang))  # a past/future view
    version = show.version_text(status, lang)
    if version:  # every page names the sasaran its coverage uses
        line += " · " + version
    st.caption(line)
    rejected = ctx.url_notices()
    if rejected:
        st.warning(t("notice.url_invalid", lang, keys=", ".join(rejected)), icon=":material/link_off:")


def kpi_metric(label: str, value: str, delta: str | None = None, *, help: str | None = None,
               delta_color: str = "normal", delta_arrow: bool = True) -> None:
    """One KPI card; value and delta come already formatted for the session's language."""
    st.metric(label, value, delta=delta, delta_color=delta_color, help=help, border=True,
              delta_arrow="auto" if delta_arrow else "off")


def download_buttons(df: pd.DataFrame, base_name: str, key: str) -> None:
    """CSV and XLSX downloads of a table exactly as shown (localized headers, raw numbers)."""
    lang, view = ctx.lang(), ctx.filters()
    stem = "_".join([base_name, view.as_of.isoformat(), *flt.file_tags(view)])
    # The workbook's header names the view; the CSV stays a plain table (machine-readable), its name tells.
    sample = t("notice.sample_short", lang) if bool(ctx.data_status()["is_sample"]) else None
    note = " · ".join(part for part in (ctx.view_text(view), sample) if part)
    with st.container(horizontal=True):
        # Both files are made when clicked, not on every rerun of every viewer.
        st.download_button(t("download.csv", lang), lambda: export.to_csv_bytes(df), file_name=f"{stem}.csv",
                           mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:")
        st.download_button(
            t("download.xlsx", lang), _xlsx(df, base_name, note), file_name=f"{stem}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"{key}_xlsx", on_click="ignore", icon=":material/download:")


def _xlsx(df: pd.DataFrame, sheet: str, note: str | None) -> Callable[[], bytes]:
    # Built when clicked, not on every rerun: workbooks are the slowest thing a page makes.
    return lambda: export.to_xlsx_bytes({sheet: df}, title=sheet, note=note)


HIGHLIGHT = "background-color: #fcd9c4"  # light orange: still a visible grey when printed


def table(shown: pd.DataFrame, display=None, *, base_name: str, key: str, highlight: pd.Series | None = None,
          height: int | str = "auto") -> None:
    """A table on screen and its CSV/XLSX downloads (raw values, same headers).

    Numbers and dates are shown in the session's format, rows where `highlight` is True are marked;
    pass `display` (e.g. your own pandas Styler of `shown`) to draw something else for the same data.
    """
    if display is None:
        display = shown.style.format(metrics.formats(shown, ctx.lang()), na_rep=i18n.MISSING)
        if highlight is not None:
            marks = highlight.reset_index(drop=True).tolist()
            display = display.apply(lambda row: [HIGHLIGHT if marks[row.name] else ""] * len(row), axis=1)
    st.dataframe(display, hide_index=True, height=height)
    download_buttons(shown, base_name, key)


def cards(items: list[metrics.Card], per_row: int = 4) -> None:
    """KPI cards in rows of `per_row`."""
    for start in range(0, len(items), per_row):
        columns = st.columns(per_row)
        for column, card in zip(columns, items[start:start + per_row]):
            with column:
                kpi_metric(card.label, card.value, card.delta, help=card.help, delta_color=card.delta_color,
                           delta_arrow=card.delta_arrow)


def chart(build: Callable[..., go.Figure], *args, titled: bool = True, **kwargs) -> None:
    """The plotly figure `build(*args, **kwargs)` with our colours (not Streamlit's theme), no plotly logo,
    titled with the view shown (so a screenshot or its PNG says which filters and date), fitted to a phone
    when the screen is narrow.

    Built once for every session asking the same (ctx.shared): the builder, its arguments (frames hashed by
    their content), the title and the width class are the key, so it cannot go stale. Plotly's validation
    is most of what a chart costs the server."""
    phone = viewport.is_phone()
    title = ctx.view_text() if titled else None

    def finished() -> go.Figure:
        figure = build(*args, **kwargs)
        if title:
            charts.with_title(figure, title)
        return charts.for_phone(figure) if phone else figure

    figure = ctx.shared("chart", finished, f"{build.__module__}.{build.__qualname__}", args,
                        tuple(sorted(kwargs.items())), title, phone)
    st.plotly_chart(figure, theme=None, config={"displaylogo": False, "displayModeBar": not phone})
