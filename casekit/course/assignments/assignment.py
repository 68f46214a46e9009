"""Course assignments generated from the cases: one nbgrader assignment per case.

Each assignment is the case's walk-through notebook (:func:`casekit.notebooks.case_notebook`)
with the nbgrader parts added at the end, so an assignment cannot drift from the walk-through
nor from its case and key:

* ``plan-answer``: an autograded-answer cell that shows what the plan file holds. In the
  instructor's source its solution region writes the key's model plan (a worked answer that
  scores full marks); ``generate_assignment`` replaces that region with a stub.
* ``crit-<criterion>``: one autograder test cell per code-graded criterion. Its hidden part
  calls :func:`casekit.course.grading.criterion_points` on the plan file; the released cell
  keeps only the comment that names the criterion and its points.
* ``progress-note-text`` and ``crit-progress-note``: a read-only cell that prints the note from
  the plan file, and a manually graded task whose mark scheme (the key's levels) is shown to the
  grader and cleared from the release and the feedback.

The sources are written to ``graders/source/<case-id>/<case-id>.ipynb`` and committed;
:func:`source_drift` lists every difference from what the cases call for.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import MANUAL_CRITERIA, Key
from casekit.casework.rubric import TITLES

ANSWER_ID = "plan-answer"
NOTE_TEXT_ID = "progress-note-text"
CRITERION_PREFIX = "crit-"
NBGRADER_SCHEMA = 3

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
BEGIN_MARKS, END_MARKS = "### BEGIN MARK SCHEME", "### END MARK SCHEME"


def grade_id(criterion_id: str) -> str:
    """The nbgrader cell name of a criterion: ``crit-critical-needs``."""
    return f"{CRITERION_PREFIX}{criterion_id}"


def criterion_of(cell_name: str) -> str | None:
    """The criterion id of a grade cell name, or None for other cells."""
    return cell_name[len(CRITERION_PREFIX):] if cell_name.startswith(CRITERION_PREFIX) else None


def notebook_file(case_id: str) -> str:
    return f"{case_id}.ipynb"


def plan_file(case_id: str) -> str:
    return f"{case_id}.plan.json"


def _nbgrader(cell, name: str, *, grade: bool = False, solution: bool = False, locked: bool = False,
              task: bool = False, points: float | None = None):
    meta = {
        "grade": grade,
        "grade_id": name,
        "locked": locked,
        "schema_version": NBGRADER_SCHEMA,
        "solution": solution,
        "task": task,
    }
    if points is not None:
        meta["points"] = float(points)
    cell.metadata["nbgrader"] = meta
    if locked:
        cell.metadata["deletable"] = False
        cell.metadata["editable"] = False
    return cell


def _fmt(points: float) -> str:
    return f"{points:g} point" + ("" if points == 1 else "s")


def _answer_cell(case_id: str):
    source = "\n".join([
        f"# Your answer is your plan file, {plan_file(case_id)}, beside this notebook: the controls above save",
        "# it as you work, and so do the code equivalents (session.add_need(...) and the rest).",
        "# The autograder grades that file, whatever this cell prints.",
        "from casekit.notebook import plan_summary",
        "",
        f'PLAN_FILE = "{plan_file(case_id)}"',
        BEGIN_SOLUTION,
        "# Worked answer for instructors: the key's model plan, which scores full marks.",
        "from casekit.notebook import CaseLibrary, model_plan, save_plan",
        "",
        "_lib = CaseLibrary.load()",
        f'save_plan(model_plan(_lib.case("{case_id}"), _lib.key("{case_id}"), _lib), PLAN_FILE)',
        END_SOLUTION,
        "print(plan_summary(PLAN_FILE))",
    ])
    return _nbgrader(new_code_cell(source), ANSWER_ID, solution=True)


def _test_cell(case_id: str, criterion_id: str, points: float):
    source = "\n".join([
        f"# Autograded: {TITLES[criterion_id]} ({_fmt(points)}).",
        "# After grading, the rubric's comment appears below this cell, then the points nbgrader records.",
        BEGIN_HIDDEN,
        "from casekit.notebook import criterion_points",
        f'criterion_points("{case_id}", "{criterion_id}", "{plan_file(case_id)}", max_points={float(points)!r})',
        END_HIDDEN,
    ])
    return _nbgrader(new_code_cell(source), grade_id(criterion_id), grade=True, locked=True, points=points)


def _note_cells(case_id: str, key: Key, criterion_id: str, points: float) -> list:
    show = _nbgrader(
        new_code_cell(
            "from casekit.notebook import show_progress_note\n\n"
            f'show_progress_note("{plan_file(case_id)}")'
        ),
        NOTE_TEXT_ID,
        locked=True,
    )
    levels = sorted(key.progress_note.levels, key=lambda lv: -lv.points)
    marks = [
        BEGIN_MARKS,
        "**Mark scheme (graders only).** The note should cover: "
        + "; ".join(key.progress_note.must_cover) + ".",
        "",
        *[f"- **{_fmt(lv.points)}**: {lv.description}" for lv in levels],
        END_MARKS,
    ]
    task = _nbgrader(
        new_markdown_cell("\n".join([
            f"### {TITLES[criterion_id].split(' (')[0]} ({_fmt(points)}, graded by your instructor)",
            "",
            "Your instructor reads the progress note printed above, from your plan file, and grades it "
            "against the rubric's levels. Write or revise it in step 9 of the walk-through.",
            "",
            *marks,
        ])),
        grade_id(criterion_id),
        task=True,
        locked=True,
        points=points,
    )
    return [show, task]


def _walkthrough(case_id: str, library: CaseLibrary) -> nbformat.NotebookNode:
    from casekit.casework.notebook_template import case_notebook

    return case_notebook(case_id, library)


def assignment_notebook(case_id: str, library: CaseLibrary | None = None) -> nbformat.NotebookNode:
    """The instructor's source notebook for one case: the walk-through plus the nbgrader cells."""
    lib = library or CaseLibrary.load()
    key = lib.key(case_id)
    nb = _walkthrough(case_id, lib)
    nb.cells.append(new_markdown_cell(
        "## Grading\n\n"
        "This assignment is graded from your plan file, criterion by criterion, with the same rubric as "
        "*Check my plan*. Submit this notebook **and** "
        f"`{plan_file(case_id)}` together. The cells below are read-only, except the first."
    ))
    nb.cells.append(_answer_cell(case_id))
    for criterion in key.rubric:
        if criterion.id in MANUAL_CRITERIA:
            nb.cells.extend(_note_cells(case_id, key, criterion.id, criterion.points))
        else:
            nb.cells.append(_test_cell(case_id, criterion.id, criterion.points))
    nb.metadata.setdefault("casekit", {})
    nb.metadata["casekit"].update({"case": case_id, "generated": True, "assignment": case_id})
    return nb


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """The notebook as written to disk: stable cell ids, sorted keys, a final newline."""
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def graded_cases(library: CaseLibrary) -> list[str]:
    """The cases that become assignments: every case with an answer key, in id order."""
    return sorted(c for c in library.cases if c in library.keys)


