"""nbgrader's Python API as the course uses it: one place that opens ``NbGraderAPI``, quietly, and
sets formgrader's Flagged? mark through nbgrader's own gradebook model.

The instructor's routine (:mod:`casekit.course.routine`), one learner's grading task and the quiz
grading all reach nbgrader through here, so none of them needs another's internals.
"""

from __future__ import annotations

import contextlib
import copy
import logging
from collections.abc import Iterator

from sqlalchemy.engine import Connection
from traitlets.config import Config

from casekit.course.config import Course, tools_on_path


def nbgrader_api(course: Course, extra: Config | None = None, exchange: bool = False):
    """An ``NbGraderAPI`` on ``course`` (its config, merged with ``extra``), logging warnings and worse only.

    Without ``exchange`` the API ignores the course's exchange (files go by LMS zip); with it, releases reach
    the exchange as formgrader's Release button does."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    tools_on_path()
    # A deep copy: Config() copies only the top level, and setting Exchange.root below would change the course's own.
    config = copy.deepcopy(course.config)
    if extra is not None:
        config.merge(extra)
    if not exchange:
        # No exchange: the course hands files over by LMS zip, so skip nbgrader's exchange check.
        config.Exchange.root = str(course.root / ".exchange-unused")
    with quiet_nbgrader():
        coursedir = CourseDirectory(config=config)
        api = NbGraderAPI(coursedir=coursedir, config=config)
    api.log.setLevel(logging.WARNING)
    return api


@contextlib.contextmanager
def quiet_nbgrader() -> Iterator[None]:
    """nbgrader logs every copied file; keep the console to what the instructor needs."""
    loggers = [logging.getLogger(n) for n in ("traitlets", "NbGraderAPI", "nbgrader")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


def last_error(result: dict) -> str:
    """The line of an nbgrader API result that says what went wrong."""
    text = result.get("error") or result.get("log") or "no details"
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    errors = [ln for ln in lines if "[ERROR]" in ln or "Error" in ln]
    return (errors or lines or ["no details"])[-1].strip()


def flag_submission(conn: Connection, assignment: str, learner: str) -> int:
    """Set formgrader's Flagged? mark (``SubmittedNotebook.flagged``) on every notebook of ``learner``'s
    submission of ``assignment``, in the caller's transaction on ``conn``; return how many were not flagged yet.

    Only ever sets the mark: a notebook already flagged (by an instructor or an earlier run) stays flagged,
    and nothing here clears one. Formgrader's own Flag button toggles the same column.
    """
    from nbgrader.api import Assignment, SubmittedAssignment, SubmittedNotebook
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    query = (select(SubmittedNotebook)
             .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
             .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id)
             .where(Assignment.name == assignment, SubmittedAssignment.student_id == learner))
    # Bound to the caller's connection, the session joins its transaction and leaves the commit to it.
    with Session(bind=conn) as session:
        newly = 0
        for notebook in session.scalars(query):
            if not notebook.flagged:
                notebook.flagged = True
                newly += 1
        session.flush()
    return newly


def flag_submission_at(db_url: str, assignment: str, learner: str) -> int:
    """:func:`flag_submission` on the gradebook at ``db_url``, in a transaction of its own."""
    from sqlalchemy import create_engine

    # SQLite waits for a busy gradebook (formgrader may be writing) instead of failing.
    engine = create_engine(db_url, connect_args={"timeout": 60} if db_url.startswith("sqlite") else {})
    try:
        with engine.begin() as conn:
            return flag_submission(conn, assignment, learner)
    finally:
        engine.dispose()
