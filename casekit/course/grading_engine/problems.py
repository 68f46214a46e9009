"""What can be wrong with one learner's submission, found before and after autograding.

Nothing here stops grading: each finding becomes one line of the cohort summary, naming
the learner and why, so the instructor can follow up. Before grading we compare the
submission with the released notebook (missing or unreadable files, deleted or edited
test cells); after grading we read the autograded notebook (cells that raised, timed out
or wrote to stderr, and any grading error on the instructor's side).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from casekit.errors import json_error_text
from casekit.course.assignments.assignment import criterion_of, notebook_file, plan_file
from casekit.course.grading_engine.cells import GRADING_ERROR, SubmittedPlan, not_a_plain_file, plan_and_reason
from casekit.course.grading_engine.sandbox import KERNEL_DIED, KERNEL_STUCK

MAX_NOTEBOOK_BYTES = 100 * 1024**2
"""nbgrader's own limit on a file it copies (``CourseDirectory.max_file_size``, 100 MB)."""

# A submission that cannot be graded at all: every criterion gets 0.
FATAL = {"missing-notebook", "corrupt-notebook"}

FLAGGED = {
    "missing-notebook": "notebook missing",
    "corrupt-notebook": "notebook unreadable",
    "missing-plan": "plan file missing",
    "corrupt-plan": "plan file unreadable",
    "key-access": "code reaches for the answer key or the grading code",
    "score-corrected": "the notebook's scores were not the rubric's, so the rubric's were recorded",
    "autograde-failed": "nbgrader could not grade the notebook as submitted",
    "grading-error": "a criterion could not be scored",
    "test-failed": "a test cell failed",
    "unreadable-result": "the autograded notebook cannot be read",
}
"""The problems that set formgrader's Flagged? mark on the submitted notebook (kind -> the reason in
the grading summary): each one is for the instructor to look at, as the score alone may not say what
the learner did. Left out on purpose: cells deleted or edited (nbgrader restores them, the score is
unchanged), a learner's code that raised, looped or wrote to stderr under ``--execute`` (the plan file
is graded all the same), and a notebook the executor could not run (the plan file is graded without
it). Partial credit is no problem at all."""


@dataclass(frozen=True)
class SubmissionProblem:
    kind: str
    message: str

    @property
    def fatal(self) -> bool:
        return self.kind in FATAL

    @property
    def flags(self) -> bool:
        """Whether this problem sets the submission's Flagged? mark in formgrader (:data:`FLAGGED`)."""
        return self.kind in FLAGGED

    @property
    def flag_reason(self) -> str:
        """Why this problem flags the submission, in a few words ("" when it does not)."""
        return FLAGGED.get(self.kind, "")

    def __str__(self) -> str:
        return self.message


def _read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, "not text (is it really a notebook?)"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({json_error_text(exc)})"
    try:
        nb = nbformat.reads(json.dumps(data), as_version=4)
    except Exception as exc:  # nbformat raises several kinds for a file that is JSON but no notebook
        return None, f"not a notebook ({type(exc).__name__}: {exc})"
    return nb, ""


