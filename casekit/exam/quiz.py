"""An item set as an nbgrader quiz assignment, graded by the kit's one scorer.

``quiz_notebook`` writes the stems and options as markdown, one answer cell holding a dictionary
``ANSWERS = {"<item-id>": None, ...}`` for the learner to fill with letters (the instructor's source
fills it with the keys inside a solution region, which nbgrader clears on release), and one hidden
autograder test cell whose last expression is :func:`quiz_points` for the quiz's own item list, so a
learner who deletes an entry cannot shrink the denominator. The answer cell is read back for item
analysis with ``ast.literal_eval``: no learner code runs outside nbgrader's kernel.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping
from pathlib import Path

import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from casekit.errors import CasekitError
from casekit.exam.bank import LETTERS, Bank, Item, load_bank
from casekit.exam.scoring import AnswerError, fraction_correct, score_items

ANSWER_ID = "quiz-answers"
TEST_ID = "quiz-score"
"""The grade cell's nbgrader id; :mod:`casekit.exam.quiz_grading` checks its score after autograde."""
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"


class QuizError(CasekitError):
    """A quiz that cannot be built or read: no items, a name in use, an unreadable submission."""


def _meta(cell, name: str, **flags):
    meta = {"grade": False, "grade_id": name, "locked": False, "schema_version": 3, "solution": False, "task": False}
    meta.update(flags)
    cell.metadata["nbgrader"] = meta
    if meta["locked"]:
        cell.metadata["deletable"] = False
        cell.metadata["editable"] = False
    return cell


def _dict_lines(name: str, values: Mapping[str, str | None]) -> list[str]:
    return [f"{name} = {{"] + [f"    {k!r}: {v!r}," for k, v in values.items()] + ["}"]


def quiz_notebook(name: str, items: list[Item]) -> nbformat.NotebookNode:
    """The instructor's source notebook for quiz ``name`` over ``items`` (in that order)."""
    if not items:
        raise QuizError(f"quiz {name!r} has no items; choose a domain, case, step or item ids that match some")
    nb = new_notebook()
    nb.cells.append(new_markdown_cell(
        f"# Quiz: {name}\n\n**What you will do:** answer {len(items)} multiple-choice questions. Write the letter of "
        "your answer (A, B, C or D) beside each question's id in the answer cell at the end, then submit. Each "
        "question is worth one point; an unanswered question scores nothing. The rationales come with your feedback."))
    for n, it in enumerate(items, start=1):
        opts = "\n".join(f"- **{L}.** {it.options[L]}" for L in LETTERS)
        nb.cells.append(_meta(new_markdown_cell(f"### Question {n} (`{it.id}`)\n\n{it.stem}\n\n{opts}"),
                              f"question-{n:03d}", locked=True))
    blank = {it.id: None for it in items}
    keys = {it.id: it.key for it in items}
    source = ["# Your answers: replace each None with \"A\", \"B\", \"C\" or \"D\".", *_dict_lines("ANSWERS", blank),
              BEGIN_SOLUTION, *_dict_lines("ANSWERS", keys), END_SOLUTION]
    nb.cells.append(_meta(new_code_cell("\n".join(source)), ANSWER_ID, solution=True))
    ids = [it.id for it in items]
    test = ["# Autograded: one point per question answered correctly.", BEGIN_HIDDEN,
            "from casekit.exam.quiz import quiz_points", f"quiz_points({ids!r}, ANSWERS)", END_HIDDEN]
    nb.cells.append(_meta(new_code_cell("\n".join(test)), TEST_ID, grade=True, locked=True, points=float(len(items))))
    nb.metadata["casekit"] = {"quiz": name, "items": ids}
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return nb


