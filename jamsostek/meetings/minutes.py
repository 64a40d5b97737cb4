"""A meeting's minutes (notulen): localized tables of its frozen figures and actions, as XLSX and PDF.

Both carry the meeting date, the as-of date of the figures, the batches they came from and the snapshot's
SHA-256, so a printed copy can be checked against the store (meetings.verify).
"""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd

from jamsostek import i18n
from jamsostek.reports import downloads as export
from jamsostek.analysis import funnel, maps, metrics
from jamsostek.i18n import fmt_date, fmt_int, fmt_pct
from jamsostek.i18n import t
from jamsostek.meetings.weekly import CLASS_LEVEL, CLASS_METRIC, Meeting, Since

# Column -> label key for every table of the page and the minutes.
COLUMN_LABELS: dict[str, str] = {
    "kecamatan": "col.kecamatan", "desa": "col.desa", "sektor": "col.sector", "wilayah": "mcol.wilayah",
    "sasaran_workers": "col.sasaran", "sasaran_now": "col.sasaran", "gap_now": "col.gap",
    "protected_before": "mcol.protected_before", "protected_now": "mcol.protected_now",
    "protected_change": "mcol.protected_change", "coverage_pct_before": "mcol.coverage_pct_before",
    "coverage_pct_now": "mcol.coverage_pct_now", "coverage_change_pts": "mcol.coverage_change_pts",
    "new_enrolments": "mcol.new_enrolments", "newly_lapsed": "mcol.newly_lapsed",
    "class_before": "mcol.class_before", "class_now": "mcol.class_now", "class_move": "mcol.class_move",
    "desa_count": "mcol.desa_count", "measure": "mcol.measure", "before": "mcol.before", "now": "mcol.now",
    "change": "mcol.change", "what": "mcol.what", "who": "mcol.who", "due_date": "mcol.due_date",
    "status": "mcol.status", "note": "mcol.note", "agreed_on": "mcol.agreed_on", "is_carried": "mcol.is_carried",
    "is_overdue": "mcol.is_overdue", "action_id": "mcol.action_id", "updated_by": "mcol.updated_by",
    "item": "mcol.item", "value": "mcol.value", "batch_id": "mcol.batch", "file_name": "mcol.file",
    "rows_total": "mcol.rows_total", "unlocated_rows": "mcol.unlocated_rows", "bad_nik_rows": "mcol.bad_nik_rows",
    "unplaced_rows": "mcol.unplaced_rows",
}
KECAMATAN_COLUMNS = ["kecamatan", "protected_before", "protected_now", "protected_change", "coverage_pct_before",
                     "coverage_pct_now", "coverage_change_pts", "new_enrolments", "newly_lapsed"]
# The first meeting has nothing before it: its areas are shown as they stand.
FIRST_KECAMATAN_COLUMNS = ["kecamatan", "sasaran_now", "protected_now", "coverage_pct_now", "gap_now"]
DESA_COLUMNS = ["desa", "kecamatan", *KECAMATAN_COLUMNS[1:], "class_before", "class_now", "class_move"]
MOVE_COLUMNS = ["desa", "kecamatan", "coverage_pct_before", "coverage_pct_now", "class_before", "class_now",
                "class_move"]
ZERO_COLUMNS = ["desa", "kecamatan", "sektor", "sasaran_workers"]
ZERO_SECTOR_COLUMNS = ["sektor", "desa_count", "sasaran_workers"]
ACTION_COLUMNS = ["action_id", "wilayah", "what", "who", "due_date", "status", "note", "agreed_on", "is_carried",
                  "is_overdue"]
QUALITY_COLUMNS = ["batch_id", "file_name", "rows_total", "unlocated_rows", "bad_nik_rows", "unplaced_rows"]
HEADLINE_LABELS = {"participants": "mcol.participants", "lapsed_workers": "mcol.lapsed",
                   "protected_workers": "metric.protected", "coverage_pct": "col.coverage_pct",
                   "gap_workers": "col.gap"}


def class_label(index: int, lang: str = "id") -> str:
    """Legend text of a coverage class index of the map (maps.class_breaks)."""
    return maps.class_breaks(CLASS_METRIC, CLASS_LEVEL)[int(index)].label(lang)


def localize(df: pd.DataFrame, columns: list[str], lang: str = "id") -> pd.DataFrame:
    """The given columns in order, headers in `lang`, codes (sector, class, status, yes/no) as words."""
    words = {
        "class_before": lambda v: class_label(v, lang), "class_now": lambda v: class_label(v, lang),
        "class_move": lambda v: t(f"meeting.move.{v}", lang), "status": lambda v: t(f"action.status.{v}", lang),
        "is_carried": lambda v: t("meeting.yes" if v else "meeting.no", lang),
        "is_overdue": lambda v: t("meeting.yes" if v else "meeting.no", lang),
        "measure": lambda v: t(HEADLINE_LABELS[v], lang),
    }
    return metrics.localize(df, columns, lang, labels=COLUMN_LABELS, words=words)


