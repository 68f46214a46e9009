"""The preprocessor chains nbgrader's autograde runs, by dotted name (importing this module imports nothing).

``graders/nbgrader_config.py`` sets :data:`RUBRIC_ONLY` as ``Autograde.autograde_preprocessors``,
so ``nbgrader autograde``, formgrader's Autograde button and ``casekit course grade`` score the
plan file without running learner code. ``casekit course grade --execute`` uses
:func:`executing_chain` for its own run only.
"""

from __future__ import annotations

_AFTER = [
    "casekit.course.grading_engine.sanitize.LearnerHTML",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "casekit.course.grading_engine.flagging.FlagProblems",
]
"""nbgrader's own chain after ``Execute``, with learner HTML sanitised first and, once the grades are
saved, formgrader's Flagged? set on a submission whose plan file is missing or cannot be graded."""

RUBRIC_ONLY = ["casekit.course.grading_engine.preprocessors.RubricScores", *_AFTER]
"""nbgrader's default ``autograde_preprocessors`` with ``Execute`` replaced by the rubric run on the
plan file. (Its final ``CheckCellMetadata`` is left out: with no kernel the metadata is the one the
sanitising chain just checked.)"""

EXECUTORS = {"sandbox": "casekit.course.grading_engine.sandbox.SandboxedExecute", "unsafe": "casekit.course.grading_engine.sandbox.GuardedExecute"}
"""How ``casekit course grade`` runs notebooks: ``--execute`` (in the sandbox) or ``--unsafe-execute``."""


def executing_chain(execute: str) -> list[str]:
    """The chain that runs the notebook first (``execute``: a key of :data:`EXECUTORS`), then scores the plan file."""
    return ["casekit.course.grading_engine.preprocessors.SkipGradingCells", EXECUTORS[execute],
            "casekit.course.grading_engine.preprocessors.RubricScores", *_AFTER, "nbgrader.preprocessors.CheckCellMetadata"]
