"""What the course writes into nbgrader's gradebook around autograde, and why.

nbgrader scores a test cell from what the learner's kernel printed. Learner code runs in
that same kernel, on the instructor's machine where the keys are, so it could rewrite the
plan file or the scoring function before the tests run. After each autograde the gradebook
is therefore checked against the rubric applied, outside the kernel, to the plan file as
submitted; where they differ, the rubric's score is recorded and the summary says so.
"""

from __future__ import annotations

import warnings

from casekit.cases.schema import MANUAL_CRITERIA
from casekit.course.assignment import ANSWER_ID, grade_id, plan_file
from casekit.course.config import Course, tools_on_path
from casekit.course.grading import cached_library, criterion_result, read_submitted_plan
from casekit.paths import kit_root
from casekit.course.problems import SubmissionProblem


def _gradebook(course: Course):
    from nbgrader.api import Gradebook

    tools_on_path()
    return Gradebook(course.db_url, course.course_id)


def record_zero(course: Course, assignment: str, learner: str) -> None:
    """Give every graded cell of a submission 0, as nbgrader does for a missing notebook."""
    with _gradebook(course) as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy's notes on nbgrader's own session use
        gb.update_or_create_student(learner)
        submission = gb.update_or_create_submission(assignment, learner)
        for nb in submission.notebooks:
            for grade in nb.grades:
                grade.auto_score = 0.0
                grade.needs_manual_grade = False
        gb.db.commit()


def note_answer_source(course: Course, assignment: str, learner: str) -> None:
    """nbgrader comments "No response." on an answer cell left as released; here the answer is
    the plan file, so say that instead (feedback and formgrader show the comment)."""
    from nbgrader.api import MissingEntry

    with _gradebook(course) as gb:
        try:
            comment = gb.find_comment(ANSWER_ID, assignment, assignment, learner)
        except MissingEntry:
            return
        if comment.auto_comment == "No response.":
            comment.auto_comment = "Graded from your plan file, not from this cell."
            gb.db.commit()


def rubric_scores(course: Course, assignment: str, learner: str) -> dict[str, float]:
    """criterion id -> the rubric's points for the plan file as submitted (0.0 where it cannot be read)."""
    key = cached_library(str(kit_root())).key(assignment)
    path = course.submission(learner, assignment) / plan_file(assignment)
    plan, _ = read_submitted_plan(assignment, path)
    scores = {}
    for criterion in key.rubric:
        if criterion.id in MANUAL_CRITERIA:
            continue
        result = criterion_result(assignment, criterion.id, path) if plan is not None else None
        points = 0.0 if result is None else min(float(result.points), float(criterion.points))
        scores[criterion.id] = float(round(points, 2))
    return scores


def enforce_rubric_scores(course: Course, assignment: str, learner: str) -> list[SubmissionProblem]:
    """Make each criterion's autograde score the rubric's score for the submitted plan file.

    Returns one problem per criterion that had to be corrected. A grader's manual score is
    left alone (it takes precedence in nbgrader anyway).
    """
    from nbgrader.api import MissingEntry

    trusted = rubric_scores(course, assignment, learner)
    changed = []
    with _gradebook(course) as gb:
        for criterion, points in trusted.items():
            try:
                grade = gb.find_grade(grade_id(criterion), assignment, assignment, learner)
            except MissingEntry:
                continue
            if grade.auto_score is None or abs(float(grade.auto_score) - points) > 0.005:
                was = "no score" if grade.auto_score is None else f"{float(grade.auto_score):g}"
                changed.append(f"{grade_id(criterion)} {was} -> {points:g}")
                grade.auto_score = points
                grade.needs_manual_grade = grade.manual_score is not None
        gb.db.commit()
    if not changed:
        return []
    return [SubmissionProblem(
        "score-corrected",
        "the notebook's scores differ from the rubric's for the plan file as submitted, so the rubric's were "
        f"recorded ({', '.join(changed)}); did the learner's code change the plan or the grading while it ran?",
    )]


def autograde_scores(course: Course, assignment: str, learner: str) -> dict[str, float | None]:
    """nbgrader's own score for each graded cell of a submission (None where it gave none), before any correction."""
    from nbgrader.api import MissingEntry

    with _gradebook(course) as gb:
        try:
            submission = gb.find_submission(assignment, learner)
        except MissingEntry:
            return {}
        return {
            grade.name: None if grade.auto_score is None else float(grade.auto_score)
            for nb in submission.notebooks for grade in nb.grades
        }
