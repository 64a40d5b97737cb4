"""The admin's upload flow, batch history, withdrawal and detail lists, against small in-memory stores."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from jamsostek.ingest import batches as batch_admin
from jamsostek.store import db
from jamsostek.access import detail
from jamsostek.access import privacy
from jamsostek.ingest import readers
from jamsostek.ingest import rejections, upload
from tests import extracts as ex

KPI_DAY = date(2026, 1, 10)


def protected(con, day: date = KPI_DAY) -> int:
    kpi = db.run_query(con, "kpi", as_of=day, lapsing_days=30, kecamatan=None, sektor=None, program=None, sumber=None)
    return int(kpi.iloc[0]["protected_workers"])


def audit(con) -> list[tuple]:
    return con.execute("select actor, action, detail from audit_log order by rowid").fetchall()


def received(con, data: bytes, name: str = "ekstrak.csv") -> upload.UploadFlow:
    flow = upload.UploadFlow()
    flow.receive(con, data, name)
    return flow


def test_preview_writes_nothing_then_commit_loads_one_audited_batch(store):
    before, count = ex.snapshot(store), protected(store)
    flow = received(store, ex.csv_bytes(ex.rows(6)))
    assert flow.state == upload.PREVIEW and flow.draft.can_commit and flow.draft.notices == []
    assert ex.snapshot(store) == before
    result = flow.commit(store, "dina")
    assert (result.rows_total, result.rows_accepted, result.rows_rejected) == (6, 6, 0)
    assert flow.state == upload.COMMITTED and protected(store) == count + 6
    batch = batch_admin.batches(store).iloc[0]
    assert (batch["file_name"], batch["loaded_by"], batch["sha256"]) == ("ekstrak.csv", "dina", result.sha256)
    [(actor, action, text)] = audit(store)
    assert (actor, action) == ("dina", privacy.UPLOAD_COMMIT)
    assert f"batch {result.batch_id}" in text and "ekstrak.csv" in text and "6 dimuat" in text


def test_cancel_forgets_the_draft_and_writes_nothing(store):
    before = ex.snapshot(store)
    flow = received(store, ex.csv_bytes(ex.rows(3)))
    flow.cancel()
    assert flow.state == upload.CANCELLED and flow.draft is None
    with pytest.raises(upload.UploadRefused) as refused:
        flow.commit(store, "dina")
    assert refused.value.notice.code == "not_ready"
    assert ex.snapshot(store) == before and audit(store) == []


def test_commit_twice_loads_once(store):
    flow = received(store, ex.csv_bytes(ex.rows(2)))
    flow.commit(store, "dina")
    after = ex.snapshot(store)
    with pytest.raises(upload.UploadRefused):
        flow.commit(store, "dina")
    assert ex.snapshot(store) == after


def test_a_rerun_with_the_same_widget_file_keeps_the_state(store):
    data = ex.csv_bytes(ex.rows(2))
    flow = upload.UploadFlow()
    flow.receive(store, data, "a.csv", source_id="file-1")
    flow.commit(store, "dina")
    flow.receive(store, data, "a.csv", source_id="file-1")  # the page reruns with the file still chosen
    assert flow.state == upload.COMMITTED
    flow.receive(store, data, "a.csv", source_id="file-2")  # chosen again: now it is a duplicate
    assert flow.state == upload.PREVIEW and not flow.draft.can_commit


NAME = "Ni Luh Dévi Ayu"  # é is one byte in Windows-1252, two in UTF-8


@pytest.mark.parametrize("sep, encoding, bom", [
    (";", "utf-8", False), (";", "utf-8", True), (",", "utf-8", False), ("\t", "utf-8", True),
    (";", "cp1252", False), (",", "cp1252", False),
])
def test_encodings_and_separators_read_the_same_rows(store, sep, encoding, bom):
    records = ex.rows(3)
    records[0][1] = NAME
    flow = received(store, ex.csv_bytes(records, sep=sep, encoding=encoding, bom=bom))
    assert flow.state == upload.PREVIEW, flow.error and flow.error.message_en
    assert flow.draft.raw.separator == sep
    flow.commit(store, "dina")
    assert store.execute("select nama from enrolment where nik = ?", [ex.nik(0)]).fetchone()[0] == NAME


def test_xlsx_upload_reads_the_first_sheet(store):
    flow = received(store, ex.xlsx_bytes(ex.rows(4)), "ekstrak.xlsx")
    assert flow.state == upload.PREVIEW and flow.draft.raw.sheet == "Peserta"
    assert flow.commit(store, "dina").rows_accepted == 4


def test_preview_and_mapping_mask_personal_data(store):
    records = ex.rows(25)
    records[0][ex.HEADER.index("STATUS")] = ex.nik(99)  # a NIK in a column that is not NIK
    flow = received(store, ex.csv_bytes(records))
    shown = upload.preview(flow.draft.raw)
    mapping = upload.mapping_table(flow.draft.raw)
    assert len(shown) == upload.PREVIEW_ROWS and shown["BARIS"].tolist()[:2] == [2, 3]
    text = shown.to_csv() + mapping.to_csv()
    names = [r[1] for r in records]
    assert privacy.find_personal_data(text, names) == []
    assert shown["NIK"].iloc[0] == "************" + ex.nik(0)[-4:]
    assert shown["NAMA"].iloc[0] == "P*** U*** 0***"
    assert shown["NO KPJ"].iloc[0].endswith(records[0][2][-4:]) and shown["TGL LAHIR"].iloc[0] == "**-**-1990"


@pytest.mark.parametrize("field_name, value, shown", [
    ("nik", "5104011505900001", "************0001"),
    ("nik", "5,10401E+15", "***********"),
    ("no_kpj", "90000000001", "*******0001"),
    ("nama", "I Wayan Sudarsana", "I*** W*** S***"),
    ("tgl_lahir", "15-05-1990", "**-**-1990"),
    ("desa", "Batubulan", "Batubulan"),
    ("status", "5104011505900001", "************0001"),
    (None, None, ""),
])
def test_mask_cell(field_name, value, shown):
    assert upload.mask_cell(field_name, value) == shown


def test_unrecognised_headers_can_be_mapped_by_hand(store):
    header = [{"NIK": "NOMOR IDENTITAS", "DESA/KELURAHAN": "LOKASI"}.get(h, h) for h in ex.HEADER]
    data = ex.csv_bytes(ex.rows(3), header=header)
    flow = received(store, data)
    assert flow.state == upload.FAILED and flow.error.code == "missing_columns"
    assert flow.headers == header
    flow.remap(store, {"NOMOR IDENTITAS": "nik", "LOKASI": "desa"})
    assert flow.state == upload.PREVIEW and flow.error is None
    assert flow.draft.raw.header_map["NOMOR IDENTITAS"] == "nik"
    assert flow.commit(store, "dina").rows_accepted == 3


def test_a_manual_choice_can_ignore_a_column(store):
    flow = received(store, ex.csv_bytes(ex.rows(2)))
    flow.remap(store, {"PENGHASILAN": upload.IGNORE})
    assert "PENGHASILAN" not in flow.draft.raw.header_map and "PENGHASILAN" in flow.draft.raw.unmapped
    batch = flow.commit(store, "dina").batch_id
    sql = "select count(*) from enrolment where batch_id = ? and penghasilan_rp is not null"
    assert store.execute(sql, [batch]).fetchone()[0] == 0


def test_mapping_two_columns_to_one_field_is_refused_and_keeps_the_last_good_draft(store):
    flow = received(store, ex.csv_bytes(ex.rows(2)))
    good = flow.draft
    flow.remap(store, {"NAMA": "nik", "NIK": "nik"})
    assert flow.error.code == "duplicate_column" and "NAMA" in flow.error.message_id
    assert flow.draft is good and flow.state == upload.PREVIEW


def test_report_counts_rows_by_reason_and_lists_them_without_nik(store):
    records = ex.rows(6)
    records[1][ex.HEADER.index("PROGRAM")] = "JKN"
    records[2][ex.HEADER.index("PROGRAM")] = "BPJS"
    records[3][ex.HEADER.index("DESA/KELURAHAN")] = ex.nik(50)  # a shifted column: a NIK where the desa goes
    records[4][0] = "5,10401E+15"
    flow = received(store, ex.csv_bytes(records))
    counts = rejections.count_by_reason(flow.draft.checked.rejections)
    assert dict(zip(counts["reason_code"], counts["rows"])) == {
        "program_unknown": 2, "desa_unknown": 1, "nik_scientific": 1}
    assert counts["rows"].tolist() == sorted(counts["rows"], reverse=True)
    rejected = rejections.table(flow.draft.checked.rejections)
    assert list(rejected.columns) == ["BARIS", "KOLOM", "ALASAN"]
    assert sorted(rejected["BARIS"]) == [3, 4, 5, 6]
    assert privacy.find_personal_data(rejected.to_csv()) == []
    assert [n.code for n in flow.draft.notices] == ["some_rejected"] and flow.draft.can_commit
    english = rejections.table(flow.draft.checked.rejections, "en")
    assert list(english.columns) == ["ROW", "COLUMN", "REASON"]
    assert flow.commit(store, "dina").rows_accepted == 2


@pytest.mark.parametrize("lang, duplicate, repeated", [
    ("id", "Baris ganda: sama persis dengan baris sebelumnya", "NIK sudah muncul di baris sebelumnya"),
    ("en", "Duplicate row: identical to an earlier row", "NIK already appears in an earlier row"),
])
def test_reasons_that_name_another_row_read_whole_when_counted(store, lang, duplicate, repeated):
    records = ex.rows(4)
    records[2] = list(records[1])  # the same row twice, so also the same NIK twice
    records[3][0] = records[0][0]
    counts = rejections.count_by_reason(received(store, ex.csv_bytes(records)).draft.checked.rejections, lang)
    texts = dict(zip(counts["reason_code"], counts["reason"]))
    assert texts["duplicate_row"] == duplicate and texts["nik_repeated"] == repeated


def test_no_row_accepted_blocks_the_commit(store):
    before = ex.snapshot(store)
    flow = received(store, ex.csv_bytes(ex.rows(3, PROGRAM="JKN")))
    assert [n.code for n in flow.draft.notices] == ["nothing_accepted"] and not flow.draft.can_commit
    with pytest.raises(upload.UploadRefused) as refused:
        flow.commit(store, "dina")
    assert refused.value.notice.code == "nothing_accepted"
    assert ex.snapshot(store) == before


def test_duplicate_upload_names_the_earlier_batch_and_changes_nothing(store):
    data = ex.csv_bytes(ex.rows(3))
    first = received(store, data, "minggu1.csv").commit(store, "dina")
    before = ex.snapshot(store)
    again = received(store, data, "salinan.csv")
    [notice] = again.draft.notices
    assert notice.code == "duplicate" and notice.blocking
    assert f"batch {first.batch_id}" in notice.message_id and "minggu1.csv" in notice.message_id
    assert "dina" in notice.message_en
    with pytest.raises(upload.UploadRefused):
        again.commit(store, "dina")
    assert ex.snapshot(store) == before


def test_a_file_loaded_by_another_session_after_our_preview_is_refused(store):
    data = ex.csv_bytes(ex.rows(3))
    mine, theirs = received(store, data), received(store, data)
    theirs.commit(store, "budi")
    before = ex.snapshot(store)
    with pytest.raises(upload.UploadRefused) as refused:
        mine.commit(store, "dina")
    assert refused.value.notice.code == "duplicate" and ex.snapshot(store) == before


def test_a_withdrawn_file_can_be_loaded_again(store):
    data = ex.csv_bytes(ex.rows(3))
    first = received(store, data).commit(store, "dina")
    batch_admin.withdraw(store, first.batch_id, "dina")
    assert received(store, data).draft.can_commit


def test_file_for_another_regency_is_refused_with_its_name(store):
    before = ex.snapshot(store)
    flow = received(store, ex.csv_bytes(ex.rows(8, places=ex.DENPASAR)))
    [notice] = flow.draft.notices
    assert notice.code == "other_region" and notice.blocking
    assert notice.message_id.startswith("Berkas ini tampaknya untuk kabupaten lain")
    assert "Kota Denpasar" in notice.message_id and "Kabupaten Gianyar" in notice.message_id
    assert "8 dari 8" in notice.message_id
    with pytest.raises(upload.UploadRefused):
        flow.commit(store, "dina")
    assert ex.snapshot(store) == before


@pytest.mark.parametrize("foreign, total, blocked", [(1, 4, False), (2, 4, False), (3, 4, True), (4, 4, True)])
def test_other_regency_needs_most_rows(foreign, total, blocked):
    records = ex.rows(foreign, places=ex.DENPASAR) + ex.rows(total - foreign, first=100)
    raw = readers.read_extract(ex.csv_bytes(records), "a.csv")
    assert (upload.region_notice(raw, "51.04") is not None) is blocked


def test_a_province_wide_dashboard_has_no_other_regency():
    raw = readers.read_extract(ex.csv_bytes(ex.rows(4, places=ex.DENPASAR)), "a.csv")
    assert upload.region_notice(raw, "51") is None


def test_file_errors_keep_the_reader_message_in_both_languages(store):
    flow = received(store, b"NIK;NAMA\r\n", "kosong.csv")
    assert flow.state == upload.FAILED
    assert flow.error.message_id and flow.error.message_en and flow.error.message_id != flow.error.message_en


def test_source_headers_from_csv_and_xlsx():
    header = ["A", "B", "", "D"]
    assert upload.source_headers(ex.csv_bytes([["1", "2", "", "4"]], header=header), "x.csv") == \
        ["A", "B", "KOLOM 3", "D"]
    assert upload.source_headers(ex.xlsx_bytes([], header=["X", "Y"]), "x.xlsx") == ["X", "Y"]
    assert upload.source_headers(b"\x89PNG\r\n\x1a\n", "x.csv") == []


def test_withdraw_restores_the_figures_and_is_audited(store):
    count = protected(store)
    result = received(store, ex.csv_bytes(ex.rows(5))).commit(store, "dina")
    assert protected(store) == count + 5
    batch_admin.withdraw(store, result.batch_id, "budi")
    assert protected(store) == count
    row = batch_admin.batches(store).query(f"batch_id == {result.batch_id}").iloc[0]
    assert row["withdrawn_by"] == "budi" and pd.notna(row["withdrawn_at"])
    actor, action, text = audit(store)[-1]
    assert (actor, action) == ("budi", privacy.BATCH_WITHDRAW) and f"batch {result.batch_id}" in text


def test_withdraw_refuses_unknown_and_already_withdrawn_batches(store):
    result = received(store, ex.csv_bytes(ex.rows(2))).commit(store, "dina")
    batch_admin.withdraw(store, result.batch_id, "dina")
    before = ex.snapshot(store)
    for batch_id, code in ((result.batch_id, "batch_withdrawn"), (999, "batch_unknown")):
        with pytest.raises(upload.UploadRefused) as refused:
            batch_admin.withdraw(store, batch_id, "dina")
        assert refused.value.notice.code == code
    assert ex.snapshot(store) == before


def test_history_table_shows_short_hash_counts_who_and_status(store):
    result = received(store, ex.csv_bytes(ex.rows(2))).commit(store, "dina")
    batch_admin.withdraw(store, result.batch_id, "budi")
    table = batch_admin.history_table(batch_admin.batches(store), "id")
    assert list(table.columns) == ["Batch", "Berkas", "SHA-256", "Baris", "Dimuat", "Ditolak", "Kosong",
                                   "Ganda persis", "Tanggal data", "Oleh", "Waktu muat", "Status"]
    first = table.iloc[0]
    assert first["SHA-256"] == result.sha256[:12] and first["Dimuat"] == 2 and first["Oleh"] == "dina"
    assert first["Status"].startswith("ditarik") and "budi" in first["Status"]
    assert table.iloc[1]["Status"] == "aktif"
    assert list(batch_admin.history_table(batch_admin.batches(store), "en").columns)[1] == "File"


def test_stored_rejections_of_a_batch(store):
    records = ex.rows(3)
    records[1][ex.HEADER.index("PROGRAM")] = "JKN"
    result = received(store, ex.csv_bytes(records)).commit(store, "dina")
    table = batch_admin.rejections(store, result.batch_id)
    assert table["BARIS"].tolist() == [3] and table["KOLOM"].tolist() == ["PROGRAM"]


def test_detail_masks_nik_until_revealed(store):
    received(store, ex.csv_bytes(ex.rows(4))).commit(store, "dina")
    frame = detail.participants(store, "51.04.01.2001", KPI_DAY)  # Batubulan
    assert len(frame) == 5 and set(frame.columns) >= {"nik", "nama", "is_protected"}
    masked = detail.detail_table(frame, reveal=False)
    assert privacy.find_personal_data(masked.to_csv()) == []
    assert all(v.startswith("************") for v in masked["NIK"])
    assert sorted(v[-4:] for v in masked["NIK"]) == sorted(n[-4:] for n in frame["nik"])
    shown = detail.detail_table(frame, reveal=True, lang="en")
    assert sorted(shown["NIK"]) == sorted(frame["nik"]) and "Protected" in shown.columns


def test_reveal_and_export_are_audited_without_a_raw_nik(store):
    frame = detail.participants(store, "51.04.01.2001", KPI_DAY)
    detail.record_reveal(store, "dina", "51.04.01.2001", len(frame))
    data = detail.export_csv(store, "dina", detail.detail_table(frame, reveal=True), "51.04.01.2001", True)
    assert frame["nik"].iloc[0] in data.decode("utf-8-sig")
    rows = audit(store)
    assert [(a, b) for a, b, _ in rows] == [("dina", privacy.REVEAL_NIK), ("dina", privacy.EXPORT_DETAIL)]
    assert all("51.04.01.2001" in text for _, _, text in rows)
    assert privacy.find_personal_data(repr(rows)) == []


def test_detail_export_neutralises_formulas(store):
    received(store, ex.csv_bytes(ex.rows(1, NAMA="=HYPERLINK(\"http://x\")"))).commit(store, "dina")
    frame = detail.participants(store, "51.04.01.2001", KPI_DAY)
    data = detail.export_csv(store, "dina", detail.detail_table(frame), "51.04.01.2001", False).decode("utf-8-sig")
    assert "'=HYPERLINK" in data


def test_a_nik_typed_as_a_number_in_excel_is_refused_with_the_fix(store):
    # Excel keeps 15 significant digits: 5104050101600123 typed as a number is stored as ...120, which
    # is a valid-looking NIK of someone else. A program writing all 16 digits as a number keeps them.
    records = ex.rows(3)
    records[0][0], records[1][0] = 5.10405010160012e15, int(records[1][0])
    flow = received(store, ex.xlsx_bytes(records), "angka.xlsx")
    rejections = flow.draft.checked.rejections
    assert rejections[["row_number", "reason_code"]].values.tolist() == [[2, "nik_rounded"]]
    assert "format kolom NIK sebagai Teks lalu ekspor ulang" in rejections["reason_id"].iloc[0]
    assert flow.draft.checked.accepted["nik"].tolist() == [ex.nik(1), ex.nik(2)]


def test_counts_shown_add_up_and_an_undecided_date_order_is_asked(store):
    when = {"start": "05-01-2026", "end": "10-12-2026", "TGL_LAHIR": "01-05-1990"}  # no day above 12
    records = [*ex.rows(3, **when), [""] * 14, ex.row(0, **when), ex.row(9, NIK="x", **when)]
    flow = received(store, ex.csv_bytes(records))
    checked = flow.draft.checked
    assert (checked.rows_total, len(checked.accepted), checked.rows_rejected, checked.rows_blank,
            checked.rows_duplicate) == (6, 3, 1, 1, 1)
    some = next(n for n in flow.draft.notices if n.code == "some_rejected")
    assert some.message_id.startswith("1 dari 6 baris ditolak") and "1 baris kosong dan 1 baris ganda" in \
        some.message_id
    assert any(n.code == "date_order_unsettled" and not n.blocking for n in flow.draft.notices)
    flow.choose(store, date_order="mdy")  # 05-01-2026 is then 1 May
    assert flow.draft.checked.accepted["tgl_kepesertaan"].iloc[0] == date(2026, 5, 1)
    assert not any(n.code == "date_order_unsettled" for n in flow.draft.notices)


def test_header_variants_of_real_exports_load_without_mapping(store):
    header = [{"DESA/KELURAHAN": "KEL/DESA", "TGL AKHIR": "TANGGAL AKHIR IURAN", "TGL KEPESERTAAN": "TMT KEPESERTAAN",
               "SUMBER IURAN": "SUMBER PEMBIAYAAN"}.get(h, h) for h in ex.HEADER]
    flow = received(store, ex.csv_bytes(ex.rows(4), header=header))
    assert flow.state == upload.PREVIEW and len(flow.draft.checked.accepted) == 4


def test_admin_tables_are_neutralised_before_display(store):
    # Row 0's STATUS is not a status (rejected, but previewed as it came); row 1 loads.
    flow = received(store, ex.csv_bytes([ex.row(0, NAMA="=HYPERLINK(\"http://x\")", STATUS="@SUM(A1)"),
                                         ex.row(1)]), "=cmd.csv")
    shown = batch_admin.shown(upload.preview(flow.draft.raw))
    assert shown["STATUS"].iloc[0] == "'@SUM(A1)"
    flow.commit(store, "dina")
    history = batch_admin.history_table(batch_admin.batches(store))
    assert history.iloc[0, 1] == "'=cmd.csv"


def test_the_widget_lets_an_oversized_file_through_to_the_indonesian_refusal():
    import tomllib

    from jamsostek import settings

    config = tomllib.loads((settings.ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == settings.UPLOAD_WIDGET_MB > settings.EXTRACT_MAX_MB
    error = pytest.raises(readers.ExtractError, readers.read_extract, b"x" * (60 * readers.MB), "besar.csv").value
    assert error.message_id == "Berkas terlalu besar: 60 MB, batas 50 MB. Pisahkan berkas per kecamatan."
