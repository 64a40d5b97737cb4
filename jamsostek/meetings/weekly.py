"""Weekly planning meetings: frozen figures with a content hash, 'since the last meeting', and actions.

A meeting is a date plus a snapshot of the key tables (kpi, coverage by kecamatan and desa, gap by desa x
sector) for the whole region on its as-of date, stored in DuckDB in one transaction with the SHA-256 of a
canonical text of those rows. Later ingests change the live tables, never a meeting's figures.

Actions (tindak lanjut) carry a version number: an update names the version its editor saw and changes
nothing when someone saved in between (ActionConflict), so no edit is ever silently overwritten.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

from jamsostek import settings
from jamsostek.store import db
from jamsostek.analysis import maps
from jamsostek.access import privacy
from jamsostek.usulan import store as usulan

STATUSES = ("baru", "berjalan", "selesai", "batal")
OPEN_STATUSES = ("baru", "berjalan")
LEVELS = ("desa", "kecamatan")
MAX_WHAT_CHARS, MAX_WHO_CHARS, MAX_NOTE_CHARS, MAX_TITLE_CHARS = 500, 120, 1000, 120
HASH_FORMAT = "jamsostek-meeting-snapshot v1"  # first line of the hashed text: bump if the format changes
FLOAT_DECIMALS = 6  # floats are hashed rounded to this many decimals
SNAPSHOT_TABLES = ("meeting_kpi", "meeting_kecamatan", "meeting_desa", "meeting_gap")
CLASS_METRIC, CLASS_LEVEL = "coverage_pct", "desa"  # class moves use the map's fixed coverage classes
NO_DATA_CLASS = len(maps.class_breaks(CLASS_METRIC, CLASS_LEVEL)) - 1
_SPACES = re.compile(r"[ \t]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class MeetingExists(ValueError):
    """A meeting is already recorded on that date."""


class MeetingNotFound(KeyError):
    """No meeting with that id."""


class ActionNotFound(KeyError):
    """No action with that id."""


class ActionConflict(RuntimeError):
    """Someone else saved the action after it was opened for editing: reload, then decide again.

    `current` is the action as it is now, or None when another session is saving it at this moment.
    """

    def __init__(self, action_id: int, expected_version: int, current: pd.Series | None):
        self.action_id, self.expected_version, self.current = action_id, expected_version, current
        who = "" if current is None else f" by {current['updated_by']} (version {current['version']})"
        super().__init__(f"action {action_id} was changed{who} after version {expected_version} was opened")


@dataclass(frozen=True)
class Meeting:
    """One meeting: its date, the as-of date and hash of its frozen figures, and where they came from."""

    meeting_id: int
    meeting_date: date
    as_of: date
    title: str | None
    snapshot_sha256: str
    created_at: datetime
    created_by: str
    data_as_of: date | None
    batch_ids: str
    sasaran_version: str | None = None  # the active sasaran's name when the figures were frozen


@dataclass(frozen=True)
class Since:
    """'Since the last meeting': meeting `now` against `before` (None for the first meeting)."""

    now: Meeting
    before: Meeting | None
    headline: pd.DataFrame  # one row per measure: before, now, change
    kecamatan: pd.DataFrame  # queries/meeting_change_kecamatan.sql
    desa: pd.DataFrame  # queries/meeting_change_desa.sql + class_before, class_now, class_move
    still_zero: pd.DataFrame  # queries/meeting_still_zero.sql
    zero_by_sector: pd.DataFrame  # still_zero counted per sector
    # The usulan funnel between the two meeting dates (usulan.store.since): read live, not frozen with the
    # meeting, since candidates are dated as they move (proposed, decided, registered) and enrolment by its start.
    # None when no candidate was proposed up to this meeting's date.
    funnel: dict[str, int] | None = None

    @property
    def moved_up(self) -> pd.DataFrame:
        """Desa whose coverage moved into a higher map colour class."""
        return self.desa[self.desa["class_move"] == "up"]

    @property
    def moved_down(self) -> pd.DataFrame:
        """Desa whose coverage moved into a lower map colour class."""
        return self.desa[self.desa["class_move"] == "down"]


def ensure_meeting_tables(con: db.Connection) -> None:
    """Create the meeting tables if this store has none yet (safe to call every time)."""
    db.ensure(con, "meeting_schema")


# --- the snapshot and its hash

def snapshot_tables(con: db.Connection, as_of: date) -> dict[str, pd.DataFrame]:
    """The figures a meeting freezes, for the whole region on `as_of`, keyed by snapshot table name."""
    region = {"as_of": as_of, "kecamatan": None, "sektor": None, "program": None, "sumber": None}
    kpi = db.run_query(con, "kpi", lapsing_days=settings.LAPSING_WINDOW_DAYS, **region)
    desa = db.run_query(con, "coverage_by_desa", **region)
    flows = db.run_query(con, "meeting_enrolled_by_desa", as_of=as_of)
    desa = desa.merge(flows, on="kode_desa", how="left", validate="one_to_one")
    desa[["enrolled_workers", "lapsed_workers"]] = desa[["enrolled_workers", "lapsed_workers"]].fillna(0)
    kecamatan = db.run_query(con, "coverage_by_kecamatan", **region)
    per_kecamatan = desa.groupby("kode_kecamatan")[["enrolled_workers", "lapsed_workers"]].sum()
    kecamatan = kecamatan.join(per_kecamatan, on="kode_kecamatan")
    kecamatan[["enrolled_workers", "lapsed_workers"]] = kecamatan[["enrolled_workers", "lapsed_workers"]].fillna(0)
    gap = db.run_query(con, "gap_desa_sector", **region)
    tables = {"meeting_kpi": kpi, "meeting_kecamatan": kecamatan, "meeting_desa": desa, "meeting_gap": gap}
    # The estimate's range is not frozen (the meeting keeps the sasaran version's name instead).
    return {name: _as_stored(frame.drop(columns=["sasaran_low", "sasaran_high"], errors="ignore"))
            for name, frame in tables.items()}


def _as_stored(frame: pd.DataFrame) -> pd.DataFrame:
    # Counts as int64 (DuckDB sums and pandas fills arrive as floats), so the hash sees "5", not "5.0".
    out = frame.copy()
    for column in out.columns:
        if column.endswith(("_workers", "participants")):
            out[column] = out[column].astype("int64")
    return out.reset_index(drop=True)


def canonical_value(value: object) -> str:
    """One cell as hashed: '' for missing, numbers rounded to 6 decimals without trailing zeros, ISO dates."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        number = round(float(value), FLOAT_DECIMALS)
        if not math.isfinite(number):
            return str(number)
        text = f"{number:.{FLOAT_DECIMALS}f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    # Tabs and newlines separate cells and rows: escape them so no text can forge another row.
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def canonical_text(as_of: date, tables: dict[str, pd.DataFrame]) -> str:
    """The text a snapshot hash is taken of: as-of date, then each table with sorted columns and rows."""
    parts = [HASH_FORMAT, f"as_of={as_of.isoformat()}"]
    for name in sorted(tables):
        frame = tables[name]
        columns = sorted(c for c in frame.columns if c != "meeting_id")
        rows = sorted("\t".join(canonical_value(v) for v in row)
                      for row in frame[columns].itertuples(index=False, name=None))
        parts += [f"[{name}] {len(rows)}", "\t".join(columns), *rows]
    return "\n".join(parts) + "\n"


