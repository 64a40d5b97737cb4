"""Header synonyms: a data file, matched by words, so real exports' headers map without code changes."""

from __future__ import annotations

import pandas as pd
import pytest

from jamsostek.domain import EXTRACT_COLUMNS
from jamsostek.ingest import headers


@pytest.mark.parametrize("header, field", [
    ("KEL/DESA", "desa"), ("NAMA DESA", "desa"), ("Kelurahan / Desa", "desa"), ("DESA KELURAHAN", "desa"),
    ("TANGGAL AKHIR IURAN", "tgl_akhir"), ("TGL AKHIR IURAN", "tgl_akhir"), ("Tgl. Akhir Iuran", "tgl_akhir"),
    ("IURAN S/D", "tgl_akhir"), ("TMT KEPESERTAAN", "tgl_kepesertaan"), ("TMT", "tgl_kepesertaan"),
    ("SUMBER PEMBIAYAAN", "sumber_iuran"), ("no. kpj", "no_kpj"), ("Tgl.Lahir", "tgl_lahir"),
    ("KEC.", "kecamatan"), ("L/P", "jenis_kelamin"), ("PESERTA NAMA", "nama"),
])
def test_headers_seen_in_real_exports(header, field):
    assert headers.field_for(header) == field


@pytest.mark.parametrize("header", ["KETERANGAN", "ALAMAT", "", "NO"])
def test_headers_that_mean_nothing_we_load(header):
    assert headers.field_for(header) is None


def test_every_template_header_and_field_name_maps_to_itself():
    for header, field in EXTRACT_COLUMNS.items():
        assert headers.field_for(header) == field
        assert headers.field_named(field) == field == headers.field_named(header)


def test_the_table_is_data_and_names_only_known_fields():
    table = pd.read_csv(headers.SYNONYMS_CSV, dtype=str)
    assert set(table["field"]) == headers.FIELDS and len(table) >= 70
    assert len(headers.synonyms()) == len({headers.tokens(h) for h in table["header"]})  # no key claimed twice
