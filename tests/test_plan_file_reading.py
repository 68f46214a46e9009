"""Plan files as editors and careless hands leave them, and two sessions on one plan file."""

from __future__ import annotations

import os
import random

import pytest

from casekit.errors import PlanFileError
from casekit.learner import CaseSession, PlanConflictError
from casekit.plan import Plan, load_plan, plan_to_json


@pytest.fixture
def plan_text() -> str:
    plan = Plan(case="some-case", progress_note="Met the client.")
    plan.set_need("housing", "critical")
    return plan_to_json(plan)


@pytest.mark.parametrize("encode", [
    lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-16-be").join([b"\xfe\xff", b""]),
    lambda t: t.replace("Met the client.", "Caf\u00e9 \u2013 met the client.").encode("cp1252"),
], ids=["utf8-bom-crlf", "utf16-le-bom", "utf16-be-bom", "cp1252"])
def test_a_plan_is_read_the_way_an_editor_wrote_it(tmp_path, plan_text, encode):
    """Is a plan saved with a BOM and CRLF, as UTF-16 with its BOM or as Windows-1252 read with every decision?"""
    path = tmp_path / "some-case.plan.json"
    path.write_bytes(encode(plan_text))
    plan = load_plan(path)
    assert plan.need_ids() == ["housing"]
    assert plan.progress_note.endswith("met the client.") or plan.progress_note == "Met the client."