def snapshot_hash(as_of: date, tables: dict[str, pd.DataFrame]) -> str:
    """SHA-256 (hex) of the snapshot's canonical text: the same figures give the same hash."""
    return hashlib.sha256(canonical_text(as_of, tables).encode("utf-8")).hexdigest()


# --- meetings

def create_meeting(con: db.Connection, meeting_date: date, *, as_of: date | None = None, title: str | None = None,
                   created_by: str = "-", now: datetime | None = None) -> int:
    """Record a meeting and freeze its figures (as of `as_of`, default the latest data) in one transaction."""
    ensure_meeting_tables(con)
    title = privacy.scrub(con, clean_text(title, MAX_TITLE_CHARS, "title", required=False))
    created_by = privacy.scrub(con, created_by)
    with db.transaction(con):
        # Read and written in one transaction: the figures, data version and batches belong together.
        if db.fetch_value(con, "meeting_find_date", meeting_date=meeting_date) is not None:
            raise MeetingExists(meeting_date.isoformat())
        status = db.run_query(con, "data_status").iloc[0]
        data_as_of = None if pd.isna(status["data_as_of"]) else pd.Timestamp(status["data_as_of"]).date()
        as_of = as_of or data_as_of or meeting_date
        tables = snapshot_tables(con, as_of)
        for name, frame in tables.items():
            db.stage(con, f"staged_{name}", frame)
        batches = db.run_query(con, "batches")
        active = batches.loc[batches["withdrawn_at"].isna(), "batch_id"]
        meeting_id = db.next_id(con, "meeting_seq")
        db.execute(con, "meeting_insert", meeting_id=meeting_id, meeting_date=meeting_date, as_of=as_of,
                   title=title, snapshot_sha256=snapshot_hash(as_of, tables),
                   created_at=now or datetime.now().replace(microsecond=0), created_by=created_by or "-",
                   data_version=db.data_version(con), data_as_of=data_as_of,
                   batch_ids=",".join(str(int(b)) for b in sorted(active)))
        privacy.record_audit(con, created_by or "-", privacy.MEETING_CREATE,
                             f"rapat {meeting_id}: {meeting_date.isoformat()}, angka per {as_of.isoformat()}")
    return meeting_id


