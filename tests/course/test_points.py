"""The points nbgrader counts, read in one place (casekit.course.points)."""

from __future__ import annotations

import ast
import math
from pathlib import Path
from types import SimpleNamespace

import pytest

from casekit.course.points import GRADE_COLUMNS, GradePoints, as_recorded, cell_points, disagrees, max_points, shown_score

PACKAGE = Path(__file__).resolve().parents[2] / "casekit"


def _row(auto=None, manual=None, extra=None, needs=False) -> dict:
    return {"auto_score": auto, "manual_score": manual, "extra_credit": extra, "needs_manual_grade": needs}


@pytest.mark.parametrize("row, counted, final", [
    (_row(auto=1.5), 1.5, 1.5),
    (_row(auto=1.5, extra=0.5), 2.0, 2.0),
    (_row(auto=1.5, manual=2.0), 2.0, 2.0),
    (_row(auto=1.5, manual=0.0), 0.0, 0.0),  # a grader's 0 replaces the auto score
    (_row(auto=None, manual=None, needs=True), 0.0, None),  # the progress note before a grader saw it
    (_row(auto=None, manual=1.0, needs=True), 1.0, 1.0),
    (_row(auto=2.0, manual=1.0, extra=0.25, needs=True), 1.25, 1.25),
    (_row(), 0.0, 0.0),
], ids=["auto", "auto+extra", "manual-wins", "manual-zero", "waiting", "manual-given", "review", "nothing"])
def test_a_grade_counts_as_nbgrader_counts_it(row, counted, final):
    """Is a grade the manual score when there is one, else the auto score, plus extra credit; and not final
    (None, never 0) while nbgrader waits for a grader?"""
    points = GradePoints.of(row)
    assert points.counted == counted and isinstance(points.counted, float)
    assert points.final == final
    assert points.waits_for_grader == (final is None)


def test_nbgraders_own_grade_objects_read_the_same_as_rows():
    """Does a Grade object (attributes) give the same points as the gradebook row (a mapping) it came from?"""
    row = _row(auto=1, manual=None, extra=0.5, needs=0)
    assert GradePoints.of(SimpleNamespace(**row)) == GradePoints.of(row) == GradePoints(1.0, None, 0.5, False)
    assert max_points(SimpleNamespace(max_score=3)) == max_points({"max_score": "3"}) == 3.0


def test_cell_metadata_points_and_the_feedback_score():
    """Are a cell's points its nbgrader metadata's, and the feedback's score 0 where GetGrades left none?"""
    assert cell_points({"points": 2}) == 2.0
    with pytest.raises(KeyError):
        cell_points({"grade": True})
    assert shown_score({"score": 1.25, "points": 3.0}) == (1.25, 3.0)
    assert shown_score({"score": None}) == (0.0, 0.0)


def test_a_recorded_score_disagrees_only_beyond_the_rubrics_rounding():
    """Is a recorded auto score the rubric's when within half a hundredth, and is no score never the rubric's?"""
    assert not disagrees(1.5, 1.5) and not disagrees(1.504, 1.5)
    assert disagrees(1.51, 1.5) and disagrees(None, 0.0)
    assert as_recorded(None) == "no score" and as_recorded(1.5) == "1.5"
    assert not math.isnan(GradePoints.of(_row(auto=0.0)).counted)


def test_no_other_module_reads_the_grade_columns():
    """Does only casekit.course.points read nbgrader's score columns by name (writes and queries aside)?

    A reader is a subscript of a row by one of the columns (``row["auto_score"]``) or an attribute read of
    a score (``grade.manual_score``; ``needs_manual_grade`` is also a field of the kit's own rows, so only
    its subscripts count). Assigning a score (``grade.auto_score = 0.0``) and naming a column in a query
    or a write (``t.c.max_score``, ``values(auto_score=...)``) are not reads.
    """
    names = set(GRADE_COLUMNS) | {"max_score"}
    scores = names - {"needs_manual_grade"}
    readers = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "points.py" and path.parent.name == "course":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        stores = {id(t) for node in ast.walk(tree) if isinstance(node, ast.Assign) for t in node.targets}
        for node in ast.walk(tree):
            if id(node) in stores:
                continue
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value in names:
                readers.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            elif isinstance(node, ast.Attribute) and node.attr in scores:
                is_column = isinstance(node.value, ast.Attribute) and node.value.attr == "c"  # t.c.max_score
                if not is_column:
                    readers.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not readers, f"read the points through casekit.course.points instead: {readers}"
