"""Grading one learner's submission: the task a worker process (or a dask worker) runs.

:func:`run_task` takes plain data (:class:`GradeTask`) and returns plain data
(:class:`TaskResult`), so it runs the same in this process, in a local worker pool or on a
dask.distributed cluster. No learner code runs unless the task says ``execute`` (the
rubric scores the plan file, :mod:`casekit.course.rubric_scores`). It never touches the
course's gradebook nor its ``autograded/`` folder: nbgrader autogrades against a private
SQLite gradebook in a temporary folder
(seeded with the assignment's structure and the learner's earlier rows), the kit's checks
and rubric correction run there too, and the result carries the learner's gradebook rows
and autograded files back to the one process that saves them
(:mod:`casekit.course.parallel`). The worker needs to read the course folder (``source/``,
``release/``, ``submitted/``) and the kit's cases and keys, at the same paths.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config

from casekit.course.assignments.assignment import notebook_file, plan_file
from casekit.course.config import Course
from casekit.course.nbgrader_api import last_error, nbgrader_api, quiet_nbgrader
from casekit.course.grading_engine.cells import SubmittedPlan, read_plan_once
from casekit.course.grading_engine.gradebook_writes import check_autograde, record_zero
from casekit.course.grading_engine.gradebook_rows import Rows, create_private, engine_for, insert_rows, learner_rows
from casekit.course.grading_engine.graded import fingerprint
from casekit.course.grading_engine.problems import SubmissionProblem, precheck, scan_autograded
from casekit.course.grading_engine.results import SubmissionResult
from casekit.course.grading_engine.sandbox import clock
from casekit.paths import using_kit


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
    execute: str | None = None
    """None: score the plan file, run no learner code (the default); "sandbox" or "unsafe": also run the notebook."""


@dataclass
class TaskResult:
    result: SubmissionResult
    fingerprint: str
    rows: Rows = field(repr=False)
    files: dict[str, bytes] = field(repr=False)


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


def _private_course(course: Course, db: Path, autograded: Path, execute: str | None,
                    submitted: Path | None = None, plan: SubmittedPlan | None = None) -> Course:
    from casekit.course.grading_engine.chains import RUBRIC_ONLY, executing_chain
    from casekit.course.grading_engine.preprocessors import plan_key

    config = Config(course.config)
    config.CourseDirectory.db_url = f"sqlite:///{db}"
    if submitted is not None:
        config.CourseDirectory.submitted_directory = str(submitted)
    # An absolute step folder is taken as is by nbgrader: the autograded notebook is written here.
    config.CourseDirectory.autograded_directory = str(autograded)
    # Whatever the course config says, the run does what the instructor asked for: the plan file
    # scored with no learner code run, or the notebook run first by the chosen executor.
    config.Autograde.autograde_preprocessors = executing_chain(execute) if execute else list(RUBRIC_ONLY)
    if plan is not None:  # scored as the run read it, not read again (a stand-in folder's copy is read there)
        config.RubricScores.plans_read = {plan_key(plan.path): plan}
    if "shutdown_kernel" not in config.Execute:
        # The outputs are in by then: stop the kernel at once rather than wait ~0.5 s for it to wind down.
        config.Execute.shutdown_kernel = "immediate"
    return Course(course.root, config)


def _graded_files(folder: Path, submission: Path, assignment: str) -> dict[str, bytes]:
    """What the autograded folder keeps: the graded notebook and the plan file as submitted.

    Nothing else a submission brought or a kernel wrote goes on to ``autograded/`` (and so to
    feedback): an ``.html`` file placed in the folder is not handed back to the learner.
    """
    files = {}
    notebook = folder / notebook_file(assignment)
    if notebook.is_file():
        files[notebook.name] = notebook.read_bytes()
    plan = submission / plan_file(assignment)
    if plan.is_file() and not plan.is_symlink():
        files[plan.name] = plan.read_bytes()
    return files


def _stand_in(root: Path, course: Course, submission: Path, learner: str, assignment: str) -> Path:
    """A submitted folder holding the released notebook and the learner's own plan file (and submission time)."""
    folder = root / learner / assignment
    folder.mkdir(parents=True)
    shutil.copyfile(course.release_dir / assignment / notebook_file(assignment), folder / notebook_file(assignment))
    for name in (plan_file(assignment), "timestamp.txt"):
        src = submission / name
        if src.is_file() and not src.is_symlink():
            shutil.copyfile(src, folder / name)
    return root


