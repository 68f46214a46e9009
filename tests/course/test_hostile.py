"""Grading that no submission can subvert: the hostile cohort, graded by the real nbgrader and the real CLI.

A fresh course is built and given the honest model and half plans plus every attack in
``course_cohort.HOSTILE`` (code that writes the run's or the course's gradebook, steals a key
by a path built from pieces, brings its own feedback page, outputs script; plan files as
Notepad, UTF-16 and cp1252 write them, random bytes, JSON nested 100,000 deep; a kernel that
exits or will not stop). It is graded as an instructor grades it, without running learner code,
and once more with ``--execute`` in the sandbox; each test reads what a run left behind.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import MANUAL_CRITERIA
from casekit.course.gradebook_rows import scores, snapshot
from casekit.course.leaks import key_texts
from course_cohort import (HOSTILE, NBGRADER_FAILS, SCRIPT_MARK, copy_course_kit, hostile_files, submission_files,
                           write_submissions)

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
TIMEOUT = 5
HONEST = ("model", "half")


class Kit:
    def __init__(self, kit: Path, case_id: str):
        self.kit, self.case_id = kit, case_id
        self.course = kit / "graders"
        self.lib = CaseLibrary.load(kit)
        self.db_url = f"sqlite:///{self.course / 'gradebook.db'}"
        self.out: dict[str, str] = {}

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        env = dict(os.environ, CASEKIT_HOME=str(self.kit), PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]))
        proc = subprocess.run([str(BIN / "casekit"), "course", *args, "--course", str(self.course)], cwd=self.kit,
                              env=env, capture_output=True, text=True, timeout=900)
        if check:
            assert proc.returncode == 0, f"casekit course {' '.join(args)}:\n{proc.stdout}\n{proc.stderr}"
        self.out[args[0]] = proc.stdout
        return proc

    def rows(self) -> dict[str, dict[str, str]]:
        with (self.kit / "scores.csv").open(encoding="utf-8") as fh:
            return {row["learner"]: row for row in csv.DictReader(fh)}

    def scores(self) -> dict[str, dict[str, float]]:
        return scores(snapshot(self.db_url, self.case_id))


def _copy(src: Kit, dest: Path) -> Kit:
    shutil.copytree(src.kit, dest)
    return Kit(dest, src.case_id)


def _honest_plus(src: Kit, dest: Path, name: str, like: str) -> tuple[Kit, Path]:
    """A copy holding only the honest submissions and one more, ``name``, copied from ``like``'s."""
    k = _copy(src, dest)
    for folder in (k.course / "submitted").iterdir():
        if folder.name not in HONEST:
            shutil.rmtree(folder)
    mine = k.course / "submitted" / name / k.case_id
    shutil.copytree(k.course / "submitted" / like / k.case_id, mine)
    return k, mine


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Kit:
    kit = tmp_path_factory.mktemp("hostile") / "kit"
    copy_course_kit(kit)
    lib = CaseLibrary.load(kit)
    k = Kit(kit, sorted(c for c in lib.cases if c in lib.keys)[0])
    k.run("build", k.case_id)  # the one case graded here; test_cohort builds them all
    honest = {n: f for n, f in submission_files(k.course / "release", k.case_id, lib).items() if n in HONEST}
    write_submissions(k.course, k.case_id, honest)
    write_submissions(k.course, k.case_id, hostile_files(k.course / "release", k.case_id, lib))
    return k


@pytest.fixture(scope="module")
def graded(built, tmp_path_factory) -> Kit:
    """The cohort graded as an instructor grades it: no learner code run."""
    k = _copy(built, tmp_path_factory.mktemp("graded") / "kit")
    k.run("grade", k.case_id)
    k.run("feedback", k.case_id, "--allow-ungraded")  # nobody grades the notes here
    k.run("export", k.case_id, "--to", str(k.kit / "scores.csv"))
    return k


def _code_criteria(k: Kit):
    return [c for c in k.lib.key(k.case_id).rubric if c.id not in MANUAL_CRITERIA]


@pytest.mark.parametrize("learner", HOSTILE, ids=lambda lr: lr.name)
def test_each_hostile_learner_gets_exactly_the_rubrics_score_for_its_plan(graded, learner):
    """Does every attack end with the rubric's score for the plan file as submitted, no more and no less?"""
    row = graded.rows()[learner.name]
    got = {c.id: float(row[c.id]) for c in _code_criteria(graded)}
    if learner.expect == "full":
        assert got == {c.id: float(c.points) for c in _code_criteria(graded)}
    else:
        assert set(got.values()) == {0.0}


