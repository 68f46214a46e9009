"""Parallel cohort grading gives plain nbgrader's scores, and survives being stopped.

A small cohort (six learners: full, half and empty plans, one that loops, one with a corrupt
notebook, one whose code tampers with its plan) is graded once by plain sequential
``nbgrader autograde`` and once by ``casekit course grade --workers 2``, each on its own copy
of the same freshly built course. Further copies are graded by runs that are stopped
(Ctrl-C, a kill) and resumed, and on a local dask cluster; each must end with exactly the
gradebook of the uninterrupted parallel run.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casekit.cases.library import CaseLibrary
from casekit.course import ledger
from casekit.course.agreement import compare
from casekit.course.gradebook_rows import engine_for, snapshot
from course_cohort import LEARNERS, TAMPERING, as_nbgrader_ships, copy_course_kit, submission_files

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
TIMEOUT = 5
"""Per-cell timeout: the looping learner costs this much, once per run."""
COHORT = ("model", "half", "empty", "loops", "corruptnotebook", "tampers")


def _env(kit: Path) -> dict[str, str]:
    env = dict(os.environ, CASEKIT_HOME=str(kit))
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])  # nbgrader's alembic
    return env


class Course:
    """One copy of the built course, with its submissions, ready to grade."""

    def __init__(self, kit: Path, case_id: str):
        self.kit, self.case_id = kit, case_id
        self.graders = kit / "graders"
        self.db_url = f"sqlite:///{self.graders / 'gradebook.db'}"

    def casekit(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run([str(BIN / "casekit"), "course", *args, "--course", str(self.graders)], cwd=self.kit,
                              env=_env(self.kit), capture_output=True, text=True, timeout=600)
        if check:
            assert proc.returncode == 0, f"casekit course {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
        return proc

    def start_grading(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen([str(BIN / "casekit"), "course", "grade", self.case_id, "--timeout", str(TIMEOUT),
                                 "--course", str(self.graders), *args], cwd=self.kit, env=_env(self.kit),
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def graded(self) -> dict[str, ledger.Entry]:
        from sqlalchemy import inspect

        engine = engine_for(self.db_url)
        try:
            if not inspect(engine).has_table(ledger.LEDGER.name):  # never create it under a running grade
                return {}
            with engine.connect() as conn:
                return ledger.read(conn, self.case_id)
        finally:
            engine.dispose()

    def snapshot(self):
        return snapshot(self.db_url, self.case_id)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Course:
    """The course built once, with the six submissions collected; copied for each run below."""
    kit = tmp_path_factory.mktemp("parallel") / "kit"
    copy_course_kit(kit)
    lib = CaseLibrary.load(kit)
    case_id = sorted(c for c in lib.cases if c in lib.keys)[0]
    course = Course(kit, case_id)
    course.casekit("build", case_id)  # the one case graded here; test_cohort builds them all
    for learner, files in submission_files(kit / "graders" / "release", case_id, lib).items():
        if learner in COHORT:
            folder = kit / "graders" / "submitted" / learner / case_id
            folder.mkdir(parents=True)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
    return course


def _copy(built: Course, tmp_path_factory, name: str) -> Course:
    kit = tmp_path_factory.mktemp(name) / "kit"
    shutil.copytree(built.kit, kit)
    return Course(kit, built.case_id)


@pytest.fixture(scope="module")
def sequential(built, tmp_path_factory) -> Course:
    """Plain `nbgrader autograde ASSIGNMENT` as nbgrader ships (executing): every learner, one after another."""
    course = _copy(built, tmp_path_factory, "sequential")
    as_nbgrader_ships(course.graders)
    proc = subprocess.run([str(BIN / "nbgrader"), "autograde", course.case_id, f"--Execute.timeout={TIMEOUT}"],
                          cwd=course.graders, env=_env(course.kit), capture_output=True, text=True, timeout=600)
    # nbgrader exits 1 because the corrupt notebook cannot be graded; the others must be.
    assert "There was an error processing assignment" in proc.stderr and "corruptnotebook" in proc.stderr, proc.stderr[-2000:]
    return course


@pytest.fixture(scope="module")
def parallel(built, tmp_path_factory) -> tuple[Course, str]:
    """`casekit course grade --workers 2`, as the instructor runs it."""
    course = _copy(built, tmp_path_factory, "parallel")
    out = course.casekit("grade", course.case_id, "--workers", "2", "--timeout", str(TIMEOUT)).stdout
    return course, out


def test_cohort_is_mixed(built):
    """Does the cohort hold good and bad submissions, so the comparison below means something?"""
    kinds = {lr.name: lr for lr in LEARNERS}
    assert {kinds[n].expect for n in COHORT} >= {"full", "zero", "between"}
    assert {kinds[n].problem for n in COHORT} >= {"corrupt-notebook", "key-access"}


def test_parallel_gives_plain_nbgraders_score_for_every_grade(sequential, parallel):
    """Is every grade of every honest learner the one plain sequential nbgrader autograde gives, and the
    tampering learner's the rubric's 0 for its empty plan where nbgrader believed its kernel?"""
    course, _ = parallel
    result = compare(course.db_url, sequential.db_url, course.case_id, untrusted=TAMPERING)
    assert result.differ == [], result.differ
    cells = [key for key in course.snapshot()["model"] if key[1] == "grade"]
    assert result.compared == len(COHORT) * len(cells)
    assert {learner for learner, *_ in result.corrected} == {"tampers"}
    assert all(kit == 0.0 for *_, kit in result.corrected), "the tampering learner's empty plan is worth 0"
    assert result.identical == result.compared - len(result.corrected)


def test_parallel_run_used_two_workers_and_graded_everyone(parallel):
    """Did the run grade all six learners with two workers, and say so?"""
    course, out = parallel
    assert re.search(r"graded 6 submission\(s\) in [\d.]+ s with 2 worker\(s\)", out), out
    assert sorted(course.graded()) == sorted(COHORT)
    assert sorted(course.snapshot()) == sorted(COHORT)


def test_a_loop_costs_nothing_as_no_learner_code_runs(parallel):
    """Is the looping learner graded in well under one cell timeout, with full marks and nothing to report,
    since grading scores the plan file and runs none of the learner's code?"""
    course, out = parallel
    graded = course.graded()
    assert graded["loops"].result.seconds < TIMEOUT
    assert graded["loops"].result.problems == []
    assert graded["loops"].result.execute_seconds is None


