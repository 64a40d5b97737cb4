"""Rapat page sections: pick or create a meeting, 'since the last meeting', actions, map comparison, minutes.

Who may record: a notulis or an admin, signed in; changes carry their username, never a typed name. A
visitor who has not signed in only reads, except in demo mode (JAMSOSTEK_DEMO), where changes carry the
name "demo". Meeting figures ignore the sidebar filters: they are region-wide.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from jamsostek import i18n, settings
from jamsostek.access import roles
from jamsostek.geo import boundaries
from jamsostek.analysis import indicators, map_compare
from jamsostek.analysis import maps
from jamsostek.meetings import minutes
from jamsostek.meetings import weekly as mt
from jamsostek.analysis import metrics
from jamsostek.access import privacy
from jamsostek.i18n import t
from jamsostek.ui import components as ui
from jamsostek.ui import context as ctx
from jamsostek.ui import data_quality, flash
from jamsostek.ui import session
from jamsostek.ui import viewport
from jamsostek.analysis import funnel as usulan_funnel

KEY_PICK = "rapat_pick"
KEY_NEW_DATE, KEY_NEW_AS_OF, KEY_NEW_TITLE = "rapat_new_date", "rapat_new_as_of", "rapat_new_title"
KEY_ADD = "rapat_add"
KEY_EDIT_PICK = "rapat_edit_pick"
DUE_DAYS = 7  # default due date: the next weekly meeting
CONFIG = maps.PLOT_CONFIG  # fixed view: every desa is in it


def recorder() -> str | None:
    """Name written as the author of changes (the signed-in one), or None when this session may only read."""
    return session.writer(roles.MEETING_WRITE)


def _still(actor: str) -> bool:
    # A callback asks again: the form may have been drawn before a sign-out or an idle timeout.
    return recorder() == actor


# --- picking and creating meetings

def meetings() -> pd.DataFrame:
    """Recorded meetings, newest first."""
    return ctx.with_cursor(mt.list_meetings)


def _on_create(actor: str, lang: str) -> None:
    state = st.session_state
    if not _still(actor):
        return
    try:
        new_id = ctx.write(mt.create_meeting, state[KEY_NEW_DATE], as_of=state[KEY_NEW_AS_OF],
                              title=state.get(KEY_NEW_TITLE), created_by=actor)
    except mt.MeetingExists:
        flash.leave("create", "error", t("meeting.exists", lang, date=i18n.fmt_date(state[KEY_NEW_DATE], lang)))
    except ValueError:
        flash.leave("create", "error", t("meeting.bad_title", lang))
    else:
        state[KEY_PICK] = new_id
        flash.leave("top", "success", t("meeting.created", lang, date=i18n.fmt_date(state[KEY_NEW_DATE], lang)))


def create_form(lang: str, actor: str | None) -> None:
    """'New meeting': its date, the as-of date of the figures to freeze, an optional title."""
    with st.expander(t("meeting.new", lang), icon=":material/add_circle:", expanded=False):
        flash.show("create")
        if actor is None:
            session.write_guard(roles.MEETING_WRITE, "rapat_new_signin", lang, narrow=True)
            return
        st.caption(t("meeting.new_help", lang))
        with st.form("rapat_new", border=False):
            st.date_input(t("meeting.date", lang), value=date.today(), key=KEY_NEW_DATE, format="DD/MM/YYYY")
            st.date_input(t("meeting.as_of", lang), value=ctx.default_as_of(), key=KEY_NEW_AS_OF,
                          format="DD/MM/YYYY", help=t("meeting.as_of_help", lang))
            st.text_input(t("meeting.title", lang), key=KEY_NEW_TITLE, max_chars=mt.MAX_TITLE_CHARS)
            st.form_submit_button(t("meeting.create", lang), on_click=_on_create, args=(actor, lang),
                                  type="primary", icon=":material/event:")


def pick_meeting(found: pd.DataFrame, lang: str) -> int:
    """Select box of meetings (newest first); the chosen id."""
    labels = {int(r.meeting_id): _meeting_label(r, lang) for r in found.itertuples()}
    if st.session_state.get(KEY_PICK) not in labels:
        st.session_state[KEY_PICK] = next(iter(labels))
    return st.selectbox(t("meeting.pick", lang), list(labels), key=KEY_PICK, format_func=labels.get)


def pick_comparison(found: pd.DataFrame, meeting: mt.Meeting, lang: str) -> int | None:
    """Select box of earlier meetings to compare with (the previous one first); None for the first meeting."""
    earlier = found[found["meeting_date"].map(lambda d: pd.Timestamp(d).date()) < meeting.meeting_date]
    if earlier.empty:
        return None
    labels = {int(r.meeting_id): _meeting_label(r, lang) for r in earlier.itertuples()}
    return st.selectbox(t("meeting.compare_with", lang), list(labels), key=f"rapat_compare_{meeting.meeting_id}",
                        format_func=labels.get)


def _meeting_label(row, lang: str) -> str:
    name = t("meeting.name", lang, date=i18n.fmt_date(row.meeting_date, lang))
    title = f" · {row.title}" if isinstance(row.title, str) and row.title else ""
    return f"{name}{title} ({t('meeting.figures_as_of', lang, date=i18n.fmt_date_short(row.as_of, lang))})"


def meeting(meeting_id: int) -> mt.Meeting:
    """One recorded meeting."""
    return ctx.with_cursor(mt.get_meeting, meeting_id)


def since(meeting_id: int, previous_id: int | None) -> mt.Since:
    """The comparison of the chosen meeting with the chosen earlier one."""
    return ctx.with_cursor(mt.since_last, meeting_id, previous_id)


def record_line(s: mt.Since, lang: str) -> None:
    """One caption: figures frozen as of, batches, the hash (short), and whether it still matches."""
    m = s.now
    intact = ctx.with_cursor(mt.verify, m.meeting_id)
    mark = t("meeting.hash_ok" if intact else "meeting.hash_bad", lang)
    line = t("meeting.record", lang, as_of=i18n.fmt_date(m.as_of, lang), batches=m.batch_ids or i18n.MISSING,
             sha=m.snapshot_sha256[:12], mark=mark)
    if m.sasaran_version:  # the sasaran frozen with the figures, whatever is active now
        line += " · " + t("sasaran.meeting_version", lang, name=m.sasaran_version)
    st.caption(line, help=t("meeting.record_help", lang, sha=m.snapshot_sha256))
    if not intact:
        st.error(t("meeting.hash_bad_long", lang), icon=":material/gpp_bad:")


# --- since the last meeting

def headline_cards(s: mt.Since, lang: str) -> list[metrics.Card]:
    """Cards: new enrolments, lapsed, protected, coverage, desa up/down a class, groups still at zero."""
    rows, first = s.headline.set_index("measure"), s.before is None
    fi = i18n.fmt_int

    def change(measure: str, pct: bool = False) -> str | None:
        value = rows.loc[measure, "change"]
        return None if first else t("meeting.since_points" if pct else "meeting.since_count", lang,
                                    delta=i18n.fmt_signed(value, lang, 1 if pct else 0))

    since_word = "first" if first else "since"
    cards = [
        metrics.Card("new", t(f"meeting.card.new_{since_word}", lang),
                     fi(rows.loc["participants", "now" if first else "change"], lang),
                     help=t("meeting.card.new_help", lang)),
        metrics.Card("lapsed", t(f"meeting.card.lapsed_{since_word}", lang),
                     fi(rows.loc["lapsed_workers", "now" if first else "change"], lang),
                     help=t("meeting.card.lapsed_help", lang)),
        _moving(metrics.Card("protected", indicators.name("protected", lang),
                             fi(rows.loc["protected_workers", "now"], lang), change("protected_workers"),
                             indicators.help_text("protected", lang)), rows.loc["protected_workers", "change"]),
        _moving(metrics.Card("coverage", indicators.name("coverage", lang),
                             i18n.fmt_pct(rows.loc["coverage_pct", "now"], lang), change("coverage_pct", True),
                             indicators.help_text("coverage", lang)), rows.loc["coverage_pct", "change"], lang),
    ]
    if not first:
        cards += [
            metrics.Card("up", t("meeting.card.up", lang), fi(len(s.moved_up), lang),
                         help=t("meeting.card.class_help", lang)),
            metrics.Card("down", t("meeting.card.down", lang), fi(len(s.moved_down), lang),
                         help=t("meeting.card.class_help", lang)),
        ]
    cards.append(metrics.Card("zero", t("meeting.card.zero", lang), fi(len(s.still_zero), lang),
                              help=t("meeting.card.zero_help", lang, sectors=fi(len(s.zero_by_sector), lang))))
    return cards


def _moving(card: metrics.Card, change, lang: str = "id") -> metrics.Card:
    # A change that is none (or rounds to none) is neutral: grey, no arrow.
    still = change is None or pd.isna(change) or i18n.fmt_signed(float(change), lang, 1) in ("0,0", "0.0")
    return replace(card, delta_color="off", delta_arrow=False) if still else card


def since_section(s: mt.Since, lang: str) -> None:
    """Cards, change per kecamatan, desa that changed colour class, groups still at zero, all desa."""
    if s.before is None:
        st.info(t("meeting.first_info", lang, date=i18n.fmt_date(s.now.as_of, lang)), icon=":material/flag:")
    else:
        st.caption(t("meeting.since_caption", lang, before=minutes.meeting_title(s.before, lang),
                     before_as_of=i18n.fmt_date(s.before.as_of, lang), as_of=i18n.fmt_date(s.now.as_of, lang)))
    ui.cards(headline_cards(s, lang), per_row=4)
    if s.funnel is not None:
        funnel_section(s, lang)
    st.subheader(t("meeting.sec.kecamatan" if s.before is not None else "meeting.sec.kecamatan_first", lang))
    _table(minutes.localize(s.kecamatan, minutes.kecamatan_columns(s), lang), "rapat_kecamatan", "rapat_kec")
    if s.before is not None:
        st.subheader(t("meeting.sec.moves", lang))
        moved = s.desa[s.desa["class_move"].isin(["up", "down"])].reset_index(drop=True)
        if moved.empty:
            st.caption(t("minutes.no_moves", lang))
        else:
            st.caption(t("meeting.moves_note", lang))
            _table(minutes.localize(moved, minutes.MOVE_COLUMNS, lang), "rapat_desa_pindah_kelas", "rapat_moves",
                   highlight=moved["class_move"] == "down")
    st.subheader(t("meeting.sec.zero", lang))
    st.caption(t("meeting.zero_note", lang))
    left, right = st.columns([2, 3], gap="large")
    with left:
        _table(minutes.localize(s.zero_by_sector, minutes.ZERO_SECTOR_COLUMNS, lang), "rapat_sektor_nol",
               "rapat_zero_sector")
    with right:
        _table(minutes.localize(s.still_zero, minutes.ZERO_COLUMNS, lang), "rapat_kelompok_nol", "rapat_zero",
               height=300)
    with st.expander(t("meeting.sec.all_desa" if s.before is not None else "meeting.sec.all_desa_first", lang),
                     icon=":material/table:"):
        _table(minutes.localize(s.desa, minutes.desa_columns(s), lang), "rapat_desa", "rapat_desa", height=400)


def funnel_section(s: mt.Since, lang: str) -> None:
    """The usulan funnel between the two meeting dates: four counts."""
    heading, note = minutes.funnel_note(s, lang)
    st.subheader(heading)
    st.caption(note)
    ui.cards(usulan_funnel.cards(usulan_funnel.counts(s.funnel), lang), per_row=4)


def _table(shown: pd.DataFrame, base_name: str, key: str, *, highlight: pd.Series | None = None,
           height: int | str = "auto") -> None:
    lang = ctx.lang()
    formats = metrics.formats(shown, lang)
    points = t("mcol.coverage_change_pts", lang)
    if points in shown:
        formats[points] = lambda v: i18n.fmt_signed(v, lang, 1)
    # The grid draws an empty cell as "None" whatever the formatter says: show the dash as text instead.
    formats = {column: _or_missing(f) for column, f in formats.items()}
    on_screen = shown.astype(object).where(shown.notna(), i18n.MISSING)
    display = on_screen.style.format(formats)
    if highlight is not None:
        marks = highlight.reset_index(drop=True).tolist()
        display = display.apply(lambda row: [ui.HIGHLIGHT if marks[row.name] else ""] * len(row), axis=1)
    ui.table(shown, display, base_name=base_name, key=key, height=height)


def _or_missing(formatter):
    return lambda v: v if isinstance(v, str) else formatter(v)


# --- actions (tindak lanjut)

def _area_options(lang: str) -> dict[str, str]:
    areas = {code: t("action.area.kecamatan", lang, name=name)
             for code, name in ctx.with_cursor(mt.areas_of, "kecamatan").items()}
    return areas | {code: t("action.area.desa", lang, name=name)
                    for code, name in ctx.with_cursor(mt.areas_of, "desa").items()}


def _level(code: str) -> str:
    return "desa" if code.count(".") == 3 else "kecamatan"


def _check_texts(lang: str, **texts: str) -> str | None:
    """A localized problem with the typed texts, or None when they can be saved."""
    for name, text in texts.items():
        if name in ("what", "who") and not str(text or "").strip():
            return t("action.required", lang)
        if privacy.contains_personal_data(text or ""):
            return t("action.personal_data", lang)
    return None


def _on_add(meeting_id: int, actor: str, lang: str) -> None:
    state = st.session_state
    if not _still(actor):
        return
    values = {name: state.get(f"{KEY_ADD}_{name}") for name in ("area", "what", "who", "due")}
    problem = _check_texts(lang, what=values["what"], who=values["who"])
    if problem:
        flash.leave("actions", "warning", problem)
        return
    try:
        ctx.write(mt.add_action, meeting_id, level=_level(values["area"]), kode_wilayah=values["area"],
                     what=values["what"], who=values["who"], due_date=values["due"], actor=actor)
    except ValueError as error:
        flash.leave("actions", "warning", t("action.invalid", lang, detail=str(error)))
    else:
        flash.leave("actions", "success", t("action.added", lang))


def _on_update(action_id: int, version: int, form: str, actor: str, lang: str) -> None:
    state = st.session_state
    if not _still(actor):
        return
    values = {name: state.get(f"{form}_{name}") for name in ("status", "due", "who", "note")}
    problem = _check_texts(lang, who=values["who"], note=values["note"])
    if problem:
        flash.leave("actions", "warning", problem)
        return
    try:
        ctx.write(mt.update_action, action_id, version, status=values["status"], due_date=values["due"],
                     who=values["who"], note=values["note"], actor=actor)
    except mt.ActionConflict as conflict:
        now = conflict.current
        status = t("action.status." + values["status"], lang)
        tried = " · ".join([status, i18n.fmt_date(values["due"], lang), values["who"], values["note"] or i18n.MISSING])
        if now is None:
            flash.leave("actions", "error", t("action.conflict_busy", lang, id=action_id, tried=tried))
        else:
            flash.leave("actions", "error", t("action.conflict", lang, id=action_id, who=now["updated_by"],
                                              when=pd.Timestamp(now["updated_at"]).strftime("%H:%M"),
                                              status=t("action.status." + now["status"], lang), tried=tried))
    except ValueError as error:
        flash.leave("actions", "warning", t("action.invalid", lang, detail=str(error)))
    else:
        flash.leave("actions", "success", t("action.saved", lang, id=action_id))


def actions_section(meeting: mt.Meeting, lang: str, actor: str | None) -> pd.DataFrame:
    """The meeting's agenda (overdue marked), a form to add an action, and one to update an action."""
    agenda = ctx.with_cursor(mt.actions_for, meeting.meeting_id)
    flash.show("actions")
    open_rows = agenda[agenda["status"].isin(mt.OPEN_STATUSES)]
    st.caption(t("action.summary", lang, total=i18n.fmt_int(len(agenda), lang), open=i18n.fmt_int(len(open_rows), lang),
                 overdue=i18n.fmt_int(int(agenda["is_overdue"].sum()), lang),
                 carried=i18n.fmt_int(int(agenda["is_carried"].sum()), lang)))
    if agenda.empty:
        st.info(t("action.none", lang), icon=":material/checklist:")
    else:
        st.caption(t("action.overdue_note", lang, date=i18n.fmt_date(meeting.meeting_date, lang)))
        _table(minutes.localize(agenda, minutes.ACTION_COLUMNS, lang), f"tindak_lanjut_{meeting.meeting_date}",
               "rapat_actions", highlight=agenda["is_overdue"].astype(bool))
    if actor is None:
        session.write_guard(roles.MEETING_WRITE, "rapat_signin", lang)
        return agenda
    add_column, edit_column = st.columns(2, gap="large")
    with add_column:
        _add_form(meeting, lang, actor)
    with edit_column:
        if not agenda.empty:
            _edit_form(agenda, lang, actor)
    return agenda


