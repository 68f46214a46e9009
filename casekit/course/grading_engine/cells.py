"""What the hidden test cells of an assignment call: one criterion's points, as nbgrader needs them.

nbgrader reads an autograder test cell's partial credit from the ``text/plain`` of its last
expression, and is strict about it: any stderr output or error gives 0, a value above the
cell's points aborts grading of the whole submission, and a non-float (``np.float64(0.5)``)
silently gives full marks. So :func:`criterion_points` never raises, never writes to stderr,
swallows warnings, and returns a plain Python float between 0 and the cell's points.

The score itself comes from :func:`casekit.rubric.score`, the same function as the learner's
self-check, so the gradebook and the notebook cannot disagree. It reads the plan file (not
kernel state); at grading time the same outcome is computed outside the learner's kernel
(:mod:`casekit.course.rubric_scores`), so learner code cannot change a score at all.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import stat
import textwrap
import warnings
from dataclasses import dataclass
from pathlib import Path

from casekit.cases.library import CaseLibrary
from casekit.errors import PlanFileError
from casekit.paths import kit_root
from casekit.casework.plan import Plan, load_plan
from casekit.casework.rubric import CriterionResult, score

GRADING_ERROR = "could not be scored (grading error"
"""Marker in a test cell's output when the failure is on the instructor's side (a broken key,
an unknown criterion). The cohort summary looks for it, so the instructor hears of it."""


@functools.lru_cache(maxsize=4)
def cached_library(root: str) -> CaseLibrary:
    """The library under ``root``, loaded once per process (a kernel scores ten cells from it)."""
    return CaseLibrary.load(Path(root))


@functools.lru_cache(maxsize=16)
def _results(case_id: str, plan_json: str, root: str) -> tuple[CriterionResult, ...]:
    # Keyed on the plan's text: the ten test cells of one notebook score the plan once.
    lib = cached_library(root)
    plan = Plan.model_validate_json(plan_json)
    return tuple(score(plan, lib.case(case_id), lib.key(case_id), lib))


def not_a_plain_file(path: Path) -> str | None:
    """Why a submitted file is no ordinary file (a link, which could point at someone else's file or
    the keys; a pipe, which would hang the reader), or None when it is one."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    if stat.S_ISLNK(mode):
        return "a link to another file, not a file"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def read_submitted_plan(case_id: str, plan_file: Path | str) -> tuple[Plan | None, str]:
    """The learner's plan, or ``None`` with the reason it cannot be graded (in words for the learner)."""
    path = Path(plan_file)
    if not path.exists() and not path.is_symlink():
        return None, (
            f"No plan file ({path.name}) came with this submission, so there was nothing to grade. "
            "The controls in the notebook write it as you work; submit it together with the notebook."
        )
    odd = not_a_plain_file(path)
    if odd:
        return None, f"Your plan file could not be read, so there was nothing to grade. {path.name} is {odd}; submit the file itself."
    try:
        plan = load_plan(path)
    except PlanFileError as exc:
        reason = str(exc).replace(str(path), path.name)  # no machine paths in a learner's feedback
        return None, f"Your plan file could not be read, so there was nothing to grade. {reason}"
    if plan.case != case_id:
        return None, f"{path.name} holds a plan for case {plan.case!r}, not {case_id!r}; submit the plan for this case."
    return plan, ""


@dataclass(frozen=True)
class SubmittedPlan:
    """A submitted plan file read once: the plan, or why it cannot be graded (or what went wrong reading it).

    A grading run reads the file once per submission (:mod:`casekit.course.grading_engine.task`):
    its checks, the rubric's score of every cell (:mod:`casekit.course.grading_engine.preprocessors`)
    and the corrections after autograde all take this in place of the file's path.
    """

    path: Path
    plan: Plan | None
    why: str
    error: Exception | None = None


def read_plan_once(case_id: str, plan_file: Path | str) -> SubmittedPlan:
    """Read ``plan_file`` as :func:`read_submitted_plan` does, quietly, keeping any failure for the cells to report."""
    path = Path(plan_file)
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        try:
            plan, why = read_submitted_plan(case_id, path)
        except Exception as exc:  # reported by each cell, as reading it there would have been
            return SubmittedPlan(path, None, "", exc)
    return SubmittedPlan(path, plan, why)


def plan_and_reason(case_id: str, plan_file: Path | str | SubmittedPlan) -> tuple[Plan | None, str]:
    """The plan of a plan file already read (or read now), or ``None`` with the reason it cannot be graded.

    A failure kept by :func:`read_plan_once` is raised here, as reading the file here would have raised it.
    """
    if isinstance(plan_file, SubmittedPlan):
        if plan_file.error is not None:
            raise plan_file.error
        return plan_file.plan, plan_file.why
    return read_submitted_plan(case_id, plan_file)


def criterion_result(case_id: str, criterion_id: str, plan_file: Path | str | SubmittedPlan) -> CriterionResult | None:
    """The rubric's result for one criterion, or None when the plan file cannot be graded."""
    plan, _ = plan_and_reason(case_id, plan_file)
    if plan is None:
        return None
    root = str(kit_root())
    results = _results(case_id, plan.model_dump_json(), root)
    found = next((r for r in results if r.id == criterion_id), None)
    if found is None:
        known = ", ".join(r.id for r in results)
        raise KeyError(f"criterion {criterion_id!r} is not code-graded in the key of {case_id!r}; known: {known}")
    return found


