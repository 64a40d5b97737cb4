"""Personal data (UU 27/2022): mask NIK and names, find and redact them in text and logs, audit access."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Iterable

import pandas as pd

from jamsostek import settings
from jamsostek.store import db

NIK_DIGITS = 16
FULL_MASK = "*" * NIK_DIGITS
ENV_AUDIT_KEY = settings.ENV_AUDIT_KEY

# 16 digits not part of a longer number; a fraction such as 0.6560000000000001 is not a NIK.
_NIK16 = r"(?<!\d)(?<!\d\.)\d{16}(?!\d)"
# Excel's rendering of a 16-digit number: 5,10401E+15 (Indonesian locale) or 5.104011234560001e+15.
_NIK_SCI = r"(?<![\d.,])\d[.,]\d{1,15}[eE]\+?15(?!\d)"
NIK_PATTERN = re.compile(f"{_NIK16}|{_NIK_SCI}")
# A hex ID of 32 or more characters (Streamlit's download file IDs, a batch's SHA-256) is not a NIK even
# where 16 of its characters are digits in a row, which happens by chance in a few IDs per thousand.
_DIGEST = r"(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])"
_SCAN = re.compile(f"(?P<digest>{_DIGEST})|{NIK_PATTERN.pattern}")

# Audit actions (audit_log.action). For SIGN_IN_FAILED log a configured username or "-",
# never free text typed into the username box (people type passwords there).
REVEAL_NIK = "reveal_nik"
EXPORT_DETAIL = "export_detail"
UPLOAD_COMMIT = "upload_commit"
BATCH_WITHDRAW = "batch_withdraw"
SIGN_IN = "sign_in"
SIGN_IN_FAILED = "sign_in_failed"
PROFILE_SAVE = "header_profile_save"  # a column mapping saved under a name (ingest/profiles.py)
SIGN_OUT = "sign_out"
PASSWORD_CONFIRMED = "password_confirmed"
SCENARIO_SAVE = "scenario_save"
SCENARIO_DELETE = "scenario_delete"
MEETING_CREATE = "meeting_create"
ACTION_ADD = "action_add"
ACTION_UPDATE = "action_update"
SASARAN_UPLOAD = "sasaran_upload"
SASARAN_ACTIVATE = "sasaran_activate"
USULAN_PROPOSE = "usulan_propose"    # a candidate list stored (usulan/store.py)
USULAN_OVERRIDE = "usulan_override"  # a verifier's decision on one candidate, with its note
USULAN_EXPORT = "usulan_export"      # a download holding candidates' NIK and names
ACTIONS = frozenset({REVEAL_NIK, EXPORT_DETAIL, UPLOAD_COMMIT, BATCH_WITHDRAW, SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, PROFILE_SAVE,
                     PASSWORD_CONFIRMED, SCENARIO_SAVE, SCENARIO_DELETE, MEETING_CREATE, ACTION_ADD, ACTION_UPDATE,
                     SASARAN_UPLOAD, SASARAN_ACTIVATE, USULAN_PROPOSE, USULAN_OVERRIDE,
                     USULAN_EXPORT})
MAX_AUDIT_ROWS = 10_000


def mask_nik(nik: object) -> str:
    """'************1234' for a 16-digit NIK; anything else fully masked (at most 16 stars)."""
    text = "" if nik is None else str(nik).strip()
    if len(text) == NIK_DIGITS and text.isascii() and text.isdigit():
        return "*" * (NIK_DIGITS - 4) + text[-4:]
    return "*" * min(len(text), NIK_DIGITS)


def mask_number(text: str) -> str:
    """An identity number (NIK, KPJ) with all but its last 4 digits masked: '************1234'."""
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) > 4:
        return "*" * (len(text) - 4) + text[-4:]
    return "*" * min(len(text), NIK_DIGITS)


def mask_name(name: object) -> str:
    """Initial of each word and three stars: 'Wayan Sudarsana' -> 'W*** S***'.

    A fixed number of stars, so the mask does not give away the length of the name.
    """
    words = ("" if name is None else str(name)).split()
    return " ".join(word[0] + "***" for word in words)


def _mask_match(match: re.Match) -> str:
    found = match.group(0)
    if match.lastgroup == "digest":
        return found
    return mask_nik(found) if found.isdigit() else FULL_MASK


# A word of a name: letters and digits; '_' separates words, as in a file name "peserta_I_Wayan.csv".
_WORD = re.compile(r"[^\W_]+")
# What may stand between two words of a name: spaces, '_', '-', '.', an apostrophe (at most 3 of them).
_NAME_GAP = re.compile(r"[\s_\-.'’]{1,3}")


class NameIndex:
    """Names as word sequences, found in a text by one pass over its words (fast for thousands of names).

    Whole words, any case; a name shorter than 3 characters is skipped; the longest name at a place wins.
    """

    def __init__(self, names: Iterable[str] = ()):
        self._names: set[tuple[str, ...]] = set()
        for name in names:
            words = tuple(w.casefold() for w in _WORD.findall("" if name is None else str(name)))
            if len(" ".join(words)) >= 3:
                self._names.add(words)
        self._firsts = {words[0] for words in self._names}
        self._longest = max(map(len, self._names), default=0)

    def __bool__(self) -> bool:
        return bool(self._names)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every name in text, left to right, not overlapping."""
        if not self._could_hold_a_name(text):
            return []
        tokens = list(_WORD.finditer(text))
        found, i = [], 0
        while i < len(tokens):
            size = self._match_at(text, tokens, i)
            if size:
                found.append((tokens[i].start(), tokens[i + size - 1].end()))
            i += size or 1
        return found

    def _could_hold_a_name(self, text: str) -> bool:
        # A quick first look, for long texts that hold no name: every word of some name must be there.
        present = {word.casefold() for word in set(_WORD.findall(text))}
        return any(present.issuperset(words) for words in self._names)

    def _match_at(self, text: str, tokens: list[re.Match], i: int) -> int:
        if tokens[i].group().casefold() not in self._firsts:
            return 0
        size = 1
        while size < self._longest and i + size < len(tokens) and _NAME_GAP.fullmatch(
                text, tokens[i + size - 1].end(), tokens[i + size].start()):
            size += 1
        for n in range(size, 0, -1):  # longest first, so a full name wins over a shorter one
            if tuple(t.group().casefold() for t in tokens[i:i + n]) in self._names:
                return n
        return 0


