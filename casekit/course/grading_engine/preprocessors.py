"""Autograding without the learner's kernel: nbgrader preprocessors that score the plan file itself.

The learner's answer is the plan file, which is data, so scoring it needs no learner code.
:class:`RubricScores` takes the place of nbgrader's ``Execute`` in
``Autograde.autograde_preprocessors`` (set in ``graders/nbgrader_config.py``, so formgrader's
Autograde button and ``casekit course grade`` do the same thing). For every autograded test
cell it writes the output nbgrader's ``SaveAutoGrades`` reads: the rubric's sentence on stdout
and the points as the cell's last expression, computed here, in the grading process, from the
plan file in the *submitted* folder (never from a copy a kernel could have rewritten). The
read-only cells that show the plan and the progress note get their output the same way.

With ``casekit course grade --execute`` the notebook is also run (in a sandbox, see
:mod:`casekit.course.sandbox`) for the instructor who wants its outputs:
:class:`SkipGradingCells` keeps the kernel away from the test cells, and :class:`RubricScores`
runs after it and overwrites whatever the kernel left in them. Either way nothing the kernel
printed or wrote decides a score.
"""

from __future__ import annotations

import os
from pathlib import Path

from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Dict

from casekit.course.assignments.assignment import ANSWER_ID, NOTE_TEXT_ID, criterion_of, plan_file
from casekit.course.points import cell_points

SKIP_TAG = "skip-execution"
"""nbclient's tag for a cell it must not run (``NotebookClient.skip_cells_with_tag``)."""


def submitted_plan(config, student: str, assignment: str) -> Path:
    """The plan file as the learner submitted it: ``submitted/<learner>/<case>/<case>.plan.json``."""
    from nbgrader.coursedir import CourseDirectory

    coursedir = CourseDirectory(config=config)
    folder = coursedir.format_path(coursedir.submitted_directory, student, assignment)
    return Path(folder) / plan_file(assignment)


def plan_key(path: Path | str) -> str:
    """How :attr:`RubricScores.plans_read` names a plan file: its absolute path, links not followed."""
    return os.path.abspath(path)


def _grade_id(cell) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "") or ""


def _stdout(text: str):
    return new_output("stream", name="stdout", text=text.rstrip("\n") + "\n")


class RubricScores(NbGraderPreprocessor):
    """Write each autograded cell's score from the rubric run on the submitted plan file.

    Only the assignment's own notebook (named after its case) is scored; its test cells are
    ``crit-<criterion>``. The outputs replace any the cell had, so ``SaveAutoGrades`` after this
    records exactly the rubric's points.
    """

    plans_read = Dict(help="Plan files the grading run has already read (plan_key(path) -> SubmittedPlan): scored "
                      "as read, not read again. Any other plan file is read at the first cell that needs it.").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self._case = info["assignment"]
        self._plan = submitted_plan(self.config, info["student"], info["assignment"])
        self._ours = info["notebook"] == self._case
        # The plan file, as the grading run read it, or read at the first cell that needs it and once only.
        self._read = self.plans_read.get(plan_key(self._plan))
        # A quiz (built by `casekit exam quiz`) is scored from its answer cell, read as data.
        self._quiz_items = nb.metadata.get("casekit", {}).get("items") if self._ours else None
        if self._quiz_items:
            folder = self._plan.parent
            self._quiz_notebook = folder / f"{info['notebook']}.ipynb"
        nb, resources = super().preprocess(nb, resources)
        if self._read is not None:  # handed on, so a later step (FlagProblems) need not read the file again
            resources.setdefault("casekit", {})["plan"] = self._read
        return nb, resources

    def preprocess_cell(self, cell, resources, cell_index):
        if not self._ours or cell.cell_type != "code":
            return cell, resources
        from casekit.course.grading_engine.cells import criterion_outcome, plan_summary, progress_note_text, read_plan_once

        name = _grade_id(cell)
        meta = cell.metadata.get("nbgrader", {})
        if self._quiz_items:
            from casekit.exam.quiz import TEST_ID, QuizError, quiz_points, submitted_answers

            if name == TEST_ID:
                try:
                    points = quiz_points(self._quiz_items, submitted_answers(self._quiz_notebook))
                    message = f"{points:g} of {len(self._quiz_items)} correct"
                except QuizError as exc:
                    points, message = 0.0, f"{exc}; scored 0"
                cell.outputs = [
                    _stdout(message),
                    new_output("execute_result", data={"text/plain": repr(float(points))}, execution_count=None),
                ]
            _untag(cell)
            return cell, resources
        criterion = criterion_of(name)
        if not ((criterion and meta.get("grade")) or name in (NOTE_TEXT_ID, ANSWER_ID)):
            _untag(cell)
            return cell, resources
        if self._read is None:
            self._read = read_plan_once(self._case, self._plan)
        read = self._read
        if criterion and meta.get("grade"):
            points, message = criterion_outcome(self._case, criterion, read, max_points=cell_points(meta))
            cell.outputs = [
                _stdout(message),
                new_output("execute_result", data={"text/plain": repr(float(points))}, execution_count=None),
            ]
        elif name == NOTE_TEXT_ID:
            cell.outputs = [_stdout(progress_note_text(read))]
        elif name == ANSWER_ID and not cell.get("outputs"):
            cell.outputs = [_stdout(plan_summary(read))]
        _untag(cell)
        return cell, resources


def _untag(cell) -> None:
    tags = cell.get("metadata", {}).get("tags")
    if tags and SKIP_TAG in tags:
        tags.remove(SKIP_TAG)
        if not tags:
            del cell.metadata["tags"]


class SkipGradingCells(NbGraderPreprocessor):
    """Before an execution: tag the test cells and the progress-note cell so the kernel skips them.

    They are the instructor's cells; their outputs come from :class:`RubricScores`, outside
    the kernel, which also removes the tag again.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        name = _grade_id(cell)
        if cell.cell_type == "code" and (criterion_of(name) or name == NOTE_TEXT_ID):
            tags = cell.metadata.setdefault("tags", [])
            if SKIP_TAG not in tags:
                tags.append(SKIP_TAG)
        return cell, resources
