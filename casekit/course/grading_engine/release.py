"""Feedback goes out only once a person has graded what only a person can grade.

The progress note is graded by hand in formgrader. Feedback generated before that shows the
learner "Progress note ... (Score: 0.0 / 2.0)", which reads as a failing mark. So feedback
for a learner with an ungraded manual criterion is refused, and the refusal names each
learner still waiting and what for, unless the instructor says to go ahead.

The check is :class:`RequireManualGrades`, a preprocessor in ``GenerateFeedback``'s chain
(named in graders/nbgrader_config.py), so formgrader's "Generate feedback" button and
``casekit course feedback`` refuse alike. ``casekit course feedback --allow-ungraded`` (or
``RequireManualGrades.allow_ungraded = True`` in the config) releases all the same.
"""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from casekit.course.assignments.assignment import ANSWER_ID, criterion_of
from casekit.course.config import CourseError
from casekit.course.points import GradePoints

OVERRIDE = "casekit course feedback ASSIGNMENT --allow-ungraded"


class UngradedFeedbackError(CourseError):
    """Feedback was asked for while a manual criterion still waits for a grader."""


def _what(cell: str) -> str:
    from casekit.casework.rubric import TITLES

    criterion = criterion_of(cell)
    if criterion:
        return TITLES.get(criterion, criterion)
    return "the grader's comment on the plan" if cell.endswith(ANSWER_ID) else cell


def waiting(gradebook, assignment: str, learners: list[str] | None = None) -> dict[str, list[str]]:
    """learner -> what still waits for a person (criterion titles), for learners with anything waiting."""
    out: dict[str, list[str]] = {}
    for submission in gradebook.assignment_submissions(assignment):
        learner = submission.student.id
        if learners is not None and learner not in learners:
            continue
        cells = sorted({g.name for nb in submission.notebooks for g in nb.grades if GradePoints.of(g).waits_for_grader})
        if cells:
            out[learner] = [_what(c) for c in cells]
    return out


def refusal(assignment: str, still: dict[str, list[str]]) -> str:
    who = "; ".join(f"{learner} ({', '.join(items)})" for learner, items in sorted(still.items()))
    return (f"feedback for {assignment!r} not written: {len(still)} learner(s) still wait for manual grading: {who}. "
            f"Grade them in formgrader (Manage Submissions), or release anyway with `{OVERRIDE.replace('ASSIGNMENT', assignment)}` "
            "(their feedback will show those criteria as ungraded).")


def check_release(gradebook, assignment: str, allow_ungraded: bool = False) -> dict[str, list[str]]:
    """Raise :class:`UngradedFeedbackError` naming who waits, unless ``allow_ungraded``; return who waits."""
    still = waiting(gradebook, assignment)
    if still and not allow_ungraded:
        raise UngradedFeedbackError(refusal(assignment, still))
    return still


def check_course(course, assignment: str, allow_ungraded: bool = False) -> dict[str, list[str]]:
    """:func:`check_release` on ``course``'s gradebook (a :class:`~casekit.course.config.Course`)."""
    from nbgrader.api import Gradebook

    from casekit.course.config import tools_on_path

    tools_on_path()
    with Gradebook(course.db_url, course.course_id) as gb:
        return check_release(gb, assignment, allow_ungraded)


class RequireManualGrades(Preprocessor):
    """nbgrader feedback preprocessor: refuse a learner's feedback while a manual criterion is ungraded."""

    allow_ungraded = Bool(False, help="Write feedback even when a manual criterion is still ungraded.").tag(config=True)
    # nbconvert preprocessors are off unless enabled; nbgrader registers its chain without enabling it.
    enabled = Bool(True).tag(config=True)

    def preprocess(self, nb, resources):
        if self.allow_ungraded:
            return nb, resources
        from nbgrader.api import Gradebook

        info = resources["nbgrader"]
        course_id = self.config.CourseDirectory.get("course_id", "default_course")
        with Gradebook(info["db_url"], course_id) as gb:
            still = waiting(gb, info["assignment"], [info["student"]])
        if still:
            raise UngradedFeedbackError(refusal(info["assignment"], still))
        return nb, resources
