"""The function every hidden test cell calls: a plain float within the cell's points, quietly."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import MANUAL_CRITERIA
from casekit.course import grading
from casekit.course.grading import GRADING_ERROR, criterion_points
from casekit.model_plan import model_plan
from casekit.plan import Plan, save_plan

LIB = CaseLibrary.load()
GRADED = sorted(c for c in LIB.cases if c in LIB.keys)


def _criteria(case_id: str):
    return [c for c in LIB.key(case_id).rubric if c.id not in MANUAL_CRITERIA]


@pytest.fixture(params=GRADED)
def case_id(request) -> str:
    return request.param


def _write(tmp_path: Path, case_id: str, plan: Plan) -> Path:
    path = tmp_path / f"{case_id}.plan.json"
    save_plan(plan, path)
    return path


def test_there_are_cases_to_grade():
    """Is there at least one case with a key, so the tests below test something?"""
    assert GRADED


def test_model_plan_earns_each_cells_points_as_a_plain_float(case_id, tmp_path, capfd):
    """Does the key's model plan score every criterion's full points, as a float nbgrader can read?"""
    path = _write(tmp_path, case_id, model_plan(LIB.case(case_id), LIB.key(case_id), LIB))
    for criterion in _criteria(case_id):
        value = criterion_points(case_id, criterion.id, path, max_points=criterion.points)
        assert type(value) is float, f"{criterion.id}: {type(value)} would not read as a float"
        assert float(repr(value)) == value, "text/plain of the value must parse as a float"
        assert value == float(criterion.points), criterion.id
    out, err = capfd.readouterr()
    assert err == ""
    assert out.count("\n") >= len(_criteria(case_id)), "each criterion prints the rubric's comment"


def test_empty_plan_scores_zero_on_every_criterion(case_id, tmp_path):
    """Does a plan with nothing in it get 0.0 everywhere?"""
    path = _write(tmp_path, case_id, Plan(case=case_id))
    assert {criterion_points(case_id, c.id, path, max_points=c.points) for c in _criteria(case_id)} == {0.0}


@pytest.mark.parametrize(
    "content, why",
    [
        (None, "No plan file"),
        ('{"format_version": 2, "case": ', "not valid JSON"),
        ('{"format_version": 99, "case": "x"}', "newer kit"),
        ("[1, 2, 3]", "JSON object"),
        ('{"format_version": 2, "case": "CASE", "needs": [{"need": 5}]}', "could not be read"),
    ],
    ids=["missing", "not-json", "newer-format", "not-an-object", "bad-field"],
)
def test_missing_or_corrupt_plan_file_scores_zero_without_stderr(tmp_path, capfd, content, why):
    """Does an unreadable plan file give 0.0 and a reason on stdout, with nothing on stderr?"""
    case_id = GRADED[0]
    path = tmp_path / f"{case_id}.plan.json"
    if content is not None:
        path.write_text(content.replace("CASE", case_id))
    criterion = _criteria(case_id)[0]
    assert criterion_points(case_id, criterion.id, path, max_points=criterion.points) == 0.0
    out, err = capfd.readouterr()
    assert err == ""
    assert why in out
    assert str(tmp_path) not in out, "no machine path in what the learner reads"


def test_a_plan_for_another_case_scores_zero(tmp_path, capfd):
    """Does a plan file for a different case earn nothing (rather than points for the wrong case)?"""
    case_id = GRADED[0]
    path = tmp_path / f"{case_id}.plan.json"
    save_plan(Plan(case="some-other-case"), path)
    assert criterion_points(case_id, _criteria(case_id)[0].id, path) == 0.0
    assert "some-other-case" in capfd.readouterr().out


def test_a_grading_error_gives_zero_with_a_marker_not_a_traceback(tmp_path, capfd):
    """Does an instructor-side failure (unknown criterion) give 0.0, a marker the summary finds, and no stderr?"""
    case_id = GRADED[0]
    path = _write(tmp_path, case_id, Plan(case=case_id))
    assert criterion_points(case_id, "no-such-criterion", path, max_points=2) == 0.0
    out, err = capfd.readouterr()
    assert GRADING_ERROR in out and err == ""


def test_warnings_and_stderr_from_the_library_never_reach_the_cell(tmp_path, capfd, monkeypatch):
    """If scoring warns or writes to stderr (which zeroes a cell in nbgrader), is it swallowed?"""
    case_id = GRADED[0]
    path = _write(tmp_path, case_id, model_plan(LIB.case(case_id), LIB.key(case_id), LIB))
    real = grading.criterion_result

    def noisy(*args, **kwargs):
        warnings.warn("a deprecation somewhere deep", DeprecationWarning)
        warnings.warn("a user warning", UserWarning)
        print("library chatter", file=sys.stderr)
        return real(*args, **kwargs)

    monkeypatch.setattr(grading, "criterion_result", noisy)
    with warnings.catch_warnings():
        warnings.simplefilter("always")  # as a learner's cell might have set
        criterion = _criteria(case_id)[0]
        assert criterion_points(case_id, criterion.id, path, max_points=criterion.points) == criterion.points
    assert capfd.readouterr().err == ""


def test_points_never_exceed_the_cells_points(tmp_path):
    """Is a score above the cell's points (which would abort nbgrader) cut to the cell's points?"""
    case_id = GRADED[0]
    path = _write(tmp_path, case_id, model_plan(LIB.case(case_id), LIB.key(case_id), LIB))
    criterion = _criteria(case_id)[0]
    assert criterion_points(case_id, criterion.id, path, max_points=criterion.points / 2) == criterion.points / 2


def test_numpy_scalars_become_plain_floats(tmp_path, monkeypatch):
    """If the rubric ever returned a numpy scalar, would the cell still print a plain float?"""
    import numpy as np
    case_id = GRADED[0]
    path = _write(tmp_path, case_id, model_plan(LIB.case(case_id), LIB.key(case_id), LIB))
    real = grading.criterion_result

    def numpy_points(*args, **kwargs):
        r = real(*args, **kwargs)
        return type(r)(r.id, r.title, np.float64(r.points), r.max, r.feedback)

    monkeypatch.setattr(grading, "criterion_result", numpy_points)
    value = criterion_points(case_id, _criteria(case_id)[0].id, path)
    assert type(value) is float and "np." not in repr(value)


def test_progress_note_display_shows_the_note(tmp_path, capfd):
    """Does the grader's read-only cell print the learner's note from the plan file?"""
    case_id = GRADED[0]
    path = _write(tmp_path, case_id, Plan(case=case_id, progress_note="Met the family on 12 Feb; next visit 19 Feb."))
    grading.show_progress_note(path)
    assert "Met the family on 12 Feb" in capfd.readouterr().out


def test_a_long_progress_note_is_folded_for_the_grader_s_box(tmp_path):
    """Is a one-paragraph note folded into lines formgrader's box shows without sideways scrolling, every word kept?"""
    case_id = GRADED[0]
    note = " ".join(["Met Marcus and Tanya at home; agreed the naloxone, the pharmacy review and a ride to the clinic."] * 6)
    note += "\n\nNext: I call on Friday."
    path = _write(tmp_path, case_id, Plan(case=case_id, progress_note=note))
    shown = grading.progress_note_text(path)
    assert max(len(line) for line in shown.splitlines()) <= grading.NOTE_WIDTH
    assert shown.split("\n\n", 1)[1].split() == note.split(), "a word was lost or changed in folding"
    assert "\n\nNext: I call on Friday." in shown, "the learner's own paragraph break is kept"
