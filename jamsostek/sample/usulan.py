"""A deterministic SYNTHETIC usulan round for the sample store: four desa's candidate lists, faults planted.

The sample store (sample/store.py) ships it so the funnel has every stage on first run. Four
desa with a sector the programme has not reached (extracts.GAP_CELLS; Kenderan: the desa whose APBDes
enrols its adat workers in the messy extract's week) each propose a list on PROPOSED_AT, through
usulan.store.propose, so the verification runs for real against the sample participants. The faults
planted (FAULTS names each with its list, row and expected reason) cover every reason code. A verifier
accepts Taro's flagged newcomer with a note, and Kenderan is registered. Kenderan's candidates are people of
the messy extract's `baru_apbdes` cohort: the store holds none of them, so they are enrolled only once
peserta_berantakan.csv is uploaded (the demo's upload), and enrolled is 0 in the store as shipped.

Everyone is synthetic: names from people.NAMES, NIKs from people.nik_numbers with serials from
SERIAL_FROM (no sample participant shares one) and no phone number (a made-up number can be someone's).
Proposed by ACTOR from files named CONTOH-usulan-<desa>.csv. Times are fixed, relative to the sample's dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from jamsostek.sample import extracts, people
from jamsostek.sample.target import wilayah
from jamsostek.store import db
from jamsostek.usulan import store

ACTOR = "contoh"
SEED = (extracts.DEFAULT_SEED, 17)
PROPOSED_AT = datetime.combine(extracts.SAMPLE_AS_OF - timedelta(days=25), datetime.min.time()).replace(hour=9)
OVERRIDE_AT = PROPOSED_AT + timedelta(days=2, hours=1)  # Wednesday 28 Oct 2026, 10:00
REGISTERED_AT = PROPOSED_AT + timedelta(days=7, hours=2)  # Monday 2 Nov 2026, 11:00
VERIFIED_ON = PROPOSED_AT.date()  # the day ages and protection are judged on (Monday 26 Oct 2026)
SERIAL_FROM = 5_001  # NIK serials from here: the sample's people share a birth date with a few others at most
OTHER_REGENCY = {"Denpasar": "517101", "Klungkung": "510502"}  # valid region codes outside Gianyar
UNKNOWN_SECTOR = "PEMULUNG"  # no sector of domain.SECTORS
OVERRIDE_NOTE = "Pindah ke Taro 2025, KK sudah di Desa Taro (contoh)"
KENDERAN_FROM_MESSY = 5  # Kenderan candidates taken from the messy extract's new APBDes participants


@dataclass(frozen=True)
class Desa:
    """One list of the round: the desa, the sector it proposes for, how many plain candidates."""

    name: str
    sektor: str
    plain: int


ROUND = (Desa("Pering", "nelayan", 6), Desa("Tulikup", "nelayan", 4), Desa("Taro", "pekerja_adat", 4),
         Desa("Kenderan", "pekerja_adat", 0))
REGISTERED_DESA = "Kenderan"
# (desa, row, status, reasons) of each planted fault, rows as in the file (header = row 1).
FAULTS = (
    ("Pering", 8, "rejected", "nik_invalid"),  # 15 digits
    ("Pering", 9, "rejected", "nik_invalid"),  # born 31 February
    ("Pering", 10, "rejected", "duplicate_in_list"),  # row 3's NIK again
    ("Pering", 11, "rejected", "sector_unknown"),
    ("Pering", 12, "rejected", "age_out_of_range"),  # 15 years old
    ("Tulikup", 6, "rejected", "proposed_elsewhere"),  # Pering's row 2
    ("Tulikup", 7, "rejected", "already_protected"),  # a launch participant of Tulikup
    ("Tulikup", 8, "flagged", "region_other"),  # a Denpasar NIK
    ("Tulikup", 9, "rejected", "nik_invalid"),  # a letter O for a zero
    ("Taro", 6, "rejected", "age_out_of_range"),  # 70 years old
    ("Taro", 7, "flagged", "region_other"),  # a Klungkung NIK: the verifier accepts it (OVERRIDE_NOTE)
)
OVERRIDDEN = ("Taro", 7)


def _region(desa: str) -> int:
    geo = wilayah().set_index("desa")
    return int(people.REGENCY_NIK) * 100 + int(geo.loc[desa, "kec_no"])


def _name(rng: np.random.Generator, female: bool = False) -> str:
    names = people.FEMALE_NAMES if female else people.MALE_NAMES
    return names[int(rng.integers(len(names)))]


def _person(rng: np.random.Generator, region: int, born: date, female: bool, serial: int) -> tuple[str, str]:
    """A NIK (people.nik_numbers, with this serial) and a name for someone born on `born`."""
    nik = people.nik_numbers(np.array([region]), np.array([np.datetime64(born, "D")]), np.array([female]))[0]
    return str(nik - 1 + serial), _name(rng, female)


def _plain(rng: np.random.Generator, desa: Desa, first_serial: int) -> list[tuple[str, str, str]]:
    """`desa.plain` candidates of its sector: working age, sex by the sector's share of women."""
    out = []
    for i in range(desa.plain):
        born = VERIFIED_ON - timedelta(days=int(rng.integers(22 * 365, 58 * 365)))
        female = bool(rng.random() < people.FEMALE_SHARE[desa.sektor])
        out.append((*_person(rng, _region(desa.name), born, female, first_serial + i), desa.sektor))
    return out


