"""Notebooks: one per case, generated from the template, numbered, outputs cleared."""

from __future__ import annotations

import json
import re

import pytest

from casekit.cases.library import CaseLibrary
from casekit.notebooks import expected_notebooks

NOTEBOOKS = sorted((__import__("pathlib").Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def test_every_case_has_its_notebook_and_none_has_drifted(repo):
    """Is each committed case notebook exactly what the template makes from its case?"""
    expected = expected_notebooks(CaseLibrary.load(with_keys=False))
    assert len(expected) == len(CaseLibrary.load(with_keys=False).cases)
    for name, text in expected.items():
        path = repo / "notebooks" / name
        assert path.exists(), f"{name} is missing: run `casekit notebooks write`"
        assert path.read_text() == text, f"{name} has drifted from its case: run `casekit notebooks write`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_numbered_cleared_and_has_one_title(path):
    assert re.match(r"^\d\d_[a-z0-9_\-]+\.ipynb$", path.name), "notebook names start with two digits"
    nb = json.loads(path.read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "clear outputs before committing"
    h1 = [line for c in nb["cells"] if c["cell_type"] == "markdown"
          for line in "".join(c["source"]).splitlines() if line.startswith("# ")]
    assert len(h1) == 1, f"one H1 per notebook, found {h1}"
    assert "what you will do" in "".join("".join(c["source"]) for c in nb["cells"][:2]).lower()