def list_meetings(con: db.Connection) -> pd.DataFrame:
    """Recorded meetings, newest meeting date first (queries/meetings.sql)."""
    ensure_meeting_tables(con)
    return db.run_query(con, "meetings")


def get_meeting(con: db.Connection, meeting_id: int) -> Meeting:
    """One meeting by id; MeetingNotFound if there is none."""
    found = list_meetings(con)
    row = found[found["meeting_id"] == int(meeting_id)]
    if row.empty:
        raise MeetingNotFound(meeting_id)
    return _meeting(row.iloc[0])


def previous_meeting(con: db.Connection, meeting_id: int) -> Meeting | None:
    """The meeting held last before this one (by meeting date), or None for the first."""
    found = list_meetings(con)
    this = get_meeting(con, meeting_id)
    earlier = found[found["meeting_date"].map(_day) < this.meeting_date]
    return _meeting(earlier.iloc[0]) if len(earlier) else None


def snapshot(con: db.Connection, meeting_id: int) -> dict[str, pd.DataFrame]:
    """A meeting's frozen tables as stored, keyed like snapshot_tables()."""
    ensure_meeting_tables(con)
    return {name: _as_stored(db.run_query(con, name, meeting_id=int(meeting_id))) for name in SNAPSHOT_TABLES}


def verify(con: db.Connection, meeting_id: int) -> bool:
    """True when the stored figures still hash to the meeting's recorded hash."""
    meeting = get_meeting(con, meeting_id)
    return snapshot_hash(meeting.as_of, snapshot(con, meeting_id)) == meeting.snapshot_sha256


def since_last(con: db.Connection, meeting_id: int, previous_id: int | None = None) -> Since:
    """Meeting `meeting_id` against the previous meeting (or `previous_id`): headline, areas, classes, zeros,
    and the usulan funnel between their dates."""
    now = get_meeting(con, meeting_id)
    before = get_meeting(con, previous_id) if previous_id is not None else previous_meeting(con, meeting_id)
    ids = {"meeting_id": now.meeting_id, "previous_id": before.meeting_id if before else None}
    kpi_now = db.run_query(con, "meeting_kpi", meeting_id=now.meeting_id).iloc[0]
    kpi_before = db.run_query(con, "meeting_kpi", meeting_id=before.meeting_id).iloc[0] if before else None
    desa = with_class_moves(db.run_query(con, "meeting_change_desa", **ids))
    zero = db.run_query(con, "meeting_still_zero", **ids)
    funnel = usulan.since(con, before.meeting_date if before else None, now.meeting_date)
    ever = funnel if before is None else usulan.since(con, None, now.meeting_date)
    funnel = funnel if ever["proposed_workers"] else None  # no list yet: no section, rather than zeros
    return Since(now, before, headline(kpi_now, kpi_before), db.run_query(con, "meeting_change_kecamatan", **ids),
                 desa, zero, zero_by_sector(zero), funnel)


HEADLINE = ("participants", "lapsed_workers", "protected_workers", "coverage_pct", "gap_workers")