def _index(names: Iterable[str] | NameIndex) -> NameIndex:
    return names if isinstance(names, NameIndex) else NameIndex(names)


def find_personal_data(text: object, names: Iterable[str] | NameIndex = ()) -> list[str]:
    """Masked forms of every NIK-shaped number and listed name in text (never the raw value)."""
    text = "" if text is None else str(text)
    found = [f"nik:{_mask_match(m)}" for m in _SCAN.finditer(text) if m.lastgroup != "digest"]
    return found + [f"name:{mask_name(text[a:b])}" for a, b in _index(names).spans(text)]


def contains_personal_data(text: object, names: Iterable[str] | NameIndex = ()) -> bool:
    """True when text holds a NIK-shaped number or one of the names."""
    return bool(find_personal_data(text, names))


def redact(text: object, names: Iterable[str] | NameIndex = ()) -> str:
    """Text with NIK-shaped numbers (and listed names) masked, for error messages and logs."""
    text = _SCAN.sub(_mask_match, "" if text is None else str(text))
    for start, end in reversed(_index(names).spans(text)):
        text = text[:start] + mask_name(text[start:end]) + text[end:]
    return text


_KNOWN: dict[tuple[str, int], NameIndex] = {}  # (store file, data version) -> the names it holds


def known_names(con: db.Connection) -> NameIndex:
    """The participants' names held in this store, indexed; rebuilt when its data version changes.

    Kept for a store file only: in-memory stores share one name, so each call reads its own.
    """
    path = db.fetch_value(con, "store_path")
    key = (str(path), db.data_version(con))
    if path is None or key not in _KNOWN:
        index = NameIndex(db.run_query(con, "participant_names")["nama"])
        if path is None:
            return index
        _KNOWN.clear()  # one store, one version at a time: older indexes are stale
        _KNOWN[key] = index
    return _KNOWN[key]


