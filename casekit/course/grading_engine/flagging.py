"""Formgrader's Flagged? mark on a submission whose plan file is missing or cannot be graded, from any autograde.

``casekit course grade`` flags every submission with a problem in
:data:`casekit.course.grading_engine.problems.FLAGGED` when it saves the learner
(:mod:`casekit.course.grading_engine.parallel`). Formgrader's Autograde button and ``nbgrader
autograde`` run only nbgrader's preprocessor chain, not the kit's checks around it, so
:class:`FlagProblems`, last in that chain (:data:`casekit.course.grading_engine.chains.RUBRIC_ONLY`),
flags what the chain itself can see: the plan file the rubric scored. Either way a flag is only
ever set, never cleared, so an instructor's own flag stays.
"""

from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor

from casekit.course.grading_engine.problems import plan_problems
from casekit.course.nbgrader_api import flag_submission_at


class FlagProblems(NbGraderPreprocessor):
    """After ``SaveAutoGrades``: flag the submitted notebook when its plan file is missing or cannot be graded.

    Partial credit is never flagged: an honest plan that earns some of the points is graded, not wrong.
    """

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        read = resources.get("casekit", {}).get("plan")  # the plan file as RubricScores read and scored it
        if read is None:
            return nb, resources  # nothing was scored from a plan file (another notebook, a quiz)
        # A plan file that could not even be read (read.error) gave every criterion a grading error.
        if read.error is not None or plan_problems(read.path, info["assignment"], read):
            flag_submission_at(info["db_url"], info["assignment"], info["student"])
        return nb, resources

    def preprocess_cell(self, cell, resources, cell_index):
        return cell, resources
