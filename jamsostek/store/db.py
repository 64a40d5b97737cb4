"""The only module that talks to DuckDB: connect, load SQL files, run them with bound parameters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from jamsostek import settings

STATEMENTS_DIR = Path(__file__).resolve().parent / "sql"
_PARAM = re.compile(r"(?<![\w$])\$([a-z_][a-z0-9_]*)")
_COMMENT = re.compile(r"--[^\n]*")
# Every table of the store. A writable connection creates them all, so that a read-only copy
# (jamsostek/store/shared.py) already has the meeting and scenario tables when nobody has used them yet.
SCHEMAS = ("schema", "meeting_schema", "scenario_schema", "signin_schema", "usulan_schema")

Connection = duckdb.DuckDBPyConnection
Error = duckdb.Error


def connect(path: Path | str | None = None, read_only: bool = False, create: bool = True) -> Connection:
    """Open the store (creating or upgrading its tables when writable, unless create=False: a writer of a
    store already brought up to date, which saves the ~0,3 s the schema statements cost); never loads
    extensions."""
    path = Path(path) if path else settings.db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # autoload/autoinstall off: the app must never reach for the network.
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    con = duckdb.connect(str(path), read_only=read_only, config=config)
    con.execute("set enable_progress_bar = false")  # a long rebuild would draw bars into the server log
    if create and not read_only:
        for name in SCHEMAS:
            con.execute(load_statement(name))
        upgrade(con)
    return con


def ensure(con: Connection, name: str) -> None:
    """Run an idempotent schema file (create ... if not exists), except on a read-only connection,
    where DuckDB refuses any CREATE and the tables exist already (connect made them)."""
    if not fetch_value(con, "database_read_only"):
        execute(con, name)


def upgrade(con: Connection) -> None:
    """Bring a store made by an earlier version up to schema.sql (create-if-not-exists cannot alter)."""
    if fetch_value(con, "participant_column_type", column="sektor") == "VARCHAR":
        with transaction(con):
            execute(con, "participant_sektor_enum")
    if fetch_value(con, "participant_column_type", column="tgl_nonaktif") is None:
        with transaction(con):
            execute(con, "participant_add_nonaktif")
    execute(con, "sasaran_range_columns")
    if fetch_value(con, "protection_cell_stale"):
        with transaction(con):
            execute(con, "protection_cell_rebuild")


def memory() -> Connection:
    """An in-memory store with the schema, for tests and scratch work."""
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False})
    con.execute(load_statement("schema"))
    return con


@cache
def load_sql(name: str) -> str:
    """Text of queries/<name>.sql (a question the app asks)."""
    return (settings.QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


@cache
def load_statement(name: str) -> str:
    """Text of jamsostek/store/sql/<name>.sql (schema and writes)."""
    return (STATEMENTS_DIR / f"{name}.sql").read_text(encoding="utf-8")


def sql_params(sql: str) -> set[str]:
    """Names of the $parameters a SQL text declares (comments ignored)."""
    return set(_PARAM.findall(_COMMENT.sub("", sql)))


def _bind(sql: str, params: dict) -> dict:
    declared = sql_params(sql)
    if set(params) != declared:
        missing, extra = declared - set(params), set(params) - declared
        raise TypeError(f"parameters do not match the SQL: missing {sorted(missing)}, extra {sorted(extra)}")
    return params


def run_query(con: Connection, name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with exactly its declared parameters; return a DataFrame."""
    sql = load_sql(name)
    return con.execute(sql, _bind(sql, params)).df()


def execute(con: Connection, name: str, **params) -> None:
    """Run a statement file from jamsostek/store/sql with exactly its declared parameters."""
    sql = load_statement(name)
    _bind(sql, params)
    # DuckDB binds parameters for one statement at a time, so a file of several runs piece by piece.
    for statement in filter(str.strip, _COMMENT.sub("", sql).split(";\n")):
        con.execute(statement, {k: params[k] for k in sql_params(statement)})


@contextmanager
def transaction(con: Connection) -> Iterator[Connection]:
    """All or nothing: commit when the block ends, roll back on any exception."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def data_version(con: Connection) -> int:
    """A number that changes whenever loaded data changes (for cache keys)."""
    return int(con.execute("select value from meta where key = 'data_version'").fetchone()[0])


def stage(con: Connection, name: str, frame: pd.DataFrame) -> None:
    """Make a DataFrame readable from SQL as `name` (for insert ... select from name)."""
    con.register(name, frame)


def append_frame(con: Connection, table: str, statement: str, frame: pd.DataFrame) -> None:
    """Insert into `table` what a statement file selects from the frame (read as `chunk`).

    A relation over the frame, not stage(): a view registered inside a transaction keeps its DataFrame
    alive until commit, so a load in many chunks would hold them all at once (~2 GB at 10M rows).
    """
    con.from_df(frame).query("chunk", load_statement(statement)).insert_into(table)


def next_id(con: Connection, sequence: str) -> int:
    """Next value of a sequence declared in schema.sql."""
    return int(con.execute("select nextval(?)", [sequence]).fetchone()[0])


def fetch_row(con: Connection, name: str, **params) -> tuple | None:
    """The first row of a statement file's result, or None."""
    sql = load_statement(name)
    return con.execute(sql, _bind(sql, params)).fetchone()


def fetch_rows(con: Connection, name: str, **params) -> list[tuple]:
    """Every row of a statement file's result (an update ... returning: the rows it changed)."""
    sql = load_statement(name)
    return con.execute(sql, _bind(sql, params)).fetchall()


def fetch_value(con: Connection, name: str, **params):
    """First column of the first row of a statement file's result, or None."""
    sql = load_statement(name)
    row = con.execute(sql, _bind(sql, params)).fetchone()
    return row[0] if row else None
