"""The exam widgets drive the library: what a click does is what the store then holds."""

from __future__ import annotations

import ipywidgets as W

from casekit.exam.bank import load_bank
from casekit.exam.mock import MockExam
from casekit.exam.simulation_session import SimulationSession
from casekit.exam.store import ExamStore
from casekit.exam.views import mock_view, practice_view, simulation_view
from casekit.widgets.base import walk


def _find(view, kind, description=None):
    return [w for w in walk(view) if isinstance(w, kind) and (description is None or getattr(w, "description", None) == description)]


def _click(view, description):
    buttons = [b for b in _find(view, W.Button, description) if b.layout.display != "none"]
    assert buttons, f"no button {description!r}"
    buttons[0].click()


def test_practice_view_answers_and_shows_every_rationale(tmp_path, fixture_items):
    """Does choosing an option and pressing Answer store the answer and show the rationale of each option?"""
    bank = load_bank(fixture_items)
    view = practice_view(tmp_path, bank=bank)
    radio = _find(view, W.RadioButtons)[0]
    radio.value = "A"
    _click(view, "Answer")
    rows = ExamStore(tmp_path).rows("SELECT item_id, chosen FROM answers")
    assert [r["chosen"] for r in rows] == ["A"]
    feedback = [w.value for w in _find(view, W.HTML) if "the answer is" in w.value or "Correct." in w.value]
    assert feedback and all(f"{L}" in feedback[0] for L in "ABCD")
    assert "Saved." in view.children[-1].children[0].value


def test_mock_view_runs_an_exam_to_its_report(tmp_path, big_bank):
    """Start, answer question 1, flag it, finish and confirm: are the answer and flag stored and the report shown?"""
    view = mock_view(tmp_path, items=6, bank=big_bank)
    _click(view, "Start a new mock exam")
    exam = MockExam.latest(tmp_path, bank=big_bank)
    assert len(exam) == 6 and not exam.finished
    _find(view, W.RadioButtons)[0].value = "B"
    _find(view, W.Checkbox, "Flag for review")[0].value = True
    assert exam.slots()[0].chosen == "B" and exam.slots()[0].flagged
    assert "Time left: 0:0" in "".join(w.value for w in _find(view, W.HTML))  # six items, six minutes
    _click(view, "Finish and score")
    _click(view, "Yes, finish now")
    assert exam.finished
    assert _find(view, W.Button, "Start a new mock exam"), "after the report the view offers a new exam"


def test_mock_view_resumes_a_running_exam(tmp_path, big_bank):
    """Does a new view (after a restart) open the running exam at its answers rather than start another?"""
    exam = MockExam.start(tmp_path, items=6, bank=big_bank)
    exam.answer(1, "D")
    view = mock_view(tmp_path, items=6, bank=big_bank)
    assert _find(view, W.RadioButtons)[0].value == "D"
    assert "Resumed mock exam" in view.children[4].children[0].value


def test_simulation_view_records_requests_and_decisions(tmp_path):
    """Does a request button and a decision choice reach the learner's store, and the score button show both parts?"""
    view = simulation_view("school-seventh-grader-absences", tmp_path)
    _click(view, "Read the English teacher's note and the work samples she describes")
    radio = _find(view, W.RadioButtons)[0]
    radio.value = "safety-check"
    session = SimulationSession("school-seventh-grader-absences", tmp_path)
    assert session.requests == ["read-ela-note"] and session.decisions["first-action"] == ["safety-check"]
    _click(view, "Score my simulation")
    text = view.children[-1].value
    assert "Information Gathering" in text and "Decision Making" in text and "It was found by" in text