def _bounded(points: float, max_points: float | None) -> float:
    value = max(0.0, float(points))
    if max_points is not None:
        value = min(value, float(max_points))
    return float(round(value, 2))


def criterion_outcome(
    case_id: str, criterion_id: str, plan_file: Path | str | SubmittedPlan, *, max_points: float | None = None
) -> tuple[float, str]:
    """Points for one rubric criterion of a plan file, and the sentence that explains them.

    Never raises and never writes to stderr, whatever the plan holds: a missing or unreadable
    plan file gives 0.0 and says why; a failure on the instructor's side gives 0.0 and says
    so with :data:`GRADING_ERROR`. The points are a plain ``float`` between 0 and ``max_points``.
    """
    sink = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stderr(sink):
        warnings.simplefilter("ignore")
        try:
            result = criterion_result(case_id, criterion_id, plan_file)
            if result is None:
                _, why = plan_and_reason(case_id, plan_file)
                points, message = 0.0, why
            else:
                points = _bounded(result.points, max_points)
                top = float(max_points) if max_points is not None else result.max
                unit = "point" if top == 1 else "points"
                message = f"{result.title}: {points:g} of {top:g} {unit}. {result.feedback}"
        except Exception as exc:  # never let a grading failure reach the gradebook as a traceback
            points = 0.0
            message = (
                f"This criterion {GRADING_ERROR}: {type(exc).__name__}: {exc}). "
                "Your instructor has been told and will regrade it."
            )
    return _bounded(points, max_points), message


def criterion_points(
    case_id: str,
    criterion_id: str,
    plan_file: Path | str,
    *,
    max_points: float | None = None,
    show_feedback: bool = True,
) -> float:
    """Points for one rubric criterion of the learner's plan file: the last expression of a test cell.

    Returns a plain ``float`` rounded to 2 places, never below 0 nor above ``max_points`` (the
    cell's points). A missing or unreadable plan file gives 0.0. With ``show_feedback`` the
    rubric's feedback sentence is printed to stdout, where the feedback HTML shows it.
    Nothing reaches stderr and nothing raises, whatever the plan holds. (Grading itself does
    not run this in the learner's kernel: :mod:`casekit.course.rubric_scores` computes the
    same outcome outside it.)
    """
    points, message = criterion_outcome(case_id, criterion_id, plan_file, max_points=max_points)
    if show_feedback:
        print(message)
    return points


def _read_quietly(plan_file: Path | str | SubmittedPlan) -> tuple[Path, Plan | None, str]:
    """The plan file as submitted, with no warning printed (a learner's cell output must stay clean)."""
    if isinstance(plan_file, SubmittedPlan) and plan_file.error is None:
        return plan_file.path, plan_file.plan, plan_file.why
    path = Path(plan_file.path if isinstance(plan_file, SubmittedPlan) else plan_file)
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        plan, why = read_submitted_plan(path.name.removesuffix(".plan.json"), path)
    return path, plan, why


def plan_summary(plan_file: Path | str | SubmittedPlan) -> str:
    """One paragraph saying what the plan file holds: what the autograder will grade."""
    path, plan, why = _read_quietly(plan_file)
    if plan is None:
        return why
    saved = f"last saved {plan.updated:%Y-%m-%d %H:%M} UTC" if plan.updated else "not yet saved"
    return (
        f"The autograder will grade {path.name} ({saved}): {len(plan.flags)} application flag(s), "
        f"{len(plan.needs)} need(s), {len(plan.eligibility)} eligibility decision(s), {len(plan.goals)} goal(s), "
        f"{len(plan.referrals)} referral(s), {len(plan.rights)} right(s), "
        f"{len(plan.information_requests)} information request(s), {len(plan.delegations)} delegation(s), "
        f"{len(plan.revisions)} revision(s), and a progress note of {len(plan.progress_note.split())} word(s)."
    )


NOTE_WIDTH = 88
"""Columns of the printed progress note. Formgrader and the feedback page show printed text in a box that
keeps each line whole, so a note written as one long paragraph made the grader scroll sideways."""


def wrapped_note(note: str, width: int = NOTE_WIDTH) -> str:
    """``note`` with every line folded at ``width`` columns; its own line breaks and blank lines are kept."""
    return "\n".join(textwrap.fill(line, width) if line.strip() else "" for line in note.splitlines())


def progress_note_text(plan_file: Path | str | SubmittedPlan) -> str:
    """The progress note from the plan file as the person who grades it reads it, folded to fit the box it shows in."""
    _, plan, why = _read_quietly(plan_file)
    if plan is None:
        return why
    if not plan.progress_note.strip():
        return "The plan file holds no progress note yet (step 9 of the walk-through)."
    return "Progress note, as written in the plan file:\n\n" + wrapped_note(plan.progress_note)


def show_progress_note(plan_file: Path | str) -> None:
    """Print the progress note from the plan file, for the person who grades it."""
    print(progress_note_text(plan_file))
