"""Reading the log with plain SQL: through a SQLAlchemy connection, or with the standard library alone.

The queries that gather a learner's signed log (:mod:`casekit.hours.trust.signedlog`) are
plain SQL with ``?`` parameters, run through a :class:`RowReader`:

* :class:`ConnectionRows` runs them on a connection of an open
  :class:`~casekit.hours.storage.database.Store` (SQLite or PostgreSQL), inside its transaction;
* :class:`SqliteSnapshot` runs them on a SQLite file opened read-only with ``sqlite3``, in
  one read transaction, without importing SQLAlchemy (which takes about 0.2 s to import:
  most of what a command that only reads would wait for).

:func:`open_sqlite_snapshot` gives a snapshot only for a log it can read as it is: an existing
file whose schema is the current one. Anything else (no file yet, an older schema to
migrate, a newer kit's log, not a database at all) is left to ``open_store``, which creates,
migrates or says what is wrong. Rows are mappings of column name to value as the driver
gives it: dates as ISO text from SQLite and as dates from PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from casekit.hours.errors import store_error
from casekit.hours.storage.location import BUSY_TIMEOUT_MS
from casekit.hours.storage.models import SCHEMA_VERSION, migrations_table_name

__all__ = ["ConnectionRows", "RowReader", "SqliteSnapshot", "as_reader", "open_sqlite_snapshot", "placeholder"]


class RowReader(Protocol):
    """Runs one plain-SQL query (``?`` parameters) and returns its rows as mappings."""

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Mapping[str, Any]]: ...


def placeholder(conn) -> str:
    """The DB-API parameter marker for raw cursor SQL on this SQLAlchemy connection."""
    style = conn.dialect.paramstyle
    return {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": ":1"}.get(style, "?")


class ConnectionRows:
    """A :class:`RowReader` over a SQLAlchemy connection (the driver's own parameter marker is put in)."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self._marker = placeholder(conn)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Mapping[str, Any]]:
        if self._marker != "?":
            sql = sql.replace("?", self._marker)
        return list(self.conn.exec_driver_sql(sql, tuple(params)).mappings())


def as_reader(conn) -> RowReader:
    """``conn`` itself when it is a :class:`RowReader`, else a SQLAlchemy connection wrapped as one."""
    return conn if hasattr(conn, "rows") else ConnectionRows(conn)


class SqliteSnapshot:
    """A SQLite log opened read-only with ``sqlite3``; :meth:`read` is one consistent snapshot of it."""

    def __init__(self, conn: sqlite3.Connection, path: Path, busy_timeout_ms: int) -> None:
        self.conn = conn
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms

    def describe(self) -> str:
        """Where the log is, for messages (as the store describes a SQLite log)."""
        return str(self.path)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Mapping[str, Any]]:
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise store_error(self.describe(), str(exc), self.busy_timeout_ms) from exc

    @contextmanager
    def read(self) -> Iterator[SqliteSnapshot]:
        """One read transaction: every query inside it sees the log as it was at the first."""
        self.rows("BEGIN")
        try:
            yield self
        finally:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SqliteSnapshot:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_sqlite_snapshot(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> SqliteSnapshot | None:
    """The SQLite log at ``path`` opened read-only, or None when it is not a current log to read as it is."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=busy_timeout_ms / 1000,
                               isolation_level=None)
    except sqlite3.Error:
        return None
    conn.row_factory = sqlite3.Row
    try:
        version = conn.execute(f"SELECT MAX(number) FROM {migrations_table_name}").fetchone()[0]
    except sqlite3.Error:  # not a log, or not one yet: open_store says which
        version = None
    if version != SCHEMA_VERSION:
        conn.close()
        return None
    return SqliteSnapshot(conn, path, busy_timeout_ms)
