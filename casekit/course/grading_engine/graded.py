"""Which learners are graded: one row per learner and assignment, kept in the gradebook's own database.

A row says "this learner's grades and autograded folder come from grading the submission
with this fingerprint" (a hash of the submitted files, the assignment's source and its
key). It is written in the same transaction as the learner's grades, and removed before a
learner's autograded folder is touched, so a run stopped at any point (Ctrl-C, a kill, a
power cut) leaves every learner either graded whole or without a row, and the next run
grades exactly the learners without one. A changed submission has a new fingerprint, so it
is graded again without ``--force``.

The table (``casekit_autograde``) sits beside nbgrader's tables in the same database
(SQLite or PostgreSQL); nbgrader neither reads nor migrates it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Boolean, Column, Float, MetaData, String, Table, Text, and_, delete, insert, select
from sqlalchemy.engine import Connection, Engine

from casekit.course.config import Course
from casekit.course.grading_engine.problems import SubmissionProblem
from casekit.course.grading_engine.results import SubmissionResult
from casekit.paths import keys_dir

_META = MetaData()
LEDGER = Table(
    "casekit_autograde",
    _META,
    Column("assignment", String(128), primary_key=True),
    Column("learner", String(128), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("graded_at", String(32), nullable=False),
    Column("seconds", Float, nullable=False),
    Column("execute_seconds", Float),
    Column("graded_by_nbgrader", Boolean, nullable=False),
    Column("problems", Text, nullable=False),
    Column("nbgrader_scores", Text, nullable=False),
)


def ensure_table(engine: Engine) -> None:
    _META.create_all(engine, checkfirst=True)


def _hash_folder(digest, folder: Path, label: str) -> None:
    if not folder.is_dir():
        digest.update(f"{label}:none\n".encode())
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(folder).as_posix()
        if rel.startswith(".ipynb_checkpoints/") or "/.ipynb_checkpoints/" in rel:
            continue
        if path.is_symlink():  # never followed: it is graded as a link, not as what it points at
            digest.update(f"{label}:{rel}:link:{os.readlink(path)}\n".encode())
            continue
        digest.update(f"{label}:{rel}:{path.stat().st_size}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def fingerprint(course: Course, assignment: str, learner: str, execute: str | None = None) -> str:
    """A hash of what a grade depends on: the learner's submitted files, the assignment's source and its key.

    A run that executes the notebooks (``execute``) has its own fingerprint, as its
    autograded notebooks hold the outputs; the scores are the same.
    """
    digest = hashlib.sha256()
    if execute:
        digest.update(f"execute:{execute}\n".encode())
    _hash_folder(digest, course.submission(learner, assignment), "submitted")
    _hash_folder(digest, course.source_dir / assignment, "source")
    key = keys_dir() / f"{assignment}.yaml"
    digest.update(hashlib.sha256(key.read_bytes()).digest() if key.is_file() else b"no key")
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    learner: str
    fingerprint: str
    result: SubmissionResult


def read(conn: Connection, assignment: str) -> dict[str, Entry]:
    """Every learner recorded as graded for ``assignment``."""
    out = {}
    for row in conn.execute(select(LEDGER).where(LEDGER.c.assignment == assignment)).mappings():
        problems = [SubmissionProblem(kind, message) for kind, message in json.loads(row["problems"])]
        result = SubmissionResult(
            row["learner"], assignment, float(row["seconds"]), bool(row["graded_by_nbgrader"]), problems,
            None if row["execute_seconds"] is None else float(row["execute_seconds"]),
            json.loads(row["nbgrader_scores"]), skipped=True,
        )
        out[row["learner"]] = Entry(row["learner"], row["fingerprint"], result)
    return out


def forget(conn: Connection, assignment: str, learner: str) -> None:
    conn.execute(delete(LEDGER).where(and_(LEDGER.c.assignment == assignment, LEDGER.c.learner == learner)))


def record(conn: Connection, result: SubmissionResult, fingerprint_: str) -> None:
    """Record ``result`` as the learner's grading (replacing any earlier row)."""
    forget(conn, result.assignment, result.learner)
    conn.execute(insert(LEDGER).values(
        assignment=result.assignment,
        learner=result.learner,
        fingerprint=fingerprint_,
        graded_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        seconds=float(result.seconds),
        execute_seconds=result.execute_seconds,
        graded_by_nbgrader=bool(result.graded_by_nbgrader),
        problems=json.dumps([[p.kind, p.message] for p in result.problems]),
        nbgrader_scores=json.dumps(result.nbgrader_scores),
    ))
