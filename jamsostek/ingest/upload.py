"""A data admin's upload: read -> check -> preview -> commit or cancel, each commit audited.

`UploadFlow` is the small state machine a page keeps in its session: a file received becomes a
draft (RawExtract + Validated + file-level notices) that can be re-mapped, committed once as one
transaction, or cancelled. Nothing here writes to the store before `commit`.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import openpyxl
import pandas as pd

from jamsostek import settings
from jamsostek.store import db
from jamsostek.ingest import dates
from jamsostek.ingest import load
from jamsostek.access import privacy
from jamsostek.ingest import readers
from jamsostek.geo import wilayah
from jamsostek.ingest.load import IngestResult
from jamsostek.ingest.validate import Validated, Validator
from jamsostek.i18n import fmt_date, fmt_int, t

IDLE, PREVIEW, COMMITTED, CANCELLED, FAILED = "idle", "preview", "committed", "cancelled", "failed"
PREVIEW_ROWS = 20
OTHER_REGION_MIN_SHARE = 0.5  # at least half the rows name a desa of one other regency
IGNORE = ""  # header_override value meaning "do not use this column"
PERSONAL_FIELDS = ("nik", "nama", "no_kpj", "tgl_lahir")

def message(code: str, lang: str = "id", **values: object) -> str:
    """Text of the notice `code` (catalogue key ingest.notice.<code>) in the chosen language."""
    return t(f"ingest.notice.{code}", lang, **{k: _shown(v, lang) for k, v in values.items()})


def _shown(value: object, lang: str) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return fmt_int(value, lang)
    return fmt_date(value, lang) if isinstance(value, date) else value


@dataclass(frozen=True)
class Notice:
    """A file-level finding; blocking ones stop the commit."""

    code: str
    blocking: bool
    message_id: str
    message_en: str

    def text(self, lang: str = "id") -> str:
        """The message in the chosen language."""
        return self.message_id if lang == "id" else self.message_en


def notice(code: str, blocking: bool, **values: object) -> Notice:
    """A Notice with both texts of MESSAGES[code] filled in."""
    return Notice(code, blocking, message(code, "id", **values), message(code, "en", **values))


class UploadRefused(Exception):
    """A commit or withdrawal that was not allowed; carries the notice to show."""

    def __init__(self, notice: Notice):
        super().__init__(notice.message_id)
        self.notice = notice


@dataclass
class Draft:
    """A read and checked file, not yet in the store, with the options it was checked with."""

    data: bytes
    raw: readers.RawExtract
    checked: Validated
    notices: list[Notice]
    override: dict[str, str] = field(default_factory=dict)
    as_of: date | None = None  # the date its data is as of (load.as_of_date)
    date_order: str = dates.DMY
    date_order_settled: bool = True  # False: no date in the file tells day from month
    not_overridden: int = 0  # its NIKs whose record comes from a batch as of a later date

    @property
    def can_commit(self) -> bool:
        """True when no blocking notice stands in the way."""
        return not any(n.blocking for n in self.notices)


def prepare(con: db.Connection, data: bytes, file_name: str, override: dict[str, str] | None = None,
            limits: readers.Limits = readers.Limits(), region: str | None = None, as_of: date | None = None,
            date_order: str | None = None) -> Draft:
    """Read and check an uploaded file without writing anything; raises readers.ExtractError."""
    raw = readers.read_extract(data, file_name, limits, header_override=override or None)
    validator = Validator(region, date_order)
    checked = validator.validate(raw.fields())
    draft = Draft(data, raw, checked, [], dict(override or {}), load.as_of_date(raw.file_name, checked.accepted, as_of),
                  validator.date_order, validator.date_order_settled)
    draft.not_overridden = load.not_overridden(con, checked.accepted["nik"], draft.as_of)
    draft.notices = [n for n in (duplicate_notice(con, raw.sha256), region_notice(raw, region)) if n]
    # When the file as a whole is wrong, row counts would only distract.
    if not draft.notices and checked.accepted.empty:
        draft.notices.append(notice("nothing_accepted", True))
    elif not draft.notices:
        draft.notices += _row_notices(draft)
    return draft


def _row_notices(draft: Draft) -> list[Notice]:
    checked, found = draft.checked, []
    if checked.rows_rejected or checked.rows_blank or checked.rows_duplicate:
        found.append(notice("some_rejected", False, rejected=checked.rows_rejected, total=checked.rows_total,
                            accepted=len(checked.accepted), blank=checked.rows_blank,
                            duplicate=checked.rows_duplicate))
    if not draft.date_order_settled:
        found.append(notice("date_order_unsettled", False))
    if draft.not_overridden:
        found.append(notice("older_extract", False, rows=draft.not_overridden,
                            as_of=draft.as_of))
    return found


def duplicate_notice(con: db.Connection, sha256: str) -> Notice | None:
    """Blocking notice when a loaded (not withdrawn) batch has the same SHA-256."""
    batch_id = db.fetch_value(con, "batch_find", sha256=sha256)
    if batch_id is None:
        return None
    batches = db.run_query(con, "batches")
    row = batches[batches["batch_id"] == batch_id].iloc[0]
    when = pd.Timestamp(row["loaded_at"]).strftime("%d-%m-%Y %H:%M")
    return notice("duplicate", True, batch=int(batch_id), file=row["file_name"], when=when, who=row["loaded_by"])


@cache
def _places(province: str) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Normalised desa name -> regency codes holding it, and regency code -> name, for a province."""
    frame = wilayah.load_wilayah(province)
    index: dict[str, set[str]] = {}
    for name, kab in zip(frame["desa"], frame["kode_kabupaten"]):
        index.setdefault(wilayah.normalise(name), set()).add(kab)
    names = dict(zip(frame["kode_kabupaten"], frame["kabupaten"]))
    return {k: frozenset(v) for k, v in index.items()}, names


