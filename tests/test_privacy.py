"""Personal data: masks, NIK detection, redaction of text and logs, audit rows."""

from __future__ import annotations

import logging

import pytest

from jamsostek.store import db
from jamsostek.access import privacy
from tests.conftest import PARTICIPANTS, SASARAN, load_rows, load_sasaran

NIK = "5104015708900001"  # synthetic: Gianyar, Sukawati, woman born 17-08-1990, serial 0001
OTHER_NIK = "5104052301850042"


@pytest.mark.parametrize("value, expected", [
    (NIK, "************0001"),
    (int(NIK), "************0001"),
    (f"  {NIK} ", "************0001"),
    (NIK[:15], "*" * 15),
    (NIK + "9", "*" * 16),
    ("5,10401E+15", "*" * 11),
    ("５１０４０１５７０８９００００１", "*" * 16),  # full-width digits are not a clean NIK
    ("x" * 40, "*" * 16),
    ("", ""),
    (None, ""),
])
def test_mask_nik(value, expected):
    assert privacy.mask_nik(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("5104015708900001", "************0001"), ("12345678901", "*******8901"), (" 12345 ", "*2345"),
    ("1234", "****"), ("12-34-5678", "*" * 10), ("x" * 40, "*" * 16), ("", ""),
])
def test_mask_number_keeps_the_last_four_digits_of_any_identity_number(value, expected):
    assert privacy.mask_number(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("Wayan Sudarsana", "W*** S***"),
    ("Ni Luh   Putu Ayu", "N*** L*** P*** A***"),
    ("I", "I***"),
    ("  ", ""),
    (None, ""),
])
def test_mask_name(value, expected):
    assert privacy.mask_name(value) == expected


@pytest.mark.parametrize("text", [
    NIK, f"NIK {NIK} ditolak", f"nik={NIK};", f"ID{NIK}x", f"{NIK}.0", f"a;{NIK};b",
    "5,10401E+15", "5.10401E+15", "5.104015708900001e+15", "kolom NIK: 5,10401E15", "a;5,1E+15;b",
])
def test_nik_shaped_numbers_are_found(text):
    assert privacy.NIK_PATTERN.search(text)
    assert privacy.contains_personal_data(text)


@pytest.mark.parametrize("text", [
    NIK[:15], NIK + "9", "081234567890", "+6281234567890", "2025-11-03", "03/11/2025",
    "0.6560000000000001", "1.136", "Rp16.800", "5,10401E+14", "1764144000000", "51.04.01.2001",
    "coverage 65,6 %", "12345678901234567890",
])
def test_other_numbers_are_not_nik(text):
    assert not privacy.NIK_PATTERN.search(text)
    assert not privacy.contains_personal_data(text)


@pytest.mark.parametrize("file_id", [
    "3f" + NIK + "ab" * 19,  # Streamlit's download IDs: SHA-224 of the bytes (56 hex characters) ...
    "3f" + NIK + "ab" * 7,  # ... or, for data made on click, uuid4().hex (32)
])
def test_a_file_id_with_sixteen_digits_in_a_row_is_not_a_nik(file_id):
    text = f"Adding media file {file_id}; url: /media/{file_id}.xlsx"
    assert privacy.NIK_PATTERN.search(text)  # the bare shape would match inside the digest
    assert not privacy.contains_personal_data(text)
    assert privacy.redact(text) == text
    assert privacy.find_personal_data(f"{text} NIK {NIK}") == ["nik:************0001"]
    assert privacy.contains_personal_data(f"ab{NIK}cd")  # too short for a digest: still a NIK


def test_find_personal_data_returns_masks_only():
    text = f"{NIK} WAYAN  sudarsana; 5,10401E+15; {OTHER_NIK}"
    found = privacy.find_personal_data(text, names=["Wayan Sudarsana", "Made Oka"])
    assert found == ["nik:************0001", "nik:****************", "nik:************0042", "name:W*** s***"]
    assert not any(raw in " ".join(found) for raw in (NIK, OTHER_NIK, "Sudarsana", "sudarsana"))


@pytest.mark.parametrize("text, names, expected", [
    ("Peserta Wayan Sudarsana", ["Wayan Sudarsana"], True),
    ("Peserta wayan\nsudarsana", ["Wayan Sudarsana"], True),
    ("Desa Sudarsana", ["Wayan Sudarsana"], False),        # a full name, not one of its words
    ("Desa Mas", ["Mas"], True),
    ("Ubud", ["Ub", "I", ""], False),                      # names shorter than 3 characters are skipped
    ("Madeira", ["Made"], False),                          # whole words only
    ("tidak ada", [], False),
])
def test_names(text, names, expected):
    assert privacy.contains_personal_data(text, names) is expected