@pytest.mark.parametrize("learner", sorted(NBGRADER_FAILS))
def test_a_notebook_nbgrader_refuses_still_has_its_plan_graded_and_named(graded, learner):
    """When nbgrader cannot grade the submitted notebook (grading metadata changed, a graded cell added),
    is the plan file graded all the same, and the summary names the notebook and nbgrader's reason?"""
    summary = graded.out["grade"].split("problem submission(s):", 1)[1]
    block = re.search(rf"^  {learner}:\n((?:    - .*\n?)+)", summary, flags=re.M)
    assert block and "nbgrader could not grade the submitted notebook (" in block.group(1), summary
    assert "graded with the released notebook in its place" in block.group(1)


def test_a_hostile_learner_is_flagged_in_formgrader_exactly_when_its_problem_calls_for_it(graded):
    """Are the unreadable plan files and the notebooks nbgrader refused flagged (formgrader's Flagged?), and the
    attacks that simply fail, the plan files read as written and the honest plans left unflagged?"""
    from nbgrader.api import Gradebook

    from casekit.course.grading_engine.problems import FLAGGED

    with Gradebook(graded.db_url, "casekit") as gb:
        found = {d["student"]: d["flagged"] for d in gb.notebook_submission_dicts(graded.case_id, graded.case_id)}
    expected = {lr.name for lr in HOSTILE if lr.problem in FLAGGED}
    assert {"randombytes", "gradesanswer"} <= expected
    assert {name for name, is_flagged in found.items() if is_flagged} == expected
    assert set(HONEST) <= set(found)


