"""Participant detail lists for data admins: NIK masked to its last 4 digits unless revealed, audited."""

from __future__ import annotations

from datetime import date

import pandas as pd

from jamsostek import domain, i18n
from jamsostek.store import db
from jamsostek.reports import downloads as export
from jamsostek.access import privacy
from jamsostek.i18n import t


def participants(con: db.Connection, kode_desa: str, as_of: date) -> pd.DataFrame:
    """Participants of one desa (queries/participants_detail.sql): raw, personal data included."""
    return db.run_query(con, "participants_detail", kode_desa=kode_desa, as_of=as_of)


def detail_table(frame: pd.DataFrame, reveal: bool = False, lang: str = "id") -> pd.DataFrame:
    """The list as shown: NIK and KPJ masked to their last 4 digits unless `reveal`, labels in `lang`."""
    def show(value: object) -> str:
        text = "" if value is None or value is pd.NA else str(value)
        return text if reveal else privacy.mask_number(text)

    yes, no = t("detail.yes", lang), t("detail.no", lang)
    programs = [" ".join(p for p, on in zip(domain.PROGRAMS, flags) if on)
                for flags in zip(frame["jkk"], frame["jkm"], frame["jht"])]
    columns = {
        "detail.col.nik": frame["nik"].map(show),
        "detail.col.nama": frame["nama"].fillna(""),
        "detail.col.kpj": frame["no_kpj"].map(show),
        "col.sector": frame["sektor"].map(lambda s: i18n.sector_label(s, lang)),
        "detail.col.programs": programs,
        "detail.col.start": frame["tgl_kepesertaan"].map(lambda d: i18n.fmt_date_short(d, lang)),
        "detail.col.paid_until": frame["tgl_akhir"].map(lambda d: i18n.fmt_date_short(d, lang)),
        "detail.col.funding": frame["sumber_iuran"].map(lambda s: i18n.funding_label(s, lang)),
        "detail.col.protected": frame["is_protected"].map(lambda v: yes if v else no),
    }
    return pd.DataFrame({t(k, lang): list(v) for k, v in columns.items()})


def record_reveal(con: db.Connection, actor: str, kode_desa: str, count: int) -> None:
    """Audit that `actor` revealed the full NIKs of `count` participants of a desa."""
    privacy.record_audit(con, actor, privacy.REVEAL_NIK, f"desa {kode_desa}; {int(count)} NIK lengkap ditampilkan")


def export_csv(con: db.Connection, actor: str, shown: pd.DataFrame, kode_desa: str, revealed: bool) -> bytes:
    """CSV bytes of a detail list, with an EXPORT_DETAIL audit row written first."""
    what = "NIK lengkap" if revealed else "NIK disamarkan"
    privacy.record_audit(con, actor, privacy.EXPORT_DETAIL, f"desa {kode_desa}; {len(shown)} baris; {what}")
    return export.to_csv_bytes(shown)