def expected_sources(library: CaseLibrary | None = None) -> dict[str, str]:
    """``<assignment>/<notebook>.ipynb`` -> text, for every assignment the cases call for."""
    lib = library or CaseLibrary.load()
    return {
        f"{case_id}/{notebook_file(case_id)}": notebook_text(assignment_notebook(case_id, lib))
        for case_id in graded_cases(lib)
    }


def _generated_dirs(source_dir: Path) -> dict[str, Path]:
    found = {}
    for path in sorted(source_dir.glob("*/*.ipynb")):
        try:
            meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("casekit", {})
        except (OSError, ValueError):
            continue
        if meta.get("generated") and meta.get("assignment"):
            found[f"{path.parent.name}/{path.name}"] = path
    return found


def write_sources(source_dir: Path, library: CaseLibrary | None = None) -> list[Path]:
    """(Re)write the source notebooks in ``source_dir``; returns the files written or removed.

    A generated assignment whose case (or key) is gone is removed; a hand-made assignment
    (no ``casekit.generated`` metadata) is left alone.
    """
    expected = expected_sources(library)
    changed = []
    for rel, path in _generated_dirs(source_dir).items():
        if rel not in expected:
            path.unlink()
            changed.append(path)
            if not any(path.parent.iterdir()):
                path.parent.rmdir()
    for rel, text in expected.items():
        path = source_dir / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def source_drift(source_dir: Path, library: CaseLibrary | None = None) -> list[str]:
    """Every way ``source_dir`` differs from what the cases call for (empty when in step)."""
    expected = expected_sources(library)
    on_disk = _generated_dirs(source_dir)
    problems = []
    for rel in sorted(expected):
        path = source_dir / rel
        if not path.exists():
            problems.append(f"{rel}: missing; run `casekit course build` to generate it")
        elif path.read_text(encoding="utf-8") != expected[rel]:
            problems.append(f"{rel}: differs from its case, key or walk-through; run `casekit course build`")
    for rel in sorted(set(on_disk) - set(expected)):
        problems.append(f"{rel}: its case or key is gone; run `casekit course build` to remove it")
    return problems
