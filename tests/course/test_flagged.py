"""Formgrader's Flagged? column, as grading sets it in a real nbgrader gradebook.

"Tests Failed?" is ticked for every partial credit (see test_grading_reads.py), so it cannot say that
something is wrong; Flagged? is stored, not computed, and grading sets it on a submission with a
problem for the instructor to look at: not for an honest plan that earned some of the points, and
never cleared, so an instructor's own flag stays.

Only the first case's assignment is generated; each test grades its own copy of that course.
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from casekit.course.config import Course
from course_cohort import one_case_course

pytestmark = pytest.mark.slow

HONEST = ("model", "half")
FLAGGED = {"noplan": "plan file missing", "corruptplan": "plan file unreadable",
           "tampers": "code reaches for the answer key or the grading code"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A course folder holding the first case's assignment, generated, and five learners' submissions."""
    root = tmp_path_factory.mktemp("flagged") / "graders"
    one_case_course(root, (*HONEST, *FLAGGED))
    return root


def _copy(built: Path, tmp_path: Path) -> Course:
    root = tmp_path / "graders"
    shutil.copytree(built, root)
    course = Course.open(root)
    course.case_id = sorted(p.name for p in (root / "release").iterdir())[0]  # type: ignore[attr-defined]
    return course


def _grade(course: Course, *, force: bool = False):
    from casekit.course.grading_engine.parallel import grade_cohort

    return grade_cohort(course, course.case_id, workers=1, force=force)


def _notebooks(course: Course) -> dict[str, dict]:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        return {d["student"]: d for d in gb.notebook_submission_dicts(course.case_id, course.case_id)}


def _flag_in_formgrader(course: Course, learner: str, flagged: bool) -> None:
    """What formgrader's Flag button does: set the submitted notebook's ``flagged`` through nbgrader's gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        gb.find_submission_notebook(course.case_id, course.case_id, learner).flagged = flagged
        gb.db.commit()


@pytest.fixture(scope="module")
def graded(built, tmp_path_factory):
    """The course graded once by ``casekit course grade``'s own code, and the run's report."""
    course = _copy(built, tmp_path_factory.mktemp("graded"))
    return course, _grade(course)


def test_an_honest_plan_with_partial_credit_is_not_flagged(graded):
    """Is the half plan, which Tests Failed? ticks for its partial credit, left unflagged (and the model plan too)?"""
    course, _ = graded
    found = _notebooks(course)
    assert found["half"]["failed_tests"], "the half plan earns partial credit, which Tests Failed? ticks"
    for learner in HONEST:
        assert not found[learner]["flagged"], f"{learner}'s honest plan was flagged"


@pytest.mark.parametrize("learner", sorted(FLAGGED))
def test_a_missing_or_unreadable_plan_or_key_access_is_flagged(graded, learner):
    """Is a submission with no plan file, an unreadable one or code reaching for the key flagged in formgrader?"""
    course, _ = graded
    assert _notebooks(course)[learner]["flagged"], f"{learner} was not flagged"


def test_the_report_names_each_flagged_learner_and_why(graded):
    """Does the run's report list exactly the flagged learners, each with the reason for the flag?"""
    _, report = graded
    reasons = {r.learner: [p.flag_reason for p in r.flag_reasons] for r in report.flagged}
    assert set(reasons) == set(FLAGGED)
    for learner, reason in FLAGGED.items():
        assert reason in reasons[learner], f"{learner}: {reasons[learner]}"


def test_the_export_keeps_its_columns_and_names_the_problem_of_each_flagged_learner(graded):
    """Is the export's header as before (no flagged column) and is every flagged learner's problems cell filled?"""
    from casekit.course.cohort.export import per_criterion

    course, _ = graded
    export = per_criterion(course, course.case_id)
    assert export.header == ["learner", *export.criteria, "total", "max", "needs_manual_grade", "problems"]
    flagged = {name for name, d in _notebooks(course).items() if d["flagged"]}
    for row in export.rows:
        assert bool(row.problems) == (row.learner in flagged), f"{row.learner}: problems {row.problems!r}"


