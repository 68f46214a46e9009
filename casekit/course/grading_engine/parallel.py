"""Grading a cohort in parallel, resumably, with the course's gradebook written by one process only.

Each learner is one :func:`casekit.course.task.run_task`, run in this process
(``workers=1``), in a pool of long-lived local worker processes (the default: one per
core), or on a dask.distributed cluster (``scheduler=``). Workers grade against private
gradebooks; this process saves each finished learner, in the order they finish:

1. remove the learner's ledger row (:mod:`casekit.course.ledger`), so from here until
   step 3 the learner counts as not graded;
2. replace the learner's ``autograded/`` folder with the worker's files;
3. in one transaction, merge the learner's rows into the gradebook
   (:mod:`casekit.course.gradebook_rows`), set formgrader's Flagged? mark on a submission with a
   problem for the instructor (:data:`casekit.course.grading_engine.problems.FLAGGED`; never
   cleared) and write the ledger row.

So nbgrader's gradebook never has two writers, only ever receives whole learners, and a
run stopped anywhere (Ctrl-C, a kill) is picked up by the next run: learners with a ledger
row for their current submission are skipped (unless ``force``), the rest are graded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import signal
import threading
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Callable

from casekit.course.grading_engine import graded as ledger
from casekit.course.assignments.collect import learner_id_problem
from casekit.course.config import Course, CourseError, tools_on_path
from casekit.course.grading_engine.gradebook_rows import (
    INSTRUCTOR_COLUMNS, Rows, assignment_structure, engine_for, learner_rows, merge_learner, snapshot)
from casekit.course.grading_engine.problems import SubmissionProblem
from casekit.course.grading_engine.results import NOT_GRADED, CohortReport, SubmissionResult
from casekit.course.grading_engine.task import GradeTask, TaskResult, run_task, worker_init
from casekit.course.nbgrader_api import flag_submission
from casekit.paths import kit_root


SCHEDULER_TIMEOUT = "20s"
"""How long to try reaching a dask scheduler before saying it cannot be reached."""


def default_workers() -> int:
    """The cores this process may use (the machine's cores, unless limited by affinity)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class GradingProgress:
    """Where a run stands, after each learner is saved."""

    done: int
    total: int
    skipped: int
    elapsed: float
    last: SubmissionResult | None

    @property
    def eta_seconds(self) -> float | None:
        """Time left at the pace so far (None before the first learner is done)."""
        if self.done == 0:
            return None
        return self.elapsed / self.done * (self.total - self.done)


Progress = Callable[[GradingProgress], None]


# --------------------------------------------------------------------------- the course's gradebook


class Gradebook:
    """The course's gradebook as this run writes it: read what workers need, save what they return."""

    def __init__(self, course: Course):
        from nbgrader.api import Gradebook as NbGradebook

        tools_on_path()
        self.course = course
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            NbGradebook(course.db_url, course.course_id).close()  # nbgrader's tables, if the database is new
        self.engine = engine_for(course.db_url)
        ledger.ensure_table(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def structure(self, assignment: str) -> Rows:
        with self.engine.connect() as conn:
            return assignment_structure(conn, assignment)

    def prior(self, assignment_id: str, learner: str) -> Rows:
        with self.engine.connect() as conn:
            return learner_rows(conn, assignment_id, learner)

    def graded(self, assignment: str) -> dict[str, ledger.Entry]:
        with self.engine.connect() as conn:
            return ledger.read(conn, assignment)

    def save(self, done: TaskResult) -> SubmissionResult:
        """Save one learner: autograded folder, then grades, the Flagged? mark if a problem calls for it
    (:attr:`SubmissionResult.flag_reasons`) and the ledger row, in one transaction."""
        start = time.perf_counter()
        res = done.result
        with self.engine.begin() as conn:
            ledger.forget(conn, res.assignment, res.learner)
        _replace_folder(self.course, res.learner, res.assignment, done.files)
        res.seconds += time.perf_counter() - start
        with self.engine.begin() as conn:
            merge_learner(conn, done.rows)
            if res.flag_reasons:  # only ever set: a flag the instructor (or an earlier run) set stays
                flag_submission(conn, res.assignment, res.learner)
            ledger.record(conn, res, done.fingerprint)
        return res


def _replace_folder(course: Course, learner: str, assignment: str, files: dict[str, bytes]) -> None:
    dest = course.autograded(learner, assignment)
    if dest.exists():
        shutil.rmtree(dest)
    if not files:
        return
    staging = dest.parent / f".{assignment}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    # As nbgrader leaves them: read-only, unless the course is shared by a group of graders.
    mode = 0o664 if course.config.CourseDirectory.get("groupshared", False) else 0o444
    for rel, data in files.items():
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        path.chmod(mode)
    os.replace(staging, dest)


# --------------------------------------------------------------------------- the run


def _check(course: Course, assignment: str, learners: list[str] | None) -> list[str]:
    course.require_assignment(assignment)
    if not (course.release_dir / assignment).is_dir():
        raise CourseError(f"{assignment!r} has not been released yet; run `casekit course build` first")
    everyone = course.learners(assignment)
    refused = [f"{name!r} ({why})" for name in everyone if (why := learner_id_problem(name))]
    if refused:
        raise CourseError(
            f"submission folder(s) in {course.submitted_dir} not named by a plain learner id: {', '.join(refused)}; "
            "rename or remove them, then grade again (nothing was graded)"
        )
    if learners:
        unknown = [name for name in learners if name not in everyone]
        if unknown:
            raise CourseError(
                f"no submission of {assignment!r} from {', '.join(unknown)} in {course.submitted_dir}; "
                "collect it first (`casekit course collect-zip`)"
            )
        everyone = list(dict.fromkeys(learners))
    if not everyone:
        raise CourseError(f"no submissions of {assignment!r} in {course.submitted_dir}; collect them first (`casekit course collect-zip`)")
    return everyone


def _is_current(course: Course, entry: ledger.Entry | None, assignment: str, learner: str, execute: str | None) -> bool:
    if entry is None or entry.fingerprint != ledger.fingerprint(course, assignment, learner, execute):
        return False
    folder = course.autograded(learner, assignment)
    return folder.is_dir() if entry.result.graded_by_nbgrader else True


def grade_cohort(
    course: Course,
    assignment: str,
    learners: list[str] | None = None,
    *,
    workers: int | None = None,
    force: bool = False,
    scheduler=None,
    progress: Progress | None = None,
    execute: str | None = None,
) -> CohortReport:
    """Autograde every learner who submitted ``assignment`` (or just ``learners``), ``workers`` at a time.

    ``workers``: parallel submissions on this machine (default: one per core; 1 grades in
    this process). ``scheduler``: a dask.distributed scheduler address (or ``Client``) to
    run the submissions on instead. Learners graded before, whose submission has not
    changed, are skipped unless ``force``. On Ctrl-C the learners saved so far stay saved,
    the workers are stopped, and ``KeyboardInterrupt`` is raised.

    ``execute``: None (the default) scores each plan file and runs no learner code;
    ``"sandbox"`` also runs each notebook in the bubblewrap sandbox (refused with
    :class:`CourseError` where none can be made); ``"unsafe"`` runs them unsandboxed.
    """
    if execute == "sandbox":
        from casekit.course.grading_engine.sandbox import require_sandbox

        require_sandbox()
    elif execute not in (None, "unsafe"):
        raise CourseError(f"execute={execute!r}: give None, 'sandbox' or 'unsafe'")
    workers = default_workers() if workers is None else int(workers)
    if workers < 1:
        raise CourseError(f"--workers {workers}: give at least 1 (the default is one per core: {default_workers()})")
    everyone = _check(course, assignment, learners)
    start = time.perf_counter()
    book = Gradebook(course)
    try:
        structure = book.structure(assignment)
        earlier = book.graded(assignment)
        skipped = [] if force else [
            earlier[name].result for name in everyone if _is_current(course, earlier.get(name), assignment, name, execute)]
        todo = [name for name in everyone if name not in {r.learner for r in skipped}]
        structure_id = hashlib.sha256(pickle.dumps(structure)).hexdigest()[:16]
        assignment_id = structure["assignment"][0]["id"]
        tasks = [
            GradeTask(str(course.root), assignment, name, course.timeout, str(kit_root()), structure_id, structure,
                      book.prior(assignment_id, name), execute)
            for name in todo
        ]
        results: list[SubmissionResult] = []

        def saved(done: TaskResult) -> None:
            results.append(book.save(done))
            if progress:
                progress(GradingProgress(len(results), len(tasks), len(skipped), time.perf_counter() - start, results[-1]))

        def failed(task: GradeTask, exc: BaseException) -> None:
            # Not saved: the learner keeps no ledger row, so the next run grades them again.
            why = (f"the worker process grading them died ({exc})" if isinstance(exc, BrokenProcessPool)
                   else f"grading stopped with {type(exc).__name__}: {exc}")
            res = SubmissionResult(task.learner, assignment, 0.0, False, [SubmissionProblem(
                NOT_GRADED, f"NOT GRADED: {why}; nothing was saved for this learner, "
                "run the same command again to grade them")])
            results.append(res)
            if progress:
                progress(GradingProgress(len(results), len(tasks), len(skipped), time.perf_counter() - start, res))

        # Unsandboxed learner code can reach the course gradebook: note it as it was, to check after.
        guard = snapshot(course.db_url, assignment) if execute == "unsafe" and tasks else None
        if progress:
            progress(GradingProgress(0, len(tasks), len(skipped), 0.0, None))
        if scheduler is not None:
            used = _run_dask(scheduler, tasks, saved, failed)
        elif workers == 1 or len(tasks) <= 1:
            used = 1
            with _ctrl_c_noted() as stop:
                for task in tasks:
                    done = run_task(task)
                    if stop.requested:  # nbgrader may have caught the interrupt and called it a failed submission
                        raise KeyboardInterrupt
                    saved(done)
        else:
            used = min(workers, len(tasks))
            _run_local(used, tasks, saved, failed)
        tampered = _changed_outside(course, assignment, guard, results) if guard is not None else []
    finally:
        book.close()
    order = {name: i for i, name in enumerate(everyone)}
    ordered = sorted([*skipped, *results], key=lambda r: order[r.learner])
    return CohortReport(assignment, ordered, time.perf_counter() - start, used, tampered)


_INSTRUCTOR_FIELDS = (*INSTRUCTOR_COLUMNS["grade"], *INSTRUCTOR_COLUMNS["comment"])


def _changed_outside(course: Course, assignment: str, before: dict, results: list[SubmissionResult]) -> list[str]:
    """Learners whose gradebook rows changed in ways this run's saves cannot explain: any change for a
    learner it did not save, and a manual score, extra credit or comment for one it did."""
    after = snapshot(course.db_url, assignment)
    saved = {r.learner for r in results if not any(p.kind == NOT_GRADED for p in r.problems)}
    changed = []
    for learner in sorted(set(before) | set(after)):
        was, now = before.get(learner, {}), after.get(learner, {})
        if learner not in saved:
            if was != now:
                changed.append(learner)
        elif any(was.get(k, {}).get(f) != now.get(k, {}).get(f) for k in set(was) | set(now) for f in _INSTRUCTOR_FIELDS
                 if f in (now.get(k) or was.get(k) or {})):
            changed.append(learner)
    return changed


class _Stop:
    requested = False


@contextlib.contextmanager
def _ctrl_c_noted():
    """Note a Ctrl-C before raising it as usual. nbgrader's API catches every exception, the
    interrupt included, and reports the submission as failed: that result must not be saved."""
    stop = _Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum, frame):
        stop.requested = True
        signal.default_int_handler(signum, frame)

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _run_local(workers: int, tasks: list[GradeTask], saved, failed) -> None:
    # Fresh interpreters (spawn), not forks: nothing of this process (database connections,
    # threads) leaks into a worker. Each worker lives for the whole run.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                               initializer=worker_init, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(run_task, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                done = future.result()
            except Exception as exc:  # a worker that died (not a bad submission: those come back as results)
                failed(futures[future], exc)
            else:
                saved(done)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, mid-submission: their kernels exit with them, and nothing of theirs is saved."""
    processes = list(getattr(pool, "_processes", {}).values())  # the executor has no public kill
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.kill()
    for proc in processes:
        proc.join(timeout=10)


def _run_dask(scheduler, tasks: list[GradeTask], saved, failed) -> int:
    try:
        from distributed import Client, as_completed as dask_completed
    except ImportError:
        raise CourseError(
            "grading on a dask cluster needs dask.distributed: install the kit with its extra, "
            "`pip install -e '.[distributed]'` (make install does)"
        ) from None
    own = not isinstance(scheduler, Client)
    if own:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise CourseError(
                f"cannot reach the dask scheduler at {scheduler} ({exc}); start one (`dask scheduler`) and its "
                "workers (`dask worker ADDRESS --nthreads 1`), or leave out --scheduler to grade on this machine"
            ) from None
    else:
        client = scheduler
    futures = []
    try:
        stamp = f"{time.time_ns():x}"
        futures = [client.submit(run_task, task, key=f"casekit-grade-{task.assignment}-{task.learner}-{stamp}", pure=False)
                   for task in tasks]
        by_key = {f.key: t for f, t in zip(futures, tasks)}
        for future in dask_completed(futures):
            try:
                done = future.result()
            except Exception as exc:
                failed(by_key[future.key], exc)
            else:
                saved(done)
            future.release()
        workers = len(client.scheduler_info().get("workers", {})) or 1
    except BaseException:
        client.cancel(futures)
        raise
    finally:
        if own:
            client.close()
    return workers
