"""What the course writes into nbgrader's gradebook around autograde, and why.

Autograde scores each test cell with the rubric, outside any kernel, from the plan file as
submitted (:mod:`casekit.course.rubric_scores`). After each autograde the private gradebook is
checked against the rubric all the same (a customised chain could still trust a kernel);
where they differ, the rubric's score is recorded and the summary says so.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from casekit.cases.schema import MANUAL_CRITERIA
from casekit.course.assignments.assignment import ANSWER_ID, criterion_of, grade_id, plan_file
from casekit.course.config import Course, tools_on_path
from casekit.course.grading_engine.cells import SubmittedPlan, cached_library, criterion_result, plan_and_reason, read_plan_once
from casekit.course.grading_engine.gradebook_rows import Rows
from casekit.course.grading_engine.problems import SubmissionProblem
from casekit.course.points import GradePoints, as_recorded, disagrees
from casekit.paths import kit_root


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


def rubric_scores(course: Course, assignment: str, learner: str) -> dict[str, float]:
    """criterion id -> the rubric's points for the plan file as submitted (0.0 where it cannot be read)."""
    return rubric_scores_for(assignment, course.submission(learner, assignment) / plan_file(assignment))


def rubric_scores_for(assignment: str, plan_file: Path | SubmittedPlan) -> dict[str, float]:
    """criterion id -> the rubric's points for the plan file (0.0 where it cannot be read).

    ``plan_file``: its path, read here once, or the file as the grading run already read it.
    """
    key = cached_library(str(kit_root())).key(assignment)
    read = plan_file if isinstance(plan_file, SubmittedPlan) else read_plan_once(assignment, plan_file)
    plan, _ = plan_and_reason(assignment, read)
    scores: dict[str, float] = {}
    for criterion in key.rubric:
        if criterion.id in MANUAL_CRITERIA:
            continue
        result = criterion_result(assignment, criterion.id, read) if plan is not None else None
        points = 0.0 if result is None else min(float(result.points), float(criterion.points))
        scores[criterion.id] = float(round(points, 2))
    return scores


def check_autograde(conn, structure: Rows, assignment: str, learner: str,
                    plan: Path | SubmittedPlan) -> tuple[dict, list[SubmissionProblem]]:
    """After nbgrader's autograde, on the run's private gradebook (``conn``): nbgrader's own score per
    grade cell, and the checks and notes the kit adds, as one pass of plain SQL. ``plan``: the plan
    file as submitted (its path, or the file as the grading run read it).

    * Each criterion's auto score must be the rubric's for the plan file as submitted (it is, by
      construction, unless the chain was changed); where it is not, the rubric's is recorded and a
      problem says so. A grader's manual score is left alone (it takes precedence in nbgrader anyway).
    * nbgrader comments "No response." on an answer cell left as released; here the answer is the
      plan file, so the comment says that instead (feedback and formgrader show it).
    """
    from sqlalchemy import update

    from casekit.course.grading_engine.gradebook_rows import gradebook_tables, learner_rows

    rows = learner_rows(conn, structure["assignment"][0]["id"], learner)
    names = {c["id"]: c["name"] for c in structure.get("base_cell", [])}
    raw = {names.get(g["cell_id"], g["cell_id"]): GradePoints.of(g).auto for g in rows["grade"]}
    t = gradebook_tables()
    for comment in rows["comment"]:
        if names.get(comment["cell_id"]) == ANSWER_ID and comment["auto_comment"] == "No response.":
            conn.execute(update(t["comment"]).where(t["comment"].c.id == comment["id"])
                         .values(auto_comment="Graded from your plan file, not from this cell."))
    trusted = rubric_scores_for(assignment, plan)
    changed = []
    for grade in rows["grade"]:
        criterion = criterion_of(names.get(grade["cell_id"], ""))
        if criterion not in trusted:
            continue
        points, recorded = trusted[criterion], GradePoints.of(grade)
        if disagrees(recorded.auto, points):
            changed.append(f"{grade_id(criterion)} {as_recorded(recorded.auto)} -> {points:g}")
            conn.execute(update(t["grade"]).where(t["grade"].c.id == grade["id"]).values(
                auto_score=points, needs_manual_grade=recorded.manual is not None))
    if not changed:
        return raw, []
    return raw, [SubmissionProblem(
        "score-corrected",
        "the notebook's scores differ from the rubric's for the plan file as submitted, so the rubric's were "
        f"recorded ({', '.join(changed)}); did the learner's code change the plan or the grading while it ran?",
    )]