@pytest.mark.parametrize("data, words", [
    (random.Random(3).randbytes(2048), "not text"),
    (b"[" * 100_000 + b"]" * 100_000, "nested far deeper"),
    (b'{"case": "x", "needs": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested far deeper"),
    (b"\xff\xfe\x00\xd8", "UTF-16"),
    (b'{"case": "x"' + b" " * (6 * 1024**2) + b"}", "larger than"),
], ids=["random-bytes", "deep-list", "deep-in-a-field", "broken-utf16", "huge"])
def test_a_file_that_is_no_plan_is_refused_with_the_file_and_the_reason(tmp_path, data, words):
    """Is random data, JSON nested 100,000 deep, broken UTF-16 or a huge file refused as PlanFileError
    naming the file and the reason (never UnicodeDecodeError or RecursionError), and left as it was?"""
    path = tmp_path / "some-case.plan.json"
    path.write_bytes(data)
    with pytest.raises(PlanFileError, match=words) as info:
        load_plan(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == data


@pytest.fixture
def case_id():
    from casekit.cases.library import CaseLibrary

    lib = CaseLibrary.load(with_keys=False)
    return sorted(lib.cases)[0]


def _needs(lib_case_id):
    from casekit.cases.library import CaseLibrary

    lib = CaseLibrary.load(with_keys=False)
    return sorted(lib.needs)[:2], sorted(lib.resources)[0]


def test_a_notepad_plan_opens_in_the_notebook_and_the_next_click_keeps_it(tmp_path, case_id):
    """Does a session open a BOM+CRLF plan with its decisions, and save the next change without a .bak or a loss?"""
    (need, other), _ = _needs(case_id)
    first = CaseSession(case_id, tmp_path)
    first.add_need(need, "critical")
    path = first.path
    path.write_bytes(b"\xef\xbb\xbf" + path.read_text().replace("\n", "\r\n").encode())
    session = CaseSession(case_id, tmp_path)
    assert session.plan.need_ids() == [need]
    session.add_need(other, "moderate")
    assert load_plan(path).need_ids() == [need, other]
    assert not list(tmp_path.glob("*.bak*"))


def test_two_sessions_changing_different_parts_are_merged(tmp_path, case_id):
    """When a second session (a duplicated notebook) saves a different part of the plan, does the first
    session's next save keep both, and say so?"""
    (need, _), _ = _needs(case_id)
    one = CaseSession(case_id, tmp_path)
    two = CaseSession(case_id, tmp_path)
    two.add_need(need, "critical")
    one.save_initial_plan()
    plan = load_plan(one.path)
    assert plan.need_ids() == [need] and plan.initial_saved
    assert "Another session had changed the file; its needs were kept" in one.status


def test_two_sessions_changing_the_same_part_are_refused_and_nothing_is_lost(tmp_path, case_id):
    """When both sessions change the same part, is the second save refused with a clear message, the file
    keeping the other session's decision and this session still holding its own?"""
    (need, other), _ = _needs(case_id)
    one = CaseSession(case_id, tmp_path)
    two = CaseSession(case_id, tmp_path)
    two.add_need(need, "critical")
    with pytest.raises(PlanConflictError, match=r"changed by another session.*needs.*session.reload\(\)"):
        one.add_need(other, "moderate")
    assert load_plan(one.path).need_ids() == [need]
    assert one.plan.need_ids() == [other]
    one.save(overwrite=True)
    assert load_plan(one.path).need_ids() == [other]
    one.reload()
    assert one.plan.need_ids() == [other]


def test_csv_cells_that_start_a_formula_are_neutralised_and_numbers_are_not():
    """Does a cell starting with = + - @ (or a tab) get an apostrophe, a number stay a number, and restore undo it?"""
    from casekit.csvsafe import neutralise, restore

    for text in ("=HYPERLINK(\"http://x\")", "+1+cmd", "-2+3", "@SUM(A1)", "\tx"):
        assert neutralise(text) == "'" + text
        assert restore(neutralise(text)) == text
    for value in ("-2.5", "12", "plain", "", 3.0, None):
        assert neutralise(value) == value


def test_the_grade_export_neutralises_a_learner_id_and_the_hours_export_a_note(tmp_path):
    """Do the grades CSV and the hours CSV write a would-be formula as text?"""
    import csv

    from casekit.course.export import Export, Row, write_csv

    export = Export("case", ["a"], {"a": 1.0}, [Row("=cmd|' /C calc'!A0", {"a": 1.0}, 1.0, 1.0, False, "@x")])
    path = write_csv(export, tmp_path / "grades.csv")
    row = list(csv.DictReader(path.open()))[0]
    assert row["learner"] == "'=cmd|' /C calc'!A0" and row["problems"] == "'@x" and row["a"] == "1"

    import pandas as pd

    from casekit.csvsafe import neutralise_frame

    frame = neutralise_frame(pd.DataFrame({"note": ["=HYPERLINK(\"x\")", "fine"], "hours": [1.5, 2.0]}))
    assert list(frame["note"]) == ["'=HYPERLINK(\"x\")", "fine"] and list(frame["hours"]) == [1.5, 2.0]


def test_a_first_time_learners_rows_arrive_without_manual_scores_or_extra_credit(tmp_path):
    """When a grading run brings back a new learner's rows with manual scores, extra credit and comments
    (as code writing the run's private gradebook would), are those left empty in the course gradebook?"""
    from sqlalchemy import create_engine, select

    from casekit.course.gradebook_rows import _tables, merge_learner

    url = f"sqlite:///{tmp_path / 'gb.db'}"
    from nbgrader.api import Base

    engine = create_engine(url)
    Base.metadata.create_all(engine)
    t = _tables()
    with engine.begin() as conn:
        conn.execute(t["course"].insert().values(id="c"))
        conn.execute(t["assignment"].insert().values(id="A", name="a", course_id="c"))
        conn.execute(t["notebook"].insert().values(id="N", name="a", assignment_id="A"))
        conn.execute(t["base_cell"].insert().values(id="C", name="crit-x", notebook_id="N", type="GradeCell"))
        conn.execute(t["grade_cells"].insert().values(id="C", max_score=2.0, cell_type="code"))
    rows = {
        "student": [{"id": "evil", "first_name": "=cmd", "last_name": None, "email": None, "lms_user_id": None}],
        "submitted_assignment": [{"id": "S", "assignment_id": "A", "student_id": "evil", "timestamp": None, "extension": None}],
        "submitted_notebook": [{"id": "SN", "assignment_id": "S", "notebook_id": "N", "flagged": False, "late_submission_penalty": None}],
        "grade": [{"id": "G", "notebook_id": "SN", "cell_id": "C", "auto_score": 0.0, "manual_score": 1000.0,
                   "extra_credit": 3.0, "needs_manual_grade": False}],
    }
    with engine.begin() as conn:
        merge_learner(conn, rows)
    with engine.connect() as conn:
        grade = conn.execute(select(t["grade"])).mappings().one()
        student = conn.execute(select(t["student"])).mappings().one()
    engine.dispose()
    assert grade["auto_score"] == 0.0 and grade["manual_score"] is None and grade["extra_credit"] is None
    assert student["first_name"] is None


def test_progress_survives_unreadable_plans_and_names_them(tmp_path):
    """With one plan file of random bytes and one nested 100,000 deep, does the progress table still list
    every case, the unreadable ones with the reason, and score the readable one?"""
    from casekit.cases.library import CaseLibrary
    from casekit.learner_progress import criteria_losses, progress_table
    from casekit.model_plan import model_plan

    lib = CaseLibrary.load()
    cases = sorted(c for c in lib.cases if c in lib.keys)
    (tmp_path / f"{cases[0]}.plan.json").write_bytes(random.Random(5).randbytes(1000))
    (tmp_path / f"{cases[1]}.plan.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (tmp_path / f"{cases[2]}.plan.json").write_text(plan_to_json(model_plan(lib.case(cases[2]), lib.key(cases[2]), lib)))
    table = progress_table(tmp_path, lib).set_index("case")
    assert len(table) == len(lib.cases)
    assert "plan file unreadable" in table.loc[cases[0], "status"] and "not text" in table.loc[cases[0], "status"]
    assert "nested far deeper" in table.loc[cases[1], "status"]
    assert table.loc[cases[2], "percent"] > 0
    assert set(criteria_losses(tmp_path, lib).columns) >= {"criterion", "lost"}