def test_progress_lines_count_and_say_time_left(parallel):
    """Does the progress show each learner with a count of the whole and the time left?"""
    _, out = parallel
    lines = re.findall(r"^\s+\[\s*(\d+)/6\] (\S+) .* about (\d+:\d\d) left$", out, flags=re.M)
    assert [int(n) for n, *_ in lines] == [1, 2, 3, 4, 5, 6]
    assert sorted(name for _, name, _ in lines) == sorted(COHORT)
    assert lines[-1][2] == "0:00"


def test_a_second_run_skips_everyone_and_changes_nothing(parallel):
    """Does grading again skip learners already graded, leaving the gradebook exactly as it was?"""
    course, _ = parallel
    before = course.snapshot()
    out = course.casekit("grade", course.case_id, "--timeout", str(TIMEOUT)).stdout
    assert "skipped 6 learner(s) already graded" in out
    assert "graded 0 submission(s)" in out
    assert course.snapshot() == before
    assert "tampers:" in out.split("problem submission(s):")[1], "the summary still names earlier problems"


def test_a_changed_submission_is_graded_again_and_force_regrades(parallel, built):
    """Is a learner whose submission changed graded again without --force, and --force regrades an unchanged one?"""
    course, _ = parallel
    folder = course.graders / "submitted" / "half" / course.case_id
    plan = folder / f"{course.case_id}.plan.json"
    model = course.graders / "submitted" / "model" / course.case_id / plan.name
    original = plan.read_text()
    plan.write_text(model.read_text())
    try:
        out = course.casekit("grade", course.case_id, "--timeout", str(TIMEOUT)).stdout
        assert "graded 1 submission(s)" in out and "skipped 5 learner(s)" in out
        assert course.snapshot()["half"] == course.snapshot()["model"]
    finally:
        plan.write_text(original)
    out = course.casekit("grade", course.case_id, "--learner", "half", "--force").stdout
    assert "graded 1 submission(s)" in out
    assert course.snapshot()["half"] != course.snapshot()["model"]


def _kit_processes(kit: Path) -> list[int]:
    """Processes (workers, kernels) still running for this kit: their environment names it."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            env = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"CASEKIT_HOME={kit}".encode() in env.split(b"\0"):
            found.append(int(entry.name))
    return found


def _wait_until_some_graded(course: Course, proc: subprocess.Popen, count: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the run ended before it could be stopped:\n{proc.stdout.read()}"
        try:
            if len(course.graded()) >= count:
                return
        except Exception:  # the database is being created or written; look again
            pass
        time.sleep(0.2)
    raise AssertionError("no learner was saved within two minutes")


def _assert_no_stray_processes(kit: Path) -> None:
    deadline = time.monotonic() + 15
    while _kit_processes(kit) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _kit_processes(kit) == [], "workers or kernels outlived the stopped run"


@pytest.mark.parametrize("how, workers", [("ctrl-c", "1"), ("kill", "2")])
def test_a_stopped_run_leaves_whole_learners_and_the_next_run_finishes(built, parallel, tmp_path_factory, how, workers):
    """Stopped by Ctrl-C (grading in one process) or killed outright (two workers), does the run leave
    only whole learners in the gradebook, no process behind, and does the next run grade exactly the
    rest and end with the uninterrupted run's gradebook?"""
    reference, _ = parallel
    course = _copy(built, tmp_path_factory, f"stopped-{how}")
    # Running the notebooks (the looping one costs a timeout) gives time to stop the run mid-way;
    # the grades are the same as without.
    proc = course.start_grading("--workers", workers, "--unsafe-execute")
    _wait_until_some_graded(course, proc, 2)
    if how == "ctrl-c":
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 130, out
        assert "run `casekit course grade" in out and "again to grade the rest" in out
    else:
        proc.kill()
        proc.communicate(timeout=60)
    _assert_no_stray_processes(course.kit)

    saved = course.graded()
    assert 2 <= len(saved) < len(COHORT), "stopped mid-run"
    snap = reference.snapshot()
    partial = course.snapshot()
    for learner in saved:  # every learner the ledger calls graded is whole and final
        assert partial[learner] == snap[learner], learner
    assert set(partial) == set(saved), "a learner reached the gradebook without being recorded as graded"

    out = course.casekit("grade", course.case_id, "--timeout", str(TIMEOUT), "--unsafe-execute").stdout
    assert f"skipped {len(saved)} learner(s) already graded" in out
    assert f"graded {len(COHORT) - len(saved)} submission(s)" in out
    assert course.snapshot() == snap


