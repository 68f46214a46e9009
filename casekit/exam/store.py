"""The learner's exam history: one SQLite file (``exam.sqlite``) beside the learner's notebooks.

It holds every answer (practice, mock, quiz), the spaced-repetition card of each item, each mock
exam with its start time, and simulation choices. Everything is written the moment it happens, so a
kernel restart or a crash loses nothing. The schema is built by numbered migrations recorded in
``exam_migrations``, each applied in its own transaction with the row that records it; a file from
a newer kit is refused rather than changed.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from casekit.errors import CasekitError

STORE_NAME = "exam.sqlite"


class ExamStoreError(CasekitError):
    """The exam history file cannot be used: not SQLite, or written by a newer kit."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("times are stored in UTC; give an aware datetime")
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _run(db: sqlite3.Connection, script: str) -> None:
    # One statement at a time: executescript would commit the migration's transaction early.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_history(db: sqlite3.Connection) -> None:
    _run(db, """
        CREATE TABLE answers (
            answer_id INTEGER PRIMARY KEY,
            item_id TEXT NOT NULL,
            domain TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('practice', 'mock', 'quiz')),
            chosen TEXT,
            correct INTEGER NOT NULL,
            answered_at TEXT NOT NULL
        );
        CREATE INDEX answers_by_item ON answers (item_id, answered_at);
        CREATE TABLE cards (
            item_id TEXT PRIMARY KEY,
            card TEXT NOT NULL,
            due TEXT NOT NULL
        );
        CREATE TABLE mocks (
            mock_id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            minutes REAL NOT NULL,
            seed INTEGER NOT NULL,
            finished_at TEXT,
            finished_why TEXT
        );
        CREATE TABLE mock_items (
            mock_id INTEGER NOT NULL REFERENCES mocks (mock_id),
            position INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            domain TEXT NOT NULL,
            pretest INTEGER NOT NULL,
            chosen TEXT,
            flagged INTEGER NOT NULL DEFAULT 0,
            answered_at TEXT,
            PRIMARY KEY (mock_id, position)
        );
        CREATE TABLE sim_choices (
            case_id TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('request', 'decision')),
            ref TEXT NOT NULL,
            choice TEXT NOT NULL DEFAULT '',
            chosen_at TEXT NOT NULL,
            PRIMARY KEY (case_id, attempt, kind, ref, choice)
        );
    """)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("history", _m001_history),
]


class ExamStore:
    """One learner's exam history file."""

    def __init__(self, folder: Path | str = ".", path: Path | str | None = None):
        self.path = Path(path) if path else Path(folder) / STORE_NAME
        self.lock = threading.RLock()
        try:
            # Widget callbacks may run on another thread than the cell that opened the store; one lock
            # per store keeps its statements in turn.
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise ExamStoreError(
                f"{self.path}: not an exam history file ({exc}); move it aside and the kit starts a new one") from None

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS exam_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.db.execute("SELECT number FROM exam_migrations")}
        newest = max(done, default=0)
        if newest > len(MIGRATIONS):
            raise ExamStoreError(f"{self.path}: written by a newer kit (schema {newest}, this kit knows {len(MIGRATIONS)}); "
                                 "update the kit with git pull")
        for number, (name, apply) in enumerate(MIGRATIONS, start=1):
            if number in done:
                continue
            with self.transaction():
                apply(self.db)
                self.db.execute("INSERT INTO exam_migrations VALUES (?, ?, ?)", (number, name, iso(utcnow())))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def rows(self, sql: str, *args) -> list[sqlite3.Row]:
        with self.lock:
            return list(self.db.execute(sql, args))

    def close(self) -> None:
        self.db.close()