@pytest.mark.parametrize("text, expected", [
    (f"Baris 17: NIK {NIK} sudah terdaftar", "Baris 17: NIK ************0001 sudah terdaftar"),
    ("NIK 5,10401E+15 rusak oleh Excel", "NIK **************** rusak oleh Excel"),
    ("tanpa data pribadi 1.136 peserta", "tanpa data pribadi 1.136 peserta"),
    (None, ""),
])
def test_redact(text, expected):
    assert privacy.redact(text) == expected
    assert not privacy.contains_personal_data(privacy.redact(text))


def test_redact_names():
    assert privacy.redact(f"Wayan Sudarsana ({NIK})", names=["Wayan Sudarsana"]) == "W*** S*** (************0001)"


def test_filter_redacts_message_args_and_traceback(caplog):
    logger = logging.getLogger("test_privacy.filtered")
    logger.addFilter(privacy.RedactingFilter())
    try:
        with caplog.at_level(logging.INFO, logger="test_privacy.filtered"):
            logger.info("ingest row %s with nik %s", 17, NIK)
            logger.warning(f"plain message {OTHER_NIK}")
            try:
                raise ValueError(f"duplicate NIK {NIK}")
            except ValueError:
                logger.exception("rejected")
    finally:
        logger.filters.clear()
    assert NIK not in caplog.text and OTHER_NIK not in caplog.text
    assert "ingest row 17 with nik ************0001" in caplog.text
    assert "duplicate NIK ************0001" in caplog.text


@pytest.fixture
def restore_logging():
    factory = logging.getLogRecordFactory()
    yield
    logging.setLogRecordFactory(factory)
    for logger in [logging.getLogger()] + list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            logger.removeFilter(privacy._FILTER)
            for handler in logger.handlers:
                handler.removeFilter(privacy._FILTER)


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


def test_install_log_redaction_reaches_child_and_streamlit_loggers(caplog, restore_logging):
    streamlit_logger = logging.getLogger("streamlit.test_privacy")
    streamlit_logger.propagate = False  # as streamlit sets up its own loggers
    collected = ListHandler()
    streamlit_logger.addHandler(collected)
    try:
        privacy.install_log_redaction()
        factory = logging.getLogRecordFactory()
        privacy.install_log_redaction()
        assert logging.getLogRecordFactory() is factory  # idempotent
        assert privacy._FILTER in collected.filters
        streamlit_logger.error("upload failed for %s", NIK)
        with caplog.at_level(logging.INFO):
            logging.getLogger("jamsostek.some.child").info("nik %s", OTHER_NIK)
    finally:
        streamlit_logger.removeHandler(collected)
    assert collected.lines == ["upload failed for ************0001"]
    assert OTHER_NIK not in caplog.text and "************0042" in caplog.text


def test_install_log_redaction_covers_handlers_added_later(restore_logging):
    privacy.install_log_redaction()
    late = logging.getLogger("test_privacy.late")
    late.propagate, collected = False, ListHandler()
    late.addHandler(collected)
    try:
        late.warning("nik %s", NIK)
    finally:
        late.removeHandler(collected)
    assert collected.lines == ["nik ************0001"]


def test_record_audit_redacts_detail():
    con = db.memory()
    privacy.record_audit(con, "admin.gianyar", privacy.REVEAL_NIK, f"revealed {NIK} in detail list")
    privacy.record_audit(con, "admin.gianyar", privacy.EXPORT_DETAIL, "desa 51.04.01.2001, 12 rows")
    privacy.record_audit(con, None, privacy.SIGN_IN_FAILED)
    rows = privacy.audit_log(con)
    assert list(rows.columns) == ["event_id", "logged_at", "actor", "action", "detail"]
    assert rows["action"].tolist() == [privacy.SIGN_IN_FAILED, privacy.EXPORT_DETAIL, privacy.REVEAL_NIK]
    assert rows["actor"].tolist() == ["-", "admin.gianyar", "admin.gianyar"]
    assert rows["detail"].iloc[2] == "revealed ************0001 in detail list"
    assert privacy.audit_log(con, limit=1)["action"].tolist() == [privacy.SIGN_IN_FAILED]
    stored = con.execute("select string_agg(coalesce(detail, ''), ' ') from audit_log").fetchone()[0]
    assert NIK not in stored


