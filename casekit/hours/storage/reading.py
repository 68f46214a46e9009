"""Opening the log to read it: a SQLite snapshot when one will do, else the store.

The commands that only read (``casekit hours progress``, ``why``, ``pathways``) open the log
with :func:`open_reader`: a current SQLite file is read with the standard library alone
(:mod:`casekit.hours.storage.snapshot`), without the 0.2 s SQLAlchemy takes to import; any
other log is opened as a store (:mod:`casekit.hours.storage.database`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casekit.hours.errors import StoreError
from casekit.hours.storage.location import sqlite_file
from casekit.hours.storage.snapshot import SqliteSnapshot, open_sqlite_snapshot

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store

__all__ = ["existing_sqlite_file", "open_reader"]


def existing_sqlite_file(db=None):
    """The SQLite file ``db`` names (None for a database URL); :class:`StoreError` when there is no such file yet.

    For commands that only read: looking at a log must not create an empty one.
    """
    path = sqlite_file(db)
    if path is not None and not path.exists():
        raise StoreError(f"there is no hours log at {path} yet: start one by adding a person "
                         "(casekit hours person add NAME --role learner), or name the log with --db PATH")
    return path


def open_reader(db=None) -> SqliteSnapshot | Store:
    """The log named by ``db`` (as ``open_store`` reads it), opened to be read.

    A current SQLite file is read with sqlite3 alone; any other log is opened as a store
    (migrated if it is older). A SQLite file that does not exist is not created: reading
    it fails with :class:`~casekit.hours.errors.StoreError` saying how to start one.
    Either way the result has ``read()`` (one snapshot), ``describe()`` and ``close()``.
    """
    path = existing_sqlite_file(db)
    if path is not None:
        snapshot = open_sqlite_snapshot(path)
        if snapshot is not None:
            return snapshot
    from casekit.hours.storage.database import open_store

    return open_store(db)
