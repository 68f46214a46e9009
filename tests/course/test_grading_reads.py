"""One assignment graded by the real nbgrader in this process: how often the plan file is read, and what
formgrader's "Tests Failed?" column makes of the rubric's partial credit.

Only the first case's assignment is generated (not the whole course), and each learner is graded with
:func:`casekit.course.routine.grade_submission`, the same task a parallel run sends to a worker.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from casekit.course.assignments.assignment import plan_file
from casekit.course.config import Course
from course_cohort import one_case_course

pytestmark = pytest.mark.slow

LEARNERS = ("model", "half", "noplan", "corruptplan")


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Course:
    """A course holding the first case's assignment, generated, with four learners' submissions."""
    course, case_id = one_case_course(tmp_path_factory.mktemp("reads") / "graders", LEARNERS)
    course.case_id = case_id  # type: ignore[attr-defined]
    return course


@pytest.fixture(scope="module")
def reads(course, tmp_path_factory) -> Counter:
    """Each learner graded once, counting every read of a plan file (by file name and learner folder)."""
    from casekit.course.grading_engine import cells
    from casekit.course.routine import grade_submission

    counted: Counter = Counter()
    real = cells.load_plan

    def counting(path):
        counted[Path(path).parent.parent.name] += 1
        return real(path)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cells, "load_plan", counting)
        for learner in LEARNERS:
            grade_submission(course.root, course.case_id, learner)
    return counted


def test_grading_reads_each_plan_file_once(course, reads):
    """Is a learner's plan file read once per grading: the checks, every criterion's score and the
    corrections after autograde all from that one read (not once per criterion and step)?"""
    for learner in ("model", "half", "corruptplan"):
        assert reads[learner] == 1, f"{learner}'s {plan_file(course.case_id)} was read {reads[learner]} times"
    assert reads["noplan"] == 0, "a missing plan file is noticed without reading it"


def _notebooks(course) -> dict[str, dict]:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        return {d["student"]: d for d in gb.notebook_submission_dicts(course.case_id, course.case_id)}


def test_each_grade_is_the_rubrics(course, reads):
    """Does the one read still give every learner the rubric's score: full, partial, and 0 for no or a corrupt plan?"""
    found = _notebooks(course)
    assert found["model"]["code_score"] == found["model"]["max_code_score"] > 0
    assert 0 < found["half"]["code_score"] < found["half"]["max_code_score"]
    assert found["noplan"]["code_score"] == found["corruptplan"]["code_score"] == 0


def test_tests_failed_in_formgrader_means_fewer_than_full_points(course, reads):
    """Does formgrader tick "Tests Failed?" exactly as the README tells instructors: for every notebook with a
    criterion short of its points (the rubric's partial credit included), and never for full marks?

    nbgrader computes the column in SQL (``Grade.failed_tests``: a code grade cell whose auto score is below
    its points); no preprocessor output decides it. Should nbgrader change that rule, this fails, and the
    README's paragraph on the column has to be read again.
    """
    found = _notebooks(course)
    assert not found["model"]["failed_tests"]
    for learner in ("half", "noplan", "corruptplan"):
        assert found[learner]["failed_tests"], f"{learner}: nbgrader no longer ticks Tests Failed? for partial credit"


def _released_criterion_cell(course):
    import nbformat

    nb = nbformat.read(course.release_dir / course.case_id / f"{course.case_id}.ipynb", as_version=4)
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id", "").startswith("crit-"))


def test_no_other_cell_kind_keeps_partial_credit_out_of_tests_failed(course):
    """Could a criterion be some other kind of nbgrader cell, which ``failed_tests`` does not count (it counts
    only code grade cells), and still get the rubric's points from the autograder? The README says no:

    * a markdown grade cell must be an answer cell, or nbgrader refuses the notebook;
    * an answer cell (code or markdown) that is also graded gets 0 when left as released, else no score
      (it waits for manual grading); its output, where the rubric's points are, is never read.

    Only a code grade cell that is not an answer is scored from its output, and that is the kind the column
    counts. Should nbgrader change either rule, this fails and the README's paragraph is to be read again.
    """
    import copy

    from nbformat.v4 import new_output
    from nbgrader.nbgraderformat import MetadataValidator, ValidationError
    from nbgrader.utils import determine_grade

    partial = new_output("execute_result", data={"text/plain": "1.5"}, execution_count=None)
    cell = _released_criterion_cell(course)
    cell.outputs = [partial]
    assert cell.cell_type == "code" and cell.metadata.nbgrader["grade"] and not cell.metadata.nbgrader["solution"]
    assert determine_grade(cell)[0] == 1.5, "the released criterion cell is scored from its output"

    markdown = copy.deepcopy(cell)
    markdown.cell_type = "markdown"
    del markdown["outputs"], markdown["execution_count"]
    with pytest.raises(ValidationError, match="not marked as a solution cell"):
        MetadataValidator().validate_cell(markdown)

    for kind in ("code", "markdown"):
        answer = copy.deepcopy(cell)
        answer.metadata.nbgrader["solution"] = True
        if kind == "markdown":
            answer.cell_type = "markdown"
            del answer["outputs"], answer["execution_count"]
        MetadataValidator().validate_cell(answer)  # a valid cell kind ...
        assert determine_grade(answer)[0] in (0, None), f"a graded {kind} answer cell is now scored from its output"
