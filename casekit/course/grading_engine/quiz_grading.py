"""Grading a quiz with nbgrader, then checking every score against the kit's scorer outside the kernel.

nbgrader records what the learner's kernel printed for the hidden test cell; learner code runs in
that kernel and could replace the scoring function. So after autograde each learner's recorded
score is compared with :func:`casekit.exam.quiz.quiz_points` applied to the answers read as data
from the submitted notebook, and the kit's score is written where they differ (as the case
assignments do with the rubric).
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field

from casekit.course.config import Course
from casekit.course.nbgrader_api import last_error, nbgrader_api, quiet_nbgrader
from casekit.course.points import GradePoints, as_recorded, disagrees
from casekit.exam.bank import Bank, load_bank
from casekit.exam.quiz import TEST_ID, QuizError, quiz_points, submitted_answers


@dataclass
class QuizGrades:
    quiz: str
    scores: dict[str, float] = field(default_factory=dict)
    corrected: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _item_ids(course: Course, quiz: str) -> list[str]:
    source = course.source_dir / quiz / f"{quiz}.ipynb"
    try:
        return json.loads(source.read_text())["metadata"]["casekit"]["items"]
    except (OSError, ValueError, KeyError):
        raise QuizError(f"{source}: not a quiz built by `casekit exam quiz`") from None


def grade_quiz(course: Course, quiz: str, *, bank: Bank | None = None, autograde: bool = True) -> QuizGrades:
    """Autograde every submission of ``quiz`` with nbgrader (unless ``autograde`` is False), then enforce the
    kit's scores in the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    ids = _item_ids(course, quiz)
    bank = bank if bank is not None else load_bank()
    learners = sorted(p.parent.name for p in course.submitted_dir.glob(f"*/{quiz}") if p.is_dir())
    if not learners:
        raise QuizError(f"no submissions of {quiz!r} in {course.submitted_dir}")
    out = QuizGrades(quiz)
    if autograde:
        api = nbgrader_api(course)
        for learner in learners:
            with quiet_nbgrader(), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy warnings, as in course grading
                result = api.autograde(quiz, learner, force=True, create=True)
            if not result["success"]:
                out.failed.append(f"{learner}: {last_error(result)}")
    with warnings.catch_warnings(), Gradebook(course.db_url, course.course_id) as gb:
        warnings.simplefilter("ignore")
        for learner in learners:
            notebook = course.submission(learner, quiz) / f"{quiz}.ipynb"
            try:
                trusted = quiz_points(ids, submitted_answers(notebook), bank)
            except QuizError as exc:
                trusted = 0.0
                out.failed.append(f"{learner}: {exc}; scored 0")
            try:
                grade = gb.find_grade(TEST_ID, quiz, quiz, learner)
            except MissingEntry:
                out.failed.append(f"{learner}: not autograded yet; run nbgrader autograde {quiz}")
                continue
            recorded = GradePoints.of(grade).auto
            if disagrees(recorded, trusted):
                out.corrected.append(f"{learner}: {as_recorded(recorded)} -> {trusted:g}")
                grade.auto_score = trusted
            out.scores[learner] = trusted
        gb.db.commit()
    return out