def write_quiz(course_root: Path | str, name: str, items: list[Item], *, replace: bool = False) -> Path:
    """Write ``source/<name>/<name>.ipynb`` in the course; refuses to overwrite another assignment.

    ``name`` is an assignment name nbgrader and the file system both take as it is: letters, digits,
    ``-`` and ``_``, starting with a letter or digit (never a path such as ``../x``)."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}", name or ""):
        raise QuizError(f"quiz name {name!r} is not a plain assignment name: use letters, digits, - and _ "
                        "(for example week-3-quiz), with no / or spaces")
    path = Path(course_root) / "source" / name / f"{name}.ipynb"
    if path.parent.exists():
        existing = [p for p in path.parent.glob("*.ipynb")]
        is_quiz = existing and all(json.loads(p.read_text()).get("metadata", {}).get("casekit", {}).get("quiz") == name
                                   for p in existing)
        if existing and not is_quiz:
            raise QuizError(f"{path.parent}: an assignment that is not this quiz already uses the name {name!r}; pick another")
        if existing and not replace:
            raise QuizError(f"quiz {name!r} exists at {path}; pass replace=True (--replace) to write it again")
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = quiz_notebook(name, items)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
    path.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def quiz_points(item_ids: list[str], answers: dict, bank: Bank | None = None) -> float:
    """Points for ``answers`` on the quiz's items: one per correct letter (a plain float for nbgrader)."""
    bank = bank if bank is not None else load_bank()
    items = [bank.item(i) for i in item_ids]
    clean = {}
    for i in item_ids:
        try:
            clean[i] = _letter(answers.get(i) if isinstance(answers, dict) else None, i)
        except AnswerError:
            clean[i] = None  # a letter that is not an option scores nothing, like a blank
    return float(sum(r.correct for r in score_items(items, clean)))


def _letter(value, item_id):
    from casekit.exam.scoring import check_letter

    return check_letter(value if isinstance(value, str) else None, item_id)


def submitted_answers(notebook: Path | str) -> dict[str, str | None]:
    """The ANSWERS dictionary of a submitted quiz notebook, read as data (never executed)."""
    path = Path(notebook)
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise QuizError(f"{path}: not a readable notebook ({exc})") from None
    cell = next((c for c in nb.get("cells", []) if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == ANSWER_ID), None)
    if cell is None:
        raise QuizError(f"{path}: the answer cell ({ANSWER_ID}) is missing")
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise QuizError(f"{path}: the answer cell is not valid Python (line {exc.lineno}); fix the ANSWERS dictionary") from None
    found = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "ANSWERS" for t in node.targets):
            try:
                found = ast.literal_eval(node.value)
            except ValueError:
                raise QuizError(f"{path}: ANSWERS must be a plain dictionary of letters") from None
    if not isinstance(found, dict):
        raise QuizError(f"{path}: no ANSWERS dictionary in the answer cell")
    out = {}
    for k, v in found.items():
        try:
            out[str(k)] = _letter(v, k)
        except AnswerError:
            out[str(k)] = None
    return out


def cohort_responses(course_root: Path | str, quiz: str) -> pd.DataFrame:
    """One row per learner and item of ``quiz``: the letter chosen (None when blank), from ``submitted/``."""
    root = Path(course_root)
    source = root / "source" / quiz / f"{quiz}.ipynb"
    if not source.exists():
        raise QuizError(f"no quiz {quiz!r} in {root / 'source'}; build it with `casekit exam quiz {quiz} ...`")
    ids = json.loads(source.read_text())["metadata"]["casekit"]["items"]
    rows = []
    for nb in sorted((root / "submitted").glob(f"*/{quiz}/{quiz}.ipynb")):
        answers = submitted_answers(nb)
        learner = nb.parent.parent.name
        rows += [{"learner": learner, "item": i, "chosen": answers.get(i)} for i in ids]
    return pd.DataFrame(rows, columns=["learner", "item", "chosen"])


def learner_scores(responses: pd.DataFrame, bank: Bank | None = None) -> pd.Series:
    """Each learner's share correct, by the same scorer the autograder uses."""
    bank = bank if bank is not None else load_bank()
    out = {}
    for learner, group in responses.groupby("learner"):
        items = [bank.item(i) for i in group["item"]]
        chosen = [c if isinstance(c, str) else None for c in group["chosen"]]  # pandas turns None into NaN
        out[learner] = fraction_correct(score_items(items, dict(zip(group["item"], chosen))))
    return pd.Series(out, name="score")