def test_an_instructors_flag_stays_after_a_regrade_and_no_grade_changes(graded, tmp_path):
    """Does a regrade keep the flag an instructor set on an honest submission (the kit never clears one), and
    leave every grade and comment as a regrade without that flag would?"""
    from casekit.course.grading_engine.gradebook_rows import snapshot

    course, _ = graded
    course = _copy(course.root, tmp_path)
    before = snapshot(course.db_url, course.case_id)
    _flag_in_formgrader(course, "half", True)
    report = _grade(course, force=True)
    found = _notebooks(course)
    assert found["half"]["flagged"], "the regrade cleared the instructor's flag"
    assert "half" not in {r.learner for r in report.flagged}, "the summary counted the instructor's flag as the kit's"
    assert all(found[learner]["flagged"] for learner in FLAGGED)
    assert snapshot(course.db_url, course.case_id) == before


def test_flagging_changes_no_grade_or_comment(graded, built, tmp_path, monkeypatch):
    """Are the grades and comments of a run that flags the same as those of a run that sets no flag at all?"""
    from casekit.course.grading_engine import flagging, parallel
    from casekit.course.grading_engine.gradebook_rows import snapshot

    course, _ = graded
    monkeypatch.setattr(parallel, "flag_submission", lambda *args: 0)
    monkeypatch.setattr(flagging, "flag_submission_at", lambda *args: 0)
    unflagged = _copy(built, tmp_path)
    _grade(unflagged)
    assert not any(d["flagged"] for d in _notebooks(unflagged).values())
    assert snapshot(unflagged.db_url, unflagged.case_id) == snapshot(course.db_url, course.case_id)


def test_formgraders_autograde_button_flags_a_missing_plan_but_not_partial_credit(built, tmp_path):
    """Does nbgrader's own autograde with the course config (what formgrader's Autograde button runs) flag a
    submission without a plan file or with an unreadable one, and leave the half plan unflagged?"""
    from casekit.course.nbgrader_api import nbgrader_api, quiet_nbgrader

    course = _copy(built, tmp_path)
    api = nbgrader_api(course)
    for learner in ("half", "noplan", "corruptplan"):
        with quiet_nbgrader(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert api.autograde(course.case_id, learner, force=True, create=True)["success"]
    found = _notebooks(course)
    assert found["noplan"]["flagged"] and found["corruptplan"]["flagged"]
    assert not found["half"]["flagged"]


def test_formgraders_autograde_button_keeps_an_instructors_flag(built, tmp_path):
    """Does a regrade from formgrader's Autograde button leave an instructor's flag on an honest submission?"""
    from casekit.course.nbgrader_api import nbgrader_api, quiet_nbgrader

    course = _copy(built, tmp_path)
    api = nbgrader_api(course)
    with quiet_nbgrader(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert api.autograde(course.case_id, "half", force=True, create=True)["success"]
        _flag_in_formgrader(course, "half", True)
        assert api.autograde(course.case_id, "half", force=True, create=True)["success"]
    assert _notebooks(course)["half"]["flagged"]


def test_flagging_a_learner_without_a_submission_changes_nothing(graded, tmp_path):
    """Does flagging a learner who has no submission of the assignment flag nobody (and not fail)?"""
    from casekit.course.grading_engine.gradebook_rows import engine_for
    from casekit.course.nbgrader_api import flag_submission, flag_submission_at

    course, _ = graded
    course = _copy(course.root, tmp_path)
    before = {name: d["flagged"] for name, d in _notebooks(course).items()}
    assert flag_submission_at(course.db_url, course.case_id, "nobody") == 0
    assert flag_submission_at(course.db_url, "no-such-assignment", "half") == 0
    engine = engine_for(course.db_url)
    with engine.begin() as conn:
        assert flag_submission(conn, course.case_id, "noplan") == 0, "an already flagged notebook is not counted again"
    engine.dispose()
    assert {name: d["flagged"] for name, d in _notebooks(course).items()} == before