def headline(now: pd.Series, before: pd.Series | None) -> pd.DataFrame:
    """One row per headline measure (participants, lapsed, protected, coverage, gap): before, now, change."""
    rows = []
    for measure in HEADLINE:
        whole = measure != "coverage_pct"  # a row of mixed columns arrives as floats: counts back to int
        value_now = _number(now[measure], whole)
        value_before = _number(before[measure], whole) if before is not None else None
        change = None if value_now is None or value_before is None else value_now - value_before
        rows.append({"measure": measure, "before": value_before, "now": value_now, "change": change})
    return pd.DataFrame(rows)


def with_class_moves(change: pd.DataFrame) -> pd.DataFrame:
    """Add the map's fixed coverage class before and now to meeting_change_desa rows, and up/down/same/no_data."""
    out = change.copy()
    before = out["coverage_pct_before"].astype("float64").where(out["sasaran_before"] > 0)
    now = out["coverage_pct_now"].astype("float64").where(out["sasaran_now"] > 0)
    out["class_before"] = maps.classify(before, CLASS_METRIC, CLASS_LEVEL).to_numpy()
    out["class_now"] = maps.classify(now, CLASS_METRIC, CLASS_LEVEL).to_numpy()
    out["class_move"] = [class_move(b, n) for b, n in zip(out["class_before"], out["class_now"])]
    return out


def class_move(before: int, now: int) -> str:
    """'up', 'down' or 'same' between two class indexes; 'no_data' when either is the no-data class."""
    if NO_DATA_CLASS in (before, now):
        return "no_data"
    return "up" if now > before else "down" if now < before else "same"


def zero_by_sector(still_zero: pd.DataFrame) -> pd.DataFrame:
    """Still-at-zero cells counted per sector: desa count and their sasaran, largest sasaran first."""
    grouped = still_zero.groupby("sektor").agg(desa_count=("kode_desa", "nunique"),
                                               sasaran_workers=("sasaran_workers", "sum")).reset_index()
    grouped[["desa_count", "sasaran_workers"]] = grouped[["desa_count", "sasaran_workers"]].astype("int64")
    return grouped.sort_values(["sasaran_workers", "sektor"], ascending=[False, True], ignore_index=True)


# --- actions (tindak lanjut)

def clean_text(value: object, limit: int, field: str, required: bool = True) -> str | None:
    """Trimmed single-spaced text; ValueError if empty (when required), too long, or holding a NIK."""
    text = "" if value is None else str(value)
    if _CONTROL.search(text):
        raise ValueError(f"{field} cannot hold control characters")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.strip().splitlines()).strip()
    if not text:
        if required:
            raise ValueError(f"{field} is required")
        return None
    if len(text) > limit:
        raise ValueError(f"{field} has at most {limit} characters")
    # Minutes are shared widely: personal data (UU 27/2022) does not belong in them.
    if privacy.contains_personal_data(text):
        raise ValueError(f"{field} looks like it holds a NIK: write about the desa, not about a person")
    return text