def _add_form(meeting: mt.Meeting, lang: str, actor: str) -> None:
    st.subheader(t("action.add", lang))
    areas = _area_options(lang)
    with st.form(KEY_ADD, clear_on_submit=True):
        st.selectbox(t("action.area", lang), list(areas), key=f"{KEY_ADD}_area", format_func=areas.get)
        st.text_area(t("mcol.what", lang), key=f"{KEY_ADD}_what", max_chars=mt.MAX_WHAT_CHARS, height=90,
                     placeholder=t("action.what_placeholder", lang))
        st.text_input(t("mcol.who", lang), key=f"{KEY_ADD}_who", max_chars=mt.MAX_WHO_CHARS,
                      placeholder=t("action.who_placeholder", lang))
        st.date_input(t("mcol.due_date", lang), value=meeting.meeting_date + timedelta(days=DUE_DAYS),
                      key=f"{KEY_ADD}_due", format="DD/MM/YYYY")
        st.form_submit_button(t("action.add_button", lang), on_click=_on_add, args=(meeting.meeting_id, actor, lang),
                              type="primary", icon=":material/add_task:")


def _edit_form(agenda: pd.DataFrame, lang: str, actor: str) -> None:
    st.subheader(t("action.edit", lang))
    rows = {int(r.action_id): r for r in agenda.itertuples()}
    label = {i: f"#{i} · {r.wilayah} · {r.what[:50]}" for i, r in rows.items()}
    picked = st.selectbox(t("action.pick", lang), list(rows), key=KEY_EDIT_PICK, format_func=label.get)
    row = rows[picked]
    # The form's key holds the version it shows: saved elsewhere -> a fresh form with the fresh values.
    form = f"rapat_edit_{picked}_v{int(row.version)}"
    with st.form(form):
        st.selectbox(t("mcol.status", lang), mt.STATUSES, index=mt.STATUSES.index(row.status), key=f"{form}_status",
                     format_func=lambda s: t(f"action.status.{s}", lang))
        st.date_input(t("mcol.due_date", lang), value=pd.Timestamp(row.due_date).date(), key=f"{form}_due",
                      format="DD/MM/YYYY")
        st.text_input(t("mcol.who", lang), value=row.who, key=f"{form}_who", max_chars=mt.MAX_WHO_CHARS)
        st.text_area(t("mcol.note", lang), value=row.note if isinstance(row.note, str) else "", key=f"{form}_note",
                     max_chars=mt.MAX_NOTE_CHARS, height=90)
        st.caption(t("action.version", lang, version=int(row.version), who=row.updated_by,
                     when=i18n.fmt_date(row.updated_at, lang)))
        st.form_submit_button(t("action.save", lang), on_click=_on_update,
                              args=(picked, int(row.version), form, actor, lang), icon=":material/save:")