def test_no_run_brings_back_manual_scores_or_extra_credit(graded):
    """Is every manual score and extra credit in the gradebook still empty (only an instructor gives them),
    and the honest learners' scores untouched by the code that tried to rewrite them?"""
    from sqlalchemy import create_engine, text

    engine = create_engine(graded.db_url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT count(*) FROM grade WHERE manual_score IS NOT NULL OR extra_credit IS NOT NULL")).scalar()
    engine.dispose()
    assert found == 0
    full = {c.id: float(c.points) for c in _code_criteria(graded)}
    assert {c: float(graded.rows()["model"][c]) for c in full} == full


@pytest.mark.parametrize("learner, words", [("randombytes", "not text"), ("deepnesting", "nested far deeper")])
def test_an_unreadable_plan_is_named_with_its_reason_in_the_summary_and_the_export(graded, learner, words):
    """Is a plan file that cannot be read a named problem, with 0, in the summary and in the export's problems column?"""
    summary = graded.out["grade"].split("problem submission(s):", 1)[1]
    block = re.search(rf"^  {learner}:\n((?:    - .*\n?)+)", summary, flags=re.M)
    assert block and words in block.group(1), summary
    assert words in graded.rows()[learner]["problems"]


def test_feedback_holds_only_the_graded_page_and_no_key(graded):
    """Does the key thief's feedback folder hold only the page made from the graded notebook, with no
    key text of any case, and no page the learner brought along?"""
    folder = graded.course / "feedback" / "keythief" / graded.case_id
    assert sorted(p.name for p in folder.iterdir()) == [f"{graded.case_id}.html"]
    assert not (graded.course / "autograded" / "keythief" / graded.case_id / "stolen-key.html").exists()
    page = re.sub(r"\s+", " ", (folder / f"{graded.case_id}.html").read_text(encoding="utf-8"))
    for case, key in graded.lib.keys.items():
        if case != graded.case_id:
            for sentence in key_texts(key):
                assert re.sub(r"\s+", " ", sentence) not in page, case


class _Active(HTMLParser):
    """Collects what a browser would run: script bodies and on* attribute values."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        self.found += [v or "" for k, v in attrs if k.lower().startswith("on")]

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.found.append(data)


def test_no_learner_script_or_event_handler_reaches_a_page(graded, built, tmp_path_factory):
    """Does the scripter's feedback (graded without and with the notebook run) hold none of its script
    or event handlers, where a browser would run them?"""
    pages = [graded.course / "feedback" / "scripter" / graded.case_id / f"{graded.case_id}.html"]
    parser = _Active()
    for page in pages:
        parser.feed(page.read_text(encoding="utf-8"))
    assert not [f for f in parser.found if SCRIPT_MARK in f]


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("learner", ["..", "=HYPERLINK(1)", "@cmd", "+x", "-y"])
def test_collect_refuses_a_learner_id_that_is_not_a_plain_name(built, tmp_path, learner):
    """Is a zip entry whose learner part is `..` or starts a formula refused, naming the file, with the
    instructor's own files in graders/<case>/ left as they were and nothing collected?"""
    k = _copy(built, tmp_path / "kit")
    notes = k.course / k.case_id / "notes.txt"
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text("my grading notes")
    nb = (k.course / "release" / k.case_id / f"{k.case_id}.ipynb").read_bytes()
    archive = _zip(tmp_path / "lms.zip", {f"{learner}_1_{k.case_id}.ipynb": nb, f"fine_2_{k.case_id}.ipynb": nb})
    proc = k.run("collect-zip", k.case_id, str(archive), check=False)
    assert proc.returncode == 1
    assert f"learner id {learner!r} is refused" in proc.stdout + proc.stderr
    assert notes.read_text() == "my grading notes"
    assert not (k.course / "submitted" / "fine").exists(), "nothing of a refused download is collected"


def test_collect_refuses_a_zip_bomb_before_extracting_it(built, tmp_path):
    """Is a small zip that expands past the ratio limit refused with its figures, and nothing extracted?"""
    k = _copy(built, tmp_path / "kit")
    archive = _zip(tmp_path / "bomb.zip", {f"bomber_1_{k.case_id}.ipynb": b"\0" * (64 * 1024**2)})
    assert archive.stat().st_size < 1024**2
    proc = k.run("collect-zip", k.case_id, str(archive), check=False)
    assert proc.returncode == 1
    assert "looks like a zip bomb" in proc.stdout + proc.stderr
    assert not (k.course / "downloaded" / k.case_id).exists()
    assert not (k.course / "submitted" / "bomber").exists()


def test_a_submission_folder_not_named_by_a_plain_id_stops_grading_with_its_name(built, tmp_path):
    """Is a submission folder named `=cmd` refused by grade with its name and the fix, grading nothing?"""
    k = _copy(built, tmp_path / "kit")
    shutil.copytree(k.course / "submitted" / "model", k.course / "submitted" / "=cmd")
    proc = k.run("grade", k.case_id, check=False)
    assert proc.returncode == 1
    assert "'=cmd'" in proc.stdout + proc.stderr and "rename or remove" in proc.stdout + proc.stderr
    assert not (k.course / "autograded").exists()


def test_execute_in_the_sandbox_gives_the_same_grades(graded, built, tmp_path_factory):
    """Run in the bubblewrap sandbox (--execute), does every learner, hostile ones included, get the grades
    of grading without running anything, and does the scripter's page still run nothing of its own?"""
    from casekit.course.sandbox import sandbox_problem

    why = sandbox_problem()
    if why:
        pytest.skip(f"no sandbox on this machine: {why}")
    k = _copy(built, tmp_path_factory.mktemp("sandboxed") / "kit")
    k.run("grade", k.case_id, "--execute", "--timeout", str(TIMEOUT))
    assert k.scores() == graded.scores()
    k.run("feedback", k.case_id, "--allow-ungraded")
    parser = _Active()
    parser.feed((k.course / "feedback" / "scripter" / k.case_id / f"{k.case_id}.html").read_text(encoding="utf-8"))
    assert not [f for f in parser.found if SCRIPT_MARK in f]
    summary = k.out["grade"]
    assert "the kernel died while running plan-answer" in summary
    assert "ran past the time limit and was stopped; the cells after it were not run" in summary


def test_a_worker_that_dies_is_named_and_the_exit_status_says_so(built, tmp_path):
    """When a worker process dies under a learner (here the learner's own code kills it, run unsafely), is
    that learner named as not graded, nothing saved for them, and does the command exit 1?"""
    import nbformat

    from casekit.course.assignment import ANSWER_ID

    k, killer = _honest_plus(built, tmp_path / "kit", "killer", "model")
    nb_path = killer / f"{k.case_id}.ipynb"
    nb = nbformat.read(nb_path, as_version=4)
    next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == ANSWER_ID).source = (
        "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)")
    nbformat.write(nb, nb_path)
    proc = k.run("grade", k.case_id, "--unsafe-execute", "--workers", "2", "--timeout", str(TIMEOUT), check=False)
    assert proc.returncode == 1, proc.stdout
    line = re.search(r"learner\(s\) NOT graded, nothing saved for them: (.*);", proc.stdout)
    assert line and "killer" in line.group(1).split(", "), proc.stdout
    from casekit.course import ledger
    from casekit.course.gradebook_rows import engine_for

    engine = engine_for(k.db_url)
    with engine.connect() as conn:
        saved = ledger.read(conn, k.case_id)
    engine.dispose()
    assert "killer" not in saved


