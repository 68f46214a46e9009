"""A cohort graded end to end by the real nbgrader, from a fresh copy of the kit.

``casekit course build``, then an LMS zip of synthetic submissions (a model plan, a half
plan, an empty plan and every kind of bad submission in ``course_cohort.LEARNERS``) goes
through ``collect-zip``, ``grade``, ``feedback`` and ``export``, each run as the instructor
runs it (the installed ``casekit`` command, with the virtualenv not activated). The cohort
is graded once for the module; the tests below read what it left behind.
"""

from __future__ import annotations

import csv
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import MANUAL_CRITERIA
from casekit.course.assignment import grade_id
from course_cohort import DELETED, LEARNERS, copy_course_kit, expected_totals, lms_zip, submission_files

pytestmark = pytest.mark.slow

CASEKIT = Path(sys.executable).parent / "casekit"
TIMEOUT = 12
"""Per-cell timeout for this run: the looping learner costs this much, once."""


class Cohort:
    def __init__(self, kit: Path, case_id: str):
        self.kit = kit
        self.case_id = case_id
        self.course = kit / "graders"
        self.lib = CaseLibrary.load(kit)
        self.outputs: dict[str, str] = {}

    def run(self, *args: str) -> str:
        env = dict(os.environ, CASEKIT_HOME=str(self.kit))
        # As from a fresh clone: the virtualenv's bin/ is not on PATH (nbgrader needs its alembic).
        venv_bin = str(Path(sys.executable).parent)
        env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
        proc = subprocess.run([str(CASEKIT), "course", *args], cwd=self.kit, env=env,
                              capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, f"casekit course {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
        self.outputs[args[0]] = proc.stdout
        return proc.stdout

    def rows(self) -> dict[str, dict[str, str]]:
        with (self.kit / "scores.csv").open() as fh:
            return {row["learner"]: row for row in csv.DictReader(fh)}

    @property
    def key(self):
        return self.lib.key(self.case_id)

    def feedback_html(self, learner: str) -> str:
        return (self.course / "feedback" / learner / self.case_id / f"{self.case_id}.html").read_text()


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> Cohort:
    kit = tmp_path_factory.mktemp("fresh") / "kit"
    copy_course_kit(kit)
    lib = CaseLibrary.load(kit)
    case_id = sorted(c for c in lib.cases if c in lib.keys)[0]
    c = Cohort(kit, case_id)
    c.run("build")
    files = submission_files(c.course / "release", case_id, lib)
    c.run("collect-zip", case_id, str(lms_zip(kit / "lms-download.zip", files)))
    c.run("grade", case_id, "--timeout", str(TIMEOUT))
    # Nobody has graded the progress notes: feedback is refused unless the instructor says so.
    env = dict(os.environ, CASEKIT_HOME=str(kit))
    refused = subprocess.run([str(CASEKIT), "course", "feedback", case_id], cwd=kit, env=env, capture_output=True, text=True, timeout=600)
    c.outputs["feedback-refused"] = refused.stdout + refused.stderr
    c.outputs["feedback-refused-code"] = str(refused.returncode)
    c.outputs["feedback-refused-files"] = str(len(list((c.course / "feedback").glob("*/*/*.html"))))
    c.run("feedback", case_id, "--allow-ungraded")
    c.run("export", case_id, "--to", str(kit / "scores.csv"))
    print("\n" + c.outputs["grade"])  # the timing, for `pytest -s`
    return c


def test_build_released_every_graded_case(cohort):
    """Did build generate and release one assignment per case with a key?"""
    released = sorted(p.name for p in (cohort.course / "release").iterdir())
    assert released == sorted(c for c in cohort.lib.cases if c in cohort.lib.keys)


def test_release_holds_no_key_material(cohort):
    """Is every released assignment free of the key: no hidden test, worked answer, mark scheme,
    key sentence, expected-needs list or plan file?"""
    for folder in (cohort.course / "release").iterdir():
        key = cohort.lib.key(folder.name)
        assert not list(folder.rglob("*.plan.json*")), "a plan file was released"
        for nb_path in folder.glob("*.ipynb"):
            raw = nb_path.read_text()
            text = "\n".join(c.source for c in nbformat.reads(raw, as_version=4).cells)
            for marker in ("HIDDEN TESTS", "criterion_points", "model_plan", "BEGIN SOLUTION",
                           "MARK SCHEME", "Mark scheme", "graders/keys", ".key("):
                assert marker not in raw, f"{nb_path.name}: {marker}"
            sentences = [n.why for n in key.needs] + [f.explanation for f in key.application_flaws]
            sentences += [g.example for g in key.goals] + [e.explanation for e in key.events]
            sentences += list(key.progress_note.must_cover) + [lv.description for lv in key.progress_note.levels]
            for sentence in sentences:
                assert sentence not in text and sentence not in raw, f"{nb_path.name}: key text {sentence[:40]!r}"
            needs = [n.need for n in key.needs]
            assert len(needs) > 1 and not re.search(r"\s*,\s*".join(re.escape(f'"{n}"') for n in needs), raw), "the key's needs list"


def test_model_plan_full_empty_zero_half_between(cohort):
    """Does the per-criterion CSV show the model plan at full marks, the empty plan at 0, the half plan in between?"""
    rows = cohort.rows()
    code = [c for c in cohort.key.rubric if c.id not in MANUAL_CRITERIA]
    for criterion in code:
        assert float(rows["model"][criterion.id]) == criterion.points, criterion.id
        assert float(rows["empty"][criterion.id]) == 0.0, criterion.id
    half = sum(float(rows["half"][c.id]) for c in code)
    assert 0 < half < sum(c.points for c in code)
    expected = expected_totals(cohort.case_id, cohort.lib)
    assert {c.id: float(rows["half"][c.id]) for c in code} == pytest.approx(expected, abs=0.005)
    assert rows["model"]["needs_manual_grade"] == "yes", "the progress note waits for a person"
    note = next(c.id for c in cohort.key.rubric if c.id in MANUAL_CRITERIA)
    assert rows["model"][note] == "", "a note nobody has graded yet is blank, not 0"


def test_csv_has_one_row_per_learner_and_a_column_per_criterion(cohort):
    """Is the export one row per learner, one column per rubric criterion, then total and max?"""
    with (cohort.kit / "scores.csv").open() as fh:
        header = next(csv.reader(fh))
    # The last column names what grading found wrong with the submission (added with the trust review).
    assert header == ["learner", *[c.id for c in cohort.key.rubric], "total", "max", "needs_manual_grade", "problems"]
    rows = cohort.rows()
    assert sorted(rows) == sorted(lr.name for lr in LEARNERS)
    maximum = sum(c.points for c in cohort.key.rubric)
    for row in rows.values():
        assert float(row["max"]) == maximum
        parts = sum(float(row[c.id]) for c in cohort.key.rubric if row[c.id] != "")
        assert float(row["total"]) == pytest.approx(parts, abs=0.01)


@pytest.mark.parametrize("learner", LEARNERS, ids=lambda lr: lr.name)
def test_each_learner_gets_what_the_rubric_gives(cohort, learner):
    """Does every submission, good or bad, end with the score the rubric gives its plan file (0 where unreadable)?"""
    row = cohort.rows()[learner.name]
    code = [c for c in cohort.key.rubric if c.id not in MANUAL_CRITERIA]
    got = {c.id: float(row[c.id]) for c in code}
    if learner.expect == "full":
        assert got == {c.id: float(c.points) for c in code}
    elif learner.expect == "zero":
        assert set(got.values()) == {0.0}
    elif learner.expect == "half-plan":  # edited test cells cannot lift a score
        assert got == pytest.approx(expected_totals(cohort.case_id, cohort.lib), abs=0.005)
    else:
        assert 0 < sum(got.values()) < sum(c.points for c in code)


@pytest.mark.parametrize("learner", [lr for lr in LEARNERS if lr.problem], ids=lambda lr: lr.name)
def test_summary_names_each_problem_submission_and_why(cohort, learner):
    """Does the grade summary list each bad submission by learner, with the reason?"""
    summary = cohort.outputs["grade"].split("problem submission(s):", 1)[1]
    blocks = dict(re.findall(r"^  (\S+):\n((?:    - .*\n?)+)", summary, flags=re.M))
    assert learner.name in blocks, summary
    words = {
        "missing-notebook": "notebook", "corrupt-notebook": "not valid JSON", "deleted-cells": "deleted",
        "edited-cells": "edited", "missing-plan": "missing", "corrupt-plan": "cannot be graded",
        "error": "raised RuntimeError", "timeout": "time limit", "stderr": "stderr",
        "score-corrected": "the rubric's were recorded", "key-access": "reaches for the answer key",
    }
    assert words[learner.problem] in blocks[learner.name]


def test_clean_submissions_are_not_in_the_summary(cohort):
    """Are the good submissions left out of the problem list, so it stays worth reading?"""
    summary = cohort.outputs["grade"].split("problem submission(s):", 1)[1]
    for learner in LEARNERS:
        if learner.problem is None:
            assert f"  {learner.name}:" not in summary


def test_summary_says_whom_grading_flagged_in_formgrader_and_why(cohort):
    """Does the grade summary count the submissions it flagged (formgrader's Flagged?), name each with its
    reason, leave the honest and the harmless ones out, and say a flag is never cleared? Are exactly those
    flagged in the gradebook?"""
    from casekit.course.grading_engine.problems import FLAGGED

    flagged = {lr.name: FLAGGED[lr.problem] for lr in LEARNERS if lr.problem in FLAGGED}
    assert {"noplan", "corruptplan"} <= set(flagged) and "half" not in flagged and "editedtests" not in flagged
    output = cohort.outputs["grade"]
    assert f"flagged {len(flagged)} submission(s) in formgrader (Flagged?)" in output, output
    section = output.split("submission(s) in formgrader (Flagged?)", 1)[1]
    listed = dict(re.findall(r"^  (\S+): (.+)$", section, flags=re.M))
    assert listed == flagged
    assert "never clears it: a flag you set in formgrader stays" in output
    with Gradebook(f"sqlite:///{cohort.course / 'gradebook.db'}", "casekit") as gb:
        found = {d["student"]: d["flagged"] for d in gb.notebook_submission_dicts(cohort.case_id, cohort.case_id)}
    assert {name for name, is_flagged in found.items() if is_flagged} == set(flagged)


def test_deleted_test_cells_were_put_back_and_graded(cohort):
    """Were the test cells the learner deleted restored by nbgrader and given their points?"""
    row = cohort.rows()["deletedtests"]
    for criterion in DELETED:
        assert float(row[criterion]) == next(c.points for c in cohort.key.rubric if c.id == criterion)


def test_nbgraders_own_feedback_names_the_criteria_too(cohort):
    """Does feedback made by nbgrader itself (what formgrader's "Generate feedback" button runs)
    name each criterion in its list of scores, as `casekit course feedback` does?"""
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "generate_feedback", cohort.case_id, "--student", "half",
         "--force", "--CourseDirectory.feedback_directory=feedback-by-nbgrader", "--RequireManualGrades.allow_ungraded=True"],
        cwd=cohort.course, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    page = (cohort.course / "feedback-by-nbgrader" / "half" / cohort.case_id / f"{cohort.case_id}.html").read_text()
    from casekit.rubric import TITLES

    titles = [TITLES[c.id] for c in cohort.key.rubric if c.id not in MANUAL_CRITERIA]
    assert len(titles) >= 10
    for title in titles:
        assert f">{html.escape(title)}</a>" in page, title
    assert ">Test cell</a>" not in page and "HIDDEN TESTS" not in page