def region_notice(raw: readers.RawExtract, region: str | None = None) -> Notice | None:
    """Blocking notice when most rows name desa of one other regency of the province, not of ours."""
    region = region or settings.region()
    column = next((h for h, f in raw.header_map.items() if f == "desa"), None)
    if column is None or "." not in region:  # a province-wide dashboard has no "other regency"
        return None
    index, regency_names = _places(region.split(".")[0])
    matcher = wilayah.DesaMatcher(region)
    counts = raw.rows[column].fillna("").astype(str).str.strip().value_counts()
    total = inside = 0
    elsewhere: Counter[str] = Counter()
    for text, n in counts.items():
        if not text:
            continue
        total += n
        if matcher.match(text).reason != "desa_unknown":
            inside += n
        elif len(others := index.get(wilayah.normalise(text), frozenset()) - {region}) == 1:
            elsewhere[next(iter(others))] += n
    if not elsewhere:
        return None
    regency, rows = elsewhere.most_common(1)[0]
    if rows < OTHER_REGION_MIN_SHARE * total or rows <= inside:
        return None
    own = next(iter(wilayah.load_wilayah(region)["kabupaten"]), region)
    return notice("other_region", True, rows=rows, total=total, regency=regency_names[regency], region=own)


def source_headers(data: bytes, file_name: str, limits: readers.Limits = readers.Limits()) -> list[str]:
    """Header cells of a file whose columns could not be recognised, for mapping them by hand.

    The header is taken as the fullest of the first rows; [] when the file cannot be read at all.
    """
    try:
        rows = _first_rows(data, file_name, limits)
    except Exception:  # untrusted bytes: any failure means there is nothing to offer
        return []
    best = max(rows, key=lambda r: sum(1 for c in r if c), default=[])
    while best and not best[-1]:
        best = best[:-1]
    return [c or f"KOLOM {i}" for i, c in enumerate(best[: limits.max_columns], start=1)]


def _first_rows(data: bytes, file_name: str, limits: readers.Limits) -> list[list[str]]:
    n = readers.HEADER_SEARCH_ROWS
    if len(data) > limits.max_bytes:
        return []
    if Path(readers.sanitise_file_name(file_name)).suffix.lower() in readers.XLSX_EXTENSIONS:
        readers.check_zip(data, limits)  # the same zip-bomb guard as a full read
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        try:
            if len(book.sheetnames) > limits.max_sheets:
                return []
            rows = book.worksheets[0].iter_rows(values_only=True, max_row=n, max_col=limits.max_columns)
            return [[readers.cell_text(v) for v in row] for row in rows]
        finally:
            book.close()
    text, _ = readers.decode(data)
    lines = readers.head_lines(text)
    sep = readers.guess_separator(lines)
    return [[c.strip() for c in row] for row in itertools.islice(csv.reader(lines, delimiter=sep), n)]


def mask_number(text: str) -> str:
    """An identity number with all but its last 4 digits masked: '************1234'."""
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) > 4:
        return "*" * (len(text) - 4) + text[-4:]
    return "*" * min(len(text), privacy.NIK_DIGITS)