def _aged(rng: np.random.Generator, desa: str, years: int, serial: int) -> str:
    return _person(rng, _region(desa), VERIFIED_ON - timedelta(days=int(years * 365.25) + 30), False, serial)[0]


@cache
def _everyone() -> pd.DataFrame:
    """The sample's whole population, as extracts.write_sample draws it."""
    plan = [(c, c.n) for c in extracts.SNAPSHOT_PLAN + extracts.MESSY_PLAN]
    return extracts.population(plan, extracts.DEFAULT_SEED, extracts.SAMPLE_AS_OF)


def _messy_kenderan() -> pd.DataFrame:
    """The messy extract's new APBDes participants of Kenderan (not in the store until it is uploaded)."""
    everyone = _everyone()
    new = everyone[everyone["cohort"].eq("baru_apbdes") & everyone["sektor"].eq("pekerja_adat")]
    return new.sort_values("nik").head(KENDERAN_FROM_MESSY)


def lists(con: db.Connection) -> dict[str, pd.DataFrame]:
    """Each desa's candidate list (store.CANDIDATE_COLUMNS) with the faults planted, in proposing order."""
    rng = np.random.default_rng(list(SEED))
    rows = {d.name: _plain(rng, d, SERIAL_FROM + 100 * k) for k, d in enumerate(ROUND)}
    pering, tulikup, taro = rows["Pering"], rows["Tulikup"], rows["Taro"]
    good = pering[0][0]
    pering += [(good[:-1], _name(rng), "nelayan"),
               (good[:6] + "3102" + good[10:], _name(rng), "nelayan"),
               (pering[1][0], pering[1][1], "nelayan"),
               (*_person(rng, _region("Pering"), date(1984, 3, 9), True, SERIAL_FROM + 90), UNKNOWN_SECTOR),
               (_aged(rng, "Pering", 15, SERIAL_FROM + 91), _name(rng), "nelayan")]
    tulikup += [(good, pering[0][1], "nelayan"),
                (_protected(con, "Tulikup"), _name(rng), "nelayan"),
                (OTHER_REGENCY["Denpasar"] + tulikup[0][0][6:-4] + "0091", _name(rng), "nelayan"),
                (tulikup[1][0][:6] + "O" + tulikup[1][0][7:], _name(rng), "nelayan")]
    taro += [(_aged(rng, "Taro", 70, SERIAL_FROM + 290), _name(rng), "pekerja_adat"),
             (OTHER_REGENCY["Klungkung"] + taro[0][0][6:-4] + "0092", _name(rng), "pekerja_adat")]
    kenderan = [(p.nik, str(p.nama), "pekerja_adat") for p in _messy_kenderan().itertuples()]
    rows["Kenderan"] = kenderan + [(OTHER_REGENCY["Denpasar"] + kenderan[0][0][6:-4] + "0093", _name(rng, True),
                                    "pekerja_adat")]
    return {name: pd.DataFrame([(i + 2, nik, nama, sektor, "") for i, (nik, nama, sektor) in enumerate(found)],
                               columns=store.CANDIDATE_COLUMNS) for name, found in rows.items()}


def _protected(con: db.Connection, desa: str) -> str:
    """The lowest NIK of the desa's launch participants that the store holds protected on VERIFIED_ON."""
    everyone = _everyone()
    niks = everyone.loc[everyone["cohort"].eq("perdana") & everyone["desa"].eq(desa), "nik"].tolist()
    return min(store.protected_niks(con, niks, VERIFIED_ON))


def source_file(desa: str) -> str:
    """The file name a sample list is stored under: says it is an example."""
    return f"CONTOH-usulan-{desa.replace(' ', '-')}.csv"


def build(con: db.Connection) -> dict[str, int]:
    """Propose the round into `con` (a store holding the sample extracts), override, register; list ids."""
    code = wilayah().set_index("desa")["kode_desa"]
    ids = {}
    for name, frame in lists(con).items():
        ids[name] = store.propose(con, code[name], frame, ACTOR, VERIFIED_ON, source_file(name), at=PROPOSED_AT)
    store.override(con, ids[OVERRIDDEN[0]], OVERRIDDEN[1], "verified", OVERRIDE_NOTE, ACTOR, at=OVERRIDE_AT)
    store.register(con, ACTOR, code[REGISTERED_DESA], at=REGISTERED_AT)
    return ids