def scrub(con: db.Connection, text: object, extra_names: Iterable[str] = ()) -> str | None:
    """Free text a person typed or a file name, before it is stored or shown: NIKs and known names masked.

    The one function every free text passes (file names, scenario names, meeting and action texts, the
    names of who recorded them); `extra_names` adds names not stored yet (those of the batch being loaded).
    """
    if text is None:
        return None
    masked = redact(text, known_names(con))
    extra = NameIndex(extra_names)
    return redact(masked, extra) if extra else masked


def scrub_stored_file_names(con: db.Connection) -> int:
    """Scrub the file names of batches stored before file names were scrubbed; how many changed."""
    batches = db.run_query(con, "batches")
    scrubbed = {int(b): (name, scrub(con, name)) for b, name in zip(batches["batch_id"], batches["file_name"])}
    changed = {batch_id: new for batch_id, (old, new) in scrubbed.items() if new != old}
    with db.transaction(con):
        for batch_id, name in changed.items():
            db.execute(con, "batch_rename", batch_id=batch_id, file_name=name)
    return len(changed)


def _redact_record(record: logging.LogRecord) -> None:
    if getattr(record, "_redacted", False):
        return
    try:
        message = record.getMessage()
    except Exception:  # bad format arguments: keep both parts, masked
        message = f"{record.msg} {record.args}"
    record.msg, record.args = redact(message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    record._redacted = True


class RedactingFilter(logging.Filter):
    """Logging filter that masks NIK-shaped numbers in the message, arguments and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        _redact_record(record)
        return True


_FILTER = RedactingFilter()


def install_log_redaction() -> None:
    """Redact every log record of the process (root, streamlit and later loggers); safe to call again."""
    # Logger filters miss records from child loggers, and streamlit's loggers do not propagate,
    # so the record factory is what catches everything; the filters cover handlers of other factories.
    previous = logging.getLogRecordFactory()
    if not getattr(previous, "_redacts", False):
        def factory(*args, **kwargs) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            _redact_record(record)
            return record

        factory._redacts = True
        logging.setLogRecordFactory(factory)
    loggers = [logging.getLogger()] + [
        logger for name, logger in list(logging.Logger.manager.loggerDict.items())
        if isinstance(logger, logging.Logger) and (name == "streamlit" or name.startswith("streamlit."))
    ]
    for logger in loggers:
        logger.addFilter(_FILTER)  # addFilter ignores a filter already present
        for handler in logger.handlers:
            handler.addFilter(_FILTER)


def nik_ref(nik: object, key: str | None = None) -> str:
    """How an audit row names a NIK: the masked NIK, plus a keyed hash when JAMSOSTEK_AUDIT_KEY is set.

    The hash lets an auditor who holds the key confirm which person it was; without a secret key
    a hash would be no protection, since the NIK space (region, birth date, serial) is small.
    """
    key = key if key is not None else settings.audit_key()
    masked = mask_nik(nik)
    if not key:
        return masked
    digest = hmac.new(key.encode(), str(nik).strip().encode(), hashlib.sha256).hexdigest()
    return f"{masked} ref={digest[:12]}"  # 12 hex characters: never NIK-shaped


def record_audit(con: db.Connection, actor: str, action: str, detail: object = None) -> None:
    """Write one audit_log row (who, when, what); actor and detail are scrubbed first."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action: {action}")
    db.execute(con, "audit_insert", actor=scrub(con, actor) or "-", action=action,
               detail=None if detail is None else scrub(con, str(detail)))


def audit_log(con: db.Connection, limit: int = 200) -> pd.DataFrame:
    """The newest audit_log rows, newest first (queries/audit_log.sql)."""
    limit = int(limit)
    if not 1 <= limit <= MAX_AUDIT_ROWS:
        raise ValueError(f"limit must be between 1 and {MAX_AUDIT_ROWS}")
    return db.run_query(con, "audit_log", limit=limit)