def test_feedback_shows_points_and_comments_without_hidden_code(cohort):
    """Does each learner's feedback show every criterion's points and the rubric's comment,
    and none of the hidden test code nor the mark scheme?"""
    from casekit.model_plan import model_plan
    from casekit.rubric import score

    from course_cohort import half_plan

    raw = cohort.feedback_html("half")
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))
    case, key = cohort.lib.case(cohort.case_id), cohort.key
    for result in score(half_plan(model_plan(case, key, cohort.lib)), case, key, cohort.lib):
        assert f"{result.points:g} of {result.max:g} point" in text, result.id
        assert re.sub(r"\s+", " ", result.feedback) in text, result.id
        assert f"Score: {result.points} / {result.max}" in text, result.id
        # the list of scores at the top names the criterion, not nbgrader's "Test cell"
        assert f'<a href="#crit-{result.id}">{html.escape(result.title)}</a>' in raw, result.id
    assert ">Test cell</a>" not in raw and ">Task</a>" not in raw
    for learner in (lr.name for lr in LEARNERS if lr.notebook not in ("missing", "corrupt")):
        page = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", cohort.feedback_html(learner))))
        markers = ["HIDDEN TESTS", "criterion_points", "MARK SCHEME", "Mark scheme"]
        if learner != "tampers":  # that learner's own code names model_plan, and may be shown to them
            markers.append("model_plan")
        for marker in markers:
            assert marker not in page, f"{learner}: {marker}"
        for level in key.progress_note.levels:
            assert re.sub(r"\s+", " ", level.description) not in page, f"{learner}: mark-scheme level"


