"""Grading one learner's submission: the task a worker process (or a dask worker) runs.

:func:`run_task` takes plain data (:class:`GradeTask`) and returns plain data
(:class:`TaskResult`), so it runs the same in this process, in a local worker pool or on a
dask.distributed cluster. It never touches the course's gradebook nor its ``autograded/``
folder: nbgrader autogrades against a private SQLite gradebook in a temporary folder
(seeded with the assignment's structure and the learner's earlier rows), the kit's checks
and rubric correction run there too, and the result carries the learner's gradebook rows
and autograded files back to the one process that saves them
(:mod:`casekit.course.parallel`). The worker needs to read the course folder (``source/``,
``release/``, ``submitted/``) and the kit's cases and keys, at the same paths.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config

from casekit.course.assignment import notebook_file
from casekit.course.config import Course
from casekit.course.gradebook import autograde_scores, enforce_rubric_scores, note_answer_source, record_zero
from casekit.course.gradebook_rows import Rows, create_private, engine_for, insert_rows, learner_rows
from casekit.course.ledger import fingerprint
from casekit.course.problems import SubmissionProblem, precheck, scan_autograded
from casekit.course.results import SubmissionResult


@dataclass(frozen=True)
class GradeTask:
    """Everything a worker needs to grade one learner, as plain data."""

    course_root: str
    assignment: str
    learner: str
    timeout: int | None
    kit_home: str
    structure_id: str
    structure: Rows = field(repr=False)
    prior: Rows = field(repr=False)


@dataclass
class TaskResult:
    result: SubmissionResult
    fingerprint: str
    rows: Rows = field(repr=False)
    files: dict[str, bytes] = field(repr=False)


# --------------------------------------------------------------------------- timing the notebook's own run

_clock = threading.local()


def _timed_execute():
    """nbgrader's Execute preprocessor, unchanged but for a stopwatch around it (kernel start and cells)."""
    from nbgrader.preprocessors import Execute

    class TimedExecute(Execute):
        def preprocess(self, nb, resources):
            start = time.perf_counter()
            try:
                return super().preprocess(nb, resources)
            finally:
                _clock.seconds = getattr(_clock, "seconds", 0.0) + time.perf_counter() - start

    return TimedExecute


def _with_timing(config: Config) -> bool:
    """Swap nbgrader's Execute for the timed one in autograde's chain; False when the chain is customised without it."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute

    chain = list(config.Autograde.get("autograde_preprocessors", Autograde.class_traits()["autograde_preprocessors"].default()))
    if Execute not in chain:
        return False
    timed = _timed_execute()
    config.Autograde.autograde_preprocessors = [timed if p is Execute else p for p in chain]
    return True


# --------------------------------------------------------------------------- the private gradebook

_templates: dict[str, Path] = {}
_templates_lock = threading.Lock()
_template_dir: Path | None = None


def _cleanup_templates() -> None:
    if _template_dir is not None:
        shutil.rmtree(_template_dir, ignore_errors=True)


def _template(task: GradeTask) -> Path:
    """A gradebook holding only the assignment's structure, made once per worker process and copied per task."""
    global _template_dir
    with _templates_lock:
        path = _templates.get(task.structure_id)
        if path is not None and path.exists():
            return path
        if _template_dir is None:
            _template_dir = Path(tempfile.mkdtemp(prefix="casekit-gradebooks-"))
            atexit.register(_cleanup_templates)
        path = _template_dir / f"{task.structure_id}.db"
        create_private(f"sqlite:///{path}", task.structure)
        _templates[task.structure_id] = path
        return path


# --------------------------------------------------------------------------- the task


def _private_course(course: Course, db: Path, autograded: Path, timed: bool) -> tuple[Course, bool]:
    config = Config(course.config)
    config.CourseDirectory.db_url = f"sqlite:///{db}"
    # An absolute step folder is taken as is by nbgrader: the autograded notebook is written here.
    config.CourseDirectory.autograded_directory = str(autograded)
    if "shutdown_kernel" not in config.Execute:
        # The outputs are in by then: stop the kernel at once rather than wait ~0.5 s for it to wind down.
        config.Execute.shutdown_kernel = "immediate"
    if timed:
        timed = _with_timing(config)
    return Course(course.root, config), timed


def _read_files(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_task(task: GradeTask) -> TaskResult:
    """Autograde one learner in a private gradebook; never raises for a bad submission.

    The result names every problem found; an unreadable or missing notebook is recorded as
    0 on every criterion, as is a submission nbgrader cannot grade.
    """
    from casekit.course import runner  # nbgrader's API, quietened

    start = time.perf_counter()
    if task.kit_home:
        os.environ["CASEKIT_HOME"] = task.kit_home  # the hidden tests and the rubric read the kit's keys
    course = Course.open(task.course_root, timeout=task.timeout)
    learner, assignment = task.learner, task.assignment
    prints = fingerprint(course, assignment, learner)
    submission = course.submission(learner, assignment)
    problems = precheck(submission, course.release_dir / assignment, assignment)
    _clock.seconds = 0.0
    with tempfile.TemporaryDirectory(prefix="casekit-grade-") as tmp:
        db = Path(tmp) / "gradebook.db"
        shutil.copyfile(_template(task), db)
        engine = engine_for(f"sqlite:///{db}")
        with engine.begin() as conn:
            insert_rows(conn, task.prior)
        private, timed = _private_course(course, db, Path(tmp) / "autograded", timed=True)
        out = Path(tmp) / "autograded" / learner / assignment
        graded, raw = False, {}
        if any(p.fatal for p in problems):
            record_zero(private, assignment, learner)
        else:
            with runner._quiet_nbgrader(), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy and nbformat warnings
                outcome = runner._api(private).autograde(assignment, learner, force=True, create=True)
            graded = bool(outcome["success"])
            if not graded:
                record_zero(private, assignment, learner)
                problems.append(SubmissionProblem(
                    "autograde-failed", f"nbgrader could not grade it ({runner._last_error(outcome)}); scored 0"))
            else:
                raw = autograde_scores(private, assignment, learner)
                note_answer_source(private, assignment, learner)
                problems.extend(scan_autograded(out / notebook_file(assignment)))
                problems.extend(enforce_rubric_scores(private, assignment, learner))
        with engine.connect() as conn:
            rows = learner_rows(conn, task.structure["assignment"][0]["id"], learner)
        engine.dispose()
        files = _read_files(out) if graded else {}
    executed = float(_clock.seconds) if (timed and graded) else None
    result = SubmissionResult(learner, assignment, time.perf_counter() - start, graded, problems, executed, raw)
    return TaskResult(result, prints, rows, files)


# --------------------------------------------------------------------------- local worker processes


def _watch_parent(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            # The grading run is gone (killed): stop at once. The kernel we started notices
            # its parent has gone and exits too (ipykernel's parent poller).
            os._exit(1)
        time.sleep(0.5)


def worker_init(parent_pid: int) -> None:
    """Set up a local worker process: Ctrl-C is the parent's to handle, and a worker never outlives its run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="casekit-watch-parent").start()
    # Pay the imports and the case library once per worker, not in its first submission.
    import nbgrader.apps  # noqa: F401
    import nbgrader.converters  # noqa: F401
    import nbgrader.preprocessors  # noqa: F401

    from casekit.course.grading import cached_library
    from casekit.paths import kit_root

    try:
        cached_library(str(kit_root()))
    except Exception:  # a broken library is reported per submission, where it is used
        pass
