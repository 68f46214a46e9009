"""nbgrader's Python API as the course uses it: one place that opens ``NbGraderAPI``, quietly.

The instructor's routine (:mod:`casekit.course.routine`), one learner's grading task and the quiz
grading all reach nbgrader through here, so none of them needs another's internals.
"""

from __future__ import annotations

import contextlib
import copy
import logging
from collections.abc import Iterator

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