def _named_cells(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    cells = {}
    for cell in nb.cells:
        name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if name:
            cells[name] = cell
    return cells


def precheck(submission: Path, released: Path, case_id: str, plan_read: SubmittedPlan | None = None) -> list[SubmissionProblem]:
    """Problems visible in a submission folder before grading (``released``: the release folder).

    ``plan_read``: the submission's plan file as the grading run already read it (read here when not given).
    """
    problems: list[SubmissionProblem] = []
    nb_name = notebook_file(case_id)
    nb_path = submission / nb_name
    odd = not_a_plain_file(nb_path) if nb_path.is_symlink() or nb_path.exists() else None
    if odd is None and nb_path.exists() and nb_path.stat().st_size > MAX_NOTEBOOK_BYTES:
        odd = f"larger than {MAX_NOTEBOOK_BYTES // 1024**2} MB, far larger than this assignment's notebook"
    if odd:
        problems.append(SubmissionProblem("corrupt-notebook", f"notebook {nb_name} is {odd}; submit the notebook itself; scored 0"))
    elif not nb_path.exists():
        others = sorted(p.name for p in submission.glob("*.ipynb"))
        if others:
            hint = f" (found {', '.join(others)}: rename it to {nb_name} and grade again)"
        elif (submission / plan_file(case_id)).exists():
            hint = " (its plan file came: copy the released notebook in beside it and grade again to grade the plan)"
        else:
            hint = ""
        problems.append(SubmissionProblem("missing-notebook", f"notebook {nb_name} is missing{hint}; scored 0"))
    else:
        nb, why = _read_notebook(nb_path)
        if nb is None:
            problems.append(SubmissionProblem("corrupt-notebook", f"notebook {nb_name} is {why}; scored 0"))
        else:
            problems.extend(_cell_problems(nb, released / nb_name))

    if not any(p.fatal for p in problems):
        problems.extend(plan_problems(submission / plan_file(case_id), case_id, plan_read))
    return problems


def plan_problems(path: Path, case_id: str, plan_read: SubmittedPlan | None = None) -> list[SubmissionProblem]:
    """A missing plan file, or one that cannot be graded, at ``path`` (``plan_read``: as already read)."""
    plan, why = plan_and_reason(case_id, path if plan_read is None else plan_read)
    if plan is not None:
        return []
    if not path.exists():
        return [SubmissionProblem("missing-plan", f"plan file {path.name} is missing; autograded criteria score 0")]
    reason = why.split("nothing to grade. ", 1)[-1].split(" The file was left", 1)[0]
    return [SubmissionProblem("corrupt-plan", f"plan file cannot be graded: {reason} Autograded criteria score 0")]


def _cell_problems(nb: nbformat.NotebookNode, released_path: Path) -> list[SubmissionProblem]:
    if not released_path.exists():
        return []
    released_nb = nbformat.read(released_path, as_version=4)
    released = _named_cells(released_nb)
    submitted = _named_cells(nb)
    deleted = [name for name in released if name not in submitted]
    graded = [n for n in deleted if released[n].metadata["nbgrader"].get("grade") or released[n].metadata["nbgrader"].get("task")]
    others = [n for n in deleted if n not in graded]
    locked = [name for name, cell in released.items() if cell.metadata["nbgrader"].get("locked")]
    edited = [name for name in locked if name in submitted and submitted[name].source != released[name].source]
    problems = _key_access(nb, released_nb)
    if graded:
        problems.append(SubmissionProblem(
            "deleted-cells", f"graded cell(s) deleted: {', '.join(graded)}; nbgrader put them back and graded them"))
    if others:
        problems.append(SubmissionProblem(
            "deleted-cells", f"cell(s) deleted: {', '.join(others)}; the score comes from the plan file, so it is unchanged"))
    if edited:
        problems.append(SubmissionProblem(
            "edited-cells", f"read-only cell(s) edited: {', '.join(edited)}; nbgrader restored them before grading"))
    return problems


KEY_ACCESS = re.compile(r"model_plan|\.key\(|keys_dir|graders[/\\]keys|criterion_points|casekit\.(?:casework\.)?rubric|casekit\.course\.(?!grading import plan_summary)")
"""Code that reaches for the answer key or the grading code. At autograde time the learner's
code runs on the instructor's machine, where the keys are; such a submission is flagged."""


def _key_access(nb: nbformat.NotebookNode, released: nbformat.NotebookNode) -> list[SubmissionProblem]:
    released_code = {c.source for c in released.cells if c.cell_type == "code"}
    found = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code" or cell.source in released_code:
            continue
        name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if name and cell.metadata["nbgrader"].get("locked"):
            continue  # restored from the gradebook before it runs
        code = "\n".join(ln for ln in cell.source.splitlines() if not ln.lstrip().startswith("#"))
        if code and KEY_ACCESS.search(code):
            found.append(f"{name or 'cell'} (cell {index})")
    if not found:
        return []
    return [SubmissionProblem(
        "key-access", f"code in {', '.join(found)} reaches for the answer key or the grading code; review it")]


def _first_line(text: str, limit: int = 120) -> str:
    line = next((ln for ln in text.strip().splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def scan_autograded(notebook: Path) -> list[SubmissionProblem]:
    """Problems visible in the outputs of an autograded notebook."""
    try:
        nb = nbformat.read(notebook, as_version=4)
    except Exception as exc:
        return [SubmissionProblem("unreadable-result", f"the autograded notebook cannot be read ({exc})")]
    problems = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        name = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {index}"
        where = f"{name} (cell {index})" if not name.startswith("cell ") else name
        outputs = cell.get("outputs", [])
        timed_out = any(o.output_type == "error" and o.ename == "CellTimeoutError" for o in outputs)
        stopped = any(o.output_type == "error" and o.ename == KERNEL_STUCK for o in outputs)
        for out in outputs:
            if out.output_type == "error":
                if (timed_out and out.ename == "KeyboardInterrupt") or out.ename == KERNEL_STUCK:
                    continue  # the interrupt is how the time limit stops a cell
                if out.ename == "CellTimeoutError":
                    rest = "; the cells after it were not run" if stopped else ""
                    problems.append(SubmissionProblem("timeout", f"{where} ran past the time limit and was stopped{rest}"))
                elif out.ename == KERNEL_DIED:
                    problems.append(SubmissionProblem(
                        "kernel-died", f"the kernel died while running {where} (the code exited or was killed); the "
                        "cells after it were not run, and the plan file was graded all the same"))
                else:
                    problems.append(SubmissionProblem("error", f"{where} raised {out.ename}: {_first_line(out.evalue)}"))
            elif out.output_type == "stream" and out.name == "stderr":
                problems.append(SubmissionProblem("stderr", f"{where} wrote to stderr: {_first_line(out.text)}"))
            elif out.output_type == "stream" and GRADING_ERROR in out.text:
                problems.append(SubmissionProblem("grading-error", f"{where}: {_first_line(out.text, 300)}"))
        if criterion_of(name) and any(p.kind in ("error", "stderr", "timeout", "kernel-died") and p.message.startswith(where) for p in problems):
            problems.append(SubmissionProblem("test-failed", f"{where}: the test cell itself failed, so nbgrader gave it 0"))
    return problems
