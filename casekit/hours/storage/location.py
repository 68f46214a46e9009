"""Where the hours log is: the default file, the environment variable, and whether a name is a SQLite file.

Kept apart from :mod:`casekit.hours.storage.database` so that naming the log (in ``--help``,
or to read it with the standard library's sqlite3) does not import SQLAlchemy.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "CASEKIT_HOURS_DB"
DEFAULT_FILENAME = "hours.sqlite"
# A 1,000,000-entry import holds the write lock for a few seconds; other writers wait.
BUSY_TIMEOUT_MS = 60_000


def default_db_path() -> Path:
    """The log used when neither ``--db`` nor ``CASEKIT_HOURS_DB`` names one."""
    return Path(platformdirs.user_data_dir("casekit")) / DEFAULT_FILENAME


def db_text(db: str | os.PathLike | None = None) -> str:
    """``db`` as given, else the environment's, else the default log's path."""
    if db is None or str(db) == "":
        db = os.environ.get(ENV_VAR) or default_db_path()
    return os.fspath(db)


def sqlite_file(db: str | os.PathLike | None = None) -> Path | None:
    """The file, when ``db`` (as :func:`db_text` reads it) names a SQLite file by path; None for a database URL."""
    text = db_text(db)
    if "://" in text:
        return None
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        from casekit.hours.errors import StoreError

        raise StoreError(f"{path} is a folder; the hours log is a file: name one inside it, e.g. --db {path / DEFAULT_FILENAME}")
    return path
