"""Notebooks import the kit through one API (casekit.notebook); a notebook released before it still runs and grades."""

from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path

import nbformat
import pytest

import casekit.notebook as api
from casekit.cases.library import CaseLibrary
from casekit.casework.model_plan import model_plan
from casekit.casework.notebook_template import expected_notebooks
from casekit.casework.rubric import score
from casekit.course.assignments.assignment import criterion_of, expected_sources

REPO = Path(__file__).resolve().parents[1]
LIB = CaseLibrary.load()
CASE = sorted(c for c in LIB.cases if c in LIB.keys)[0]

OLD_LINES = {
    "from casekit.notebook import open_case, show_facts, show_notice, step_view":
        "from casekit.facts import show_notice\nfrom casekit.learner import open_case\n"
        "from casekit.widgets.steps import show_facts, step_view",
    "from casekit.notebook import show_results": "from casekit.selfcheck import show_results",
    "from casekit.notebook import plan_summary": "from casekit.course.grading import plan_summary",
    "from casekit.notebook import CaseLibrary, model_plan, save_plan":
        "from casekit.cases.library import CaseLibrary\nfrom casekit.model_plan import model_plan\n"
        "from casekit.plan import save_plan",
    "from casekit.notebook import criterion_points": "from casekit.course.grading import criterion_points",
    "from casekit.notebook import show_progress_note": "from casekit.course.grading import show_progress_note",
}
"""Each import line the kit writes now, and the lines notebooks released before casekit.notebook carry."""


def _casekit_imports(source: str) -> set[str]:
    code = "\n".join(line[2:] if line.startswith("# from ") else line for line in source.splitlines())
    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("casekit"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("casekit")}
    return found


def test_every_name_of_the_api_is_there():
    """Does each name casekit.notebook offers resolve, and does an unknown one say what is offered?"""
    for name in api.__all__:
        assert getattr(api, name) is not None
    with pytest.raises(AttributeError, match="it offers: "):
        api.no_such_name  # noqa: B018


def test_generated_notebooks_and_assignments_import_only_the_api():
    """Do the case notebooks (notebooks write) and assignments (course build) import casekit only via casekit.notebook?"""
    texts = list(expected_notebooks(LIB).values()) + list(expected_sources(LIB).values())
    for text in texts:
        for cell in json.loads(text)["cells"]:
            if cell["cell_type"] == "code":
                assert _casekit_imports("".join(cell["source"])) <= {"casekit.notebook"}, cell["source"]


def _old(text: str) -> str:
    for new, old in OLD_LINES.items():
        text = text.replace(new, old)
    return text


@pytest.mark.slow
def test_an_assignment_released_before_the_api_still_runs_and_grades(tmp_path):
    """Run top to bottom, does an assignment with the old import lines save the worked answer and grade it in full?"""
    from nbclient import NotebookClient

    rel, text = next((r, t) for r, t in expected_sources(LIB).items() if r.startswith(CASE + "/"))
    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        cell.source = _old(cell.source)
    old = nbformat.writes(nb)
    assert "casekit.notebook" not in old and "from casekit.course.grading import criterion_points" in old
    env_home = os.environ.get("CASEKIT_HOME")
    os.environ["CASEKIT_HOME"] = str(REPO)
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        if env_home is None:
            os.environ.pop("CASEKIT_HOME", None)
        else:
            os.environ["CASEKIT_HOME"] = env_home
    expected = {r.id: r.points for r in score(model_plan(LIB.case(CASE), LIB.key(CASE), LIB), LIB.case(CASE), LIB.key(CASE), LIB)}
    graded = {}
    for cell in nb.cells:
        name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        assert not [o for o in cell.get("outputs", []) if o.get("output_type") == "error"], name
        if criterion_of(name) and cell.metadata["nbgrader"].get("grade"):
            result = next(o for o in cell.outputs if o.get("output_type") == "execute_result")
            graded[criterion_of(name)] = float(result["data"]["text/plain"])
    assert graded and graded == {c: expected[c] for c in graded}
    assert (tmp_path / f"{CASE}.plan.json").exists(), "the worked answer saved no plan"
    assert sys.modules  # the kernel ran in its own process; this process was not touched