def _nbgrader_reason(outcome: dict) -> str:
    """The error under nbgrader's "see the above traceback": the exception line of its log."""

    lines = [ln.strip() for ln in (outcome.get("log") or "").splitlines()]
    found = [ln for ln in lines if re.match(r"^[\w.]*(Error|Exception|MissingEntry)\b.*", ln)]
    return found[0] if found else last_error(outcome)


def _autograde(private: Course, assignment: str, learner: str) -> dict:

    with quiet_nbgrader(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy and nbformat warnings
        return nbgrader_api(private).autograde(assignment, learner, force=True, create=True)


def run_task(task: GradeTask) -> TaskResult:
    """Autograde one learner in a private gradebook; never raises for a bad submission.

    The result names every problem found; an unreadable or missing notebook is recorded as
    0 on every criterion, as is a submission nbgrader cannot grade.
    """

    with using_kit(task.kit_home or None):  # the hidden tests and the rubric read the kit's keys
        return _run_task(task)


def _run_task(task: GradeTask) -> TaskResult:
    start = time.perf_counter()
    course = Course.open(task.course_root, timeout=task.timeout)
    learner, assignment = task.learner, task.assignment
    prints = fingerprint(course, assignment, learner, task.execute)
    submission = course.submission(learner, assignment)
    # The plan file is read once: the checks, the rubric's scores and the corrections after autograde all use this.
    plan = read_plan_once(assignment, submission / plan_file(assignment))
    problems = precheck(submission, course.release_dir / assignment, assignment, plan)
    clock.seconds = 0.0
    with tempfile.TemporaryDirectory(prefix="casekit-grade-") as tmp:
        db = Path(tmp) / "gradebook.db"
        shutil.copyfile(_template(task), db)
        engine = engine_for(f"sqlite:///{db}")
        with engine.begin() as conn:
            insert_rows(conn, task.prior)
        private = _private_course(course, db, Path(tmp) / "autograded", task.execute, plan=plan)
        out = Path(tmp) / "autograded" / learner / assignment
        graded = False
        raw: dict[str, float | None] = {}
        if any(p.fatal for p in problems):
            record_zero(private, assignment, learner)
        else:
            outcome = _autograde(private, assignment, learner)
            if not outcome["success"] and task.execute:
                # Running the notebook failed as a whole (the kernel would not start): the plan
                # file is still the answer, so score it without running anything.
                problems.append(SubmissionProblem(
                    "execute-failed", f"the notebook could not be run ({last_error(outcome)}); "
                    "graded from the plan file without running it"))
                private = _private_course(course, db, Path(tmp) / "autograded", None, plan=plan)
                outcome = _autograde(private, assignment, learner)
            if not outcome["success"]:
                # nbgrader cannot grade the notebook as submitted (its grading metadata was changed, a
                # cell added with a grade id of its own...). The answer is the plan file: grade it with
                # the released notebook in place of the learner's, and say so.
                why = _nbgrader_reason(outcome)
                stand_in = _stand_in(Path(tmp) / "stand-in", course, submission, learner, assignment)
                private = _private_course(course, db, Path(tmp) / "autograded", None, submitted=stand_in)
                outcome = _autograde(private, assignment, learner)
                if outcome["success"]:
                    problems.append(SubmissionProblem(
                        "autograde-failed", f"nbgrader could not grade the submitted notebook ({why}); its plan file was "
                        "graded with the released notebook in its place, so look at the submitted notebook yourself"))
                else:
                    problems.append(SubmissionProblem(
                        "autograde-failed", f"nbgrader could not grade it ({why}); scored 0"))
            graded = bool(outcome["success"])
            if not graded:
                record_zero(private, assignment, learner)
            else:
                with engine.begin() as conn:
                    raw, corrected = check_autograde(conn, task.structure, assignment, learner, plan)
                problems.extend(scan_autograded(out / notebook_file(assignment)))
                problems.extend(corrected)
        with engine.connect() as conn:
            rows = learner_rows(conn, task.structure["assignment"][0]["id"], learner)
        engine.dispose()
        files = _graded_files(out, submission, assignment) if graded else {}
    executed = float(clock.seconds) if (task.execute and graded) else None
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

    from casekit.course.grading_engine.cells import cached_library
    from casekit.paths import kit_root

    try:
        cached_library(str(kit_root()))
    except Exception:  # a broken library is reported per submission, where it is used
        pass
