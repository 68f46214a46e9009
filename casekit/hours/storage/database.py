"""Where the log lives: a SQLAlchemy engine over SQLite (default) or any database URL.

SQLite is opened in WAL mode with a busy timeout, and every write transaction starts
with ``BEGIN IMMEDIATE``: a writer takes the write lock up front, so two processes
logging at once queue for it instead of one of them failing half-way through.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import StaticPool

from casekit.hours.errors import StoreError, store_error
from casekit.hours.storage.location import (  # re-exported: their home before naming the log needed no SQLAlchemy
    BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS,
    DEFAULT_FILENAME as DEFAULT_FILENAME,
    ENV_VAR as ENV_VAR,
    db_text,
    default_db_path as default_db_path,
    sqlite_file,
)


def resolve_url(db: str | os.PathLike | None = None) -> URL:
    """Turn ``db`` (a path or a SQLAlchemy URL), else the environment, else the default, into a URL."""
    text = db_text(db)
    path = sqlite_file(text)
    if path is None:
        try:
            return make_url(text)
        except ArgumentError as exc:
            raise StoreError(
                f"{text!r} is not a database URL SQLAlchemy understands ({exc}); "
                "give a file path, or a URL such as postgresql+psycopg://user@host/dbname"
            ) from None
    return URL.create("sqlite", database=str(path))


class Store:
    """An open hours log. Use :func:`open_store` to get one (it also applies migrations)."""

    def __init__(self, url: URL, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.url = url
        self.busy_timeout_ms = busy_timeout_ms
        self.is_sqlite = url.get_backend_name() == "sqlite"
        self.path: Path | None = None
        if self.is_sqlite and url.database and url.database != ":memory:":
            self.path = Path(url.database)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the folder for the hours log {self.path}: {exc.strerror}; "
                    "give another place with --db PATH"
                ) from None
        self.engine = self._make_engine()

    def _make_engine(self) -> Engine:
        if not self.is_sqlite:
            try:
                return create_engine(self.url, pool_pre_ping=True)
            except NoSuchModuleError:
                raise StoreError(f"{self.describe()}: SQLAlchemy has no database dialect "
                                 f"{self.url.drivername!r}; use sqlite:///PATH or postgresql+psycopg://...") from None
            except ImportError as exc:
                raise StoreError(f"{self.describe()}: the database driver is not installed ({exc}); "
                                 "install it into the kit's environment (for PostgreSQL: pip install psycopg)") from None
        kwargs: dict = {"connect_args": {"timeout": self.busy_timeout_ms / 1000}}
        if self.path is None:  # an in-memory database lives in one connection
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        engine = create_engine(self.url, **kwargs)
        timeout = int(self.busy_timeout_ms)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record):  # pragma: no cover - exercised by every test
            # We issue BEGIN ourselves (below), so pysqlite must not.
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            cur.execute(f"PRAGMA busy_timeout = {timeout}")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):  # pragma: no cover - exercised by every test
            write = conn.get_execution_options().get("casekit_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine

    # --- transactions ---------------------------------------------------------------------

    @contextmanager
    def write(self, *, references_checked_by_caller: bool = False) -> Iterator[Connection]:
        """A write transaction: committed on success, rolled back on any error.

        With ``references_checked_by_caller``, SQLite does not look up the person behind
        every row's learner and supervisor id as it inserts (its foreign-key check, two
        lookups a row). Only for a bulk insert whose caller checks every id it writes
        against the people table inside this same transaction (see
        :func:`casekit.hours.logbook.write_entries`). Other databases check as always.
        """
        try:
            with self.engine.connect() as conn:
                raw = conn.connection.dbapi_connection if self.is_sqlite and references_checked_by_caller else None
                if raw is not None:  # must be set outside a transaction; put back before the connection is reused
                    raw.execute("PRAGMA foreign_keys = OFF")
                try:
                    conn.execution_options(casekit_write=True)
                    with conn.begin():
                        yield conn
                finally:
                    if raw is not None:
                        raw.execute("PRAGMA foreign_keys = ON")
        except OperationalError as exc:
            raise self._translate(exc) from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot of the log."""
        try:
            with self.engine.connect() as conn:
                with conn.begin():
                    yield conn
        except OperationalError as exc:
            raise self._translate(exc) from exc

    def _translate(self, exc: DBAPIError) -> StoreError:
        return store_error(self.describe(), str(exc.orig) if exc.orig is not None else str(exc), self.busy_timeout_ms)

    def describe(self) -> str:
        """Where the log is, for messages (a password in a URL is hidden)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.describe()!r})"


def open_store(db: str | os.PathLike | None = None, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the hours log named by ``db``, the environment or the default.

    ``db`` is a file path or any SQLAlchemy URL. With ``migrate`` (the default) the schema
    is brought up to date; a database from a newer kit is refused.
    """
    store = Store(resolve_url(db))
    if migrate:
        from casekit.hours.storage.migrations import migrate as _migrate

        try:
            _migrate(store)
        except (OperationalError, DatabaseError) as exc:  # DatabaseError: the file is not a SQLite database
            store.close()
            raise store._translate(exc) from exc
        except Exception:
            store.close()
            raise
    return store