def localize_quality(per_batch: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """queries/unlocated_by_batch.sql rows with headers in `lang`."""
    return localize(per_batch, QUALITY_COLUMNS, lang)


def kecamatan_columns(since: Since) -> list[str]:
    """Columns of the kecamatan table: changes, or the standing figures for a first meeting."""
    return KECAMATAN_COLUMNS if since.before is not None else FIRST_KECAMATAN_COLUMNS


def desa_columns(since: Since) -> list[str]:
    """Columns of the all-desa table: changes and classes, or the standing figures for a first meeting."""
    return DESA_COLUMNS if since.before is not None else ["desa", *FIRST_KECAMATAN_COLUMNS]


def meeting_title(meeting: Meeting, lang: str = "id") -> str:
    """'Rapat 3 Februari 2026' plus the title when one was given."""
    base = t("meeting.name", lang, date=fmt_date(meeting.meeting_date, lang))
    return f"{base} · {meeting.title}" if meeting.title else base


def facts(since: Since, lang: str = "id") -> pd.DataFrame:
    """The meeting's record as rows of (item, value): dates, batches, comparison and the full hash."""
    m, before = since.now, since.before
    rows = [
        ("meeting.fact.date", fmt_date(m.meeting_date, lang)),
        ("meeting.fact.as_of", fmt_date(m.as_of, lang)),
        ("meeting.fact.data_as_of", fmt_date(m.data_as_of, lang)),
        ("meeting.fact.batches", m.batch_ids or i18n.MISSING),
        ("meeting.fact.compared", meeting_title(before, lang) if before else t("meeting.first", lang)),
        ("meeting.fact.created", f"{fmt_date(m.created_at, lang)} {m.created_at:%H:%M} · {m.created_by}"),
        ("meeting.fact.scope", t("meeting.scope", lang)),
        ("meeting.fact.hash", m.snapshot_sha256),
    ]
    return pd.DataFrame({t("mcol.item", lang): [t(k, lang) for k, _ in rows], t("mcol.value", lang): [v for _, v in rows]})


def funnel_note(since: Since, lang: str) -> tuple[str, str]:
    """(heading, note) of the usulan funnel between the meeting dates: counted live, not frozen (the note says)."""
    now = fmt_date(since.now.meeting_date, lang)
    if since.before is None:
        return t("funnel.rapat.heading_first", lang), t("funnel.rapat.note_first", lang, now=now)
    return t("funnel.rapat.heading", lang), t("funnel.rapat.note", lang, before=fmt_date(since.before.meeting_date, lang),
                                              now=now)


def funnel_table(since: Since, lang: str) -> pd.DataFrame:
    """The usulan funnel between the meeting dates as a table: stage, candidates."""
    found = funnel.counts(since.funnel)
    return pd.DataFrame({t("mcol.item", lang): [t(f"funnel.stage.{s}", lang) for s in funnel.STAGES],
                         t("mcol.value", lang): [found[s] for s in funnel.STAGES]})


def minutes_tables(since: Since, actions: pd.DataFrame, lang: str = "id") -> dict[str, pd.DataFrame]:
    """Sheet name -> localized table, in the order the minutes present them."""
    moved = since.desa[since.desa["class_move"].isin(["up", "down"])]
    usulan = {} if since.funnel is None else {t("funnel.panel.heading", lang): funnel_table(since, lang)}
    return {
        t("minutes.sheet.meeting", lang): facts(since, lang),
        t("minutes.sheet.headline", lang): localize(since.headline, ["measure", "before", "now", "change"], lang),
        **usulan,
        t("minutes.sheet.actions", lang): localize(actions, ACTION_COLUMNS, lang),
        t("minutes.sheet.kecamatan", lang): localize(since.kecamatan, kecamatan_columns(since), lang),
        t("minutes.sheet.moves", lang): localize(moved, MOVE_COLUMNS, lang),
        t("minutes.sheet.zero", lang): localize(since.still_zero, ZERO_COLUMNS, lang),
        t("minutes.sheet.desa", lang): localize(since.desa, desa_columns(since), lang),
    }


def file_stem(meeting: Meeting) -> str:
    """Base name of the minutes' files, e.g. notulen_rapat_2026-02-03."""
    return f"notulen_rapat_{meeting.meeting_date.isoformat()}"


def to_xlsx(since: Since, actions: pd.DataFrame, lang: str = "id", *, is_sample: bool = False) -> bytes:
    """The minutes as a workbook: one sheet per table, each headed by the meeting, as-of date and hash."""
    m = since.now
    note = t("minutes.note", lang, date=fmt_date(m.as_of, lang), sha=m.snapshot_sha256)
    if is_sample:
        note = f"{i18n.t('notice.sample_short', lang)} · {note}"
    return export.to_xlsx_bytes(minutes_tables(since, actions, lang), title=meeting_title(m, lang), note=note,
                                generated_at=datetime.combine(m.meeting_date, time(0)))


def to_pdf(since: Since, actions: pd.DataFrame, lang: str = "id", *, is_sample: bool = False,
           printed_on: date | None = None) -> bytes:
    """The minutes as an A4 PDF: record and hash, headline, actions (overdue marked), areas, zeros."""
    from jamsostek.reports.pdfbase import DocPDF  # fpdf2 and fonts only when a PDF is asked for

    m = since.now
    pdf = DocPDF(lang, m.as_of, is_sample, header_text=f"{meeting_title(m, lang)} · {t('minutes.header', lang)}",
                 title=meeting_title(m, lang))
    pdf.show_header_on_first_page = True
    pdf.add_page()
    pdf.h1(f"{t('minutes.title', lang)}: {meeting_title(m, lang)}")
    _facts(pdf, since, lang)
    pdf.h2(t("minutes.sheet.headline", lang))
    pdf.kpi_row(headline_boxes(since, lang))
    if since.funnel is not None:
        heading, note = funnel_note(since, lang)
        pdf.h2(heading)
        pdf.para(funnel.line(funnel.counts(since.funnel), lang))
        pdf.note(note)
    _actions(pdf, actions, lang, printed_on or date.today())
    first = since.before is None
    _table(pdf, t("minutes.sheet.kecamatan", lang), localize(since.kecamatan, kecamatan_columns(since), lang),
           (40, 35, 35, 35, 35) if first else (26, 18, 18, 18, 20, 20, 20, 20, 20))
    moved = since.desa[since.desa["class_move"].isin(["up", "down"])]
    _table(pdf, t("minutes.sheet.moves", lang), localize(moved, MOVE_COLUMNS, lang), (30, 26, 22, 22, 28, 28, 24),
           empty=t("minutes.no_moves", lang), fill=set(moved.reset_index(drop=True).index[
               moved.reset_index(drop=True)["class_move"] == "down"]))
    _table(pdf, t("minutes.sheet.zero_sector", lang), localize(since.zero_by_sector, ZERO_SECTOR_COLUMNS, lang),
           (60, 40, 40), empty=t("minutes.no_zero", lang))
    return bytes(pdf.output())


def headline_boxes(since: Since, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, sub-line) of the headline measures: now, and the change since the last meeting."""
    rows = since.headline.set_index("measure")
    boxes = []
    for measure in ("participants", "lapsed_workers", "protected_workers", "coverage_pct"):
        now, change = rows.loc[measure, "now"], rows.loc[measure, "change"]
        pct = measure == "coverage_pct"
        value = fmt_pct(now, lang) if pct else fmt_int(now, lang)
        sub = t("meeting.first_short", lang) if change is None or pd.isna(change) else t(
            "meeting.since_points" if pct else "meeting.since_count", lang, delta=i18n.fmt_signed(change, lang, 1 if pct else 0))
        boxes.append((t(HEADLINE_LABELS[measure], lang), value, sub))
    return boxes


def _facts(pdf, since: Since, lang: str) -> None:
    table = facts(since, lang)
    rows = [[str(a), str(b)] for a, b in table.itertuples(index=False, name=None)]
    pdf.data_table(list(table.columns), rows, (50, 130), ("LEFT", "LEFT"), size=8.5)
    pdf.note(t("minutes.hash_note", lang))


def _actions(pdf, actions: pd.DataFrame, lang: str, printed_on: date) -> None:
    pdf.h2(t("minutes.sheet.actions", lang))
    pdf.note(t("minutes.actions_note", lang, date=fmt_date(printed_on, lang)))
    shown = localize(actions, ["wilayah", "what", "who", "due_date", "status", "is_carried"], lang)
    overdue = set(actions.reset_index(drop=True).index[actions.reset_index(drop=True)["is_overdue"].astype(bool)])
    _table(pdf, None, shown, (32, 56, 26, 22, 20, 24), empty=t("minutes.no_actions", lang), fill=overdue)


def _table(pdf, title: str | None, shown: pd.DataFrame, widths, *, empty: str | None = None,
           fill: set[int] = frozenset()) -> None:
    if title:
        pdf.h2(title)
    if shown.empty:
        pdf.note(empty or i18n.MISSING)
        return
    rows = [[_cell(v, str(c), pdf.doc_lang) for c, v in zip(shown.columns, values)]
            for values in shown.itertuples(index=False, name=None)]
    align = ["RIGHT" if pd.api.types.is_numeric_dtype(shown[c]) else "LEFT" for c in shown.columns]
    pdf.data_table(list(shown.columns), rows, widths, align, fill_rows=fill, size=7.5)


def _cell(value: object, column: str, lang: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return i18n.MISSING
    if isinstance(value, (date, pd.Timestamp)):
        return i18n.fmt_date(value, lang)
    if isinstance(value, str):
        return value
    if "%" in column:
        return fmt_pct(value, lang)
    if isinstance(value, float) and not float(value).is_integer():
        return i18n.fmt_signed(value, lang, 1) if column == t("mcol.coverage_change_pts", lang) else i18n.fmt_num(value, lang)
    return fmt_int(value, lang)