def _check_status(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, got {status!r}")
    return status


def add_action(con: db.Connection, meeting_id: int, *, level: str, kode_wilayah: str, what: str, who: str,
               due_date: date, status: str = "baru", note: str | None = None, actor: str = "-",
               now: datetime | None = None) -> int:
    """Record an action agreed at a meeting for a desa or kecamatan; its new id (version 1)."""
    ensure_meeting_tables(con)
    get_meeting(con, meeting_id)
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    wilayah = area_name(con, level, kode_wilayah)
    fields = _scrubbed(con, what=clean_text(what, MAX_WHAT_CHARS, "what"), who=clean_text(who, MAX_WHO_CHARS, "who"),
                       note=clean_text(note, MAX_NOTE_CHARS, "note", required=False), actor=actor or "-")
    with db.transaction(con):
        action_id = db.next_id(con, "meeting_action_seq")
        db.execute(con, "meeting_action_insert", action_id=action_id, meeting_id=int(meeting_id), level=level,
                   kode_wilayah=kode_wilayah, wilayah=wilayah, due_date=due_date, status=_check_status(status),
                   now=now or datetime.now().replace(microsecond=0), **fields)
        privacy.record_audit(con, fields["actor"], privacy.ACTION_ADD, f"tindak lanjut {action_id}, rapat {meeting_id}")
    return action_id


def _scrubbed(con: db.Connection, **texts: str | None) -> dict[str, str | None]:
    # Minutes are shared widely: a participant's name typed in is masked before it is stored.
    return {field: privacy.scrub(con, text) for field, text in texts.items()}


def area_name(con: db.Connection, level: str, code: str) -> str:
    """Name of a desa or kecamatan of the region; ValueError for an unknown code."""
    areas = areas_of(con, level)
    if code not in areas:
        raise ValueError(f"unknown {level} code {code!r}")
    return areas[code]


def areas_of(con: db.Connection, level: str) -> dict[str, str]:
    """Code -> name of the region's desa or kecamatan (from the snapshot-independent wilayah table)."""
    frame = db.run_query(con, "meeting_areas")
    frame = frame[frame["level"] == level]
    return dict(zip(frame["kode_wilayah"], frame["wilayah"]))


def update_action(con: db.Connection, action_id: int, version: int, *, status: str, due_date: date, who: str,
                  note: str | None = None, actor: str = "-", now: datetime | None = None) -> int:
    """Save new status, due date, person and note if the action is still at `version`; the new version.

    ActionConflict when someone saved after `version` (or is saving right now); ActionNotFound if no such action.
    """
    ensure_meeting_tables(con)
    fields = {"status": _check_status(status), "due_date": due_date,
              **_scrubbed(con, who=clean_text(who, MAX_WHO_CHARS, "who"),
                          note=clean_text(note, MAX_NOTE_CHARS, "note", required=False), actor=actor or "-")}
    try:
        with db.transaction(con):
            saved = db.fetch_value(con, "meeting_action_update", action_id=int(action_id), version=int(version),
                                   now=now or datetime.now().replace(microsecond=0), **fields)
            if saved is None:
                raise ActionConflict(int(action_id), int(version), None)
            db.execute(con, "meeting_action_log_insert", action_id=int(action_id))
            privacy.record_audit(con, fields["actor"], privacy.ACTION_UPDATE,
                                 f"tindak lanjut {int(action_id)} versi {int(saved)}: {fields['status']}")
    except ActionConflict:
        current = get_action(con, action_id)  # raises ActionNotFound when there is no such action
        raise ActionConflict(int(action_id), int(version), current) from None
    except db.Error as error:
        # Another session is saving the same action in an open transaction: DuckDB refuses the second write.
        if "conflict" not in str(error).lower():
            raise
        get_action(con, action_id)  # ActionNotFound rather than a conflict when there is no such action
        raise ActionConflict(int(action_id), int(version), None) from error
    return int(saved)


def get_action(con: db.Connection, action_id: int) -> pd.Series:
    """An action's current row (queries/meeting_action.sql); ActionNotFound if there is none."""
    ensure_meeting_tables(con)
    found = db.run_query(con, "meeting_action", action_id=int(action_id))
    if found.empty:
        raise ActionNotFound(action_id)
    return found.iloc[0]


def actions_for(con: db.Connection, meeting_id: int) -> pd.DataFrame:
    """A meeting's agenda of actions: its own, open ones carried over, and ones closed since the last meeting."""
    ensure_meeting_tables(con)
    return db.run_query(con, "meeting_actions", meeting_id=int(meeting_id))


def action_log(con: db.Connection, action_id: int) -> pd.DataFrame:
    """Every saved state of an action, oldest first."""
    ensure_meeting_tables(con)
    return db.run_query(con, "meeting_action_log", action_id=int(action_id))


def unlocated_by_batch(con: db.Connection) -> pd.DataFrame:
    """Rows of loaded batches that could not be placed on the map (unknown desa, bad NIK), per batch."""
    return db.run_query(con, "unlocated_by_batch")


# --- helpers

def _day(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _number(value: object, whole: bool) -> float | int | None:
    if value is None or pd.isna(value):
        return None
    return int(value) if whole else float(value)


def _meeting(row: pd.Series) -> Meeting:
    title = row["title"] if isinstance(row["title"], str) else None
    return Meeting(int(row["meeting_id"]), _day(row["meeting_date"]), _day(row["as_of"]), title,
                   row["snapshot_sha256"], pd.Timestamp(row["created_at"]).to_pydatetime(), row["created_by"],
                   _day(row["data_as_of"]), row["batch_ids"],
                   row["sasaran_version"] if isinstance(row.get("sasaran_version"), str) else None)
