"""The usulan funnel since the last meeting (queries/usulan_since.sql, usulan.store.since, meetings Since):
a small round with hand-computed counts per window."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from jamsostek.meetings import weekly as mt
from jamsostek.usulan import store as usulan
from tests.conftest import AS_OF, KETEWEL, MAS, load_rows, nik

FIRST, SECOND = date(2026, 1, 5), date(2026, 1, 12)
DENPASAR = "5171011505900030"  # valid, flagged: issued outside Gianyar


def cands(rows):
    return pd.DataFrame([(i + 2, n, f"Calon {i}", s, "") for i, (n, s) in enumerate(rows)],
                        columns=usulan.CANDIDATE_COLUMNS)


@pytest.fixture
def round_(store):
    # Before the first meeting: Mas proposes 20, 21, an invalid NIK and a Denpasar NIK (flagged) on 2 Jan.
    usulan.propose(store, MAS, cands([(nik("20"), "petani"), (nik("21"), "pengrajin"), ("123", "petani"),
                                      (DENPASAR, "petani")]), "desa.mas", date(2026, 1, 2),
                   at=datetime(2026, 1, 2, 9))
    # Between the meetings: the flag accepted (6 Jan); Ketewel proposes 22, 23 and 05 (fixture participant 05
    # starts on 12 Jan, so is not protected yet) on 7 Jan; Mas registered (8 Jan); 23 rejected (9 Jan).
    usulan.override(store, 1, 5, "verified", "pindah 2025", "dinas.data", at=datetime(2026, 1, 6, 10))
    usulan.propose(store, KETEWEL, cands([(nik("22"), "nelayan"), (nik("23"), "nelayan"), (nik("05"), "nelayan")]),
                   "desa.ketewel", date(2026, 1, 7), at=datetime(2026, 1, 7, 9))
    usulan.register(store, "dinas.data", MAS, at=datetime(2026, 1, 8, 11))
    usulan.override(store, 2, 3, "rejected", "sudah pindah", "dinas.data", at=datetime(2026, 1, 9, 10))
    # 21 started on 3 Jan (before the first meeting), 20 on 10 Jan (between them).
    load_rows(store, [("20", MAS, "petani", "JKK JKM", "2026-01-10", "2026-12-31", "APBD"),
                      ("21", MAS, "pengrajin", "JKK JKM", "2026-01-03", "2026-12-31", "APBD")], name="later.csv")
    return store


@pytest.mark.parametrize("date_from, date_to, expected", [
    # proposed, verified, registered, enrolled
    (None, FIRST, (4, 2, 0, 1)),  # 20, 21, 123, Denpasar; 20 and 21 verified; 21 enrolled on 3 Jan
    (FIRST, SECOND, (3, 3, 3, 2)),  # Ketewel's 3; 22, 05 and the accepted flag; Mas's 3; 20 and 05
    (SECOND, date(2026, 2, 1), (0, 0, 0, 0)),
    (date(2026, 1, 6), date(2026, 1, 7), (3, 2, 0, 0)),  # a window of one day: Ketewel's day (23 rejected later)
])
def test_since_counts_each_stage_in_its_window(round_, date_from, date_to, expected):
    assert tuple(usulan.since(round_, date_from, date_to).values()) == expected


def test_no_candidate_is_zero_everywhere(store):
    assert usulan.since(store, None, AS_OF) == dict.fromkeys(usulan.SINCE_STAGES, 0)


def test_the_meeting_since_carries_the_funnel_between_the_meeting_dates(round_):
    first = mt.create_meeting(round_, FIRST, as_of=AS_OF)
    second = mt.create_meeting(round_, SECOND, as_of=AS_OF)
    assert tuple(mt.since_last(round_, first).funnel.values()) == (4, 2, 0, 1)
    assert tuple(mt.since_last(round_, second).funnel.values()) == (3, 3, 3, 2)


def test_a_store_without_lists_gives_the_meeting_no_funnel(store):
    first = mt.create_meeting(store, FIRST, as_of=AS_OF)
    second = mt.create_meeting(store, SECOND, as_of=AS_OF)
    assert mt.since_last(store, first).funnel is None and mt.since_last(store, second).funnel is None


def test_a_meeting_with_no_movement_after_a_round_shows_zeros(round_):
    mt.create_meeting(round_, SECOND, as_of=AS_OF)
    later = mt.create_meeting(round_, date(2026, 2, 2), as_of=AS_OF)
    assert mt.since_last(round_, later).funnel == dict.fromkeys(usulan.SINCE_STAGES, 0)