def test_nbgraders_own_autograde_with_the_course_config_gives_the_same_grades(graded, built, tmp_path):
    """Does `nbgrader autograde` run in the course folder (what formgrader's Autograde button runs) score
    every learner as `casekit course grade` does, with no manual score or extra credit from any run,
    and does the key thief's page stay behind in submitted/?"""
    from sqlalchemy import create_engine, text

    k = _copy(built, tmp_path / "kit")
    for name in NBGRADER_FAILS:  # nbgrader refuses their notebooks (the kit grades their plan files)
        shutil.rmtree(k.course / "submitted" / name)
    env = dict(os.environ, CASEKIT_HOME=str(k.kit), PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]))
    proc = subprocess.run([str(BIN / "nbgrader"), "autograde", k.case_id], cwd=k.course, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    expected = {name: cells for name, cells in graded.scores().items() if name not in NBGRADER_FAILS}
    assert k.scores() == expected
    engine = create_engine(k.db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM grade WHERE manual_score IS NOT NULL OR extra_credit IS NOT NULL")).scalar() == 0
    engine.dispose()
    assert sorted(p.name for p in (k.course / "autograded" / "keythief" / k.case_id).iterdir()) == [
        f"{k.case_id}.ipynb", f"{k.case_id}.plan.json"]


@pytest.mark.parametrize("target", ["other-learner", "key", "pipe"])
def test_a_plan_file_that_is_a_link_or_a_pipe_is_refused_not_followed(built, tmp_path, target):
    """Is a plan file that is a link (to another learner's plan, to a key) or a named pipe graded 0 with
    the reason, never read through, and the grading not hung?"""
    k, mine = _honest_plus(built, tmp_path / "kit", "linker", "half")
    plan = mine / f"{k.case_id}.plan.json"
    plan.unlink()
    if target == "pipe":
        os.mkfifo(plan)
    else:
        plan.symlink_to(k.course / "submitted" / "model" / k.case_id / plan.name if target == "other-learner"
                        else k.course / "keys" / f"{k.case_id}.yaml")
    k.run("grade", k.case_id)
    k.run("export", k.case_id, "--to", str(k.kit / "scores.csv"))
    row = k.rows()["linker"]
    assert {float(row[c.id]) for c in _code_criteria(k)} == {0.0}
    assert ("a link to another file" if target != "pipe" else "not a regular file") in row["problems"]


def test_collect_refuses_a_tar_archive(built, tmp_path):
    """Is a tar archive (which can carry links and paths outside the folder) refused before extraction?"""
    import tarfile

    k = _copy(built, tmp_path / "kit")
    archive = tmp_path / "lms.tar.gz"
    with tarfile.open(archive, "w:gz") as tf:
        info = tarfile.TarInfo(f"evil_1_{k.case_id}.ipynb")
        info.type = tarfile.SYMTYPE
        info.linkname = "../../keys"
        tf.addfile(info)
    proc = k.run("collect-zip", k.case_id, str(archive), check=False)
    assert proc.returncode == 1 and "only zip archives are taken" in proc.stdout + proc.stderr
    assert not (k.course / "downloaded" / k.case_id).exists()


def test_an_unsafe_run_says_when_learner_code_changed_the_course_gradebook(built, tmp_path):
    """Run without the sandbox (--unsafe-execute), does code that rewrites the course gradebook get
    reported by name, with exit status 1, instead of passing unnoticed?"""
    k = _copy(built, tmp_path / "kit")
    for folder in (k.course / "submitted").iterdir():
        if folder.name not in HONEST:
            if folder.name == "coursebookwriter":
                folder.rename(k.course / "submitted" / "zz-writer")  # graded last, after the others are saved
            else:
                shutil.rmtree(folder)
    proc = k.run("grade", k.case_id, "--unsafe-execute", "--workers", "1", "--timeout", str(TIMEOUT), check=False)
    assert proc.returncode == 1, proc.stdout
    warning = re.search(r"WARNING: during this --unsafe-execute run the gradebook rows of (.*) changed", proc.stdout)
    assert warning and {"model", "half"} <= set(warning.group(1).split(", ")), proc.stdout