# --- the map: two meetings side by side, or the change; rows that could not be placed

def map_section(s: mt.Since, lang: str) -> None:
    """The chosen earlier meeting and this one on the map, in the same fixed classes, or the change."""
    if s.before is None:
        st.info(t("compare.first", lang), icon=":material/map:")
        return
    a, b, c = st.columns(3)
    mode = a.radio(t("compare.mode", lang), ("side", "change"), key="rapat_map_mode", horizontal=True,
                   format_func=lambda m: t(f"compare.mode.{m}", lang))
    metric = b.radio(t("map.metric", lang), map_compare.CHANGE_METRICS, key="rapat_map_metric", horizontal=True,
                     format_func=lambda m: t(maps.METRIC_LABELS[m], lang))
    level = c.radio(t("map.level", lang), list(maps.LEVELS), key="rapat_map_level", horizontal=True,
                    format_func=lambda v: t(f"map.level.{v}", lang))
    table = "meeting_desa" if level == "desa" else "meeting_kecamatan"
    before = ctx.with_cursor(mt.snapshot, s.before.meeting_id)[table]
    now = ctx.with_cursor(mt.snapshot, s.now.meeting_id)[table]
    try:
        geojson, borders = boundaries.plotly_geojson(level), boundaries.plotly_geojson("kecamatan")
    except boundaries.BoundariesUnavailable:
        st.warning(t("map.unavailable", lang), icon=":material/map:")
        return
    # The figures depend on the two meetings and the options, not on who looks: built once for every session.
    key = (s.before.meeting_id, s.now.meeting_id, metric, level, lang, ctx.view_text(), str(settings.cache_dir()))
    if mode == "side":
        st.caption(t("compare.same_classes", lang))
        size = viewport.map_size(half=True)
        figures = ctx.shared("rapat.side_by_side", lambda: map_compare.side_by_side(
            before, now, geojson, metric, lang, level=level, borders_geojson=borders, view=ctx.view_text(), **size),
            *key, tuple(size.items()))
        for column, meeting, figure in zip(st.columns(2), (s.before, s.now), figures):
            with column:
                st.markdown(f"**{minutes.meeting_title(meeting, lang)}** · "
                            f"{t('meeting.figures_as_of', lang, date=i18n.fmt_date(meeting.as_of, lang))}")
                st.plotly_chart(figure, theme=None, config=CONFIG, key=f"rapat_map_{meeting.meeting_id}")
    else:
        st.caption(t("compare.change_caption", lang, before=i18n.fmt_date(s.before.as_of, lang),
                     now=i18n.fmt_date(s.now.as_of, lang)))
        size = viewport.map_size(half=False)
        figure = ctx.shared("rapat.change_map", lambda: map_compare.change_map(
            before, now, geojson, metric, lang, level=level, borders_geojson=borders, view=ctx.view_text(), **size),
            *key, tuple(size.items()))
        st.plotly_chart(figure, theme=None, config=CONFIG, key="rapat_map_change")
    no_target = int((now["sasaran_workers"] == 0).sum())
    data_quality.note(lang, no_target=no_target, level=level)


# --- minutes

def minutes_section(s: mt.Since, agenda: pd.DataFrame, lang: str) -> None:
    """Downloads of the minutes (XLSX, PDF) with the snapshot's figures, the actions and the hash."""
    st.markdown(t("minutes.intro", lang))
    st.code(s.now.snapshot_sha256, language=None)
    is_sample = bool(ctx.data_status()["is_sample"])
    stem = minutes.file_stem(s.now)
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(t("minutes.xlsx", lang), lambda: minutes.to_xlsx(s, agenda, lang, is_sample=is_sample),
                         file_name=f"{stem}.xlsx", on_click="ignore", key="rapat_minutes_xlsx",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         icon=":material/download:")
    right.download_button(t("minutes.pdf", lang), lambda: minutes.to_pdf(s, agenda, lang, is_sample=is_sample),
                          file_name=f"{stem}.pdf", mime="application/pdf", on_click="ignore", key="rapat_minutes_pdf",
                          icon=":material/picture_as_pdf:")