def test_a_manual_grade_for_the_note_completes_the_model_total(cohort):
    """When a grader gives the progress note full marks (as in formgrader), does the export show the model plan at the maximum?"""
    from casekit.course.config import Course, tools_on_path

    tools_on_path()
    course = Course.open(cohort.course)
    note = next(c for c in cohort.key.rubric if c.id in MANUAL_CRITERIA)
    with Gradebook(course.db_url, course.course_id) as gb:
        grade = gb.find_grade(grade_id(note.id), cohort.case_id, cohort.case_id, "model")
        grade.manual_score = float(note.points)
        grade.needs_manual_grade = False
        gb.db.commit()
    cohort.run("export", cohort.case_id, "--to", str(cohort.kit / "scores.csv"))
    row = cohort.rows()["model"]
    assert float(row["total"]) == float(row["max"]) and row["needs_manual_grade"] == "no"


def test_autograde_time_per_submission_is_reported(cohort):
    """Does grade report seconds per submission (and stay well within a cell's timeout on this machine)?"""
    match = re.search(r"\(([\d.]+) s per autograded submission, median ([\d.]+) s\)", cohort.outputs["grade"])
    assert match, cohort.outputs["grade"]
    assert float(match.group(2)) < TIMEOUT, "a normal submission takes a fraction of one cell's timeout"


def test_feedback_waits_for_the_progress_notes_and_names_who_is_waiting(cohort):
    """Is `casekit course feedback` refused while progress notes are ungraded, naming each learner, and writing nothing?"""
    out = cohort.outputs["feedback-refused"]
    assert cohort.outputs["feedback-refused-code"] == "1", out
    assert cohort.outputs["feedback-refused-files"] == "0", "feedback was written although it was refused"
    assert "still wait for manual grading" in out and "Progress note" in out, out
    assert "half (" in out, "the refusal names each learner waiting"
    assert f"casekit course feedback {cohort.case_id} --allow-ungraded" in out, "the refusal says how to release anyway"
    assert "released with --allow-ungraded" in cohort.outputs["feedback"]


def test_formgraders_feedback_button_refuses_too(cohort):
    """Does nbgrader's own generate_feedback (formgrader's button) refuse a learner whose progress note is ungraded, saying why?"""
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "generate_feedback", cohort.case_id, "--student", "half",
         "--force", "--CourseDirectory.feedback_directory=feedback-refused"],
        cwd=cohort.course, capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "still wait for manual grading: half (Progress note" in proc.stdout + proc.stderr
    assert not list((cohort.course / "feedback-refused").glob("*/*/*.html"))