def test_audit_rejects_unknown_actions():
    con = db.memory()
    with pytest.raises(ValueError):
        privacy.record_audit(con, "admin", "delete_everything", "x")
    assert privacy.audit_log(con).empty


@pytest.mark.parametrize("limit", [0, -1, 10_001])
def test_audit_log_limit_is_bounded(limit):
    with pytest.raises(ValueError):
        privacy.audit_log(db.memory(), limit=limit)


def test_audit_query_declares_its_parameter():
    assert db.sql_params(db.load_sql("audit_log")) == {"limit"}


def test_nik_ref(monkeypatch):
    monkeypatch.delenv(privacy.ENV_AUDIT_KEY, raising=False)
    assert privacy.nik_ref(NIK) == "************0001"
    keyed = privacy.nik_ref(NIK, key="rahasia-audit")
    assert keyed.startswith("************0001 ref=") and NIK not in keyed
    assert keyed == privacy.nik_ref(NIK, key="rahasia-audit") != privacy.nik_ref(NIK, key="other-key")
    monkeypatch.setenv(privacy.ENV_AUDIT_KEY, "rahasia-audit")
    assert privacy.nik_ref(NIK) == keyed
    assert not privacy.contains_personal_data(keyed)


@pytest.mark.parametrize("text, expected", [
    ("peserta_5104052508607000_I Wayan Sudarsana.csv", "peserta_************7000_I*** W*** S***.csv"),
    ("peserta_I_WAYAN_SUDARSANA.xlsx", "peserta_I***.xlsx"),  # '_' separates the words of a file name
    ("Rapat dengan i wayan sudarsana, camat", "Rapat dengan i*** w*** s***, camat"),
    ("Wayan Sudarsana dan Made Oka", "W*** S*** dan M*** O***"),
    ("Sudarsana saja", "Sudarsana saja"),  # one word of a name is not the name
])
def test_redact_file_names_and_free_text(text, expected):
    assert privacy.redact(text, names=["I Wayan Sudarsana", "Wayan Sudarsana", "Made Oka"]) == expected


def test_name_index_finds_thousands_of_names_in_one_pass():
    index = privacy.NameIndex([f"Ni Made Contoh{i}" for i in range(5000)] + ["I Wayan Sudarsana"])
    text = "catatan: ni made contoh4321 hadir; I Wayan Sudarsana tidak; Ni Made Contoh99999 bukan peserta"
    assert [text[a:b] for a, b in index.spans(text)] == ["ni made contoh4321", "I Wayan Sudarsana"]


def test_scrub_masks_the_names_the_store_holds_and_follows_its_data_version(tmp_path):
    con = db.connect(tmp_path / "store.duckdb")
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS[:1], f"peserta_{NIK}_Peserta 01.csv")
    # The batch's file name is masked with the names of the batch itself, before it is stored.
    assert db.run_query(con, "batches")["file_name"].tolist() == ["peserta_************0001_P*** 0***.csv"]
    assert privacy.scrub(con, "Kunjungi peserta 01 di Ketewel") == "Kunjungi p*** 0*** di Ketewel"
    assert privacy.scrub(con, "Peserta 02") == "Peserta 02"  # not a participant (yet)
    load_rows(con, PARTICIPANTS[1:2], "kedua.csv")  # the data version moves: the names are read again
    assert privacy.scrub(con, "Peserta 02") == "P*** 0***"
    assert privacy.scrub(con, "Ni Luh", extra_names=["Ni Luh"]) == "N*** L***"
    assert privacy.scrub(con, None) is None
    con.close()


def test_file_names_stored_before_the_scrub_are_scrubbed_once(tmp_path):
    con = db.connect(tmp_path / "store.duckdb")
    load_sasaran(con, SASARAN)
    load_rows(con, PARTICIPANTS[:1], "lama.csv")
    db.execute(con, "batch_rename", batch_id=1, file_name=f"peserta_{NIK}_Peserta 01.csv")  # as an old store held it
    assert privacy.scrub_stored_file_names(con) == 1
    assert db.run_query(con, "batches")["file_name"].tolist() == ["peserta_************0001_P*** 0***.csv"]
    assert privacy.scrub_stored_file_names(con) == 0
    con.close()
