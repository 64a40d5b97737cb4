"""Personal data (UU 27/2022): mask NIK and names, find and redact them in text and logs, audit access."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
from collections.abc import Iterable

import pandas as pd

from jamsostek.store import db

NIK_DIGITS = 16
FULL_MASK = "*" * NIK_DIGITS
ENV_AUDIT_KEY = "JAMSOSTEK_AUDIT_KEY"

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
SASARAN_UPLOAD = "sasaran_upload"
SASARAN_ACTIVATE = "sasaran_activate"
ACTIONS = frozenset({REVEAL_NIK, EXPORT_DETAIL, UPLOAD_COMMIT, BATCH_WITHDRAW, SIGN_IN, SIGN_IN_FAILED,
                     SASARAN_UPLOAD, SASARAN_ACTIVATE})
MAX_AUDIT_ROWS = 10_000


def mask_nik(nik: object) -> str:
    """'************1234' for a 16-digit NIK; anything else fully masked (at most 16 stars)."""
    text = "" if nik is None else str(nik).strip()
    if len(text) == NIK_DIGITS and text.isascii() and text.isdigit():
        return "*" * (NIK_DIGITS - 4) + text[-4:]
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


def _names_pattern(names: Iterable[str]) -> re.Pattern | None:
    # Whole words, any case, any run of spaces between words; longest first so a full name wins.
    words = {tuple(str(n).split()) for n in names if n is not None and len(" ".join(str(n).split())) >= 3}
    if not words:
        return None
    parts = sorted((r"\s+".join(map(re.escape, w)) for w in words), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def find_personal_data(text: object, names: Iterable[str] = ()) -> list[str]:
    """Masked forms of every NIK-shaped number and listed name in text (never the raw value)."""
    text = "" if text is None else str(text)
    found = [f"nik:{_mask_match(m)}" for m in _SCAN.finditer(text) if m.lastgroup != "digest"]
    pattern = _names_pattern(names)
    if pattern:
        found += [f"name:{mask_name(m.group(0))}" for m in pattern.finditer(text)]
    return found


def contains_personal_data(text: object, names: Iterable[str] = ()) -> bool:
    """True when text holds a NIK-shaped number or one of the names."""
    return bool(find_personal_data(text, names))


def redact(text: object, names: Iterable[str] = ()) -> str:
    """Text with NIK-shaped numbers (and listed names) masked, for error messages and logs."""
    text = _SCAN.sub(_mask_match, "" if text is None else str(text))
    pattern = _names_pattern(names)
    return pattern.sub(lambda m: mask_name(m.group(0)), text) if pattern else text


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
    key = key if key is not None else os.environ.get(ENV_AUDIT_KEY, "")
    masked = mask_nik(nik)
    if not key:
        return masked
    digest = hmac.new(key.encode(), str(nik).strip().encode(), hashlib.sha256).hexdigest()
    return f"{masked} ref={digest[:12]}"  # 12 hex characters: never NIK-shaped


def record_audit(con: db.Connection, actor: str, action: str, detail: object = None) -> None:
    """Write one audit_log row (who, when, what); actor and detail are redacted first."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action: {action}")
    db.execute(con, "audit_insert", actor=redact(actor) or "-", action=action,
               detail=None if detail is None else redact(detail))


def audit_log(con: db.Connection, limit: int = 200) -> pd.DataFrame:
    """The newest audit_log rows, newest first (queries/audit_log.sql)."""
    limit = int(limit)
    if not 1 <= limit <= MAX_AUDIT_ROWS:
        raise ValueError(f"limit must be between 1 and {MAX_AUDIT_ROWS}")
    return db.run_query(con, "audit_log", limit=limit)
