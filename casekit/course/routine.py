"""The instructor's routine, with the real nbgrader underneath (its Python API, ``NbGraderAPI``).

``build``: regenerate the source notebooks from the cases, then ``generate_assignment`` each
one and check the release holds no key material. ``collect_zip``: an LMS bulk download into
``submitted/`` via nbgrader's zip collect. ``grade``: autograde every learner, in parallel
(:mod:`casekit.course.parallel`), so one bad submission never stops the cohort. ``feedback``: nbgrader's feedback HTML, checked for
hidden-test code and mark schemes before it is left on disk.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

from casekit.cases.library import CaseLibrary
from casekit.course.assignments.assignment import notebook_file, source_drift, write_sources
from casekit.course.config import Course, CourseError, tools_on_path
from casekit.course.assignments.leaks import feedback_leaks, release_leaks
from casekit.course.grading_engine.results import CohortReport, SubmissionResult
from casekit.course.nbgrader_api import last_error as _last_error
from casekit.course.nbgrader_api import nbgrader_api as _api
from casekit.course.nbgrader_api import quiet_nbgrader as _quiet_nbgrader
from casekit.errors import DataFileError


# --------------------------------------------------------------------------- build


@dataclass
class BuildReport:
    changed_sources: list[Path]
    released: list[str]


def build(course: Course, library: CaseLibrary | None = None, only: list[str] | None = None) -> BuildReport:
    """Regenerate ``source/`` from the cases and release every assignment (or those in ``only``) into ``release/``.

    Every source notebook is regenerated either way (it is cheap); ``only`` limits the nbgrader
    generation and release, the slow part, to the cases an instructor has just changed.
    Raises :class:`CourseError` when an assignment in ``only`` does not exist, when nbgrader
    cannot generate an assignment or when a release would contain key material (the release is
    then removed).
    """
    lib = library or CaseLibrary.load()
    if lib.problems:
        raise DataFileError(lib.problems)
    stray = sorted(course.source_dir.rglob("*.plan.json*")) if course.source_dir.is_dir() else []
    if stray:
        names = ", ".join(str(p.relative_to(course.root)) for p in stray)
        raise CourseError(
            f"plan file(s) in source/: {names}. They would be released to every learner (running the "
            "instructor's notebook writes the worked answer there); delete them and build again"
        )
    changed = write_sources(course.source_dir, lib)
    drift = source_drift(course.source_dir, lib)
    if drift:  # cannot happen unless the disk refused a write; say so rather than release stale work
        raise CourseError("source notebooks still differ after regeneration: " + "; ".join(drift))
    # The config lists the assignments that exist when it is read; re-read it after generating.
    course = Course.open(course.root, timeout=course.timeout)
    wanted = course.assignments()
    if only:
        for assignment in only:
            course.require_assignment(assignment)
        wanted = [a for a in wanted if a in only]
    api = _api(course)
    released, failures = [], []
    for assignment in wanted:
        result = api.generate_assignment(assignment, force=True, create=True)
        if result["success"]:
            released.append(assignment)
        else:
            failures.append(f"{assignment}: {_last_error(result)}")
    if failures:
        raise CourseError("nbgrader could not generate: " + "; ".join(failures))
    leaks = release_leaks(course, lib)
    if leaks:
        for assignment in released:
            shutil.rmtree(course.release_dir / assignment, ignore_errors=True)
        raise CourseError("the release would reveal the answer key, so it was removed: " + "; ".join(leaks))
    _to_exchange(course, released)
    return BuildReport(changed, released)


def _to_exchange(course: Course, assignments: list[str]) -> None:
    """Release each checked assignment to the course's exchange as well, as formgrader's Release button does.

    Formgrader calls an assignment "released" only once it is in the exchange; with ``release/`` alone it
    showed every assignment as a draft after build had said "released". Learners on this machine can then
    fetch it; learners elsewhere get ``release/`` through the LMS as before. A course without a usable
    exchange (none configured, or a folder that cannot be written) keeps ``release/`` alone.
    """
    config = copy.deepcopy(course.config)
    if "root" not in config.get("Exchange", {}):
        return
    config.ExchangeReleaseAssignment.force = True  # a rebuilt assignment replaces the one learners would fetch
    api = _api(course, config, exchange=True)
    if not api.exchange_is_functional:
        return
    failures = []
    with _quiet_nbgrader():
        for assignment in assignments:
            result = api.release_assignment(assignment)
            if not result["success"]:
                failures.append(f"{assignment}: {_last_error(result)}")
    if failures:
        raise CourseError("nbgrader could not release to the exchange: " + "; ".join(failures))


# --------------------------------------------------------------------------- collect


@dataclass
class CollectReport:
    assignment: str
    learners: list[str]
    skipped: list[str]


def collect_zip(course: Course, assignment: str, archives: list[Path], named_regexp: str | None = None) -> CollectReport:
    """Collect an LMS bulk download (zip files, or loose files) into ``submitted/<learner>/<assignment>/``.

    Re-collecting replaces each listed learner's earlier submission, as a new download is
    the newer one. File names follow ``FileNameCollectorPlugin.named_regexp`` in the config.
    Raises :class:`~casekit.course.collect.SubmissionArchiveError`, before anything is
    extracted or written, when a learner id is not a plain name or an archive is past the
    limits (:mod:`casekit.course.collect`).
    """
    from nbgrader.apps.zipcollectapp import ZipCollectApp
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    from casekit.course.assignments.collect import LimitedExtractor, PlainNameCollector, check_download

    course.require_assignment(assignment)
    if not (course.release_dir / assignment).is_dir():
        raise CourseError(f"{assignment!r} has not been released yet; run `casekit course build` first")
    archives = [Path(p) for p in archives]
    for path in archives:
        if not path.is_file():
            raise CourseError(f"{path}: no such file; give the zip file(s) downloaded from the LMS")
    config = Config(course.config)
    if named_regexp:
        config.FileNameCollectorPlugin.named_regexp = named_regexp
    # The kit's checks whatever the course config names: plain learner ids, archives within limits.
    config.ZipCollectApp.collector_plugin = PlainNameCollector
    config.ZipCollectApp.extractor_plugin = LimitedExtractor
    check_download(archives, PlainNameCollector(config=config), LimitedExtractor(config=config).limits())
    archive_dir = course.downloaded_dir / assignment / "archive"
    if archive_dir.exists():
        shutil.rmtree(archive_dir)
    archive_dir.mkdir(parents=True)
    for path in archives:
        shutil.copy2(path, archive_dir / path.name)
    config.ZipCollectApp.force = True
    config.ExtractorPlugin.force = True
    config.CourseDirectory.assignment_id = assignment
    before = {p: p.stat().st_mtime_ns for p in course.submitted_dir.glob(f"*/{assignment}/*")} if course.submitted_dir.exists() else {}
    tools_on_path()
    with _quiet_nbgrader():
        app = ZipCollectApp(config=config)
        app.coursedir = CourseDirectory(parent=app)
        for handler in list(app.log.handlers):  # keep its log for the report, off the console
            app.log.removeHandler(handler)
        app.log.propagate = False
        result = capture_log(app)
    log = result.get("log", "")
    if not result["success"]:
        raise CourseError(f"zip collect failed: {_last_error(result)}")
    learners = sorted({
        p.parent.parent.name
        for p in course.submitted_dir.glob(f"*/{assignment}/*")
        if before.get(p) != p.stat().st_mtime_ns
    })
    skipped = [ln.split(": ", 1)[-1] for ln in log.splitlines() if "Skipped" in ln]
    return CollectReport(assignment, learners, skipped)


# --------------------------------------------------------------------------- grade


def grade_submission(course_root: Path | str, assignment: str, learner: str, *, timeout: int | None = None) -> SubmissionResult:
    """Autograde one learner's submission with nbgrader and save it; never raises for a bad submission.

    The same task a parallel run sends to each worker (:func:`casekit.course.task.run_task`),
    run in this process and saved as a parallel run saves it. The result names every problem
    found; an unreadable or missing notebook is recorded as 0 on every criterion.
    """
    from casekit.course.grading_engine.parallel import grade_cohort

    course = Course.open(course_root, timeout=timeout)
    report = grade_cohort(course, assignment, [learner], workers=1, force=True)
    return report.results[0]


def grade(course: Course, assignment: str, learners: list[str] | None = None, progress=None, *,
          workers: int | None = None, force: bool = False, scheduler=None, execute: str | None = None) -> CohortReport:
    """Autograde every learner who submitted ``assignment`` (or just ``learners``), in parallel.

    See :func:`casekit.course.parallel.grade_cohort`: ``workers`` at a time (default one per
    core), or on a dask cluster (``scheduler``); learners already graded are skipped unless ``force``.
    No learner code runs unless ``execute`` is ``"sandbox"`` or ``"unsafe"``.
    """
    from casekit.course.grading_engine.parallel import grade_cohort

    return grade_cohort(course, assignment, learners, workers=workers, force=force, scheduler=scheduler,
                        progress=progress, execute=execute)


# --------------------------------------------------------------------------- feedback


@dataclass
class FeedbackReport:
    assignment: str
    files: list[Path]


def feedback(course: Course, assignment: str, allow_ungraded: bool = False) -> FeedbackReport:
    """nbgrader feedback HTML for every autograded learner, checked to reveal no hidden test or mark scheme.

    Refused while a manual criterion waits for a grader, unless ``allow_ungraded`` (see casekit.course.release).
    """
    course.require_assignment(assignment)
    graded = sorted(p.parent.name for p in course.autograded_dir.glob(f"*/{assignment}") if p.is_dir()) if course.autograded_dir.exists() else []
    if not graded:
        raise CourseError(f"nothing autograded for {assignment!r} yet; run `casekit course grade {assignment}` first")
    from casekit.course.grading_engine.release import check_course

    check_course(course, assignment, allow_ungraded)
    extra = Config({"RequireManualGrades": {"allow_ungraded": allow_ungraded}})
    with _quiet_nbgrader():
        result = _api(course, extra).generate_feedback(assignment, force=True)
    if not result["success"]:
        raise CourseError(f"nbgrader could not generate feedback: {_last_error(result)}")
    # nbgrader copies every other file of the autograded folder too; feedback is the page nbgrader
    # made from the graded notebook, nothing else (not an .html file a learner put in the folder).
    page = f"{notebook_file(assignment).removesuffix('.ipynb')}.html"
    for path in sorted(course.feedback_dir.glob(f"*/{assignment}/**/*"), reverse=True):
        if path.is_file() and not (path.name == page and path.parent.name == assignment):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    files = sorted(course.feedback_dir.glob(f"*/{assignment}/{page}"))
    leaks = feedback_leaks(course, assignment, files)
    for path in leaks:
        path.unlink()
    if leaks:
        where = "; ".join(f"{p.relative_to(course.root)}: {', '.join(why)}" for p, why in leaks.items())
        raise CourseError(
            f"{len(leaks)} of {len(files)} feedback file(s) would reveal hidden tests, the mark scheme or an answer key "
            f"and were removed ({where}); check ClearHiddenTests and ClearMarkScheme in GenerateFeedback.preprocessors, "
            "and review the learner's notebook"
        )
    return FeedbackReport(assignment, files)