def mask_cell(field_name: str | None, value: object) -> str:
    """A cell as a preview shows it: personal fields masked, NIK-shaped numbers masked everywhere."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    if field_name in ("nik", "no_kpj"):
        return mask_number(text)
    if field_name == "nama":
        return privacy.mask_name(text)
    if field_name == "tgl_lahir":
        return "**-**-" + text[-4:] if len(text) >= 4 and text[-4:].isdigit() else "*" * min(len(text), 10)
    return privacy.redact(text)


def preview(raw: readers.RawExtract, rows: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first rows as read, with the spreadsheet row number; personal data masked."""
    head = raw.rows.head(rows)
    shown = {"BARIS": head["_row"].astype(int)}
    for column in [c for c in head.columns if c != "_row"]:
        shown[column] = [mask_cell(raw.header_map.get(column), v) for v in head[column]]
    return pd.DataFrame(shown)


def mapping_table(raw: readers.RawExtract) -> pd.DataFrame:
    """One row per source column: its header, the field it feeds ('' = ignored), a masked example."""
    records = []
    for column in [c for c in raw.rows.columns if c != "_row"]:
        field_name = raw.header_map.get(column, IGNORE)
        filled = raw.rows[column].fillna("").astype(str)
        example = next((v for v in filled.head(50) if v.strip()), "")
        records.append({"column": column, "field": field_name, "example": mask_cell(field_name, example)})
    return pd.DataFrame(records, columns=["column", "field", "example"])


class UploadFlow:
    """One admin's upload in a session: idle -> preview -> committed | cancelled (or failed)."""

    def __init__(self, limits: readers.Limits = readers.Limits(), region: str | None = None):
        self.limits, self.region = limits, region
        self._reset()

    def options(self) -> dict[str, object]:
        """What the officer chose for this file beyond the mapping: as-of date and day/month order."""
        return {"as_of": self.as_of, "date_order": self.date_order}

    def _reset(self) -> None:
        self.state, self.source_id, self.file_name, self.data = IDLE, None, "", b""
        self.draft: Draft | None = None
        self.error: readers.ExtractError | None = None
        self.result: IngestResult | None = None
        self.headers: list[str] = []
        self.as_of: date | None = None
        self.date_order: str | None = None

    def receive(self, con: db.Connection, data: bytes, file_name: str, source_id: object = None) -> None:
        """Read and check a newly chosen file; the same source_id again (a page rerun) is ignored."""
        if source_id is not None and source_id == self.source_id and self.state != IDLE:
            return
        self._reset()
        self.source_id, self.file_name, self.data = source_id, readers.sanitise_file_name(file_name), data
        self._prepare(con, None)

    def remap(self, con: db.Connection, override: dict[str, str]) -> None:
        """Read the same file again with headers mapped by hand."""
        if self.state in (PREVIEW, FAILED) and self.data:
            self._prepare(con, override)

    def choose(self, con: db.Connection, as_of: date | None = None, date_order: str | None = None) -> None:
        """Check the same file again with the as-of date and day/month order the officer gave."""
        self.as_of, self.date_order = as_of, date_order
        if self.state in (PREVIEW, FAILED) and self.data:
            self._prepare(con, self.draft.override if self.draft else None)

    def _prepare(self, con: db.Connection, override: dict[str, str] | None) -> None:
        try:
            self.draft = prepare(con, self.data, self.file_name, override, self.limits, self.region,
                                 **self.options())
            self.state, self.error = PREVIEW, None
        except readers.ExtractError as error:
            self.error = error
            if self.draft is None:
                self.state = FAILED
                self.headers = source_headers(self.data, self.file_name, self.limits) \
                    if error.code in ("missing_columns", "duplicate_column") else []

    def commit(self, con: db.Connection, actor: str) -> IngestResult:
        """Load the draft as one batch (one transaction) and audit it; raises UploadRefused."""
        draft = self.draft
        if self.state != PREVIEW or draft is None:
            raise UploadRefused(notice("not_ready", True))
        if not draft.can_commit:
            raise UploadRefused(next(n for n in draft.notices if n.blocking))
        result = load.commit_extract(con, draft.raw, draft.checked, loaded_by=actor, as_of=draft.as_of)
        if result.already_loaded:  # another session loaded it after our preview
            raise UploadRefused(duplicate_notice(con, draft.raw.sha256) or notice("not_ready", True))
        privacy.record_audit(con, actor, privacy.UPLOAD_COMMIT, result.audit_detail())
        self.state, self.result, self.data = COMMITTED, result, b""
        return result

    def cancel(self) -> None:
        """Forget the draft; nothing was written."""
        source_id = self.source_id
        self._reset()
        self.state, self.source_id = CANCELLED, source_id