def test_dask_cluster_gives_the_same_gradebook(built, parallel, tmp_path_factory):
    """Run on a (local) dask.distributed cluster, does the same task give the same gradebook?"""
    from distributed import Client, LocalCluster

    from casekit.course.config import Course as KitCourse
    from casekit.course.runner import grade

    reference, _ = parallel
    course = _copy(built, tmp_path_factory, "dask")
    old = os.environ.get("CASEKIT_HOME")
    os.environ["CASEKIT_HOME"] = str(course.kit)  # the task carries it to the workers
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            report = grade(KitCourse.open(course.graders, timeout=TIMEOUT), course.case_id, scheduler=client.scheduler.address)
            assert report.workers == 2
            assert len(client.scheduler_info()["workers"]) == 2
    finally:
        if old is None:
            os.environ.pop("CASEKIT_HOME", None)
        else:
            os.environ["CASEKIT_HOME"] = old
    assert sorted(r.learner for r in report.graded) == sorted(COHORT)
    assert course.snapshot() == reference.snapshot()


def test_an_unreachable_scheduler_is_one_clear_error(built, tmp_path_factory, monkeypatch):
    """Given a scheduler address nobody listens on, does grading stop with one error saying what to start, and save nothing?"""
    from casekit.course import parallel
    from casekit.course.config import Course as KitCourse, CourseError

    course = _copy(built, tmp_path_factory, "noscheduler")
    monkeypatch.setenv("CASEKIT_HOME", str(course.kit))
    monkeypatch.setattr(parallel, "SCHEDULER_TIMEOUT", "2s")
    with pytest.raises(CourseError, match=r"cannot reach the dask scheduler at tcp://127\.0\.0\.1:9 .*`dask scheduler`"):
        parallel.grade_cohort(KitCourse.open(course.graders), course.case_id, scheduler="tcp://127.0.0.1:9")
    assert course.graded() == {}


def test_gradebook_on_postgresql_gives_the_same_grades(built, parallel, tmp_path_factory, postgres_url):
    """With the gradebook on PostgreSQL (nbgrader's db_url), does a parallel run give the SQLite run's grades?"""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    reference, _ = parallel
    course = _copy(built, tmp_path_factory, "postgres")
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    name = f"casekit_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
        config = course.graders / "nbgrader_config.py"
        config.write_text(re.sub(r"(?m)^c\.CourseDirectory\.db_url = .*$", f"c.CourseDirectory.db_url = {url!r}",
                                 config.read_text()))
        (course.graders / "gradebook.db").unlink()
        course.db_url = url
        course.casekit("build", course.case_id)
        course.casekit("grade", course.case_id, "--workers", "2", "--timeout", str(TIMEOUT))
        assert course.snapshot() == reference.snapshot()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_report_writes_the_html_and_charts_from_the_gradebook(parallel, tmp_path):
    """Does `casekit course report` read the graded course and write the HTML with its four charts,
    naming the learners whose plan missed a critical need (and not the model plan)?"""
    course, _ = parallel
    out = course.casekit("report", course.case_id, "--png-dir", str(tmp_path / "png")).stdout
    html = course.graders / "exports" / f"{course.case_id}-report.html"
    text = html.read_text()
    assert f"wrote {html}" in out
    assert len(re.findall(r'src="data:image/png;base64,', text)) == 4
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == ["distribution.png", "heatmap.png", "losses.png", "settings.png"]
    missed = re.search(r"missed a critical or immediate need: (.*)$", out, flags=re.M).group(1).split(", ")
    assert {"empty", "tampers"} <= set(missed) and "model" not in missed
    assert "6 learner(s)" in out
