"""Reads pinned to one data version, so a page never mixes the data before and after an ingest.

DuckDB gives each transaction a snapshot; reading data_version inside the same transaction tells
which version the snapshot holds. A page run reads the version once, then runs all its questions at
that version: if the store moved on meanwhile, StaleVersion says so and the page starts again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd

from jamsostek.store import db


class StaleVersion(Exception):
    """The store changed after the page read its data version; run the page again."""

    def __init__(self, wanted: int, found: int):
        super().__init__(f"data version {wanted} asked, store is at {found}")
        self.wanted, self.found = wanted, found


@contextmanager
def pinned(con: db.Connection, version: int) -> Iterator[db.Connection]:
    """A read-only transaction on `con` whose snapshot holds `version`; raises StaleVersion otherwise."""
    con.execute("begin transaction")
    try:
        found = db.data_version(con)
        if found != version:
            raise StaleVersion(version, found)
        yield con
    finally:
        con.execute("commit")


def run_at_version(con: db.Connection, version: int, name: str, **params) -> pd.DataFrame:
    """Result of queries/<name>.sql from a snapshot at `version`; raises StaleVersion otherwise."""
    with pinned(con, version):
        return db.run_query(con, name, **params)
